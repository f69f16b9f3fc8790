/**
 * Obligations in a real browser: a governance officer registers a benefits-eligibility support
 * tool, screens it and has it approved through the API, then in the staff app is told what stops
 * it going into service, works through its before-deployment obligations (a link, an uploaded
 * file, one not applicable with a reason, evidence removed after a confirmation), puts it in
 * service, and reads the home page's overview. An administrator reads and edits the tier policy,
 * sees the server's problems listed and resets it; a governance officer only reads it. axe-core
 * runs on every page state visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BENEFITS_ELIGIBILITY, makeScreeningAnswers } from '@glassbox/core/testing/factories';
import { apiCall, expectNoAxeViolations, launchBrowser, newPage, signInAsDemo, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let governance: BrowserContext;
let page: Page;
let problems: string[];
const name = `Benefits eligibility helper ${Date.now()}`;
let systemId = '';

type Obligation = { id: string; title: string; phase: string; status: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  governance = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  ({ page, problems } = await newPage(governance));
});
afterAll(async () => {
  await governance?.close();
  await browser?.close();
  await server?.stop();
});

const h1 = (p: Page) => p.locator('h1');
const status = (p: Page, text: string | RegExp) => p.getByRole('status').filter({ hasText: text });

const signIn = (p: Page, email: string): Promise<void> => signInAsDemo(p, server.baseUrl, email);

const api = apiCall;

const beforeDeployment = async (): Promise<Obligation[]> =>
  (await api<{ items: Obligation[] }>(page, 'GET', `/orgs/riverton/systems/${systemId}/obligations`)).body.items.filter((o) => o.phase === 'before_deployment');

const obligationRegion = (title: string) => page.getByRole('region', { name: title, exact: true });

async function setStatus(title: string, choice: RegExp, reason?: string): Promise<void> {
  const region = obligationRegion(title);
  await region.getByRole('radio', { name: choice }).check();
  if (reason !== undefined) await region.getByLabel('Why it does not apply').fill(reason);
  await region.getByRole('button', { name: 'Save changes' }).click();
}

describe('obligations', () => {
  it('prepares an approved, screened benefits-eligibility system through the API', async () => {
    await signIn(page, 'governance@riverton.example');
    const created = await api<{ id: string }>(page, 'POST', '/orgs/riverton/systems', {
      name,
      purpose: 'Helps caseworkers check whether an applicant is eligible for housing benefit.',
      description: 'Suggests an eligibility outcome that a caseworker reviews.',
      unitId: null,
      sourcing: 'procured',
      supplier: 'Example Analytics Ltd',
      decisionRole: 'recommends',
      affectedPeople: 'Applicants for housing benefit',
      dataCategories: ['income', 'household'],
      personalData: true,
      humanOversight: 'A caseworker decides every application.',
      publicVisibility: 'public',
      tags: [],
    });
    expect(created.status).toBe(201);
    systemId = created.body.id;
    const answers = makeScreeningAnswers({ eu: BENEFITS_ELIGIBILITY, decisionRole: 'recommends', personalData: true });
    expect((await api(page, 'POST', `/orgs/riverton/systems/${systemId}/screenings`, { answers })).status).toBe(201);
    for (const to of ['proposed', 'in_review', 'approved']) {
      const moved = await api(page, 'POST', `/orgs/riverton/systems/${systemId}/transitions`, { to, reason: `Moving to ${to} for the test.` });
      expect(moved.status, to).toBe(200);
    }
    expect((await beforeDeployment()).length).toBeGreaterThanOrEqual(3);
  });

  it('says what is missing when the system is put in service too early', async () => {
    await page.goto(`${server.baseUrl}/app/systems/${systemId}`);
    await expect.poll(() => h1(page).textContent()).toBe(name);
    await page.getByRole('radio', { name: /^In service/ }).check();
    await page.getByLabel('Reason', { exact: true }).fill('Ready to go live.');
    await page.getByRole('button', { name: 'Move to this stage' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The system cannot move yet' });
    await expect.poll(() => refusal.count()).toBe(1);
    const open = await beforeDeployment();
    for (const o of open) expect(await refusal.getByText(o.title, { exact: false }).count(), o.title).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('link', { name: /^Obligations \(\d+ open\)$/ }).count()).toBe(1);
    // The refusal is an expected 409; the browser logs it like any failed request.
    await expect.poll(() => problems.filter((p) => p.includes('status of 409')).length).toBe(1);
    problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('status of 409')));
    await expectNoAxeViolations(page, 'system detail with the gate refusal');
  });

  it('works through the before-deployment obligations', async () => {
    const open = await beforeDeployment();
    await page.getByRole('link', { name: /^Obligations \(/ }).click();
    await expect.poll(() => h1(page).textContent()).toBe(`Obligations for ${name}`);
    await expect.poll(() => page.getByRole('heading', { name: /^Before deployment/ }).count()).toBe(1);
    expect(await page.getByText(`0 of`, { exact: false }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'obligations');

    const [withLink, withFile, notApplicable, ...rest] = open;
    if (!withLink || !withFile || !notApplicable) throw new Error('expected three before-deployment obligations');

    // A link: one added and removed after a confirmation, then the real one.
    const linkRegion = obligationRegion(withLink.title);
    await linkRegion.getByRole('button', { name: 'Add link' }).click();
    await expect.poll(() => linkRegion.getByRole('alert').filter({ hasText: 'Give the link a title.' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'link form with errors');
    await linkRegion.getByLabel('Link title').fill('Draft note');
    await linkRegion.getByLabel('Web address').fill('https://intranet.example/draft');
    await linkRegion.getByRole('button', { name: 'Add link' }).click();
    await expect.poll(() => status(page, 'The link “Draft note” was added.').count()).toBe(1);
    await linkRegion.getByRole('button', { name: 'Remove “Draft note”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove “Draft note”?' });
    await expect.poll(() => dialog.count()).toBe(1);
    await expectNoAxeViolations(page, 'remove evidence dialog');
    await dialog.getByRole('button', { name: 'Remove evidence' }).click();
    await expect.poll(() => status(page, '“Draft note” was removed').count()).toBe(1);
    await linkRegion.getByLabel('Link title').fill('Data protection impact assessment');
    await linkRegion.getByLabel('Web address').fill('https://intranet.example/dpia');
    await linkRegion.getByRole('button', { name: 'Add link' }).click();
    const evidenceLink = linkRegion.getByRole('link', { name: 'Data protection impact assessment (link, opens in a new tab)' });
    await expect.poll(() => evidenceLink.count()).toBe(1);
    expect(await evidenceLink.getAttribute('target')).toBe('_blank');
    await setStatus(withLink.title, /^Met/);
    await expect.poll(() => status(page, `“${withLink.title}” is now met.`).count()).toBe(1);

    // A file: a type Glassbox does not keep is refused before sending, a text file is kept.
    const fileRegion = obligationRegion(withFile.title);
    await fileRegion.getByLabel('File', { exact: true }).setInputFiles({ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await fileRegion.getByRole('button', { name: 'Upload file' }).click();
    await expect.poll(() => fileRegion.getByRole('alert').filter({ hasText: 'Glassbox cannot keep this type of file' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'file upload with a type error');
    await fileRegion.getByLabel('File', { exact: true }).setInputFiles({ name: 'risk-log.txt', mimeType: 'text/plain', buffer: Buffer.from('Risk log: reviewed by the board.\n') });
    await fileRegion.getByLabel('File title (optional)').fill('Risk log');
    await fileRegion.getByRole('button', { name: 'Upload file' }).click();
    await expect.poll(() => status(page, 'The file “Risk log” was added.').count()).toBe(1);
    const download = fileRegion.getByRole('link', { name: /^Risk log \(download file/ });
    expect(await download.count()).toBe(1);
    const href = (await download.getAttribute('href')) ?? '';
    const fetched = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(fetched).toBe('Risk log: reviewed by the board.\n');
    await setStatus(withFile.title, /^Met/);
    await expect.poll(() => status(page, `“${withFile.title}” is now met.`).count()).toBe(1);

    // Not applicable needs a reason.
    const naRegion = obligationRegion(notApplicable.title);
    await naRegion.getByRole('radio', { name: /^Not applicable/ }).check();
    await naRegion.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => naRegion.getByRole('alert').filter({ hasText: 'Say why this obligation does not apply to the system.' }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'not applicable without a reason');
    await setStatus(notApplicable.title, /^Not applicable/, 'The supplier already holds this for the whole product.');
    await expect.poll(() => status(page, `“${notApplicable.title}” is now not applicable.`).count()).toBe(1);

    for (const o of rest) {
      await setStatus(o.title, /^Met/);
      await expect.poll(() => status(page, `“${o.title}” is now met.`).count()).toBe(1);
    }
    expect((await beforeDeployment()).every((o) => o.status === 'met' || o.status === 'not_applicable')).toBe(true);
    await expect.poll(() => page.getByText(`${open.length} of`, { exact: false }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'obligations once worked through');
    expect(problems).toEqual([]);
  });

  it('puts the system in service once nothing is missing', async () => {
    await page.getByRole('link', { name: `Back to ${name}` }).click();
    await expect.poll(() => h1(page).textContent()).toBe(name);
    await page.getByRole('radio', { name: /^In service/ }).check();
    await page.getByLabel('Reason', { exact: true }).fill('Everything before deployment is done.');
    await page.getByRole('button', { name: 'Move to this stage' }).click();
    await expect.poll(() => status(page, 'has moved to In service').count()).toBe(1);
    await expectNoAxeViolations(page, 'system detail in service');
  });

  it('shows the organisation at a glance on the home page', async () => {
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /at a glance$/ }).count()).toBe(1);
    const tiers = page.getByRole('list', { name: 'Systems by EU AI Act tier' });
    await expect.poll(() => tiers.getByRole('link').count()).toBe(5);
    const high = tiers.getByRole('link', { name: /High-risk/ });
    const highCount = Number((await high.textContent())?.trim().split(' ')[0]);
    expect(highCount).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('heading', { name: 'Obligations overdue' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Systems missing a screening' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'home with the overview');
    await high.click();
    await expect.poll(() => h1(page).textContent()).toBe('AI systems');
    expect(new URL(page.url()).searchParams.get('euTier')).toBe('high');
    await expect.poll(() => page.getByRole('link', { name }).count()).toBe(1);

    // A system registered and never screened is counted and listed.
    const unscreened = `Unscreened chatbot ${Date.now()}`;
    const created = await api(page, 'POST', '/orgs/riverton/systems', {
      name: unscreened,
      purpose: 'Answers questions about bin collections.',
      description: '',
      unitId: null,
      sourcing: 'in_house',
      supplier: null,
      decisionRole: 'informs',
      affectedPeople: '',
      dataCategories: [],
      personalData: false,
      humanOversight: '',
      publicVisibility: 'internal',
      tags: [],
    });
    expect(created.status).toBe(201);
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Home' }).click();
    const missing = page.getByRole('link', { name: /^Show the \d+ systems? never screened$/ });
    await expect.poll(() => missing.count()).toBe(1);
    await missing.click();
    await expect.poll(() => h1(page).textContent()).toBe('AI systems');
    expect(new URL(page.url()).searchParams.get('screened')).toBe('no');
    await expect.poll(() => page.getByRole('link', { name: unscreened }).count()).toBe(1);
    await expectNoAxeViolations(page, 'systems never screened');
    expect(problems).toEqual([]);
  });

  it('lets a governance officer read the tier policy but not change it', async () => {
    await page.goto(`${server.baseUrl}/app/admin/tier-policy`);
    await expect.poll(() => h1(page).textContent()).toBe('Tier policy');
    await expect.poll(() => page.getByRole('heading', { name: 'How a system gets its tier' }).count()).toBe(1);
    expect(await page.getByText('Only administrators can change the tier policy.').count()).toBe(1);
    expect(await page.getByLabel('Tier policy (JSON)').count()).toBe(0);
    await expectNoAxeViolations(page, 'tier policy, read only');
  });

  it('lets an administrator edit the tier policy and reset it', async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const { page: admin, problems: adminProblems } = await newPage(adminContext);
      await signIn(admin, 'admin@riverton.example');
      await admin.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Admin' }).click();
      await admin.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Tier policy' }).click();
      await expect.poll(() => h1(admin).textContent()).toBe('Tier policy');
      await expect.poll(() => admin.getByText('This is the built-in default policy', { exact: false }).count()).toBe(1);
      await expectNoAxeViolations(admin, 'tier policy editor');

      const editor = admin.getByLabel('Tier policy (JSON)');
      const original = JSON.parse(await editor.inputValue()) as { tiers: Array<{ label: string }>; rules: Array<{ tier: string }> };

      await editor.fill('{ "tiers": [');
      await admin.getByRole('button', { name: 'Save policy' }).click();
      await expect.poll(() => admin.getByRole('alert').filter({ hasText: 'not valid JSON' }).count()).toBeGreaterThan(0);

      const broken = structuredClone(original);
      if (broken.rules[0]) broken.rules[0].tier = 'no-such-tier';
      await editor.fill(JSON.stringify(broken, null, 2));
      await admin.getByRole('button', { name: 'Save policy' }).click();
      const summary = admin.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect.poll(() => summary.getByRole('link').count()).toBeGreaterThan(0);
      expect(await summary.textContent()).toContain('no-such-tier');
      await expectNoAxeViolations(admin, 'tier policy with problems');

      const changed = structuredClone(original);
      if (changed.tiers[0]) changed.tiers[0].label = 'Highest scrutiny';
      await editor.fill(JSON.stringify(changed, null, 2));
      await admin.getByRole('button', { name: 'Save policy' }).click();
      await expect.poll(() => status(admin, 'The tier policy has been saved.').count()).toBe(1);
      expect(await admin.getByRole('heading', { name: /^Highest scrutiny/ }).count()).toBe(1);

      await admin.getByRole('button', { name: 'Reset to the default policy' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Reset to the default policy?' });
      await expectNoAxeViolations(admin, 'reset dialog');
      await dialog.getByRole('button', { name: 'Reset policy' }).click();
      await expect.poll(() => status(admin, 'reset to the default').count()).toBe(1);
      expect(await admin.getByRole('heading', { name: /^Highest scrutiny/ }).count()).toBe(0);
      // The refused policy is an expected 400; the browser logs it like any failed request.
      expect(adminProblems).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    } finally {
      await adminContext.close();
    }
  });
});
