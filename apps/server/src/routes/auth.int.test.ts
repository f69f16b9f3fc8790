/** Sign-in, sessions, CSRF, lockout, passwords, invitations, resets and API tokens, over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_SIGN_INS } from '@glassbox/core';
import { makeOrganisation, makeSystem, makeUser, TEST_PASSWORD } from '@glassbox/core/testing/factories';
import { createTestApp, NO_RATE_LIMIT, sessionCookie, signInAs, type TestApp } from '../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

const json = { 'content-type': 'application/json' };

async function latestMailTo(to: string): Promise<string> {
  const row = await t.database.db.selectFrom('outbox_mail').select(['text_body', 'status']).where('to_address', '=', to).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  expect(row.status).toBe('held');
  return row.text_body;
}
const linkToken = (text: string): string => {
  const m = /token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m?.[1]) throw new Error(`no token link in: ${text}`);
  return m[1];
};

describe('sign-in and sessions', () => {
  it('sets an httpOnly SameSite session cookie and returns the person, organisations and CSRF token', async () => {
    const org = await makeOrganisation(t.database.db);
    const user = await makeUser(t.database.db, { organisationId: org.id, roles: ['auditor'] });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: NO_RATE_LIMIT, payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/gb_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const body = res.json() as { user: { email: string }; organisations: Array<{ slug: string; roles: string[] }>; currentOrganisation: string; csrfToken: string };
    expect(body.user.email).toBe(user.email);
    expect(body.organisations).toEqual([{ id: org.id, slug: org.slug, name: org.name, roles: ['auditor'] }]);
    expect(body.currentOrganisation).toBe(org.slug);
    expect(body.csrfToken.length).toBeGreaterThan(20);
    // The cookie value is not what the database stores.
    const stored = await t.database.db.selectFrom('session').select('id').where('user_id', '=', user.id).execute();
    expect(stored.map((s) => s.id)).not.toContain(sessionCookie(res));
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const user = await makeUser(t.database.db);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: NO_RATE_LIMIT, payload: { email: user.email, password: 'not the password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: NO_RATE_LIMIT, payload: { email: 'nobody@test.example', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('locks the account after repeated wrong passwords, even against the right one, until the lock expires', async () => {
    const user = await makeUser(t.database.db);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: NO_RATE_LIMIT, payload: { email: user.email, password: `wrong-${i}` } });
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: NO_RATE_LIMIT, payload: { email: user.email, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    expect((locked.json() as { code: string }).code).toBe('auth.locked');
    await t.database.db.updateTable('app_user').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    const after = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: NO_RATE_LIMIT, payload: { email: user.email, password: TEST_PASSWORD } });
    expect(after.statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress: '203.0.113.7', payload: { email: 'flood@test.example', password: 'whatever-whatever' } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const org = await makeOrganisation(t.database.db);
    const s = await signInAs(t.app, await makeUser(t.database.db, { organisationId: org.id, roles: ['admin'] }));
    const without = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/units`, headers: { cookie: `gb_session=${s.cookie}`, ...json }, payload: { name: 'Parks' } });
    expect(without.statusCode).toBe(403);
    expect((without.json() as { code: string }).code).toBe('auth.csrf');
    const wrong = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/units`, headers: { cookie: `gb_session=${s.cookie}`, 'x-csrf-token': 'nope', ...json }, payload: { name: 'Parks' } });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/units`, headers: s.headers, payload: { name: 'Parks' } });
    expect(right.statusCode).toBe(201);
  });

  it('ends the session on sign-out', async () => {
    const s = await signInAs(t.app, await makeUser(t.database.db));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s.headers })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s.headers })).statusCode).toBe(401);
  });

  it('switches between the organisations a person belongs to, and only those', async () => {
    const a = await makeOrganisation(t.database.db, 'A Council');
    const b = await makeOrganisation(t.database.db, 'B Council');
    const c = await makeOrganisation(t.database.db, 'C Council');
    const user = await makeUser(t.database.db, { organisationId: a.id, roles: ['staff'] });
    await t.database.db.insertInto('membership').values({ organisation_id: b.id, user_id: user.id, roles: ['reviewer'], unit_id: null, created_at: new Date(), updated_at: new Date() }).execute();
    const s = await signInAs(t.app, user);
    const sw = await t.app.inject({ method: 'POST', url: '/api/v1/auth/switch-organisation', headers: s.headers, payload: { organisation: b.slug } });
    expect(sw.statusCode).toBe(200);
    expect((sw.json() as { currentOrganisation: string }).currentOrganisation).toBe(b.slug);
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s.headers });
    expect((session.json() as { currentOrganisation: string }).currentOrganisation).toBe(b.slug);
    const denied = await t.app.inject({ method: 'POST', url: '/api/v1/auth/switch-organisation', headers: s.headers, payload: { organisation: c.slug } });
    expect(denied.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${c.slug}`, headers: s.headers })).statusCode).toBe(403);
  });
});

describe('passwords', () => {
  it('changes the password with the current one and ends other sessions', async () => {
    const user = await makeUser(t.database.db);
    const s1 = await signInAs(t.app, user);
    const s2 = await signInAs(t.app, user);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/change-password', headers: s1.headers, payload: { currentPassword: 'wrong password', newPassword: 'a brand new password' } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { fields: Record<string, string> }).fields).toHaveProperty('currentPassword');
    const short = await t.app.inject({ method: 'POST', url: '/api/v1/auth/change-password', headers: s1.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/change-password', headers: s1.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s1.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s2.headers })).statusCode).toBe(401);
    await expect(signInAs(t.app, user)).rejects.toThrow(/401/);
    await signInAs(t.app, { ...user, password: 'a brand new password' });
    const hash = await t.database.db.selectFrom('app_user').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('resets a forgotten password through a one-time emailed link', async () => {
    const user = await makeUser(t.database.db);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', headers: NO_RATE_LIMIT, payload: { email: 'nobody-here@test.example' } });
    expect(unknown.statusCode).toBe(202);
    const req = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', headers: NO_RATE_LIMIT, payload: { email: user.email } });
    expect(req.statusCode).toBe(202);
    expect(req.json()).toEqual(unknown.json());
    const token = linkToken(await latestMailTo(user.email));
    const done = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/complete', headers: NO_RATE_LIMIT, payload: { token, newPassword: 'reset password here' } });
    expect(done.statusCode).toBe(204);
    await signInAs(t.app, { ...user, password: 'reset password here' });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/complete', headers: NO_RATE_LIMIT, payload: { token, newPassword: 'another password 2' } });
    expect(again.statusCode).toBe(400);
  });
});

describe('invitations', () => {
  it('lets an admin invite a person who then sets a password and joins with the invited roles', async () => {
    const org = await makeOrganisation(t.database.db);
    const admin = await signInAs(t.app, await makeUser(t.database.db, { organisationId: org.id, roles: ['admin'] }));
    const email = `new-${Date.now()}@test.example`;
    const inv = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/invitations`, headers: admin.headers, payload: { email, roles: ['reviewer', 'caseworker'] } });
    expect(inv.statusCode).toBe(201);
    const token = linkToken(await latestMailTo(email));
    const info = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}`, headers: NO_RATE_LIMIT });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ email, organisationName: org.name, roles: ['reviewer', 'caseworker'], userExists: false });
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', headers: NO_RATE_LIMIT, payload: { token } });
    expect(missing.statusCode).toBe(400);
    const accept = await t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', headers: NO_RATE_LIMIT, payload: { token, displayName: 'New Person', password: 'my own password' } });
    expect(accept.statusCode).toBe(204);
    const s = await signInAs(t.app, { id: '', email, displayName: 'New Person', password: 'my own password' });
    const session = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: s.headers })).json() as { organisations: Array<{ slug: string; roles: string[] }> };
    expect(session.organisations).toEqual([expect.objectContaining({ slug: org.slug, roles: ['reviewer', 'caseworker'] })]);
    const reuse = await t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', headers: NO_RATE_LIMIT, payload: { token, displayName: 'X', password: 'another password' } });
    expect(reuse.statusCode).toBe(404);
  });

  it('does not accept a withdrawn invitation', async () => {
    const org = await makeOrganisation(t.database.db);
    const admin = await signInAs(t.app, await makeUser(t.database.db, { organisationId: org.id, roles: ['admin'] }));
    const email = `withdrawn-${Date.now()}@test.example`;
    const inv = (await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/invitations`, headers: admin.headers, payload: { email, roles: ['staff'] } })).json() as { id: string };
    const token = linkToken(await latestMailTo(email));
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/${org.slug}/invitations/${inv.id}`, headers: admin.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}`, headers: NO_RATE_LIMIT })).statusCode).toBe(404);
  });

  it('keeps at least one administrator', async () => {
    const org = await makeOrganisation(t.database.db);
    const user = await makeUser(t.database.db, { organisationId: org.id, roles: ['admin'] });
    const admin = await signInAs(t.app, user);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/orgs/${org.slug}/members/${user.id}`, headers: admin.headers, payload: { roles: ['staff'] } });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { code: string }).code).toBe('membership.last_admin');
  });
});

describe('membership removal', () => {
  it('refuses to remove a person who still owns AI systems', async () => {
    const org = await makeOrganisation(t.database.db);
    const admin = await signInAs(t.app, await makeUser(t.database.db, { organisationId: org.id, roles: ['admin'] }));
    const owner = await makeUser(t.database.db, { organisationId: org.id, roles: ['system_owner'] });
    await makeSystem(t.database.db, { organisationId: org.id, ownerId: owner.id, name: 'Benefit triage' });
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/${org.slug}/members/${owner.id}`, headers: admin.headers });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'membership.owns_systems' });
    expect((res.json() as { message: string }).message).toContain('Benefit triage');
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, scoped to read or write and to one organisation, revocable, and record their last use', async () => {
    const org = await makeOrganisation(t.database.db);
    const other = await makeOrganisation(t.database.db);
    const admin = await signInAs(t.app, await makeUser(t.database.db, { organisationId: org.id, roles: ['admin'] }));
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${org.slug}/api-tokens`, headers: admin.headers, payload: { name: 'case system', scope: 'read' } });
    expect(created.statusCode).toBe(201);
    const { token, item } = created.json() as { token: string; item: { id: string; prefix: string } };
    expect(token).toMatch(/^gbx_/);
    expect(token.startsWith(item.prefix)).toBe(true);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}/api-tokens`, headers: admin.headers });
    expect(list.body).not.toContain(token);
    const row = await t.database.db.selectFrom('api_token').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(token);
    expect(row.last_used_at).toBeNull();

    const bearer = { authorization: `Bearer ${token}`, ...NO_RATE_LIMIT };
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}`, headers: bearer })).statusCode).toBe(200);
    const used = await t.database.db.selectFrom('api_token').select('last_used_at').where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(used.last_used_at).toBeInstanceOf(Date);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/orgs/${org.slug}`, headers: { ...bearer, ...json }, payload: { name: 'Hacked' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${other.slug}`, headers: bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: bearer })).statusCode).toBe(403);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/${org.slug}/api-tokens/${item.id}`, headers: admin.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}`, headers: bearer })).statusCode).toBe(401);
  });

  it('limits tokens scoped to one system to that system, and checks the system belongs to the organisation', async () => {
    const org = await makeOrganisation(t.database.db);
    const owner = await makeUser(t.database.db, { organisationId: org.id, roles: ['admin'] });
    const admin = await signInAs(t.app, owner);
    const unknown = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/api-tokens`,
      headers: admin.headers,
      payload: { name: 'nowhere', scope: 'read', systemId: '11111111-1111-4111-8111-111111111111' },
    });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { fields: Record<string, string> }).fields).toHaveProperty('systemId');
    const system = await makeSystem(t.database.db, { organisationId: org.id, ownerId: owner.id });
    const other = await makeSystem(t.database.db, { organisationId: org.id, ownerId: owner.id });
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/api-tokens`,
      headers: admin.headers,
      payload: { name: 'one system', scope: 'write', systemId: system.id, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(created.statusCode).toBe(201);
    const { token } = created.json() as { token: string };
    const bearer = { authorization: `Bearer ${token}`, ...NO_RATE_LIMIT };
    const orgWide = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}`, headers: bearer });
    expect(orgWide.statusCode).toBe(403);
    expect((orgWide.json() as { code: string }).code).toBe('auth.token_system_scope');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}/systems/${system.id}`, headers: bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}/systems/${other.id}`, headers: bearer })).statusCode).toBe(403);
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}/systems`, headers: bearer })).json() as { items: Array<{ id: string }> };
    expect(list.items.map((i) => i.id)).toEqual([system.id]);
  });

});
