/** The public site in a real browser, with JavaScript off, in English, Spanish and French. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, newPage, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let noJs: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext();
  // The public site sends no JavaScript; this context proves it works with scripting off.
  noJs = await browser.newContext({ javaScriptEnabled: false });
});
afterAll(async () => {
  await context?.close();
  await noJs?.close();
  await browser?.close();
  await server?.stop();
});

const LANGUAGES = [
  { lang: 'en', skip: 'Skip to main content', about: 'What this site is for', switcher: 'Language', notFound: 'Page not found' },
  { lang: 'es', skip: 'Saltar al contenido principal', about: 'Para qué sirve este sitio', switcher: 'Idioma', notFound: 'Página no encontrada' },
  { lang: 'fr', skip: 'Aller au contenu principal', about: 'À quoi sert ce site', switcher: 'Langue', notFound: 'Page introuvable' },
] as const;

describe('public landing page', () => {
  it.each(LANGUAGES)('shows the landing page in $lang with no accessibility violations', async ({ lang, skip, about, switcher }) => {
    const { page, problems } = await newPage(context);
    const res = await page.goto(`${server.baseUrl}/riverton?lang=${lang}`);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await expect.poll(() => page.locator('h1').textContent()).toBe('City of Riverton');
    expect(await page.locator('#about-heading').textContent()).toBe(about);
    expect(await page.locator('a.skip-link').textContent()).toBe(skip);
    expect(await page.locator(`nav[aria-label="${switcher}"] a[aria-current="true"]`).getAttribute('hreflang')).toBe(lang);
    // The contact address is offered as a link.
    expect(await page.locator('a[href^="mailto:"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, `/riverton?lang=${lang}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches language from the switcher and remembers it, with JavaScript turned off', async () => {
    const { page, problems } = await newPage(noJs);
    await page.goto(`${server.baseUrl}/riverton?lang=en`);
    await page.getByRole('link', { name: 'Français' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe('City of Riverton');
    expect(await page.locator('script').count()).toBe(0);
    await page.goto(`${server.baseUrl}/riverton`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('puts the skip link first in the tab order and moves focus to the main content', async () => {
    const { page } = await newPage(context);
    await page.goto(`${server.baseUrl}/riverton?lang=en`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
    await page.close();
  });

  it('lists the organisations on the home page', async () => {
    const { page, problems } = await newPage(context);
    await page.goto(`${server.baseUrl}/?lang=es`);
    await expect.poll(() => page.getByRole('link', { name: 'City of Riverton' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, '/?lang=es');
    await page.getByRole('link', { name: 'City of Riverton' }).first().click();
    expect(await page.locator('h1').textContent()).toBe('City of Riverton');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(LANGUAGES)('shows an accessible 404 page in $lang', async ({ lang, notFound }) => {
    const { page } = await newPage(context);
    const res = await page.goto(`${server.baseUrl}/no-such-council?lang=${lang}`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe(notFound);
    await expectNoAxeViolations(page, `404 ${lang}`);
    await page.close();
  });
});
