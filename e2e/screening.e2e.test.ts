/**
 * The screening screens in a real browser: a governance officer screens a benefits-eligibility
 * support tool through the questionnaire (errors first, a follow-up question opened by "Not sure",
 * a result checked before saving, open questions when unsure) and reads the saved result (High-risk under Annex III 5(a), FRIA
 * required, obligations listed); then quick-screens a product that scores people socially, which
 * comes out Prohibited, and saves it as a proposal. axe-core runs on every page state visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, expectNoAxeViolations, launchBrowser, newPage, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
const systemName = `Benefits eligibility helper ${Date.now()}`;
const productName = `Resident trust score ${Date.now()}`;
let systemId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  ({ page, problems } = await newPage(context));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const h1 = (p: Page) => p.locator('h1');
/** Ids hold dots and brackets (they are the server's field paths), so they are matched as attributes. */
const byId = (p: Page, id: string) => p.locator(`[id="${id}"]`);
const choose = (p: Page, key: string, value: string) => byId(p, `${key}-${value}`).check();

const PRACTICES = [
  'eu.prohibited.manipulation',
  'eu.prohibited.exploitationOfVulnerabilities',
  'eu.prohibited.socialScoring',
  'eu.prohibited.crimeRiskProfiling.practice',
  'eu.prohibited.untargetedFacialScraping',
  'eu.prohibited.emotionRecognitionAtWorkOrEducation.practice',
  'eu.prohibited.sensitiveBiometricCategorisation.practice',
  'eu.prohibited.realTimeRemoteBiometricIdentification.practice',
];
const TRANSPARENCY = ['interactsWithNaturalPersons', 'generatesSyntheticContent', 'emotionRecognition', 'biometricCategorisation', 'deepFake', 'publicInterestText'].map(
  (k) => `eu.transparency.${k}`,
);

/** Answers the EU and OMB questions; `prohibited` names the practice answered "Yes". */
async function answerQuestionnaire(p: Page, opts: { annexIII: string[]; prohibited?: string; presumed: string[] }): Promise<void> {
  await choose(p, 'frameworks.eu', 'yes');
  await choose(p, 'frameworks.omb', 'yes');
  await choose(p, 'eu.deployer.kind', 'public_authority');
  for (const key of PRACTICES) await choose(p, key, key === opts.prohibited ? 'yes' : 'no');
  for (const point of opts.annexIII) await byId(p, `eu.annexIII.points-${point}`).check();
  await choose(p, 'eu.annexI.productOrSafetyComponent', 'no');
  await choose(p, 'eu.derogation.claimed', 'no');
  await choose(p, 'eu.derogation.profilesNaturalPersons', 'no');
  for (const key of TRANSPARENCY) await choose(p, key, 'no');
  await choose(p, 'eu.context.lawEnforcement', 'no');
  await choose(p, 'eu.context.migrationAsylumBorder', 'no');
  await choose(p, 'omb.principalBasis', 'yes');
  await choose(p, 'omb.rightsEffect', 'yes');
  await choose(p, 'omb.safetyEffect', 'no');
  for (const category of opts.presumed) await byId(p, `omb.presumedCategories-${category}`).check();
  await choose(p, 'omb.isPilot', 'no');
  await choose(p, 'facts.affectsPeople', 'yes');
}

describe('screening', () => {
  it('signs in a governance officer and registers a system to screen', async () => {
    await page.goto(`${server.baseUrl}/app/sign-in`);
    await page.getByLabel('Email address').fill('governance@riverton.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => h1(page).textContent()).toMatch(/^Welcome/);

    const created = await page.evaluate(async (name) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/v1/orgs/riverton/systems', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          name,
          purpose: 'Helps caseworkers check whether applicants are eligible for housing benefit.',
          description: '',
          unitId: null,
          sourcing: 'in_house',
          supplier: null,
          decisionRole: 'recommends',
          affectedPeople: 'Applicants for housing benefit',
          dataCategories: [],
          personalData: true,
          humanOversight: '',
          publicVisibility: 'internal',
          tags: [],
        }),
      });
      return { status: res.status, body: (await res.json()) as { id: string } };
    }, systemName);
    expect(created.status).toBe(201);
    systemId = created.body.id;

    await page.goto(`${server.baseUrl}/app/systems/${systemId}`);
    await expect.poll(() => h1(page).textContent()).toBe(systemName);
    await page.getByRole('link', { name: 'Screen this system' }).click();
    await expect.poll(() => h1(page).textContent()).toBe(`Screen ${systemName}`);
    await expectNoAxeViolations(page, 'empty questionnaire');
  });

  it('says which questions are unanswered and links to them', async () => {
    await page.getByRole('button', { name: 'Save the screening' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect.poll(() => summary.count()).toBe(1);
    await expect.poll(() => summary.getByRole('link', { name: 'Answer the question on Art. 5(1)(c).' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'questionnaire with errors');
    await summary.getByRole('link', { name: 'Answer the question on Art. 5(1)(c).' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('eu.prohibited.socialScoring-yes');
  });

  it('asks a narrower follow-up when the answer is "Not sure"', async () => {
    const followUp = page.getByRole('group', { name: /only support a person’s assessment/ });
    expect(await followUp.count()).toBe(0);
    await choose(page, 'eu.prohibited.crimeRiskProfiling.practice', 'unsure');
    await expect.poll(() => followUp.count()).toBe(1);
    await expectNoAxeViolations(page, 'questionnaire with a follow-up question');
    await choose(page, 'eu.prohibited.crimeRiskProfiling.practice', 'no');
    await expect.poll(() => followUp.count()).toBe(0);
  });

  it('checks the result before saving, then saves and shows it', async () => {
    await answerQuestionnaire(page, { annexIII: ['5(a)'], presumed: ['government-benefits'] });
    await page.getByRole('button', { name: 'Check the result' }).click();
    const preview = page.getByRole('region', { name: 'What these answers mean' });
    await expect.poll(() => preview.getByText('High-risk', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'questionnaire with the checked result');

    await page.getByRole('button', { name: 'Save the screening' }).click();
    await expect.poll(() => h1(page).textContent()).toBe(`Screening result: ${systemName}`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The screening has been saved.' }).count()).toBe(1);
    expect(await page.getByRole('main').getByText('High-risk', { exact: true }).count()).toBe(1);
    const bases = page.getByRole('list', { name: 'EU AI Act legal bases' });
    expect(await bases.getByText(/Annex III 5\(a\)/).count()).toBeGreaterThan(0);
    const fria = page.locator('dt', { hasText: 'Fundamental rights impact assessment' }).locator('xpath=following-sibling::dd[1]');
    expect(await fria.getByText('Required', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('main').getByText('High-impact', { exact: true }).count()).toBe(1);
    const obligations = page.getByRole('table', { name: 'Obligations' }).locator('tbody tr');
    expect(await obligations.count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'See and track the system’s obligations' }).getAttribute('href')).toBe(`/app/systems/${systemId}/obligations`);
    await expectNoAxeViolations(page, 'screening result');
  });

  it('pre-fills the questionnaire from the latest screening', async () => {
    await page.getByRole('link', { name: 'Screen again' }).click();
    await expect.poll(() => h1(page).textContent()).toBe(`Screen ${systemName}`);
    expect(await byId(page, 'eu.annexIII.points-5(a)').isChecked()).toBe(true);
    expect(await byId(page, 'omb.presumedCategories-government-benefits').isChecked()).toBe(true);
    expect(await byId(page, 'eu.prohibited.socialScoring-no').isChecked()).toBe(true);

    // "Not sure" about a prohibited practice leaves the tier open and says what is still to answer.
    await choose(page, 'eu.prohibited.crimeRiskProfiling.practice', 'unsure');
    await page.getByRole('button', { name: 'Check the result' }).click();
    const preview = page.getByRole('region', { name: 'What these answers mean' });
    await expect.poll(() => preview.getByRole('heading', { name: 'Questions still open' }).count()).toBe(1);
    expect(await preview.getByText('Not yet determined', { exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'checked result with open questions');
  });

  it('quick-screens a product with social scoring and saves it as a proposal', async () => {
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Screen a product' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Screen a product');
    await expectNoAxeViolations(page, 'quick screen');

    await page.getByLabel('Name', { exact: true }).fill(productName);
    await page.getByLabel('Purpose', { exact: true }).fill('Scores residents’ trustworthiness to decide who gets priority for services.');
    await choose(page, 'proposal.sourcing', 'procured');
    await page.getByLabel('Supplier (optional)').fill('Acme Analytics');
    await choose(page, 'facts.decisionRole', 'decides');
    await choose(page, 'facts.personalData', 'yes');
    await answerQuestionnaire(page, { annexIII: [], prohibited: 'eu.prohibited.socialScoring', presumed: [] });

    await page.getByRole('button', { name: 'Check the result' }).click();
    const preview = page.getByRole('region', { name: 'What these answers mean' });
    await expect.poll(() => preview.getByText('Prohibited', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'quick screen with the checked result');

    await page.getByRole('button', { name: 'Save as a proposal' }).click();
    await expect.poll(() => h1(page).textContent()).toBe(productName);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'added to the inventory as a proposal' }).count()).toBe(1);
    expect(await page.locator('.usa-summary-box').getByText('Prohibited', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Proposed', { exact: true }).first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'proposed system after a quick screen');
    expect(problems).toEqual([]);
  });
});
