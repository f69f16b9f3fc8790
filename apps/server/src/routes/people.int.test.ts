/** The people picker: names and roles for those who hand out work, without the admin-only account details. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, type Session, type TestApp } from '../testing/harness.js';

let t: TestApp;
let slug: string;
let sessions: Record<string, Session>;

beforeAll(async () => {
  t = await createTestApp();
  const made = await makeOrgWithEveryRole(t.app, t.database);
  slug = made.org.slug;
  sessions = made.sessions;
  await makeUser(t.database.db, { organisationId: made.org.id, roles: ['governance_officer', 'reviewer'], name: 'Zoë Picker' });
}, 120_000);
afterAll(async () => t?.close());

type People = { items: Array<{ userId: string; displayName: string; email: string; roles: string[] }> };

describe('GET /orgs/:org/people', () => {
  it('lets a governance officer choose among everyone, by name, filtered by role', async () => {
    const gov = sessions.governance_officer as Session;
    const all = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${slug}/people`, headers: gov.headers });
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json() as People;
    expect(body.items.length).toBe(8);
    expect(body.items.map((p) => p.displayName)).toEqual([...body.items.map((p) => p.displayName)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(['displayName', 'email', 'roles', 'userId']);

    const triage = (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${slug}/people?role=governance_officer,admin`, headers: gov.headers })).json() as People;
    expect(triage.items.map((p) => p.displayName).sort()).toEqual(['Test admin', 'Test governance_officer', 'Zoë Picker']);

    const named = (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${slug}/people?q=${encodeURIComponent('zoë')}`, headers: gov.headers })).json() as People;
    expect(named.items.map((p) => p.roles)).toEqual([['governance_officer', 'reviewer']]);
  });

  it('names an unknown role filter', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${slug}/people?role=wizard`, headers: sessions.admin?.headers ?? {} });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('wizard');
  });
});
