/**
 * Every kind of public page, in English, Spanish and French, through axe-core (WCAG 2.2 AA):
 * the instance home, an organisation's landing page, the register list and a system page, the
 * concern and request forms (blank and refused with errors), the private status pages, the
 * consultation list and a consultation, and the not-found page. None of them may send JavaScript.
 * The other journeys check the pages they visit; this one makes sure nothing is left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, newPage, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let context: BrowserContext;
const paths: Record<string, string> = {};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext();

  // Real addresses from the demo: a published system, a consultation, and two private status pages.
  const { page } = await newPage(context);
  await page.goto(`${server.baseUrl}/riverton/register?lang=en`);
  paths.system = (await page.locator('main a[href^="/riverton/register/"]').filter({ hasText: 'Benefits Eligibility Assistant' }).first().getAttribute('href')) ?? '';
  await page.goto(`${server.baseUrl}/riverton/consultations?lang=en`);
  paths.consultation = (await page.locator('main a[href^="/riverton/consultations/"]').first().getAttribute('href')) ?? '';

  await page.goto(`${server.baseUrl}/riverton/concerns/new?lang=en`);
  await page.getByLabel('A mistake or a wrong result').check();
  await page.getByLabel('What happened?').fill('The map showed my street in the wrong district.');
  await page.getByRole('button', { name: 'Send report' }).click();
  await page.waitForURL(/\/concerns\/status\//);
  paths.concernStatus = new URL(page.url()).pathname;

  await page.goto(`${server.baseUrl}/riverton/requests/new?lang=en`);
  await page.getByLabel('An explanation of how the decision was made').check();
  await page.getByLabel('Which AI tool was used in your case?').selectOption({ label: 'Benefits Eligibility Assistant' });
  await page.getByLabel('What would you like us to know?').fill('Why was my claim delayed?');
  await page.getByLabel('Your name').fill('Ana');
  await page.getByLabel('Email address').fill('ana@example.org');
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.waitForURL(/\/requests\/status\//);
  paths.requestStatus = new URL(page.url()).pathname;
  await page.close();
  expect(Object.values(paths).every((p) => p.startsWith('/riverton/'))).toBe(true);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const PAGES: Array<[string, () => string, number]> = [
  ['instance home', () => '/', 200],
  ['landing page', () => '/riverton', 200],
  ['register list', () => '/riverton/register', 200],
  ['register system page', () => paths.system ?? '', 200],
  ['concern form', () => '/riverton/concerns/new', 200],
  ['request form', () => '/riverton/requests/new', 200],
  ['concern status', () => paths.concernStatus ?? '', 200],
  ['request status', () => paths.requestStatus ?? '', 200],
  ['consultation list', () => '/riverton/consultations', 200],
  ['consultation', () => paths.consultation ?? '', 200],
  ['page not found', () => '/riverton/no-such-page', 404],
];

describe.each(['en', 'es', 'fr'] as const)('public pages in %s', (lang) => {
  it.each(PAGES)('%s has no accessibility violations and no script', async (label, path, status) => {
    const { page, problems } = await newPage(context);
    const res = await page.goto(`${server.baseUrl}${path()}?lang=${lang}`);
    expect(res?.status()).toBe(status);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.locator('script').count()).toBe(0);
    await expectNoAxeViolations(page, `${label} (${lang})`);
    expect(problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
    await page.close();
  });

  it('the concern form refused with errors has no accessibility violations', async () => {
    const { page } = await newPage(context);
    await page.goto(`${server.baseUrl}/riverton/concerns/new?lang=${lang}`);
    await page.locator('button[type="submit"]').click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, `concern form with errors (${lang})`);
    await page.close();
  });

  it('the request form refused with errors has no accessibility violations', async () => {
    const { page } = await newPage(context);
    await page.goto(`${server.baseUrl}/riverton/requests/new?lang=${lang}`);
    await page.locator('button[type="submit"]').click();
    await page.locator('#error-summary').waitFor();
    await expectNoAxeViolations(page, `request form with errors (${lang})`);
    await page.close();
  });
});
