/**
 * Notices and public consultations in a real browser. A resident reads the running consultation in
 * French on pages without JavaScript, sends the form empty, fixes it and posts a comment; the demo
 * governance officer publishes it in the staff app and it appears on the public page. A caseworker
 * previews the Spanish easy-read notice of a system and downloads it as a PDF, and the notice is
 * listed. axe-core runs on every page state visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, followNav, launchBrowser, newPage, signInAsDemo, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let resident: BrowserContext;
let staff: BrowserContext;
let consultationUrl = '';

const COMMENT = 'Je veux pouvoir refuser au début de l’appel, et que la note me soit lue à la fin.';
const TITLE = 'Should we use AI to write up your calls to the contact centre?';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The public pages send no JavaScript (checked below); scripting stays on only so axe-core can run.
  resident = await browser.newContext();
  staff = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
});
afterAll(async () => {
  await resident?.close();
  await staff?.close();
  await browser?.close();
  await server?.stop();
});

const h1 = (p: Page) => p.locator('h1');

const signIn = (page: Page, email: string): Promise<void> => signInAsDemo(page, server.baseUrl, email);

describe('a resident comments on a consultation and a governance officer publishes it', () => {
  it('reads the consultation in French and posts a comment, fixing what the form points out', async () => {
    const { page, problems } = await newPage(resident);
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.baseUrl}/riverton/consultations?lang=fr`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await h1(page).textContent()).toBe('Consultations publiques');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Cameras on bin lorries to find potholes');
    await expectNoAxeViolations(page, 'consultations list (fr)');

    await page.getByRole('link', { name: TITLE }).click();
    expect(await h1(page).textContent()).toBe(TITLE);
    consultationUrl = page.url().replace(/\?.*$/, '');
    expect(await page.locator('dl.facts').textContent()).toContain('Ouverte aux commentaires');
    expect(await page.locator('main').textContent()).toContain('Questions pour guider votre réflexion');
    // Demo comments: approved ones are shown, the rejected and the waiting ones are not.
    expect(await page.locator('main').textContent()).toContain('Commentaire de Margaret Ellis');
    expect(await page.locator('main').textContent()).not.toContain('cheap watches');
    expect(await page.locator('main').textContent()).not.toContain('Une bonne idée si l’on peut refuser facilement');
    await expectNoAxeViolations(page, 'consultation (fr)');

    await page.getByLabel('Votre nom').fill('Lucie Martin');
    await page.getByLabel('Afficher mon nom avec mon commentaire quand il sera publié').check();
    await page.getByRole('button', { name: 'Envoyer le commentaire' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Votre commentaire');
    expect(await page.getByLabel('Votre nom').inputValue()).toBe('Lucie Martin');
    expect(await page.locator('#comment').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'consultation form with errors (fr)');

    await page.getByLabel('Votre commentaire', { exact: true }).fill(COMMENT);
    await page.getByLabel('Would you be comfortable with a tool listening to your call?').fill('Oui, si je peux refuser.');
    await page.getByRole('button', { name: 'Envoyer le commentaire' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Merci pour votre commentaire');
    expect(await page.locator('main').textContent()).toContain('Nous lisons chaque commentaire avant de le publier');
    await expectNoAxeViolations(page, 'comment thanks (fr)');

    await page.goto(consultationUrl);
    expect(await page.locator('main').textContent()).not.toContain(COMMENT);
    // The refused post above answers 400 on purpose (the form comes back with its errors).
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    await page.close();
  });

  it('is published by the governance officer in the staff app', async () => {
    const { page, problems } = await newPage(staff);
    page.setDefaultTimeout(30_000);
    await signIn(page, 'governance@riverton.example');
    await followNav(page, 'Consultations');
    await expect.poll(() => h1(page).textContent()).toBe('Public consultations');
    await page.getByRole('link', { name: TITLE }).waitFor();
    await expectNoAxeViolations(page, 'consultations (staff)');
    await page.getByRole('link', { name: TITLE }).click();
    await expect.poll(() => h1(page).textContent()).toBe(TITLE);
    const card = page.locator('li', { hasText: COMMENT });
    await card.waitFor();
    expect(await card.textContent()).toContain('Lucie Martin (agreed to show the name)');
    await expectNoAxeViolations(page, 'consultation moderation');
    await card.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Comment published.' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'consultation moderation after publishing');

    // And opens a new consultation on another system.
    await page.getByRole('link', { name: 'Back to consultations' }).click();
    await page.getByRole('link', { name: 'Open a consultation' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Open a consultation');
    await page.getByLabel('AI system').selectOption({ label: 'Ask Riverton' });
    await page.getByLabel('Title', { exact: true }).fill('Ask Riverton in more languages');
    await page.getByLabel('Introduction').fill('We want the website assistant to answer in Polish and Urdu. Tell us what you think.');
    await page.getByLabel('Guiding questions (optional)').fill('Which languages do you need?');
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Opens on').fill(day(1));
    await page.getByLabel('Closes at the end of').fill(day(30));
    await expectNoAxeViolations(page, 'new consultation form');
    await page.getByRole('button', { name: 'Save consultation' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Ask Riverton in more languages');
    expect(await page.locator('dl.gb-dl').textContent()).toContain('Not open yet');
    expect(await page.locator('main').textContent()).toContain('Which languages do you need?');
    await expectNoAxeViolations(page, 'scheduled consultation');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('then shows the comment, with the name, on the public page', async () => {
    const { page, problems } = await newPage(resident);
    page.setDefaultTimeout(30_000);
    await page.goto(`${consultationUrl}?lang=fr`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain(COMMENT);
    expect(main).toContain('Commentaire de Lucie Martin');
    expect(main).toContain('Oui, si je peux refuser.');
    await expectNoAxeViolations(page, 'consultation with the new comment (fr)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('links the register page of a system to its closed consultation and its response', async () => {
    const { page, problems } = await newPage(resident);
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.baseUrl}/riverton/register/pothole-detection?lang=es`);
    const section = page.locator('#public-consultation');
    expect(await section.locator('h2').textContent()).toBe('Consulta pública');
    await expectNoAxeViolations(page, 'register system page with consultation (es)');
    await section.getByRole('link', { name: 'Cameras on bin lorries to find potholes' }).click();
    expect(await page.locator('main').textContent()).toContain('Nuestra respuesta');
    expect(await page.locator('main').textContent()).toContain('What we decided');
    await expectNoAxeViolations(page, 'closed consultation with response (es)');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a caseworker produces a notice', () => {
  it('previews the Spanish easy-read notice and downloads it as a PDF, which is recorded', async () => {
    const caseworker = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    const { page, problems } = await newPage(caseworker);
    page.setDefaultTimeout(30_000);
    await signIn(page, 'caseworker@riverton.example');
    await page.goto(`${server.baseUrl}/app/systems/benefits-eligibility-assistant`);
    await expect.poll(() => h1(page).textContent()).toBe('Benefits Eligibility Assistant');
    await page.getByRole('link', { name: 'Notices', exact: true }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Notices: Benefits Eligibility Assistant');
    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Easy read (short sentences, simple words)').check();
    const frame = page.frameLocator('iframe[title^="Preview of the notice"]');
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Un ordenador ayudó en su caso');
    expect(await frame.locator('main').textContent()).toContain('/riverton/requests/new?system=benefits-eligibility-assistant');
    expect(await frame.locator('main').textContent()).toContain('Lo que usted puede hacer');
    await expectNoAxeViolations(page, 'notices screen with preview');

    const before = await page.locator('table tbody tr').count();
    await page.getByLabel('Case reference (optional)').fill('HB-2026-7781');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('notice-benefits-eligibility-assistant-es-easy-read.pdf');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Notice produced as a PDF and recorded.' }).count()).toBe(1);
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(before + 1);
    expect(await page.locator('table tbody tr').first().textContent()).toContain('HB-2026-7781');
    await expectNoAxeViolations(page, 'notices screen after producing a notice');

    // The preview on its own, as a printable page.
    const preview = await frame.locator('html').getAttribute('lang');
    expect(preview).toBe('es');
    const src = (await page.locator('iframe[title^="Preview of the notice"]').getAttribute('src')) ?? '';
    await page.goto(`${server.baseUrl}${src}`);
    expect(await h1(page).textContent()).toBe('Un ordenador ayudó en su caso');
    await expectNoAxeViolations(page, 'notice preview document (es, easy read)');
    expect(problems).toEqual([]);
    await page.close();
    await caseworker.close();
  });
});
