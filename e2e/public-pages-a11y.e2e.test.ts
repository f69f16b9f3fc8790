/**
 * Every kind of public page, in English, Spanish and French, through axe-core (WCAG 2.2 AA):
 * the instance home, an organisation's landing page, the register list, an empty search, a system
 * page and an Art. 49(4) restricted one, the concern, request and consultation forms (blank,
 * refused with errors, and sent with an expired form token), the private status pages, the
 * consultation list, an open and a closed consultation with its response, the thank-you page for a
 * comment, the "too many attempts" page and the not-found page. None of them may send JavaScript.
 * The other journeys check the pages they visit; this one makes sure nothing is left out. Last, a
 * resident files a concern with the keyboard alone, focus always visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BENEFITS_ELIGIBILITY, makeScreeningAnswers } from '@glassbox/core/testing/factories';
import { apiCall, DEMO_PASSWORD, expectNoAxeViolations, launchBrowser, newPage, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let context: BrowserContext;
const paths: Record<string, string> = {};

const RESPONSE_HEADING = { en: 'Our response', es: 'Nuestra respuesta', fr: 'Notre réponse' } as const;
const EXPIRED = { en: 'This form was open for too long', es: 'Este formulario estuvo abierto demasiado tiempo', fr: 'Ce formulaire est resté ouvert trop longtemps' } as const;
const RESTRICTED = { en: 'Article 49(4) of the EU AI Act', es: 'artículo 49, apartado 4', fr: 'article 49, paragraphe 4' } as const;
const TOO_MANY = { en: 'Too many attempts', es: 'Demasiados intentos', fr: 'Trop de tentatives' } as const;

/** A client with its own address (the server trusts X-Forwarded-For here), so each test has its own rate limit. */
const asClient = (n: number): Promise<BrowserContext> => browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${n}` } });

beforeAll(async () => {
  server = await startServer({ TRUST_PROXY: 'true' });
  browser = await launchBrowser();
  context = await browser.newContext();

  // Real addresses from the demo: a published system, a consultation, and two private status pages.
  const { page } = await newPage(context);
  await page.goto(`${server.baseUrl}/riverton/register?lang=en`);
  paths.system = (await page.locator('main a[href^="/riverton/register/"]').filter({ hasText: 'Benefits Eligibility Assistant' }).first().getAttribute('href')) ?? '';
  await page.goto(`${server.baseUrl}/riverton/consultations?lang=en`);
  paths.consultation = (await page.locator('main a[href^="/riverton/consultations/"]').first().getAttribute('href')) ?? '';
  paths.thanks = `${paths.consultation}/thanks`;
  // The demo's past consultation, closed with a published response.
  paths.closedConsultation = (await page.locator('main ul.consultation-list').last().locator('a[href^="/riverton/consultations/"]').first().getAttribute('href')) ?? '';
  expect(paths.closedConsultation).not.toBe(paths.consultation);

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

  // An Art. 49(4) system: the demo's Pothole Detection screened again as law enforcement (Annex III
  // point 6(a)) and published again; its public page then shows only the restricted set.
  const staff = await browser.newContext();
  const officer = (await newPage(staff)).page;
  // Signed in by hand: signInAsDemo polls with expect, which only works inside a test.
  await officer.goto(`${server.baseUrl}/app/sign-in`);
  await officer.getByLabel('Email address').fill('governance@riverton.example');
  await officer.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await officer.getByRole('button', { name: 'Sign in' }).click();
  await officer.locator('h1', { hasText: /^Welcome/ }).waitFor();
  const answers = makeScreeningAnswers({ eu: { ...BENEFITS_ELIGIBILITY, annexIII: { points: ['6(a)'] }, context: { lawEnforcement: 'yes', migrationAsylumBorder: 'no' } } });
  expect((await apiCall(officer, 'POST', '/orgs/riverton/systems/pothole-detection/screenings', { answers })).status).toBe(201);
  const published = await apiCall<{ restricted: boolean }>(officer, 'POST', '/orgs/riverton/systems/pothole-detection/register-entry/publish', {});
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  paths.restricted = '/riverton/register/pothole-detection';
  await staff.close();
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
  ['register search without results', () => '/riverton/register?q=no-such-system-anywhere', 200],
  ['restricted (Art. 49(4)) system page', () => paths.restricted ?? '', 200],
  ['concern form', () => '/riverton/concerns/new', 200],
  ['request form', () => '/riverton/requests/new', 200],
  ['concern status', () => paths.concernStatus ?? '', 200],
  ['request status', () => paths.requestStatus ?? '', 200],
  ['consultation list', () => '/riverton/consultations', 200],
  ['consultation', () => paths.consultation ?? '', 200],
  ['closed consultation with its response', () => paths.closedConsultation ?? '', 200],
  ['comment thank-you page', () => paths.thanks ?? '', 200],
  ['page not found', () => '/riverton/no-such-page', 404],
];

describe.each(['en', 'es', 'fr'] as const)('public pages in %s', (lang) => {
  it.each(PAGES)('%s has no accessibility violations and no script', async (label, path, status) => {
    const { page, problems } = await newPage(context);
    const res = await page.goto(`${server.baseUrl}${path()}${path().includes('?') ? '&' : '?'}lang=${lang}`);
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

  it('the consultation form refused with errors has no accessibility violations', async () => {
    const { page } = await newPage(context);
    await page.goto(`${server.baseUrl}${paths.consultation}?lang=${lang}`);
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('main form button[type="submit"]').click()]);
    expect(res.status()).toBe(400);
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, `consultation form with errors (${lang})`);
    await page.close();
  });

  it('the closed consultation shows its response', async () => {
    const { page } = await newPage(context);
    await page.goto(`${server.baseUrl}${paths.closedConsultation}?lang=${lang}`);
    expect(await page.locator('main h2').allTextContents()).toContain(RESPONSE_HEADING[lang]);
    expect(await page.locator('main form').count()).toBe(0);
    await page.close();
  });

  it('the restricted system page says why and leaves the details out', async () => {
    const { page } = await newPage(context);
    await page.goto(`${server.baseUrl}${paths.restricted}?lang=${lang}`);
    expect(await page.locator('main').textContent()).toContain(RESTRICTED[lang]);
    expect(await page.locator('#what-it-does').count()).toBe(0);
    expect(await page.locator('#classification').count()).toBe(0);
    await page.close();
  });

  it('a form sent with an expired token comes back (400) with the reason and no accessibility violations', async () => {
    const client = await asClient(10 + ['en', 'es', 'fr'].indexOf(lang));
    const { page } = await newPage(client);
    await page.goto(`${server.baseUrl}/riverton/concerns/new?lang=${lang}`);
    await page.locator('input[name="formToken"]').evaluate((input: HTMLInputElement) => (input.value = 'expired'));
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('main form button[type="submit"]').click()]);
    expect(res.status()).toBe(400);
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain(EXPIRED[lang]);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await expectNoAxeViolations(page, `expired form (${lang})`);
    await client.close();
  });
});

describe('the "too many attempts" page', () => {
  /** Sends the request form empty and returns the answer's status, the page showing what came back. */
  const sendEmpty = async (page: Page, lang: string): Promise<number> => {
    await page.goto(`${server.baseUrl}/riverton/requests/new?lang=${lang}`);
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('main form button[type="submit"]').click()]);
    await page.waitForLoadState();
    return res.status();
  };

  it('turns away a client past the limit in each language, with no accessibility violations', async () => {
    const client = await asClient(20);
    const { page } = await newPage(client);
    // Public forms take 5 posts per 10 minutes from one address; the sixth is turned away.
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push(await sendEmpty(page, 'en'));
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
    for (const lang of ['en', 'es', 'fr'] as const) {
      if (lang !== 'en') expect(await sendEmpty(page, lang)).toBe(429);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('h1').textContent()).toBe(TOO_MANY[lang]);
      expect(await page.locator('script').count()).toBe(0);
      await expectNoAxeViolations(page, `too many attempts (${lang})`);
    }
    await client.close();
  });
});

describe('the keyboard alone', () => {
  /** Presses Tab until the focused element matches the selector; fails after 80 presses. */
  const tabTo = async (page: Page, selector: string): Promise<void> => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  /** The focused element's outline: every focusable element shows where focus is (WCAG 2.4.7). */
  const focusOutline = (page: Page): Promise<string> =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el ? getComputedStyle(el).outlineStyle : 'none';
    });

  it('files a concern with Tab, Space, typing and Enter, is told what is missing, and gets a reference', async () => {
    const client = await asClient(30);
    const { page } = await newPage(client);
    await page.goto(`${server.baseUrl}/riverton/concerns/new?lang=fr`);

    // Sent without a category: the answer names the problem, and the person's text is kept.
    await tabTo(page, 'textarea[name="description"]');
    expect(await focusOutline(page)).not.toBe('none');
    await page.keyboard.type('La carte place ma rue dans le mauvais quartier.');
    await tabTo(page, 'main form button[type="submit"]');
    expect(await focusOutline(page)).not.toBe('none');
    await Promise.all([page.waitForURL(/\/concerns/), page.keyboard.press('Enter')]);
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('textarea[name="description"]').inputValue()).toBe('La carte place ma rue dans le mauvais quartier.');

    // From the error summary's link on to the field in question, and the form sent again.
    await tabTo(page, '#error-summary a');
    await page.keyboard.press('Enter');
    await tabTo(page, 'input[name="category"]');
    await page.keyboard.press('Space');
    expect(await page.locator('input[name="category"]:checked').count()).toBe(1);
    await tabTo(page, 'main form button[type="submit"]');
    await Promise.all([page.waitForURL(/\/concerns\/status\//), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main').textContent()).toMatch(/C-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await client.close();
  });
});

describe('printing', () => {
  it('prints a system page and the register list without navigation, search or language links, in black on white', async () => {
    const { page } = await newPage(context);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);
    await page.goto(`${server.baseUrl}${paths.system}?lang=es`);
    expect(await shown('nav, .skip-link, .lang-switcher')).toBe(0);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main a') ?? document.body).color)).toBe('rgb(0, 0, 0)');
    await page.goto(`${server.baseUrl}/riverton/register?lang=fr`);
    expect(await shown('nav, .register-search, .register-pagination')).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Benefits Eligibility Assistant');
    await page.close();
  });
});
