/**
 * Integration-test harness: a real database (PGlite, or PostgreSQL at TEST_DATABASE_URL), the real
 * app, and helpers to sign in as a person of a given role.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ROLES, type Database, type Role } from '@glassbox/core';
import { makeOrganisation, makeUser, openTestDatabase, type TestUser } from '@glassbox/core/testing/factories';
import { buildApp, type AppConfig } from '../app.js';

export const testConfig: AppConfig = {
  sessionSecret: 'test-secret-that-is-long-enough-for-hmac-use',
  secureCookies: false,
  publicBaseUrl: 'http://localhost:3000',
  smtpUrl: undefined,
  mailFrom: 'Glassbox <test@glassbox.local>',
  trustProxy: false,
  logLevel: 'silent',
};

export type TestApp = { app: FastifyInstance; database: Database; close(): Promise<void> };

/** Requests carrying this header skip rate limits, so tests can sign many people in quickly. */
export const NO_RATE_LIMIT = { 'x-test-no-rate-limit': '1' };

export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({
    config: { ...testConfig, ...overrides },
    database,
    logger: false,
    rateLimitAllowList: (request) => request.headers['x-test-no-rate-limit'] === '1',
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type Session = { user: TestUser; cookie: string; csrf: string; headers: Record<string, string> };

export async function signInAs(app: FastifyInstance, user: TestUser): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: NO_RATE_LIMIT, payload: { email: user.email, password: user.password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { user, cookie, csrf, headers: { cookie: `gb_session=${cookie}`, 'x-csrf-token': csrf, ...NO_RATE_LIMIT } };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'gb_session');
  if (!c) throw new Error('no session cookie set');
  return c.value;
}

/** An organisation with one signed-in person per role. */
export async function makeOrgWithEveryRole(app: FastifyInstance, database: Database) {
  const org = await makeOrganisation(database.db);
  const sessions = {} as Record<Role, Session>;
  for (const role of ROLES) {
    const user = await makeUser(database.db, { organisationId: org.id, roles: [role], name: `Test ${role}` });
    sessions[role] = await signInAs(app, user);
  }
  return { org, sessions };
}
