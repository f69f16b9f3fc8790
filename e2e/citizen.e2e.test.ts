/**
 * Citizen services in a real browser. A resident, on pages that carry no JavaScript, reports a problem in
 * Spanish (first sending the form empty and fixing it), keeps the private status link, and asks for
 * a human review of a decision in English. The demo governance officer finds the report in the
 * staff app's queue, takes it and answers it; the resident's status page then shows the answer (in
 * English, Spanish and French), and the request waits in the redress queue with its deadline. The
 * officer then records the decision on the request, and the resident's status page shows it in the
 * three languages. axe-core runs on every page state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, expectNoAxeViolations, followNav, launchBrowser, newPage, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let resident: BrowserContext;
let staff: BrowserContext;
let statusUrl = '';
let reference = '';
let requestStatusUrl = '';
let requestReference = '';

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

describe('a resident reports a problem and a governance officer answers it', () => {
  it('files a concern in Spanish on pages without JavaScript, fixing what the form points out', async () => {
    const { page, problems } = await newPage(resident);
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.baseUrl}/riverton?lang=es`);
    await page.getByRole('link', { name: 'Avisar de un problema con la IA' }).click();
    expect(await h1(page).textContent()).toBe('Avisar de un problema con la IA');
    expect(await page.locator('script').count()).toBe(0);
    await expectNoAxeViolations(page, 'concern form (es)');

    await page.getByLabel('¿Qué pasó?').fill('La herramienta marcó la solicitud de mi madre dos veces.');
    await page.getByRole('button', { name: 'Enviar aviso' }).click();
    // Refused: the summary names the missing choice, and what was typed is still there.
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('¿Qué tipo de problema es?: Este dato es obligatorio.');
    expect(await page.getByLabel('¿Qué pasó?').inputValue()).toBe('La herramienta marcó la solicitud de mi madre dos veces.');
    expect(await page.locator('#category').getAttribute('id')).toBe('category');
    await expectNoAxeViolations(page, 'concern form with errors (es)');

    await page.getByLabel('Trato injusto, sesgo o discriminación').check();
    await page.getByLabel('¿Sobre qué herramienta de IA es?').selectOption({ label: 'Benefits Eligibility Assistant' });
    await page.getByLabel('Correo electrónico').fill('vecina@example.org');
    await page.getByRole('button', { name: 'Enviar aviso' }).click();

    await expect.poll(() => page.getByRole('status').textContent()).toContain('Hemos recibido su aviso.');
    reference = ((await h1(page).textContent()) ?? '').replace('Su aviso ', '');
    expect(reference).toMatch(/^C-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    statusUrl = page.url().replace(/\?.*$/, '');
    expect(await page.locator('main').textContent()).toContain('Todavía no hemos respondido.');
    await expectNoAxeViolations(page, 'concern status (es)');
    // The refused post above answers 400 on purpose (the form comes back with its errors).
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    await page.close();
  });

  it('asks for a human review of a decision, and sees the deadline', async () => {
    const { page, problems } = await newPage(resident);
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.baseUrl}/riverton/requests/new?lang=en`);
    expect(await h1(page).textContent()).toBe('Ask about a decision');
    await page.getByLabel('A person to look at the decision again').check();
    await page.getByLabel('Which AI tool was used in your case?').selectOption({ label: 'Benefits Eligibility Assistant' });
    await page.getByLabel('Decision reference').fill('HB-2026-5150');
    await page.getByLabel('What would you like us to know?').fill('My benefit was cut. Please have a person check my file: my income changed in May.');
    await page.getByLabel('Your name').fill('Jordan Lee');
    await page.getByLabel('Email address').fill('jordan@example.org');
    await expectNoAxeViolations(page, 'request form (en, filled)');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('We received your request.');
    expect(await page.locator('dl.facts').textContent()).toContain('HB-2026-5150');
    expect(await page.locator('dl.facts').textContent()).toContain('We will answer by');
    requestReference = ((await h1(page).textContent()) ?? '').replace('Your request ', '');
    requestStatusUrl = page.url().replace(/\?.*$/, '');
    await expectNoAxeViolations(page, 'request status (en)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is triaged and answered by the governance officer in the staff app', async () => {
    const { page, problems } = await newPage(staff);
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.baseUrl}/app/sign-in`);
    await page.getByLabel('Email address').fill('governance@riverton.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => h1(page).textContent()).toMatch(/^Welcome/);

    await followNav(page, 'Concerns');
    await expect.poll(() => h1(page).textContent()).toBe('Concerns');
    await page.getByRole('link', { name: reference }).waitFor();
    await expectNoAxeViolations(page, 'concerns queue');
    await page.getByRole('link', { name: reference }).click();
    await expect.poll(() => h1(page).textContent()).toBe(`Concern ${reference}`);
    expect(await page.getByText('vecina@example.org').count()).toBe(1);
    await expectNoAxeViolations(page, 'concern detail');

    await page.getByLabel('Assignment').selectOption({ label: 'Assign to me (Gabriel Santos)' });
    await page.getByLabel('Answer to the person').fill('Hemos revisado los avisos por edad del último trimestre y no vemos diferencias. Una persona revisó de nuevo la solicitud de su madre.');
    // The answer is read by the person in their language: its reading grade is measured in it.
    await expect.poll(() => page.locator('#triage-response-grade').textContent()).toMatch(/^. Reading grade \d/);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).textContent()).toContain('The answer was sent to the person.');
    expect(await page.locator('dl.gb-dl').first().textContent()).toContain('Responded');
    await expectNoAxeViolations(page, 'concern detail after answering');

    await followNav(page, 'Redress');
    await expect.poll(() => h1(page).textContent()).toBe('Redress requests');
    const row = page.locator('tr', { hasText: 'Benefits Eligibility Assistant' }).filter({ hasText: 'Human review' }).filter({ hasText: /days? left/ });
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'redress queue');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the answer on the resident’s private status page, in each language', async () => {
    const { page, problems } = await newPage(resident);
    page.setDefaultTimeout(30_000);
    for (const [lang, answered] of [['es', 'Respondido'], ['en', 'Answered'], ['fr', 'Répondu']] as const) {
      await page.goto(`${statusUrl}?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('dl.facts').textContent()).toContain(answered);
      expect(await page.locator('main').textContent()).toContain('Una persona revisó de nuevo la solicitud de su madre.');
      await expectNoAxeViolations(page, `concern status answered (${lang})`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a governance officer decides the request and the resident sees the decision', () => {
  const DECISION = 'A benefits officer checked your file again. Your income changed in May, so we restored your benefit from June.';

  it('records the outcome in the staff app', async () => {
    const { page, problems } = await newPage(staff);
    page.setDefaultTimeout(30_000);
    // The staff context is still signed in from the triage above.
    await page.goto(`${server.baseUrl}/app/redress`);
    await expect.poll(() => h1(page).textContent()).toBe('Redress requests');
    await page.getByRole('link', { name: requestReference }).click();
    await expect.poll(() => h1(page).textContent()).toBe(`Request ${requestReference}`);
    await page.getByLabel('Outcome').selectOption({ label: 'Upheld' });
    await page.getByLabel('Answer to the person').fill(DECISION);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).textContent()).toContain('The decision was sent to the person.');
    await expect.poll(() => page.locator('main').textContent()).toContain('Upheld');
    await expectNoAxeViolations(page, 'redress request after deciding');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the decision on the resident’s status page, in each language', async () => {
    const { page, problems } = await newPage(resident);
    page.setDefaultTimeout(30_000);
    for (const [lang, decided, outcome] of [
      ['en', 'Decided', 'We agreed with your request.'],
      ['es', 'Resuelta', 'Aceptamos su solicitud.'],
      ['fr', 'Tranchée', 'Nous avons accepté votre demande.'],
    ] as const) {
      await page.goto(`${requestStatusUrl}?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await h1(page).textContent()).toContain(requestReference);
      expect(await page.locator('dl.facts').textContent()).toContain(decided);
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain(outcome);
      expect(main).toContain(DECISION);
      await expectNoAxeViolations(page, `request status decided (${lang})`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
