/**
 * Citizen services against a real database: concerns and redress requests sent without an
 * account, followed with the private link, and handled by staff through the API; deadlines,
 * escalation, emails and the public statistics.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  concernStatsForSystem,
  escalateOverdueRedress,
  getConcernByStatusToken,
  getRedressByStatusToken,
  redressStatsForSystem,
  submitConcern,
  submitRedressRequest,
  systemCtx,
  AppError,
} from '@glassbox/core';
import { makeOrganisation, makeSystem, makeUser } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, signInAs, type Session, type TestApp } from '../testing/harness.js';

let t: TestApp;
let org: { id: string; slug: string; name: string };
let sessions: Record<string, Session>;
let publicSystem: { id: string; slug: string };
let ownedSystem: { id: string; slug: string };
let internalSystem: { id: string; slug: string };
let owner: Session;

const ctx = () => systemCtx(t.database.db, 'public');
const statusUrl = (token: string) => `https://example.org/status/${token}`;
// Unique per run: on a shared PostgreSQL other test files (and earlier runs) send mail too.
const runId = randomUUID().slice(0, 8);
const anaEmail = `ana-${runId}@example.org`;
const benEmail = `ben-${runId}@example.org`;
const cyEmail = `cy-${runId}@example.org`;

beforeAll(async () => {
  t = await createTestApp();
  const made = await makeOrgWithEveryRole(t.app, t.database);
  org = made.org;
  sessions = made.sessions;
  const admin = sessions.admin?.user.id ?? '';
  publicSystem = await makeSystem(t.database.db, { organisationId: org.id, ownerId: admin, name: 'Benefit triage', publicVisibility: 'public' });
  internalSystem = await makeSystem(t.database.db, { organisationId: org.id, ownerId: admin, name: 'Internal helper', publicVisibility: 'internal' });
  const ownerUser = await makeUser(t.database.db, { organisationId: org.id, roles: ['system_owner'], name: 'Owner of one' });
  owner = await signInAs(t.app, ownerUser);
  ownedSystem = await makeSystem(t.database.db, { organisationId: org.id, ownerId: ownerUser.id, name: 'Owned public system', publicVisibility: 'public' });
}, 120_000);
afterAll(async () => t?.close());

const api = (path: string) => `/api/v1/orgs/${org.slug}${path}`;

async function problemsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return ((e as AppError).details?.problems ?? {}) as Record<string, string>;
}

describe('concerns', () => {
  it('are acknowledged with a reference and a private link only after they are stored, and mail the person', async () => {
    const sent = await submitConcern(ctx(), {
      organisationId: org.id,
      organisationName: org.name,
      system: publicSystem.slug,
      locale: 'es',
      category: 'bias',
      description: 'La decisión parece injusta para las personas mayores.',
      contactEmail: anaEmail,
      statusUrl,
    });
    expect(sent.reference).toMatch(/^C-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const row = await t.database.db.selectFrom('concern').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow();
    expect(row.status_token_hash).not.toContain(sent.statusToken);
    const status = await getConcernByStatusToken(ctx(), { organisationId: org.id, token: sent.statusToken });
    expect(status).toMatchObject({ reference: sent.reference, category: 'bias', status: 'new', system: { slug: publicSystem.slug }, response: null });
    const mail = await t.database.db.selectFrom('outbox_mail').selectAll().where('to_address', '=', anaEmail).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toContain(sent.reference);
    expect(mail[0]?.text_body).toContain(statusUrl(sent.statusToken));
    expect(mail[0]?.text_body).toContain('Su número de referencia');
    // The audit trail names the case, not the person or what they wrote.
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('entity_id', '=', sent.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain(anaEmail);
    expect(JSON.stringify(audit)).not.toContain('injusta');
  });

  it.each([
    [{ category: '', description: '' }, { category: 'required', description: 'required' }],
    [{ category: 'bias', description: 'x', system: internalSystem?.slug ?? 'internal-helper' }, { system: 'invalid_choice' }],
    [{ category: 'bias', description: 'x', system: 'no-such-system' }, { system: 'invalid_choice' }],
    [{ category: 'bias', description: 'x', contactEmail: 'nope' }, { contactEmail: 'invalid_email' }],
  ])('refuse bad input by field: %o', async (input, expected) => {
    const before = await t.database.db.selectFrom('concern').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const problems = await problemsOf(submitConcern(ctx(), { organisationId: org.id, organisationName: org.name, locale: 'en', statusUrl, ...input }));
    expect(problems).toEqual(expected);
    const after = await t.database.db.selectFrom('concern').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('cannot be read with a wrong, malformed or other organisation’s token', async () => {
    const sent = await submitConcern(ctx(), { organisationId: org.id, organisationName: org.name, locale: 'en', category: 'error', description: 'Wrong letter', statusUrl });
    const other = await makeOrganisation(t.database.db, 'Other Council');
    for (const [organisationId, token] of [
      [org.id, 'A'.repeat(22)],
      [org.id, '../../etc'],
      [other.id, sent.statusToken],
    ] as const) {
      await expect(getConcernByStatusToken(ctx(), { organisationId, token })).rejects.toMatchObject({ code: 'concern.not_found' });
    }
  });

  it('are triaged, answered and closed by staff; the person sees the answer but not internal notes', async () => {
    const sent = await submitConcern(ctx(), {
      organisationId: org.id,
      organisationName: org.name,
      system: publicSystem.slug,
      locale: 'en',
      category: 'error',
      description: 'My address was read wrongly.',
      contactEmail: benEmail,
      statusUrl,
    });
    const gov = sessions.governance_officer as Session;
    const patch = (body: unknown, s: Session = gov) => t.app.inject({ method: 'PATCH', url: api(`/concerns/${sent.id}`), headers: s.headers, payload: body as Record<string, unknown> });

    const assigned = await patch({ assigneeId: gov.user.id, status: 'triaged', note: 'Looks like an OCR error.' });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'triaged', assignee: { id: gov.user.id } });

    const bad = await patch({ status: 'new' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json()).toMatchObject({ code: 'concern.bad_transition', fields: { status: expect.any(String) } });

    const noReason = await patch({ status: 'closed' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ fields: { closedReason: expect.any(String) } });

    const answered = await patch({ response: 'We corrected your address and reviewed the decision by hand.', incidentReference: 'INC-42' });
    expect(answered.json()).toMatchObject({ status: 'responded', incidentReference: 'INC-42', response: expect.stringContaining('corrected') });

    const status = await getConcernByStatusToken(ctx(), { organisationId: org.id, token: sent.statusToken });
    expect(status.response).toContain('corrected your address');
    expect(JSON.stringify(status)).not.toContain('OCR error');
    expect(status.events.map((e) => e.toStatus).filter(Boolean)).toEqual(['new', 'triaged', 'responded']);

    const mails = await t.database.db.selectFrom('outbox_mail').select(['subject', 'text_body']).where('to_address', '=', benEmail).orderBy('created_at').execute();
    expect(mails).toHaveLength(2);
    expect(mails[1]?.text_body).toContain('corrected your address');

    const closed = await patch({ status: 'closed', closedReason: 'Answered and corrected.' });
    expect(closed.json()).toMatchObject({ status: 'closed', closedReason: 'Answered and corrected.' });
    const detail = (await t.app.inject({ method: 'GET', url: api(`/concerns/${sent.id}`), headers: gov.headers })).json() as { events: Array<{ kind: string; internal: boolean }>; contact: unknown };
    expect(detail.events.filter((e) => e.internal).map((e) => e.kind)).toEqual(['assigned', 'note', 'incident']);
    expect(detail.contact).toEqual({ name: null, email: benEmail, phone: null });
  });

  it('are visible to a system owner for their own systems only, and to auditors without contact details', async () => {
    const mine = await submitConcern(ctx(), { organisationId: org.id, organisationName: org.name, system: ownedSystem.slug, locale: 'en', category: 'privacy', description: 'Mine', contactEmail: 'c@example.org', statusUrl });
    const theirs = await submitConcern(ctx(), { organisationId: org.id, organisationName: org.name, system: publicSystem.slug, locale: 'en', category: 'privacy', description: 'Theirs', statusUrl });
    const list = (await t.app.inject({ method: 'GET', url: api('/concerns?limit=1000'), headers: owner.headers })).json() as { items: Array<{ id: string }> };
    expect(list.items.map((i) => i.id)).toContain(mine.id);
    expect(list.items.map((i) => i.id)).not.toContain(theirs.id);
    expect((await t.app.inject({ method: 'GET', url: api(`/concerns/${theirs.id}`), headers: owner.headers })).statusCode).toBe(404);
    const ownerPatch = await t.app.inject({ method: 'PATCH', url: api(`/concerns/${mine.id}`), headers: owner.headers, payload: { status: 'investigating' } });
    expect(ownerPatch.statusCode, ownerPatch.body).toBe(200);

    const auditor = sessions.auditor as Session;
    const seen = (await t.app.inject({ method: 'GET', url: api(`/concerns/${mine.id}`), headers: auditor.headers })).json() as { contact: unknown; permissions: { canHandle: boolean } };
    expect(seen).toMatchObject({ contact: null, permissions: { canHandle: false } });

    const filtered = (await t.app.inject({ method: 'GET', url: api('/concerns?category=privacy&status=new'), headers: sessions.admin?.headers ?? {} })).json() as { items: Array<{ id: string }> };
    expect(filtered.items.map((i) => i.id)).toEqual([theirs.id]);
    const badFilter = await t.app.inject({ method: 'GET', url: api('/concerns?category=spam'), headers: sessions.admin?.headers ?? {} });
    expect(badFilter.statusCode).toBe(400);
  });

  it('are counted per system for the public page, never shown', async () => {
    const system = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin?.user.id ?? '', name: 'Counted public system', publicVisibility: 'public' });
    for (const category of ['error', 'error', 'bias'] as const) {
      await submitConcern(ctx(), { organisationId: org.id, organisationName: org.name, system: system.slug, locale: 'fr', category, description: 'x', statusUrl });
    }
    const stats = await concernStatsForSystem(ctx(), { organisationId: org.id, systemId: system.id });
    expect(stats.total).toBe(3);
    expect(stats.byCategory).toMatchObject({ error: 2, bias: 1, privacy: 0 });
    expect(stats.byStatus).toMatchObject({ new: 3, closed: 0 });
  });
});

describe('redress requests', () => {
  it('need a public system and a way to answer, and get the deadline of their type', async () => {
    expect(await problemsOf(submitRedressRequest(ctx(), { organisationId: org.id, organisationName: org.name, locale: 'en', kind: 'appeal', description: 'x', contactName: 'Ana', statusUrl }))).toEqual({
      system: 'required',
      contactEmail: 'contact_required',
    });
    const now = new Date('2026-03-01T09:00:00Z');
    const sent = await submitRedressRequest(ctx(), {
      organisationId: org.id,
      organisationName: org.name,
      system: publicSystem.slug,
      locale: 'fr',
      kind: 'appeal',
      decisionReference: 'DEC-2026-0042',
      description: 'Je conteste la décision.',
      contactName: 'Ana',
      postalAddress: '1 rue de la Paix',
      statusUrl,
      now,
    });
    expect(sent.dueAt).toBe('2026-04-30T09:00:00.000Z');
    const status = await getRedressByStatusToken(ctx(), { organisationId: org.id, token: sent.statusToken });
    expect(status).toMatchObject({ kind: 'appeal', status: 'received', decisionReference: 'DEC-2026-0042', outcome: null });
  });

  it('follow the organisation’s deadlines, which only the triage team changes', async () => {
    const asOwner = await t.app.inject({ method: 'PUT', url: api('/citizen-settings'), headers: owner.headers, payload: { humanReviewDays: 10 } });
    expect(asOwner.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: api('/citizen-settings'), headers: sessions.admin?.headers ?? {}, payload: { humanReviewDays: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ fields: { humanReviewDays: expect.any(String) } });
    const ok = await t.app.inject({ method: 'PUT', url: api('/citizen-settings'), headers: sessions.admin?.headers ?? {}, payload: { humanReviewDays: 10 } });
    expect(ok.json()).toEqual({ explanationDays: 30, humanReviewDays: 10, appealDays: 60, noticeRetentionDays: 365 });
    const now = new Date('2026-05-01T00:00:00Z');
    const sent = await submitRedressRequest(ctx(), { organisationId: org.id, organisationName: org.name, system: publicSystem.slug, locale: 'en', kind: 'human_review', description: 'Review please', contactName: 'B', contactEmail: 'b@example.org', statusUrl, now });
    expect(sent.dueAt).toBe('2026-05-11T00:00:00.000Z');
  });

  it('show time left, escalate once when overdue, and send the decision to the person', async () => {
    const longAgo = new Date(Date.now() - 90 * 86_400_000);
    const sent = await submitRedressRequest(ctx(), {
      organisationId: org.id,
      organisationName: org.name,
      system: publicSystem.slug,
      locale: 'en',
      kind: 'explanation',
      description: 'Why was I refused?',
      contactName: 'Cy',
      contactEmail: cyEmail,
      statusUrl,
      now: longAgo,
    });
    const gov = sessions.governance_officer as Session;
    const queue = (await t.app.inject({ method: 'GET', url: api('/redress-requests?overdue=true&limit=1000'), headers: gov.headers })).json() as { items: Array<{ id: string; overdue: boolean; daysLeft: number }> };
    const item = queue.items.find((i) => i.id === sent.id);
    expect(item).toMatchObject({ overdue: true });
    expect(item?.daysLeft).toBeLessThan(-50);

    const first = await escalateOverdueRedress(ctx(), { organisationId: org.id });
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueRedress(ctx(), { organisationId: org.id })).toBe(0);
    const alerts = await t.database.db.selectFrom('outbox_mail').select('to_address').where('subject', 'like', `%${sent.reference}%`).where('subject', 'like', 'Overdue%').execute();
    expect(alerts.map((a) => a.to_address).sort()).toEqual([sessions.admin?.user.email, gov.user.email].sort());

    const decideWithoutText = await t.app.inject({ method: 'PATCH', url: api(`/redress-requests/${sent.id}`), headers: gov.headers, payload: { decision: { outcome: 'explanation_given', text: ' ' } } });
    expect(decideWithoutText.statusCode).toBe(400);
    expect(decideWithoutText.json()).toMatchObject({ fields: { 'decision.text': expect.any(String) } });

    const decided = await t.app.inject({
      method: 'PATCH',
      url: api(`/redress-requests/${sent.id}`),
      headers: gov.headers,
      payload: { decision: { outcome: 'explanation_given', text: 'Your income was above the limit; a caseworker checked it.' } },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'decided', outcome: 'explanation_given', overdue: false });
    const status = await getRedressByStatusToken(ctx(), { organisationId: org.id, token: sent.statusToken });
    expect(status).toMatchObject({ status: 'decided', outcome: 'explanation_given', outcomeText: expect.stringContaining('above the limit') });
    const toPerson = await t.database.db.selectFrom('outbox_mail').select('text_body').where('to_address', '=', cyEmail).orderBy('created_at').execute();
    expect(toPerson.at(-1)?.text_body).toContain('above the limit');

    const again = await t.app.inject({ method: 'PATCH', url: api(`/redress-requests/${sent.id}`), headers: gov.headers, payload: { decision: { outcome: 'upheld', text: 'Changed my mind' } } });
    expect(again.statusCode).toBe(409);

    const stats = await redressStatsForSystem(ctx(), { organisationId: org.id, systemId: publicSystem.id });
    expect(stats.byOutcome.explanation_given).toBeGreaterThanOrEqual(1);
    expect(stats.medianDaysToResolve).not.toBeNull();
  });

  it('stay inside their organisation', async () => {
    const sent = await submitRedressRequest(ctx(), { organisationId: org.id, organisationName: org.name, system: publicSystem.slug, locale: 'en', kind: 'appeal', description: 'x', contactName: 'D', contactEmail: 'd@example.org', statusUrl });
    const other = await makeOrgWithEveryRole(t.app, t.database);
    const otherAdmin = other.sessions.admin;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${other.org.slug}/redress-requests/${sent.id}`, headers: otherAdmin.headers });
    expect(res.statusCode).toBe(404);
    const cross = await t.app.inject({ method: 'GET', url: api(`/redress-requests/${sent.id}`), headers: otherAdmin.headers });
    expect(cross.statusCode).toBe(403);
  });
});
