/**
 * The AI-system inventory in a real browser: a governance officer registers a procured system,
 * finds it in the list (filters kept in the address), edits it, reads the difference in its history,
 * moves it from idea to proposed, archives and restores it, sees its classification once it is
 * screened and the gate that then refuses approval; a member of staff can read but not
 * change; a system owner can register systems but not edit someone else's. axe-core runs on every
 * page state visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeScreeningAnswers } from '@glassbox/core/testing/factories';
import { expectNoAxeViolations, launchBrowser, newPage, signInAsDemo, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let governance: BrowserContext;
let page: Page;
let problems: string[];
const name = `Parking permit assistant ${Date.now()}`;
const firstPurpose = 'Answers residents’ questions about parking permits.';
const newPurpose = 'Answers residents’ questions about parking permits and suggests which permit fits.';
let systemPath = '';

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

const signIn = (p: Page, email: string): Promise<void> => signInAsDemo(p, server.baseUrl, email);

async function openInventory(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'AI systems' }).click();
  await expect.poll(() => h1(p).textContent()).toBe('AI systems');
}

const status = (p: Page, text: string | RegExp) => p.getByRole('status').filter({ hasText: text });

/** The filters sit in a disclosure, closed until a filter is set. */
async function openFilters(p: Page): Promise<void> {
  const toggle = p.getByRole('button', { name: /^Filter and sort/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

describe('AI-system inventory', () => {
  it('takes a governance officer from the home page to the inventory', async () => {
    await signIn(page, 'governance@riverton.example');
    expect(await page.getByRole('main').getByRole('link', { name: 'AI systems' }).count()).toBe(1);
    await openInventory(page);
    await expect.poll(() => status(page, /AI system/).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'inventory list');
  });

  it('says what is missing when the new-system form is sent empty', async () => {
    await page.getByRole('link', { name: 'Add an AI system' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Add an AI system');
    await expectNoAxeViolations(page, 'new system form');
    await page.getByRole('button', { name: 'Add AI system' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect.poll(() => summary.count()).toBe(1);
    for (const message of ['Enter the name of the system.', 'Say what the system is for.', 'Choose how the system was obtained.', 'Say whether the system uses personal data.']) {
      expect(await summary.getByRole('link', { name: message }).count(), message).toBe(1);
    }
    await expectNoAxeViolations(page, 'new system form with errors');
    await summary.getByRole('link', { name: 'Choose how the system was obtained.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sourcing-in_house');
  });

  it('registers a procured system with its supplier', async () => {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Purpose', { exact: true }).fill(firstPurpose);
    await page.getByLabel('Plain-language description (optional)').fill('You ask a question in the chat box; it answers from the council’s parking pages.');
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Digital and IT' });
    expect(await page.getByLabel('Supplier', { exact: true }).count()).toBe(0);
    await page.getByRole('radio', { name: /^Procured from a supplier/ }).check();
    await page.getByLabel('Supplier', { exact: true }).fill('Acme Civic AI Ltd');
    await page.getByRole('radio', { name: /^Recommends/ }).check();
    await page.getByLabel('Who is affected (optional)').fill('Residents applying for a parking permit');
    const categories = page.getByRole('textbox', { name: 'Data categories (optional)' });
    await categories.fill('vehicle registration');
    await categories.press('Enter');
    await categories.fill('address, permit history');
    await page.getByRole('button', { name: 'Add data category' }).click();
    await expect.poll(() => page.getByRole('list', { name: /Data categories.*3 added/ }).getByRole('listitem').count()).toBe(3);
    await page.getByRole('button', { name: 'Remove data category address' }).click();
    await expect.poll(() => page.getByRole('list', { name: /Data categories.*2 added/ }).count()).toBe(1);
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByLabel('Human oversight (optional)').fill('Staff read every suggestion before it is sent.');
    // Left in the box without pressing Add: still saved.
    await page.getByRole('textbox', { name: 'Tags (optional)' }).fill('Parking');
    await expectNoAxeViolations(page, 'new system form filled in');
    await page.getByRole('button', { name: 'Add AI system' }).click();

    await expect.poll(() => h1(page).textContent()).toBe(name);
    await expect.poll(() => status(page, 'has been added to the inventory as an idea').count()).toBe(1);
    const details = page.locator('dl.gb-summary');
    for (const text of ['Acme Civic AI Ltd', 'Procured from a supplier', 'Digital and IT', 'Gabriel Santos', 'vehicle registration, permit history', firstPurpose]) {
      expect(await details.getByText(text, { exact: true }).count(), text).toBe(1);
    }
    expect(await details.getByRole('link', { name: /^parking/ }).count()).toBe(1);
    // Not screened yet: no classification box.
    expect(await page.getByRole('heading', { name: 'Classification' }).count()).toBe(0);
    systemPath = new URL(page.url()).pathname;
    await expectNoAxeViolations(page, 'system detail');
  });

  it('finds the system in the list, with search and filters in the address', async () => {
    await openInventory(page);
    await page.getByLabel('Search by name, purpose or description').fill('parking permit assistant');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('parking permit assistant');
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => row.count()).toBe(1);
    for (const text of ['Idea', 'Digital and IT', 'Gabriel Santos', 'Not screened']) expect(await row.getByText(text, { exact: true }).count(), text).toBe(1);
    await expect.poll(() => status(page, /^1 AI system matches/).count()).toBe(1);
    await expectNoAxeViolations(page, 'inventory list with search');

    await openFilters(page);
    await page.getByRole('checkbox', { name: 'Proposed' }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lifecycle')).toBe('proposed');
    await expect.poll(() => status(page, 'No AI systems match').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Filter and sort (1 filter on)' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'inventory list, nothing matches');

    await page.goBack();
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: 'Proposed' }).isChecked()).toBe(false);
    expect(await page.getByLabel('Search by name, purpose or description').inputValue()).toBe('parking permit assistant');
  });

  it('edits the purpose and shows the difference in the history', async () => {
    await page.getByRole('link', { name }).click();
    await expect.poll(() => h1(page).textContent()).toBe(name);
    await page.getByRole('link', { name: 'Edit details' }).click();
    await expect.poll(() => h1(page).textContent()).toBe(`Edit ${name}`);
    expect(await page.getByLabel('Supplier', { exact: true }).inputValue()).toBe('Acme Civic AI Ltd');
    await expectNoAxeViolations(page, 'edit form');
    await page.getByLabel('Purpose', { exact: true }).fill(newPurpose);
    await page.getByLabel('Reason for the change (optional)').fill('Said what it suggests.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => h1(page).textContent()).toBe(name);
    await expect.poll(() => status(page, 'have been saved (version 2)').count()).toBe(1);
    expect(await page.locator('dl.gb-summary').getByText(newPurpose, { exact: true }).count()).toBe(1);

    await page.getByRole('link', { name: 'View history' }).click();
    await expect.poll(() => h1(page).textContent()).toBe(`History of ${name}`);
    const versions = page.getByRole('table', { name: /Versions of/ });
    await expect.poll(() => versions.locator('tbody tr').count()).toBe(2);
    expect(await versions.getByRole('row', { name: /^2 .*Gabriel Santos.*Details changed.*Purpose.*Said what it suggests\./ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'history');

    expect(await page.getByLabel('Earlier version').inputValue()).toBe('1');
    expect(await page.getByLabel('Later version').inputValue()).toBe('2');
    await page.getByRole('button', { name: 'Compare versions' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?from=1&to=2');
    const diff = page.getByRole('table', { name: /What differs between version 1 and version 2/ });
    await expect.poll(() => diff.locator('tbody tr').count()).toBe(1);
    const purposeRow = diff.getByRole('row', { name: /^Purpose/ });
    expect(await purposeRow.getByRole('cell', { name: firstPurpose, exact: true }).count()).toBe(1);
    expect(await purposeRow.getByRole('cell', { name: newPurpose, exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'history with a comparison');
  });

  it('moves the idea to proposed with a reason, offering only the allowed stages', async () => {
    await page.getByRole('link', { name: `Back to ${name}` }).click();
    await expect.poll(() => h1(page).textContent()).toBe(name);
    const moves = page.getByRole('group', { name: 'Move from Idea to' }).getByRole('radio');
    await expect.poll(() => moves.count()).toBe(1);
    expect(await moves.first().getAttribute('value')).toBe('proposed');
    for (const stage of [/^Approved/, /^In service/, /^Retired/]) expect(await page.getByRole('radio', { name: stage }).count()).toBe(0);

    await page.getByRole('button', { name: 'Move to this stage' }).click();
    await expect.poll(() => page.getByRole('link', { name: /Give the reason for the move/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'change stage with errors');

    await page.getByRole('radio', { name: /^Proposed/ }).check();
    await page.getByLabel('Reason', { exact: true }).fill('Ready for the governance board to look at.');
    await page.getByRole('button', { name: 'Move to this stage' }).click();
    await expect.poll(() => status(page, 'has moved to Proposed').count()).toBe(1);
    expect(await page.locator('.gb-stage-line').getByText('Proposed', { exact: true }).count()).toBe(1);
    const next = page.getByRole('group', { name: 'Move from Proposed to' }).getByRole('radio');
    await expect.poll(() => next.evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value))).toEqual(['in_review', 'idea', 'rejected']);
    await expectNoAxeViolations(page, 'system detail after the move');
  });

  it('archives the proposal after confirmation, and restores it', async () => {
    await page.getByRole('button', { name: 'Archive this system' }).click();
    const dialog = page.getByRole('dialog', { name: `Archive ${name}?` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'archive confirmation');
    await dialog.getByRole('button', { name: 'Archive system' }).click();
    await expect.poll(() => status(page, 'has been archived').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'This system is archived' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Edit details' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Change stage' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'archived system');

    await openInventory(page);
    await page.getByLabel('Search by name, purpose or description').fill(name);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => status(page, 'No AI systems match').count()).toBe(1);
    await openFilters(page);
    await page.getByLabel('Archived systems').selectOption('any');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.getByRole('row', { name: new RegExp(`${name}.*Archived`) }).count()).toBe(1);

    await page.getByRole('link', { name }).click();
    await page.getByRole('button', { name: 'Restore this system' }).click();
    await page.getByRole('dialog', { name: `Restore ${name}?` }).getByRole('button', { name: 'Restore system' }).click();
    await expect.poll(() => status(page, 'has been restored').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Edit details' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('shows the classification once screened, and what blocks approval', async () => {
    // The screening questionnaire is another screen; here the API records a screening that finds
    // an Art. 5 practice (social scoring), as that screen would.
    const systemId = systemPath.split('/').at(-1) ?? '';
    const answers = makeScreeningAnswers({ eu: { prohibited: { socialScoring: 'yes' } } });
    const screened = await page.evaluate(
      async ({ systemId, answers }) => {
        const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
        const res = await fetch(`/api/v1/orgs/riverton/systems/${systemId}/screenings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ answers }),
        });
        return res.status;
      },
      { systemId, answers },
    );
    expect(screened).toBe(201);

    await page.reload();
    await expect.poll(() => h1(page).textContent()).toBe(name);
    const box = page.locator('.usa-summary-box');
    await expect.poll(() => box.getByRole('heading', { name: 'Classification' }).count()).toBe(1);
    expect(await box.getByText('Prohibited', { exact: true }).count()).toBe(1);
    expect(await box.getByText(/^Screened on /).count()).toBe(1);
    await expectNoAxeViolations(page, 'system detail with classification');

    await page.getByRole('radio', { name: /^In review/ }).check();
    await page.getByLabel('Reason', { exact: true }).fill('Submitted to the board.');
    await page.getByRole('button', { name: 'Move to this stage' }).click();
    await expect.poll(() => status(page, 'has moved to In review').count()).toBe(1);

    await page.getByRole('radio', { name: /^Approved/ }).check();
    await page.getByLabel('Reason', { exact: true }).fill('The board said yes.');
    await page.getByRole('button', { name: 'Move to this stage' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The system cannot move yet' });
    await expect.poll(() => refusal.count()).toBe(1);
    expect(await refusal.getByRole('listitem').filter({ hasText: /prohibited by Art\. 5/ }).count()).toBe(1);
    expect(await page.locator('.gb-stage-line').getByText('In review', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'move refused by a gate');

    await openInventory(page);
    await expect.poll(() => page.getByRole('row', { name: new RegExp(`${name}.*In review.*Prohibited`) }).count()).toBe(1);
    // The refused move is the one error the browser may report.
    expect(problems.filter((problem) => !/status of 409/.test(problem))).toEqual([]);
  });

  it('shows a member of staff the inventory without ways to change it', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page: p, problems: pp } = await newPage(context);
    await signIn(p, 'staff@riverton.example');
    await openInventory(p);
    await expect.poll(() => p.getByRole('link', { name }).count()).toBe(1);
    expect(await p.getByRole('link', { name: 'Add an AI system' }).count()).toBe(0);
    await expectNoAxeViolations(p, 'inventory list (staff)');

    await p.getByRole('link', { name }).click();
    await expect.poll(() => h1(p).textContent()).toBe(name);
    expect(await p.getByRole('link', { name: 'View history' }).count()).toBe(1);
    expect(await p.getByRole('link', { name: 'Edit details' }).count()).toBe(0);
    expect(await p.getByRole('heading', { name: 'Change stage' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Archive this system' }).count()).toBe(0);
    await expectNoAxeViolations(p, 'system detail (staff)');

    await p.goto(`${server.baseUrl}/app${systemPath.replace(/^\/app/, '')}/edit`);
    await expect.poll(() => p.getByRole('heading', { name: 'You cannot change this system' }).count()).toBe(1);
    await p.goto(`${server.baseUrl}/app/systems/new`);
    await expect.poll(() => p.getByText(/You need one of these roles/).count()).toBe(1);
    await expectNoAxeViolations(p, 'new system without the role');
    expect(pp).toEqual([]);
    await context.close();
  });

  it('lets a system owner register systems but not change someone else’s', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page: p, problems: pp } = await newPage(context);
    await signIn(p, 'owner@riverton.example');
    await openInventory(p);
    await p.getByRole('link', { name }).click();
    await expect.poll(() => h1(p).textContent()).toBe(name);
    expect(await p.getByRole('link', { name: 'Edit details' }).count()).toBe(0);

    await openInventory(p);
    await p.getByRole('link', { name: 'Add an AI system' }).click();
    await expect.poll(() => h1(p).textContent()).toBe('Add an AI system');
    expect(await p.getByText('You will be the owner of this system.').count()).toBe(1);
    await expectNoAxeViolations(p, 'new system form (system owner)');
    expect(pp).toEqual([]);
    await context.close();
  });
});
