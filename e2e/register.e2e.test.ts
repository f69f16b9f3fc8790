/**
 * The public register in a real browser, with JavaScript off: a resident opens the City of
 * Riverton's register from its landing page, searches, opens a system, switches to Spanish and
 * reads it; the list and a system page pass axe-core in English, Spanish and French. Then a
 * governance officer opens the system's "Public register entry" in the staff app, sees the reading
 * grade follow the typing, and is told which required text is missing when publishing; and, on
 * another system, changes the summary, checks it in the preview and publishes it, after which the
 * public page shows it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, expectNoAxeViolations, launchBrowser, newPage, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let noJs: BrowserContext;
let staff: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext();
  // The public site sends no JavaScript; this context proves search and language switching work with scripting off.
  noJs = await browser.newContext({ javaScriptEnabled: false });
  staff = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
});
afterAll(async () => {
  await context?.close();
  await noJs?.close();
  await staff?.close();
  await browser?.close();
  await server?.stop();
});

const h1 = (p: Page) => p.locator('h1');
const SYSTEM = 'Benefits Eligibility Assistant';
const SYSTEM_PATH = '/riverton/register/benefits-eligibility-assistant';

describe('a resident reads the register', () => {
  it('finds a system by searching, opens it and reads it in Spanish', async () => {
    const { page, problems } = await newPage(context);
    await page.goto(`${server.baseUrl}/riverton?lang=en`);
    await page.getByRole('link', { name: 'Open the AI register' }).click();
    expect(await h1(page).textContent()).toBe('AI register');
    expect(await page.locator('script').count()).toBe(0);

    await page.getByLabel('Search', { exact: true }).fill('housing benefit');
    await page.getByRole('button', { name: 'Show results' }).click();
    expect(page.url()).toContain('q=housing+benefit');
    expect(await page.getByRole('status').filter({ hasText: 'Systems found:' }).textContent()).toMatch(/Systems found: [1-9]/);
    await expectNoAxeViolations(page, '/riverton/register?q=housing+benefit');

    await page.getByRole('link', { name: SYSTEM }).click();
    expect(await h1(page).textContent()).toBe(SYSTEM);
    expect(await page.locator('#rights-heading').textContent()).toBe('Your rights and how to use them');
    expect(await page.locator('#history-heading').textContent()).toBe('Change history');
    expect(await page.locator('#history').textContent()).toContain('Version 2');

    await page.getByRole('link', { name: 'Español' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.locator('#what-it-does-heading').textContent()).toBe('Qué hace');
    expect(await page.locator('#rights-heading').textContent()).toBe('Sus derechos y cómo ejercerlos');
    // The staff texts stay in English and say so, marked up for screen readers.
    expect(await page.locator('main').textContent()).toContain('Los textos sobre este sistema están escritos en inglés.');
    expect(await page.locator('#what-it-does div[lang="en"]').count()).toBe(1);
    // The legal bases are explained in Spanish, not left in the rules engine's English.
    expect(await page.locator('#classification').textContent()).toContain('Alto riesgo: se usa en uno de los ámbitos que el Reglamento europeo de IA enumera en su anexo III');
    expect(await page.locator('#classification li[lang="en"]').count()).toBe(0);
    await expectNoAxeViolations(page, `${SYSTEM_PATH} (es)`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches, filters and switches language with JavaScript turned off', async () => {
    const { page, problems } = await newPage(noJs);
    await page.goto(`${server.baseUrl}/riverton/register?lang=en`);
    await page.getByLabel('Search', { exact: true }).fill('school');
    await page.getByLabel('Risk level (EU AI Act)').selectOption('high');
    await page.getByRole('button', { name: 'Show results' }).click();
    expect(page.url()).toContain('tier=high');
    await expect.poll(() => page.getByRole('link', { name: 'School Admission Allocator' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Français' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await h1(page).textContent()).toBe('Registre de l’IA');
    expect(await page.locator('script').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(['en', 'es', 'fr'] as const)('the list, a filtered list and a system page have no accessibility violations in %s', async (lang) => {
    const { page, problems } = await newPage(context);
    for (const path of [`/riverton/register?lang=${lang}`, `/riverton/register?tier=high&sort=updated&lang=${lang}`, `${SYSTEM_PATH}?lang=${lang}`]) {
      const res = await page.goto(`${server.baseUrl}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expectNoAxeViolations(page, path);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('offers the open data it links to', async () => {
    for (const path of ['/riverton/register.json', '/riverton/register.csv', '/riverton/register/feed.atom', `${SYSTEM_PATH}/uk-atrs.json?tier=1`, '/riverton/register/formats/nl-algoritmeregister.json']) {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('etag'), path).toBeTruthy();
    }
  });
});

describe('a governance officer edits the entry', () => {
  it('sees the reading grade while typing and the missing text named when publishing', async () => {
    const { page, problems } = await newPage(staff);
    await page.goto(`${server.baseUrl}/app/sign-in`);
    await page.getByLabel('Email address').fill('governance@riverton.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => h1(page).textContent()).toMatch(/^Welcome/);

    await page.goto(`${server.baseUrl}/app/systems/school-admission-allocator`);
    await page.getByRole('link', { name: 'Public register entry' }).click();
    await expect.poll(() => h1(page).textContent()).toContain('Public register entry');
    const summary = page.getByLabel('Summary', { exact: true });
    await summary.fill('We use this tool. It helps us.');
    await expect.poll(() => page.locator('#text-summary-grade').textContent()).toContain('Within the aim of grade 9 or below');
    await summary.fill(
      'Notwithstanding considerable institutional complexities, the algorithmic allocation infrastructure systematically operationalises multidimensional prioritisation methodologies incorporating heterogeneous administrative determinations.',
    );
    await expect.poll(() => page.locator('#text-summary-grade').textContent()).toContain('Above the aim of grade 9');
    await expectNoAxeViolations(page, 'register entry editor');

    await page.getByLabel('Why we use it', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await expect.poll(() => page.locator('#text-purpose-error').textContent()).toContain('Required by');
    await expectNoAxeViolations(page, 'register entry editor with errors');
    // The refused publication (400, the missing text) is the answer this step expects.
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    await page.close();
  });
  it('changes a published entry, checks it in the preview and publishes it', async () => {
    const { page, problems } = await newPage(staff);
    page.setDefaultTimeout(30_000);
    // Still signed in from the step above.
    const summaryText = 'This tool plans the bin lorries’ rounds each week, so that they drive less. A planner checks every round before it is used.';
    await page.goto(`${server.baseUrl}/app/systems/waste-collection-route-optimiser`);
    await page.getByRole('link', { name: 'Public register entry' }).click();
    await expect.poll(() => h1(page).textContent()).toContain('Public register entry');
    await page.getByLabel('Summary', { exact: true }).fill(summaryText);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Draft saved' }).count()).toBe(1);

    const [preview] = await Promise.all([staff.waitForEvent('page'), page.getByRole('link', { name: 'Preview the public page (opens in a new tab)' }).click()]);
    await preview.waitForLoadState();
    expect(await preview.locator('main').textContent()).toContain('Preview: this is how the page will look once published.');
    expect(await preview.locator('#what-it-does').textContent()).toContain(summaryText);
    await expectNoAxeViolations(preview, 'register entry preview');
    await preview.close();

    await page.getByRole('button', { name: 'Save and publish' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'is now on the public register' }).textContent()).toMatch(/Version [2-9] is now on the public register\./);
    await expectNoAxeViolations(page, 'register entry editor after publishing');

    const publicPage = await page.goto(`${server.baseUrl}/riverton/register/waste-collection-route-optimiser?lang=en`);
    expect(publicPage?.status()).toBe(200);
    expect(await page.locator('#what-it-does').textContent()).toContain(summaryText);
    expect(await page.locator('main').textContent()).not.toContain('Preview: this is how the page will look');
    expect(problems).toEqual([]);
    await page.close();
  });
});
