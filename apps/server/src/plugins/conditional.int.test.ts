/** ETag / If-None-Match on organisation lists: cheap repeats, never a stale 304. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, signInAs, type Session, type TestApp } from '../testing/harness.js';
import { matchesEtag } from './conditional.js';

let t: TestApp;
let orgSlug: string;
let orgId: string;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  orgSlug = org.slug;
  orgId = org.id;
  admin = sessions.admin;
}, 120_000);
afterAll(async () => t?.close());

const get = (url: string, etag?: string) => t.app.inject({ method: 'GET', url, headers: { ...admin.headers, ...(etag && { 'if-none-match': etag }) } });

describe('conditional GET', () => {
  it('answers a repeat request with 304 and no body, in a fixed number of statements', async () => {
    // Units depend on the organisation's own records only, so nothing else on a shared database moves the ETag.
    const url = `/api/v1/orgs/${orgSlug}/units`;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const before = t.database.queryCount();
    const again = await get(url, etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(t.database.queryCount() - before).toBeLessThanOrEqual(4);
  });

  it('gives a new ETag after any audited change in the organisation or to its people', async () => {
    const url = `/api/v1/orgs/${orgSlug}/members?limit=1000`;
    let etag = (await get(url)).headers.etag as string;

    // A new member (organisation chain).
    await makeUser(t.database.db, { organisationId: orgId, roles: ['staff'] });
    let res = await get(url, etag);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { total: number }).total).toBe(8);
    etag = res.headers.etag as string;

    // A member signs in: last sign-in time changes (platform chain).
    const someone = await makeUser(t.database.db, { organisationId: orgId, roles: ['reviewer'] });
    etag = (await get(url)).headers.etag as string;
    await signInAs(t.app, someone);
    res = await get(url, etag);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).not.toBe(etag);
  });

  it('keys the ETag to the URL, so another page or filter is not answered 304', async () => {
    const etag = (await get(`/api/v1/orgs/${orgSlug}/members?limit=2`)).headers.etag as string;
    expect((await get(`/api/v1/orgs/${orgSlug}/members?limit=3`, etag)).statusCode).toBe(200);
  });

  it('still checks who is asking before answering 304', async () => {
    const url = `/api/v1/orgs/${orgSlug}/members`;
    const etag = (await get(url)).headers.etag as string;
    const anonymous = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('is not offered where the answer can change without an audit event', async () => {
    expect((await get(`/api/v1/orgs/${orgSlug}/outbox`)).headers.etag).toBeUndefined();
    expect((await get(`/api/v1/orgs/${orgSlug}/audit-events/verify`)).headers.etag).toBeUndefined();
  });

  it.each([
    [undefined, '"a"', false],
    ['"a"', '"a"', true],
    ['W/"a"', '"a"', true],
    ['"b", "a"', '"a"', true],
    ['"b"', '"a"', false],
    ['*', '"a"', true],
  ])('If-None-Match %s against %s → %s', (header, etag, expected) => {
    expect(matchesEtag(header, etag)).toBe(expected);
  });
});
