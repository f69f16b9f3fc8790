/**
 * The tool catalogue in a real browser: a staff member asks "Can I use…?" about the demo council's
 * chat assistant and gets a clear no (personal data) and yes (a newsletter), reads a tool's
 * details; a governance officer adds a tool. axe-core on every state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, newPage, signInAsDemo, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let staff: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  staff = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  ({ page, problems } = await newPage(staff));
});
afterAll(async () => {
  await staff?.close();
  await browser?.close();
  await server?.stop();
});

const signIn = (p: Page, email: string): Promise<void> => signInAsDemo(p, server.baseUrl, email);

const h1 = (p: Page) => p.locator('h1');
const answer = (p: Page) => p.getByTestId('check-answer');

async function ask(p: Page, tool: string, use: string, data: RegExp): Promise<void> {
  await p.getByLabel('Tool', { exact: true }).selectOption({ label: tool });
  await p.getByLabel('What do you want to use it for?').fill(use);
  await p.getByRole('radio', { name: data }).check();
  await p.getByRole('button', { name: 'Check', exact: true }).click();
}

describe('tool catalogue', () => {
  it('lets a staff member open the catalogue from the navigation', async () => {
    await signIn(page, 'staff@riverton.example');
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Tool catalogue' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Tool catalogue');
    await expect.poll(() => page.getByRole('rowheader', { name: /Council Chat Assistant/ }).count()).toBe(1);
    expect(await page.getByRole('row').count()).toBe(6); // header + five demo tools
    expect(await page.getByRole('button', { name: 'Add a tool' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'tool catalogue');
  });

  it('names each missing answer when the question is incomplete', async () => {
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.getByText('There is a problem').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Choose the tool you want to use.' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'tool catalogue, incomplete question');
  });

  it('says no to personal data in the chat assistant, with the reason', async () => {
    await ask(page, 'Council Chat Assistant (approved)', 'Summarising a complaint letter from a resident', /^Personal information/);
    await expect.poll(() => answer(page).getByRole('heading').textContent()).toBe('No, do not use Council Chat Assistant for this');
    expect(await answer(page).textContent()).toMatch(/approved only for information that is not about people: personal information must not go into it/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('check-answer');
    await expectNoAxeViolations(page, 'tool catalogue, answer no');
  });

  it('says yes to drafting a newsletter with no personal data', async () => {
    await ask(page, 'Council Chat Assistant (approved)', 'Drafting a newsletter about bin collections', /^No personal information/);
    await expect.poll(() => answer(page).getByRole('heading').textContent()).toBe('Yes, you can use Council Chat Assistant for this');
    expect(await answer(page).textContent()).toMatch(/approved for “drafting newsletters”/);
    await expectNoAxeViolations(page, 'tool catalogue, answer yes');
  });

  it('asks first for a tool under review', async () => {
    await ask(page, 'Imagery Studio (under review)', 'illustrations for leaflets about recycling', /^No personal information/);
    await expect.poll(() => answer(page).getByRole('heading').textContent()).toBe('Ask first before you use Imagery Studio for this');
    await expectNoAxeViolations(page, 'tool catalogue, answer ask first');
  });

  it('shows what a tool may be used for, its conditions and its terms', async () => {
    await page.getByRole('button', { name: 'Details of Meeting Transcriber' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Meeting Transcriber', level: 2 }).count()).toBe(1);
    const details = page.locator('section[aria-labelledby="entry-heading"]');
    expect(await details.textContent()).toMatch(/Tell everyone at the start/);
    expect(await details.getByRole('listitem').filter({ hasText: 'transcribing internal meetings' }).count()).toBe(1);
    expect(await details.getByRole('link', { name: 'Meeting Transcriber' }).count()).toBe(1); // its inventory record
    expect(await details.getByRole('button', { name: /Edit/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'tool details');
    expect(problems).toEqual([]);
  });

  it('lets a governance officer add a tool, with errors named first', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page: p, problems: pp } = await newPage(context);
    await signIn(p, 'governance@riverton.example');
    await p.goto(`${server.baseUrl}/app/tool-catalogue`);
    await expect.poll(() => h1(p).textContent()).toBe('Tool catalogue');
    await p.getByRole('button', { name: 'Add a tool' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Add a tool' }).count()).toBe(1);
    await p.getByRole('button', { name: 'Add tool' }).click();
    await expect.poll(() => p.getByRole('link', { name: 'Enter the name of the tool.' }).count()).toBe(1);
    await expectNoAxeViolations(p, 'add a tool, with errors');

    await p.getByLabel('Name of the tool').fill('Speech to Text');
    await p.getByLabel('Supplier', { exact: true }).fill('Voxwell');
    await p.getByRole('group', { name: 'Status' }).getByRole('radio', { name: /^Approved Staff may use it/ }).check();
    await p.getByRole('textbox', { name: 'Permitted uses' }).fill('dictating letters\ndictating emails');
    await p.getByRole('group', { name: 'Information that may go in' }).getByRole('radio', { name: /^No personal information/ }).check();
    await p.getByRole('group', { name: /data-processing agreement/ }).getByRole('radio', { name: 'Yes' }).check();
    await p.getByRole('group', { name: 'Paid or free' }).getByRole('radio', { name: 'Paid' }).check();
    await p.getByLabel('Review date').fill('2030-01-31');
    await p.getByRole('button', { name: 'Add tool' }).click();
    await expect.poll(() => p.getByText('Speech to Text has been added to the catalogue.').count()).toBe(1);
    await expect.poll(() => p.getByRole('rowheader', { name: /Speech to Text/ }).count()).toBe(1);
    await expectNoAxeViolations(p, 'tool added');
    expect(pp).toEqual([]);
    await context.close();
  });
});
