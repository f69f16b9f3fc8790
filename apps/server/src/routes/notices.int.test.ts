/**
 * Notices against a real database: produced as HTML and PDF by staff and by a case-management
 * system's token, recorded without personal data unless sent, personal fields removed after the
 * organisation's retention, and the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, purgeExpiredNoticeDetails, systemCtx, updateCitizenSettings } from '@glassbox/core';
import { makeSystem } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, NO_RATE_LIMIT, type Session, type TestApp } from '../testing/harness.js';

let t: TestApp;
let org: { id: string; slug: string; name: string };
let sessions: Record<string, Session>;
let system: { id: string; slug: string };
let other: { id: string; slug: string };
let internal: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestApp();
  const made = await makeOrgWithEveryRole(t.app, t.database);
  org = made.org;
  sessions = made.sessions;
  const admin = sessions.admin?.user.id ?? '';
  system = await makeSystem(t.database.db, { organisationId: org.id, ownerId: admin, name: 'Benefit <Helper>', publicVisibility: 'public' });
  other = await makeSystem(t.database.db, { organisationId: org.id, ownerId: admin, name: 'Other helper', publicVisibility: 'public' });
  internal = await makeSystem(t.database.db, { organisationId: org.id, ownerId: admin, name: 'Internal helper', publicVisibility: 'internal' });
}, 120_000);
afterAll(async () => t?.close());

const api = (path: string) => `/api/v1/orgs/${org.slug}${path}`;
const post = (headers: Record<string, string>, systemRef: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: api(`/systems/${systemRef}/notices`), headers, payload });

describe('producing a notice', () => {
  it('as HTML in Spanish: a document that names the system (escaped), the rights and the request form for this system', async () => {
    const res = await post(sessions.caseworker?.headers ?? {}, system.id, { language: 'es', variant: 'standard', format: 'html' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toContain('Benefit &lt;Helper&gt;');
    expect(res.body).toContain(`http://localhost:3000/${org.slug}/requests/new?system=${system.slug}`);
    expect(res.body).toContain('Sus derechos');
    // The system's texts come from the inventory, written in English: marked as such in a Spanish notice.
    expect(res.body).toContain('<blockquote lang="en">');
    const row = await t.database.db.selectFrom('notice').selectAll().where('id', '=', String(res.headers['x-notice-id'])).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ system_id: system.id, language: 'es', variant: 'standard', format: 'html', case_reference: null, recipient_name: null, purge_after: null, generated_by_name: 'Test caseworker' });
  });

  it('as a PDF download in easy read, by slug', async () => {
    const res = await post(sessions.reviewer?.headers ?? {}, system.slug, { language: 'fr', variant: 'easy_read', format: 'pdf' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`notice-${system.slug}-fr-easy-read.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('keeps the case reference and name only when sent, until the retention ends, and never in the audit trail', async () => {
    await updateCitizenSettings(systemCtx(t.database.db, 'test'), { organisationId: org.id, noticeRetentionDays: 30 });
    const before = Date.now();
    const res = await post(sessions.governance_officer?.headers ?? {}, system.id, { language: 'en', caseReference: 'CASE-991', recipientName: 'Ana Pérez', decisionDate: '2026-03-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Dear Ana Pérez,');
    expect(res.body).toContain('CASE-991');
    expect(res.body).toContain('1 March 2026');
    const id = String(res.headers['x-notice-id']);
    const row = await t.database.db.selectFrom('notice').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.case_reference).toBe('CASE-991');
    expect(row.recipient_name).toBe('Ana Pérez');
    const days = ((row.purge_after?.getTime() ?? 0) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'notice.generated').where('organisation_id', '=', org.id).execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    const all = JSON.stringify(audit.map((a) => [a.before, a.after]));
    expect(all).not.toContain('CASE-991');
    expect(all).not.toContain('Ana');
    expect(all).toContain(id);

    // Nothing is removed before its time; everything expired is removed after.
    expect(await purgeExpiredNoticeDetails(systemCtx(t.database.db, 'test'), new Date(before + 29 * 86_400_000))).toBe(0);
    const cleared = await purgeExpiredNoticeDetails(systemCtx(t.database.db, 'test'), new Date(before + 31 * 86_400_000));
    expect(cleared).toBeGreaterThanOrEqual(1);
    const after = await t.database.db.selectFrom('notice').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ case_reference: null, recipient_name: null, language: 'en', system_id: system.id });
    expect(after.purged_at).not.toBeNull();
    const purgeAudit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'notice.details_purged').where('organisation_id', '=', org.id).execute();
    expect(purgeAudit).toHaveLength(1);
  });

  it('refuses bad input with the field named, and unknown systems with 404', async () => {
    const bad = await post(sessions.admin?.headers ?? {}, system.id, { language: 'de' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('language');
    const date = await post(sessions.admin?.headers ?? {}, system.id, { language: 'en', decisionDate: '2026-02-31' });
    expect(date.statusCode).toBe(400);
    expect((date.json() as { fields?: Record<string, string> }).fields).toHaveProperty('decisionDate');
    const multiline = await post(sessions.admin?.headers ?? {}, system.id, { language: 'en', recipientName: 'Ana\nEvil' });
    expect(multiline.statusCode).toBe(400);
    const notPublic = await post(sessions.admin?.headers ?? {}, internal.id, { language: 'en' });
    expect(notPublic.statusCode).toBe(409);
    expect((notPublic.json() as { code: string }).code).toBe('notice.system_not_public');
    const missing = await post(sessions.admin?.headers ?? {}, '00000000-0000-4000-8000-000000000000', { language: 'en' });
    expect(missing.statusCode).toBe(404);
    expect((await post(sessions.staff?.headers ?? {}, system.id, { language: 'en' })).statusCode).toBe(403);
    expect((await post(sessions.auditor?.headers ?? {}, system.id, { language: 'en' })).statusCode).toBe(403);
  });

  it('lets a case-management system produce notices with its token; a one-system token only for its own system', async () => {
    const ctx = systemCtx(t.database.db, 'test');
    const write = await createApiToken(ctx, { organisationId: org.id, name: 'case system', scope: 'write' });
    const one = await createApiToken(ctx, { organisationId: org.id, name: 'one', scope: 'write', systemId: system.id });
    const read = await createApiToken(ctx, { organisationId: org.id, name: 'reader', scope: 'read' });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}`, ...NO_RATE_LIMIT });
    const byToken = await post(bearer(write.token), other.id, { language: 'en', caseReference: 'CMS-1' });
    expect(byToken.statusCode, byToken.body).toBe(200);
    const row = await t.database.db.selectFrom('notice').selectAll().where('id', '=', String(byToken.headers['x-notice-id'])).executeTakeFirstOrThrow();
    expect(row.generated_by_name).toBe('token:case system');
    expect((await post(bearer(one.token), system.id, { language: 'en' })).statusCode).toBe(200);
    expect((await post(bearer(one.token), system.slug, { language: 'en' })).statusCode).toBe(200);
    expect((await post(bearer(one.token), other.id, { language: 'en' })).statusCode).toBe(403);
    expect((await post(bearer(one.token), other.slug, { language: 'en' })).statusCode).toBe(403);
    expect((await post(bearer(read.token), system.id, { language: 'en' })).statusCode).toBe(403);
    // Read tokens see the list, without case details.
    const list = await t.app.inject({ method: 'GET', url: api(`/notices?systemId=${other.id}`), headers: bearer(read.token) });
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: Array<{ caseReference: string | null; caseDetailsKept: boolean }> }).items;
    expect(items[0]).toMatchObject({ caseReference: null, caseDetailsKept: true });
  });
});

describe('preview and list', () => {
  it('previews in a language and variant without recording anything', async () => {
    const count = async () => Number((await t.database.db.selectFrom('notice').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const res = await t.app.inject({ method: 'GET', url: api(`/systems/${system.id}/notices/preview?language=es&variant=easy_read`), headers: sessions.system_owner?.headers ?? {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Un ordenador ayudó en su caso');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(await count()).toBe(before);
  });

  it('lists notices newest first, filtered by system, with case details for staff who send notices only', async () => {
    const res = await t.app.inject({ method: 'GET', url: api(`/notices?systemId=${system.id}`), headers: sessions.caseworker?.headers ?? {} });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: Array<{ system: { id: string }; generatedAt: string; caseReference: string | null }> };
    expect(body.items.length).toBe(body.total);
    expect(body.items.every((i) => i.system.id === system.id)).toBe(true);
    const times = body.items.map((i) => i.generatedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const audit = await t.app.inject({ method: 'GET', url: api(`/notices?systemId=${system.id}`), headers: sessions.auditor?.headers ?? {} });
    expect((audit.json() as { items: Array<{ caseReference: string | null }> }).items.every((i) => i.caseReference === null)).toBe(true);
  });
});

describe("a system's own retention of case details", () => {
  const settings = (headers: Record<string, string>, systemRef: string, noticeRetentionDays?: number | null) =>
    t.app.inject({ method: noticeRetentionDays === undefined ? 'GET' : 'PUT', url: api(`/systems/${systemRef}/notice-settings`), headers, ...(noticeRetentionDays === undefined ? {} : { payload: { noticeRetentionDays } }) });

  it('is used for the notices of that system, others keep the organisation’s, and purge respects both', async () => {
    const admin = sessions.admin?.headers ?? {};
    await updateCitizenSettings(systemCtx(t.database.db, 'test'), { organisationId: org.id, noticeRetentionDays: 200 });
    const own = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin?.user.id ?? '', name: 'Short retention', publicVisibility: 'public' });
    expect((await settings(admin, own.id)).json()).toEqual({ systemDays: null, organisationDays: 200, effectiveDays: 200 });

    const set = await settings(sessions.governance_officer?.headers ?? {}, own.slug, 10);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ systemDays: 10, organisationDays: 200, effectiveDays: 10 });
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'notice.retention_updated').where('entity_id', '=', own.id).execute();
    expect(audit.map((a) => [a.before, a.after])).toEqual([[{ noticeRetentionDays: null }, { noticeRetentionDays: 10 }]]);

    const before = Date.now();
    const short = await post(sessions.caseworker?.headers ?? {}, own.id, { language: 'en', caseReference: 'SHORT-1' });
    const long = await post(sessions.caseworker?.headers ?? {}, other.id, { language: 'en', caseReference: 'LONG-1' });
    expect([short.statusCode, long.statusCode]).toEqual([200, 200]);
    const row = (res: typeof short) => t.database.db.selectFrom('notice').selectAll().where('id', '=', String(res.headers['x-notice-id'])).executeTakeFirstOrThrow();
    const daysKept = async (res: typeof short) => (((await row(res)).purge_after?.getTime() ?? 0) - before) / 86_400_000;
    expect(await daysKept(short)).toBeCloseTo(10, 1);
    expect(await daysKept(long)).toBeCloseTo(200, 1);

    // The organisation's purge after 11 days removes this system's case details only.
    await purgeExpiredNoticeDetails(systemCtx(t.database.db, 'test'), new Date(before + 11 * 86_400_000), org.id);
    expect(await row(short)).toMatchObject({ case_reference: null, system_id: own.id });
    expect((await row(long)).case_reference).toBe('LONG-1');
    const list = await t.app.inject({ method: 'GET', url: api(`/notices?systemId=${own.id}`), headers: sessions.caseworker?.headers ?? {} });
    expect((list.json() as { items: Array<{ caseReference: string | null; purgedAt: string | null }> }).items[0]).toMatchObject({ caseReference: null });

    // Cleared again: the organisation's retention applies to the next notice.
    expect((await settings(admin, own.id, null)).json()).toEqual({ systemDays: null, organisationDays: 200, effectiveDays: 200 });
    expect(await daysKept(await post(admin, own.id, { language: 'en', recipientName: 'Ana' }))).toBeCloseTo(200, 1);
  });

  it('is set only by admins and governance officers, within 1 to 3650 days', async () => {
    expect((await settings(sessions.system_owner?.headers ?? {}, system.id, 30)).statusCode).toBe(403);
    expect((await settings(sessions.caseworker?.headers ?? {}, system.id, 30)).statusCode).toBe(403);
    expect((await settings(sessions.admin?.headers ?? {}, system.id, 0)).statusCode).toBe(400);
    expect((await settings(sessions.admin?.headers ?? {}, system.id, 4000)).statusCode).toBe(400);
    expect((await settings(sessions.admin?.headers ?? {}, '00000000-0000-4000-8000-000000000000', 30)).statusCode).toBe(404);
    expect((await settings(sessions.auditor?.headers ?? {}, system.id)).statusCode).toBe(200);
  });
});
