/**
 * The staff app in a real browser: sign-in, the admin area (users, invitations, outbox, API tokens,
 * audit log), switching organisation, accepting an invitation and signing out — with axe-core on
 * every page visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, expectNoAxeViolations, followNav, launchBrowser, newPage, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let admin: BrowserContext;
let page: Page;
let problems: string[];
const invitee = `new.reviewer.${Date.now()}@riverton.example`;
let invitationLink = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  ({ page, problems } = await newPage(admin));
});
afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await server?.stop();
});

async function signIn(p: Page, email: string, password: string): Promise<void> {
  await p.getByLabel('Email address').fill(email);
  await p.getByLabel('Password', { exact: true }).fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

const h1 = (p: Page) => p.locator('h1');

describe('staff app', () => {
  it('sends a visitor to sign-in and explains a wrong password', async () => {
    await page.goto(`${server.baseUrl}/app/`);
    await expect.poll(() => h1(page).textContent()).toBe('Sign in');
    await expectNoAxeViolations(page, 'sign-in');
    await signIn(page, 'admin@riverton.example', 'not the password');
    await expect.poll(() => page.getByText('The email address or password is not right.').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'sign-in with error');
  });

  it('signs the administrator in to the home page', async () => {
    await signIn(page, 'admin@riverton.example', DEMO_PASSWORD);
    await expect.poll(() => h1(page).textContent()).toBe('Welcome, Amara Okafor');
    expect(await page.getByRole('banner').getByText('City of Riverton').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'home');
  });

  it('groups the case queues and assessments in header menus that open, close and mark where you are', async () => {
    const nav = page.getByRole('navigation', { name: 'Primary' });
    const group = nav.getByRole('button', { name: 'Public requests' });
    expect(await group.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Concerns', exact: true }).isVisible()).toBe(false);
    await group.click();
    expect(await group.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => nav.getByRole('link', { name: 'Concerns', exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'home with a navigation menu open');
    await page.keyboard.press('Escape');
    expect(await group.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Public requests');

    await followNav(page, 'Redress');
    await expect.poll(() => h1(page).textContent()).toBe('Redress requests');
    expect(await group.getAttribute('class')).toContain('usa-current');
    expect(await nav.getByRole('button', { name: 'Assessments' }).getAttribute('class')).not.toContain('usa-current');
    await followNav(page, 'Home');
  });

  it('lists the members and their roles', async () => {
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('link', { name: 'Users and roles' }).first().click();
    await expect.poll(() => h1(page).textContent()).toBe('Users and roles');
    await expect.poll(() => page.getByRole('rowheader', { name: /caseworker@riverton\.example/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('row', { name: /Carmen López.*Caseworker/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'users');
  });

  it('invites a person, and the invitation mail lands in the outbox', async () => {
    await page.getByRole('link', { name: 'Invitations' }).first().click();
    await expect.poll(() => h1(page).textContent()).toBe('Invitations');
    await page.getByLabel('Email address').fill(invitee);
    await page.getByLabel('Reviewer').check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByRole('cell', { name: invitee }).count()).toBe(1);
    await expectNoAxeViolations(page, 'invitations');

    await page.getByRole('link', { name: 'Outbox' }).first().click();
    await expect.poll(() => h1(page).textContent()).toBe('Outbox');
    await expect.poll(() => page.getByText(invitee).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'outbox');
    await page.getByRole('button', { name: new RegExp(`Read .*to ${invitee.replace(/\./g, '\\.')}`) }).click();
    const body = (await page.locator('pre').first().textContent()) ?? '';
    const link = /http\S+accept-invitation\?token=\S+/.exec(body)?.[0];
    expect(link, body).toBeTruthy();
    invitationLink = link ?? '';
  });

  it('creates an API token and shows it once', async () => {
    await page.getByRole('link', { name: 'API tokens' }).first().click();
    await expect.poll(() => h1(page).textContent()).toBe('API tokens');
    await page.getByLabel('Token name').fill('Case system (test)');
    await page.getByLabel('Read only').check();
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.getByLabel('New API token').inputValue()).toMatch(/^gbx_/);
    await expectNoAxeViolations(page, 'api tokens');
    await page.reload();
    await expect.poll(() => page.getByRole('cell', { name: 'Case system (test)' }).count()).toBe(1);
    expect(await page.getByLabel('New API token').count()).toBe(0);
  });

  it('shows the audit log with an intact chain', async () => {
    await page.getByRole('link', { name: 'Audit log' }).first().click();
    await expect.poll(() => h1(page).textContent()).toBe('Audit log');
    await expect.poll(() => page.getByText(/intact/i).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('invitation.created').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'audit log');
  });

  it('switches to another organisation', async () => {
    await page.getByLabel('Organisation').selectOption({ label: 'Riverton Housing Authority' });
    await expect.poll(() => page.getByRole('banner').getByText('Riverton Housing Authority').count()).toBeGreaterThan(0);
    await page.getByLabel('Organisation').selectOption({ label: 'City of Riverton' });
    await expect.poll(() => page.getByRole('banner').getByText('City of Riverton').count()).toBeGreaterThan(0);
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Amara Okafor' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Sign in');
    await page.goto(`${server.baseUrl}/app/admin`);
    await expect.poll(() => h1(page).textContent()).toBe('Sign in');
    expect(problems).toEqual([]);
  });

  it('lets the invited person join, choose a password and sign in without admin rights', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page: p, problems: pp } = await newPage(context);
    await p.goto(invitationLink.replace(/^http:\/\/[^/]+/, server.baseUrl));
    await expect.poll(() => h1(p).textContent()).toBe('Join City of Riverton');
    await expectNoAxeViolations(p, 'accept invitation');
    await p.getByLabel('Your name').fill('Nia Reviewer');
    await p.getByLabel('Password', { exact: true }).fill('a long enough password');
    await p.getByLabel(/confirm|again/i).fill('a long enough password');
    await p.getByRole('button', { name: /accept|join|create/i }).click();
    await expect.poll(() => h1(p).textContent(), { timeout: 15_000 }).toMatch(/Sign in|Welcome/);
    if ((await h1(p).textContent()) === 'Sign in') await signIn(p, invitee, 'a long enough password');
    await expect.poll(() => h1(p).textContent()).toBe('Welcome, Nia Reviewer');
    expect(await p.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
    await p.goto(`${server.baseUrl}/app/admin/users`);
    await expect.poll(() => p.getByText(/You need the administrator role/).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(p, 'no admin role');
    expect(pp.filter((x) => !/403/.test(x))).toEqual([]);
    await context.close();
  });

  it('offers an accessible password reset request', async () => {
    const context = await browser.newContext();
    const { page: p } = await newPage(context);
    await p.goto(`${server.baseUrl}/app/sign-in`);
    await p.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect.poll(() => h1(p).textContent()).toBe('Reset your password');
    await expectNoAxeViolations(p, 'forgot password');
    await p.getByLabel('Email address').fill('staff@riverton.example');
    await p.getByRole('button', { name: /send/i }).click();
    await expect.poll(() => p.getByText(/on its way|check your email/i).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(p, 'forgot password sent');
    await context.close();
  });
});
