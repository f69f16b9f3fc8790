/**
 * Assessments in a real browser. The demo system owner registers a system that processes personal
 * data, opens the assessments it needs from its page and starts the data protection screening;
 * answers appear and disappear as she answers, autosave says "Saved at", the progress bar moves;
 * submitting with a required answer missing puts the error next to it; a colleague's change to the
 * same answer is offered as a choice; then she completes and submits it. The governance officer
 * returns it with a comment, which she reads in a banner before submitting again; he approves it,
 * reads the result with its level and sign-offs, and starts a reassessment that shows what changed;
 * he reads it in French, with the reports in both languages; he reads the readiness page with its
 * chart (an approved readiness assessment is made through the API when the demo has none), the
 * tasks, and the template administration (a broken import names the offending path, the preview
 * scores live, a cloned draft is discarded, a YAML template is imported, published after a
 * confirmation, started from the organisation's assessments list, filled in with a file upload, then
 * archived and restored). axe-core runs on every page state visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, expectNoAxeViolations, followNav, launchBrowser, newPage, signInAsDemo, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let ownerContext: BrowserContext;
let governanceContext: BrowserContext;
let owner: Page;
let governance: Page;
let ownerProblems: string[];
let governanceProblems: string[];
const name = `Resident enquiries helper ${Date.now()}`;
let systemId = '';
let assessmentId = '';

const DPS_TITLE = /data protection screening/i;
const Q_PERSONAL = /^Does the system use any information about identifiable people/;
const Q_EXPLAIN = /^Explain how you made sure the system uses no personal data/;
const Q_DPO = /^Has the data protection officer reviewed this screening/;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ownerContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  governanceContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  ({ page: owner, problems: ownerProblems } = await newPage(ownerContext));
  ({ page: governance, problems: governanceProblems } = await newPage(governanceContext));
});
afterAll(async () => {
  await ownerContext?.close();
  await governanceContext?.close();
  await browser?.close();
  await server?.stop();
});

const h1 = (p: Page) => p.locator('h1');
const status = (p: Page, text: string | RegExp) => p.getByRole('status').filter({ hasText: text });

const signIn = (p: Page, email: string): Promise<void> => signInAsDemo(p, server.baseUrl, email);

const api = apiCall;

/** Expected failures (a refused submit, a conflict) are logged by the browser like any failed request. */
function dropExpected(problems: string[], status: number): void {
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes(`status of ${status}`)));
}

type Detail = { id: string; revision: number; status: string; answers: Record<string, unknown>; document: { sections: Array<{ questions: Array<{ id: string; type: string; choices?: Array<{ value: string; weight?: number }> }> }> } };

describe('assessments', () => {
  it('shows a system owner the assessments her system needs', async () => {
    await signIn(owner, 'owner@riverton.example');
    const created = await api<{ id: string }>(owner, 'POST', '/orgs/riverton/systems', {
      name,
      purpose: 'Sorts residents’ emailed enquiries to the right team.',
      description: 'Suggests a team for each enquiry; staff check every suggestion.',
      unitId: null,
      sourcing: 'in_house',
      supplier: null,
      decisionRole: 'informs',
      affectedPeople: 'Residents who write to the council',
      dataCategories: ['contact details'],
      personalData: true,
      humanOversight: 'Staff confirm or change every routing suggestion.',
      publicVisibility: 'public',
      tags: [],
    });
    expect(created.status).toBe(201);
    systemId = created.body.id;

    await owner.goto(`${server.baseUrl}/app/systems/${systemId}`);
    await expect.poll(() => h1(owner).textContent()).toBe(name);
    const panel = owner.getByRole('region', { name: 'Assessments' });
    await expect.poll(() => panel.getByText(DPS_TITLE).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(owner, 'system detail with the assessments panel');

    await panel.getByRole('link', { name: 'Assessments of this system' }).click();
    await expect.poll(() => h1(owner).textContent()).toBe(`Assessments for ${name}`);
    await expect.poll(() => owner.getByText('The system processes personal data', { exact: false }).count()).toBeGreaterThan(0);
    // Templates the rules do not call for can be started too; the needed one is not offered twice.
    const another = owner.getByRole('region', { name: 'Start another assessment' });
    const templateSelect = another.getByLabel('Assessment template');
    await expect.poll(() => templateSelect.locator('option').count()).toBeGreaterThan(1);
    expect(await templateSelect.locator('option', { hasText: DPS_TITLE }).count()).toBe(0);
    expect(await templateSelect.locator('option', { hasText: /readiness/i }).count()).toBe(0);
    await expectNoAxeViolations(owner, 'system assessments');
  });

  it('fills in with live questions, autosave and progress, and refuses to submit with a required answer missing', async () => {
    await owner.getByRole('button', { name: /^Start .*data protection screening/i }).click();
    await expect.poll(() => h1(owner).textContent()).toMatch(DPS_TITLE);
    assessmentId = new URL(owner.url()).pathname.split('/').pop() ?? '';
    expect(assessmentId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => status(owner, /started/).count()).toBe(1);
    const progress = owner.locator('label[for="assessment-progress"]');
    await expect.poll(() => progress.textContent()).toMatch(/^0 of \d+ questions answered/);
    expect(await owner.getByLabel(Q_EXPLAIN).count()).toBe(0);
    await expectNoAxeViolations(owner, 'fill-in page, empty');

    await owner.getByRole('group', { name: Q_PERSONAL }).getByRole('radio', { name: 'No', exact: true }).check();
    // The follow-up question appears at once, and the answer is saved without pressing anything.
    await expect.poll(() => owner.getByLabel(Q_EXPLAIN).count()).toBe(1);
    await expect.poll(() => status(owner, /^Saved at \d/).count()).toBe(1);
    await expect.poll(() => progress.textContent()).toMatch(/^1 of \d+ questions answered/);
    await expect.poll(() => owner.getByText(/^Last changed by Olivia Chen/).count()).toBe(1);

    await owner.getByRole('button', { name: 'Submit for review' }).click();
    const summary = owner.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect.poll(() => summary.count()).toBe(1);
    expect(await summary.getByRole('link', { name: /Explain how you made sure the system uses no personal data/ }).count()).toBe(1);
    const explain = owner.getByLabel(Q_EXPLAIN);
    expect(await explain.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await explain.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
    expect(await owner.locator(`#${errorId ?? 'missing'}`).textContent()).toMatch(/required/);
    await expectNoAxeViolations(owner, 'fill-in page with a missing required answer');

    // The link in the summary takes the person to the field.
    await summary.getByRole('link', { name: /Explain how you made sure the system uses no personal data/ }).click();
    await expect.poll(() => owner.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await explain.fill('It reads only the subject line category the resident picks; no names, addresses or free text.');
    await expect.poll(() => progress.textContent()).toMatch(/^2 of \d+ questions answered/);
    // Saved about a second after the last keystroke, without leaving the field.
    await expect
      .poll(async () => (await api<Detail>(owner, 'GET', `/orgs/riverton/assessments/${assessmentId}`)).body.answers['personal-data-none-explain'])
      .toMatch(/^It reads only the subject line/);
    await expect.poll(() => status(owner, /^Saved at \d/).count()).toBe(1);
  });

  it('offers a choice when a colleague saved the same answer meanwhile', async () => {
    await signIn(governance, 'governance@riverton.example');
    const current = await api<Detail>(governance, 'GET', `/orgs/riverton/assessments/${assessmentId}`);
    const theirs = 'The governance officer’s wording of the explanation.';
    const patched = await api(governance, 'PATCH', `/orgs/riverton/assessments/${assessmentId}/answers`, {
      revision: current.body.revision,
      answers: { 'personal-data-none-explain': theirs },
    });
    expect(patched.status).toBe(200);

    const explain = owner.getByLabel(Q_EXPLAIN);
    await explain.fill('It reads only the category the resident picks from a list: no names, addresses or free text.');
    await explain.blur();
    const conflict = owner.getByRole('alert').filter({ hasText: 'Someone else changed the same answers' });
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.getByText(theirs, { exact: false }).count()).toBe(1);
    expect(await conflict.getByText('Gabriel Santos', { exact: false }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(owner, 'fill-in page with a conflict');
    await conflict.getByRole('button', { name: /^Keep my answer/ }).click();
    await expect.poll(() => status(owner, /^Saved at \d/).count()).toBe(1);
    const saved = await api<Detail>(owner, 'GET', `/orgs/riverton/assessments/${assessmentId}`);
    expect(saved.body.answers['personal-data-none-explain']).toMatch(/^It reads only the category/);

    // Again, and this time the colleague's wording is taken.
    const again = await api<Detail>(governance, 'GET', `/orgs/riverton/assessments/${assessmentId}`);
    expect((await api(governance, 'PATCH', `/orgs/riverton/assessments/${assessmentId}/answers`, { revision: again.body.revision, answers: { 'personal-data-none-explain': theirs } })).status).toBe(200);
    await explain.fill('A third wording that will be dropped.');
    await explain.blur();
    await expect.poll(() => conflict.count()).toBe(1);
    await conflict.getByRole('button', { name: /^Take their answer/ }).click();
    await expect.poll(() => conflict.count()).toBe(0);
    expect(await explain.inputValue()).toBe(theirs);
    await explain.fill('It reads only the category the resident picks from a list: no names, addresses or free text.');
    await explain.blur();
    await expect
      .poll(async () => (await api<Detail>(owner, 'GET', `/orgs/riverton/assessments/${assessmentId}`)).body.answers['personal-data-none-explain'])
      .toMatch(/^It reads only the category/);
    dropExpected(ownerProblems, 409);
    dropExpected(ownerProblems, 400);
  });

  it('submits once every required answer is given', async () => {
    await owner.getByRole('group', { name: Q_DPO }).getByRole('radio', { name: 'No', exact: true }).check();
    await expect.poll(() => status(owner, /^Saved at \d/).count()).toBe(1);
    await owner.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => h1(owner).textContent()).toMatch(/^Result: /);
    await expect.poll(() => status(owner, 'The assessment was submitted for review.').count()).toBe(1);
    expect(await owner.getByText('Submitted for review', { exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(owner, 'result page, submitted');
    expect(ownerProblems).toEqual([]);
  });

  it('lets the governance officer return it with a comment, which the owner reads before submitting again', async () => {
    await governance.goto(`${server.baseUrl}/app/assessments/${assessmentId}`);
    await expect.poll(() => h1(governance).textContent()).toMatch(DPS_TITLE);
    const review = governance.getByRole('region', { name: 'Approve or return' });
    await expect.poll(() => review.count()).toBe(1);
    await expectNoAxeViolations(governance, 'assessment waiting for review');
    await review.getByRole('button', { name: 'Return with comment' }).click();
    await expect.poll(() => review.getByText('Say what has to change', { exact: false }).count()).toBeGreaterThan(0);
    await review.getByLabel('Comment', { exact: true }).fill('Say which list the category comes from.');
    await review.getByRole('button', { name: 'Return with comment' }).click();
    await expect.poll(() => status(governance, 'The assessment was returned with your comment.').count()).toBe(1);

    await owner.goto(`${server.baseUrl}/app/assessments/${assessmentId}`);
    const banner = owner.locator('.usa-alert').filter({ has: owner.getByRole('heading', { name: 'Returned for changes' }) });
    await expect.poll(() => banner.textContent()).toContain('Gabriel Santos returned this assessment');
    expect(await banner.textContent()).toContain('Say which list the category comes from.');
    await expectNoAxeViolations(owner, 'returned assessment');
    const explain = owner.getByLabel(Q_EXPLAIN);
    await explain.fill('It reads only the category the resident picks from the fixed list on the web form: no names, addresses or free text.');
    await explain.blur();
    await expect.poll(() => status(owner, /^Saved at \d/).count()).toBe(1);
    await owner.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => status(owner, 'The assessment was submitted for review.').count()).toBe(1);
    expect(ownerProblems).toEqual([]);
  });

  it('lets the governance officer approve it and read the result', async () => {
    await governance.goto(`${server.baseUrl}/app/assessments/${assessmentId}`);
    await expect.poll(() => h1(governance).textContent()).toMatch(DPS_TITLE);
    const review = governance.getByRole('region', { name: 'Approve or return' });
    await expect.poll(() => review.count()).toBe(1);
    await review.getByLabel('Comment', { exact: true }).fill('Checked against the data inventory.');
    await review.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => h1(governance).textContent()).toMatch(/^Result: /);
    await expect.poll(() => status(governance, 'The assessment was approved.').count()).toBe(1);
    await expect.poll(() => governance.getByRole('heading', { name: /^Level: / }).count()).toBe(1);
    const signoffs = governance.getByRole('region', { name: 'Sign-offs' });
    // Submitted twice, returned once, approved once.
    expect(await signoffs.getByRole('cell', { name: 'Olivia Chen' }).count()).toBe(2);
    expect(await signoffs.getByRole('cell', { name: 'Returned' }).count()).toBe(1);
    expect(await signoffs.getByRole('cell', { name: 'Gabriel Santos' }).count()).toBe(2);
    expect(await signoffs.getByRole('cell', { name: 'Checked against the data inventory.' }).count()).toBe(1);
    expect(await governance.getByRole('link', { name: 'Report as PDF', exact: true }).count()).toBe(1);
    expect(await governance.getByRole('button', { name: 'Start reassessment' }).count()).toBe(1);
    await expectNoAxeViolations(governance, 'result page, approved');

    // Approved means locked: the answers are shown as text, not as fields.
    await governance.getByRole('link', { name: 'Read the answers' }).click();
    await expect.poll(() => governance.getByRole('heading', { name: 'Approved and locked' }).count()).toBe(1);
    expect(await governance.getByRole('textbox').count()).toBe(0);
    await expectNoAxeViolations(governance, 'approved assessment, read-only');

    // The next round starts pre-filled and shows what changed against the approved one.
    await governance.goto(`${server.baseUrl}/app/assessments/${assessmentId}/result`);
    await governance.getByRole('button', { name: 'Start reassessment' }).click();
    await expect.poll(() => status(governance, /^Reassessment started, pre-filled from round 1/).count()).toBe(1);
    expect(new URL(governance.url()).pathname).not.toContain(assessmentId);
    await expect.poll(() => governance.getByText('Round 2', { exact: true }).count()).toBe(1);
    expect(await governance.getByRole('group', { name: Q_PERSONAL }).getByRole('radio', { name: 'No', exact: true }).isChecked()).toBe(true);
    await governance.getByRole('link', { name: 'See the result and reports' }).click();
    await expect.poll(() => governance.getByRole('heading', { name: 'Changes since round 1' }).count()).toBe(1);
    await expect.poll(() => governance.getByText('No answer changed.').count()).toBe(1);
    await expectNoAxeViolations(governance, 'result of a reassessment with the diff');
  });

  it('shows a filled-in assessment in French, with the reports in each language', async () => {
    // Round 2, started above, is open and answered.
    await governance.getByRole('link', { name: 'Continue filling in' }).click();
    await expect.poll(() => h1(governance).textContent()).toMatch(DPS_TITLE);
    await governance.getByLabel('Language of the questions').selectOption('fr');
    await expect.poll(() => new URL(governance.url()).searchParams.get('lang')).toBe('fr');
    const personal = governance.getByRole('group', { name: /^Le système utilise-t-il des informations sur des personnes identifiables/ });
    await expect.poll(() => personal.count()).toBe(1);
    // The answer is the same in any language, and the French text is marked French for screen readers.
    expect(await personal.getByRole('radio', { name: 'Non', exact: true }).isChecked()).toBe(true);
    expect(await governance.locator('section[lang="fr"]').count()).toBeGreaterThan(0);
    expect(await h1(governance).textContent()).toMatch(/Pré-analyse de protection des données/);
    // The app's own words stay English.
    expect(await governance.getByRole('button', { name: 'Submit for review' }).count()).toBe(1);
    await expectNoAxeViolations(governance, 'fill-in page in French');

    await governance.getByRole('link', { name: 'See the result and reports' }).click();
    await expect.poll(() => h1(governance).textContent()).toMatch(/^Result: Pré-analyse de protection des données/);
    expect(new URL(governance.url()).searchParams.get('lang')).toBe('fr');
    const reports = governance.getByRole('region', { name: 'Reports' });
    const frenchPdf = reports.getByRole('link', { name: /^Report as PDF\s+in French/ });
    expect(await frenchPdf.count()).toBe(1);
    expect(await frenchPdf.getAttribute('href')).toMatch(/report\.pdf\?lang=fr$/);
    expect(await reports.getByRole('link', { name: 'Report as PDF', exact: true }).getAttribute('href')).toMatch(/report\.pdf$/);
    const report = await api<unknown>(governance, 'GET', `/orgs/riverton/assessments/${new URL(governance.url()).pathname.split('/').at(-2) ?? ''}/report.json?lang=fr`);
    expect(report.status).toBe(200);
    await expectNoAxeViolations(governance, 'result page in French');
    expect(governanceProblems).toEqual([]);
  });

  it('shows the organisation’s readiness as a chart with a table and a gap report', async () => {
    const existing = await api<{ items: Array<{ id: string; status: string }> }>(governance, 'GET', '/orgs/riverton/assessments?templateKey=readiness&subject=organisation');
    if (!existing.body.items.some((a) => a.status === 'approved')) {
      // The demo has no approved readiness assessment: make one, answered halfway up every scale.
      const open = existing.body.items.find((a) => a.status !== 'approved');
      const started = open
        ? await api<Detail>(governance, 'GET', `/orgs/riverton/assessments/${open.id}`)
        : await api<Detail>(governance, 'POST', '/orgs/riverton/assessments', { templateKey: 'readiness' });
      expect([200, 201]).toContain(started.status);
      const answers: Record<string, string | string[]> = {};
      for (const s of started.body.document.sections)
        for (const q of s.questions) {
          if (q.type === 'single_choice') answers[q.id] = q.choices?.[1]?.value ?? q.choices?.[0]?.value ?? '';
          else if (q.type === 'yes_no') answers[q.id] = 'yes';
          else if (q.type === 'multiple_choice') answers[q.id] = [q.choices?.[0]?.value ?? ''];
          else if (q.type === 'short_text' || q.type === 'long_text') answers[q.id] = 'Answered for the test.';
        }
      expect((await api(governance, 'PATCH', `/orgs/riverton/assessments/${started.body.id}/answers`, { revision: started.body.revision, answers })).status).toBe(200);
      expect((await api(governance, 'POST', `/orgs/riverton/assessments/${started.body.id}/submit`, {})).status).toBe(200);
      const { page: admin } = await newPage(ownerContext);
      await signIn(admin, 'admin@riverton.example');
      expect((await api(admin, 'POST', `/orgs/riverton/assessments/${started.body.id}/approve`, {})).status).toBe(200);
      await admin.close();
    }

    await followNav(governance, 'Readiness');
    await expect.poll(() => h1(governance).textContent()).toBe('AI readiness');
    const chart = governance.getByRole('img', { name: /Readiness by area/ });
    await expect.poll(() => chart.count()).toBe(1);
    for (const area of ['Leadership commitment', 'Technical infrastructure', 'Staff capabilities', 'Legal compliance', 'Community engagement']) {
      expect(await governance.getByRole('rowheader', { name: area }).count(), area).toBe(1);
    }
    await expect.poll(() => governance.getByRole('heading', { name: 'Gap report' }).count()).toBe(1);
    await expectNoAxeViolations(governance, 'readiness');

    await governance.getByRole('link', { name: 'Organisation tasks' }).first().click();
    await expect.poll(() => h1(governance).textContent()).toBe('Organisation tasks');
    await expect.poll(() => governance.getByText(/^\d+ tasks?\.$/).count()).toBe(1);
    await expectNoAxeViolations(governance, 'tasks');
  });

  it('lets the governance officer manage templates: a broken import names the path, the preview scores live', async () => {
    await governance.goto(`${server.baseUrl}/app/admin/assessment-templates`);
    await expect.poll(() => h1(governance).textContent()).toBe('Assessment templates');
    await expect.poll(() => governance.getByRole('link', { name: /Organisational AI readiness/ }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(governance, 'assessment templates');

    const broken = {
      format: 'glassbox.assessment-template/1',
      key: 'broken-test',
      title: { en: 'Broken' },
      languages: ['en'],
      subject: 'system',
      sections: [{ id: 's1', title: { en: 'One' }, questions: [{ id: 'q1', type: 'single_choice', title: { en: 'Pick' } }] }],
    };
    await governance.getByLabel('Template file', { exact: true }).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await governance.getByRole('button', { name: 'Import' }).click();
    const problemsBox = governance.getByRole('alert').filter({ hasText: 'The template has problems' });
    await expect.poll(() => problemsBox.count()).toBe(1);
    expect(await problemsBox.getByText(/sections\[0\]\.questions\[0\]/).count()).toBeGreaterThan(0);
    dropExpected(governanceProblems, 400);
    await expectNoAxeViolations(governance, 'template import with problems');

    await governance.getByRole('link', { name: /Organisational AI readiness/ }).first().click();
    await expect.poll(() => h1(governance).textContent()).toMatch(/^Template: /);
    await expectNoAxeViolations(governance, 'template detail');
    await governance.getByRole('button', { name: 'Clone into your own template' }).click();
    await expect.poll(() => status(governance, /Your own copy of “Organisational AI readiness” was made as draft version 1/).count()).toBe(1);
    await expect.poll(() => governance.getByLabel('Template document', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(governance, 'cloned draft editor');
    await governance.goto(`${server.baseUrl}/app/admin/assessment-templates`);
    await governance.getByRole('link', { name: /Organisational AI readiness/ }).last().click();
    await expect.poll(() => h1(governance).textContent()).toMatch(/^Template: /);
    await governance.getByRole('link', { name: /^Version \d+$/ }).first().click();
    await expect.poll(() => governance.getByRole('link', { name: 'Preview as the person filling it in' }).count()).toBe(1);
    await expectNoAxeViolations(governance, 'template version');
    await governance.getByRole('link', { name: 'Preview as the person filling it in' }).click();
    await expect.poll(() => h1(governance).textContent()).toMatch(/^Preview: /);
    await governance.getByRole('radio').first().check();
    await expect.poll(() => status(governance, /Level: /).count()).toBe(1);
    await expectNoAxeViolations(governance, 'template preview');
    await governance.getByLabel('Language of the questions').selectOption('fr');
    await expect.poll(() => governance.locator('section[lang="fr"] h2').first().textContent()).toBe('Engagement de la direction');
    await expectNoAxeViolations(governance, 'template preview in French');

    // The cloned draft was never published: discarding it takes the copy away, after a confirmation.
    await governance.getByRole('link', { name: /^Back to version/ }).click();
    await governance.getByRole('link', { name: 'Back to the template' }).click();
    await expect.poll(() => h1(governance).textContent()).toMatch(/^Template: /);
    await governance.getByRole('button', { name: 'Discard draft version 1' }).click();
    const discard = governance.getByRole('dialog', { name: 'Discard draft version 1?' });
    await expect.poll(() => discard.count()).toBe(1);
    await expectNoAxeViolations(governance, 'discard draft dialog');
    await discard.getByRole('button', { name: 'Discard the draft' }).click();
    await expect.poll(() => h1(governance).textContent()).toBe('Assessment templates');
    await expect.poll(() => status(governance, /was discarded, and the template with it/).count()).toBe(1);
    // Only the built-in is left (the list loads after the heading shows).
    await expect.poll(() => governance.getByRole('link', { name: /Organisational AI readiness/ }).count()).toBe(1);
    await expectNoAxeViolations(governance, 'assessment templates after a discard');
    expect(governanceProblems).toEqual([]);
  });

  it('imports, publishes and fills in a template of its own, with a file as an answer', async () => {
    const yaml = [
      'format: glassbox.assessment-template/1',
      'key: e2e-evidence-check',
      'title: { en: "Evidence check" }',
      'languages: [en]',
      'subject: organisation',
      'sections:',
      '  - id: main',
      '    title: { en: "Evidence" }',
      '    questions:',
      '      - id: policy-file',
      '        type: file',
      '        required: true',
      '        title: { en: "Upload the signed AI policy" }',
      '      - id: signed',
      '        type: yes_no',
      '        title: { en: "Is it signed?" }',
      '',
    ].join('\n');
    await governance.goto(`${server.baseUrl}/app/admin/assessment-templates`);
    await expect.poll(() => h1(governance).textContent()).toBe('Assessment templates');
    await governance.getByLabel('Template file', { exact: true }).setInputFiles({ name: 'evidence-check.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
    expect(await governance.getByLabel('Format').inputValue()).toBe('yaml');
    await governance.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => status(governance, /was imported as draft version 1 of “e2e-evidence-check”/).count()).toBe(1);
    await expect.poll(() => governance.getByRole('heading', { name: 'Import report' }).count()).toBe(1);
    await expectNoAxeViolations(governance, 'imported draft');
    await governance.getByRole('button', { name: 'Publish version 1' }).click();
    const dialog = governance.getByRole('dialog', { name: 'Publish version 1?' });
    await expect.poll(() => dialog.count()).toBe(1);
    await expectNoAxeViolations(governance, 'publish dialog');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => status(governance, /Version 1 is published/).count()).toBe(1);

    // Started from the organisation's assessments list, which the rules never ask for.
    await followNav(governance, 'Assessments');
    await expect.poll(() => h1(governance).textContent()).toBe('Assessments');
    await expect.poll(() => status(governance, /^\d+ assessments?\.$/).count()).toBe(1);
    const startOrg = governance.getByRole('region', { name: 'Start an assessment of the organisation' });
    await expect.poll(() => startOrg.getByLabel('Assessment template').locator('option', { hasText: 'Evidence check' }).count()).toBe(1);
    await expectNoAxeViolations(governance, 'organisation assessments list');
    await startOrg.getByRole('button', { name: 'Start the assessment' }).click();
    await expect.poll(() => startOrg.getByText('Choose the assessment to start.').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(governance, 'organisation assessments list, nothing chosen');
    await startOrg.getByLabel('Assessment template').selectOption('e2e-evidence-check');
    await startOrg.getByRole('button', { name: 'Start the assessment' }).click();
    await expect.poll(() => h1(governance).textContent()).toMatch(/^Evidence check/);
    await expect.poll(() => status(governance, '“Evidence check” started. Answers are saved as you type.').count()).toBe(1);
    const started = { body: { id: new URL(governance.url()).pathname.split('/').pop() ?? '' } };
    expect(started.body.id).toMatch(/^[0-9a-f-]{36}$/);
    await governance.getByLabel(/^Upload the signed AI policy/).setInputFiles({ name: 'ai-policy.txt', mimeType: 'text/plain', buffer: Buffer.from('Signed AI policy, version 3.') });
    await governance.getByRole('button', { name: /^Upload file/ }).click();
    await expect.poll(() => governance.getByRole('link', { name: 'ai-policy.txt' }).count()).toBeGreaterThan(0);
    await expect.poll(() => status(governance, /^Saved at \d/).count()).toBe(1);
    await expect.poll(async () => (await api<Detail>(governance, 'GET', `/orgs/riverton/assessments/${started.body.id}`)).body.answers['policy-file']).toHaveLength(1);
    await expect.poll(() => governance.locator('label[for="assessment-progress"]').textContent()).toMatch(/^1 of 2 questions answered/);
    await expectNoAxeViolations(governance, 'fill-in page with an uploaded file');

    // Once started, it is no longer offered.
    await followNav(governance, 'Assessments');
    const startOrg2 = governance.getByRole('region', { name: 'Start an assessment of the organisation' });
    await expect.poll(() => startOrg2.getByLabel('Assessment template').or(startOrg2.getByText(/has been started already/)).count()).toBe(1);
    expect(await startOrg2.locator('option', { hasText: 'Evidence check' }).count()).toBe(0);
    expect(governanceProblems).toEqual([]);
  });

  it('archives the organisation’s template and restores it, after a confirmation', async () => {
    await governance.goto(`${server.baseUrl}/app/admin/assessment-templates`);
    await governance.getByRole('link', { name: 'Evidence check' }).click();
    await expect.poll(() => h1(governance).textContent()).toBe('Template: Evidence check');
    const inUse = governance.locator('dt', { hasText: 'Used for new assessments' }).locator('xpath=following-sibling::dd');
    await expect.poll(() => inUse.textContent()).toBe('Yes');
    await governance.getByRole('button', { name: 'Archive the template' }).click();
    const dialog = governance.getByRole('dialog', { name: 'Archive “Evidence check”?' });
    await expect.poll(() => dialog.count()).toBe(1);
    await expectNoAxeViolations(governance, 'archive dialog');
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    await expect.poll(() => status(governance, /“Evidence check” is archived/).count()).toBe(1);
    await expect.poll(() => inUse.textContent()).toBe('No: archived');
    await expectNoAxeViolations(governance, 'archived template');

    await governance.getByRole('button', { name: 'Restore the template' }).click();
    const restore = governance.getByRole('dialog', { name: 'Restore “Evidence check”?' });
    await expect.poll(() => restore.count()).toBe(1);
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => status(governance, /“Evidence check” is restored/).count()).toBe(1);
    await expect.poll(() => inUse.textContent()).toBe('Yes');
    expect(governanceProblems).toEqual([]);
  });

  it('lets the governance officer change which assessments systems need, with problems named by their place, and reset to the defaults', async () => {
    await governance.goto(`${server.baseUrl}/app/admin/assessment-rules`);
    await expect.poll(() => h1(governance).textContent()).toBe('Assessment rules');
    const table = governance.getByRole('table', { name: /Rules in force/ });
    await expect.poll(() => table.getByText('vendor-prepurchase', { exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(governance, 'assessment rules');

    const editor = governance.getByLabel('Assessment rules (JSON)');
    const rules = JSON.parse(await editor.inputValue()) as Array<{ id: string; templateKey: string }>;
    const broken = rules.map((r, i) => (i === 2 ? { ...r, templateKey: 'no-such-template' } : r));
    await editor.fill(JSON.stringify(broken, null, 2));
    await governance.getByRole('button', { name: 'Save rules' }).click();
    const summary = governance.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect.poll(() => summary.getByRole('link', { name: /^\[2\]\.templateKey/ }).count()).toBe(1);
    await expectNoAxeViolations(governance, 'assessment rules with a problem');
    dropExpected(governanceProblems, 400);

    await editor.fill(JSON.stringify(rules.filter((r) => r.id !== 'vendor-prepurchase'), null, 2));
    await governance.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => status(governance, 'The assessment rules have been saved.').count()).toBe(1);
    await expect.poll(() => table.getByText('vendor-prepurchase', { exact: true }).count()).toBe(0);

    await governance.getByRole('button', { name: 'Reset to Glassbox defaults' }).click();
    const dialog = governance.getByRole('dialog', { name: 'Reset to Glassbox’s default rules?' });
    await expectNoAxeViolations(governance, 'reset rules dialog');
    await dialog.getByRole('button', { name: 'Reset rules' }).click();
    await expect.poll(() => status(governance, 'Glassbox’s defaults again').count()).toBe(1);
    await expect.poll(() => table.getByText('vendor-prepurchase', { exact: true }).count()).toBeGreaterThan(0);
    expect(governanceProblems).toEqual([]);
  });
});
