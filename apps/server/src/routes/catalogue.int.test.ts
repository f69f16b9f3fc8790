/**
 * The tool catalogue over HTTP: add, read, edit, archive, each change in the audit trail; the
 * inventory record each tool gets; who may do what; tenant isolation; validation naming fields;
 * search and filters; and the "can I use…?" check. Each test makes its own organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createApiToken, listAuditEvents, systemCtx, type Role } from '@glassbox/core';
import { makeOrganisation, makeSystem, makeUser } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, NO_RATE_LIMIT, type TestApp } from '../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

type Entry = {
  id: string;
  name: string;
  vendor: string;
  description: string;
  status: string;
  permittedUses: string[];
  prohibitedUses: string[];
  conditions: string;
  dataAllowed: string;
  pricing: string;
  dataProtectionTerms: string;
  dpaInPlace: boolean;
  reviewDate: string | null;
  contact: string;
  system: { id: string; slug: string; name: string; lifecycle: string } | null;
  archivedAt: string | null;
};
type Page = { items: Entry[]; total: number };
type Answer = { tool: { id: string; name: string }; answer: 'yes' | 'no' | 'ask_first'; reasons: string[] };
type ErrorBody = { code: string; message: string; fields?: Record<string, string> };

const errorOf = (res: LightMyRequestResponse): ErrorBody => res.json<ErrorBody>();

/** A date a year ahead, so approvals in these tests never look overdue. */
const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-06-30`;

const CHAT = {
  name: 'Chat Assistant',
  vendor: 'Northwind AI',
  description: 'General chat assistant on the enterprise licence.',
  status: 'approved',
  permittedUses: ['drafting newsletters', 'summarising reports'],
  prohibitedUses: ['decisions about people'],
  dataAllowed: 'none_personal',
  pricing: 'paid',
  dataProtectionTerms: 'No training on inputs; kept 30 days; stored in the EU.',
  dpaInPlace: true,
  reviewDate: NEXT_YEAR,
  contact: 'the AI governance team',
};

async function setup() {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const base = `/api/v1/orgs/${org.slug}/tool-catalogue`;
  const as = (who: Role | Record<string, string>) => {
    const headers = typeof who === 'string' ? sessions[who].headers : who;
    const send = (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown) =>
      t.app.inject({ method, url: `${base}${path}`, headers, ...(payload !== undefined && { payload: payload as object }) });
    return {
      get: (path = '') => send('GET', path),
      post: (path: string, payload: unknown) => send('POST', path, payload),
      patch: (path: string, payload: unknown) => send('PATCH', path, payload),
      create: async (payload: Record<string, unknown> = {}) => {
        const res = await send('POST', '', { ...CHAT, ...payload });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<Entry>();
      },
      check: async (toolId: string, use: string, data: string) => {
        const res = await send('POST', '/check', { toolId, use, data });
        expect(res.statusCode, res.body).toBe(200);
        return res.json<Answer>();
      },
    };
  };
  return { org, sessions, base, as };
}

describe('adding, editing and archiving tools', () => {
  it('adds a tool with every field, registers it in the inventory, and records both in the audit trail', async () => {
    const { org, sessions, as } = await setup();
    const created = await as('governance_officer').create({ name: '  Chat Assistant  ', permittedUses: ['drafting newsletters', ' Drafting Newsletters ', 'summarising reports'] });
    expect(created).toMatchObject({
      name: 'Chat Assistant',
      vendor: 'Northwind AI',
      status: 'approved',
      permittedUses: ['drafting newsletters', 'summarising reports'],
      prohibitedUses: ['decisions about people'],
      conditions: '',
      dataAllowed: 'none_personal',
      pricing: 'paid',
      dpaInPlace: true,
      reviewDate: NEXT_YEAR,
      archivedAt: null,
    });
    expect(created.system).toMatchObject({ name: 'Chat Assistant', lifecycle: 'idea' });

    const system = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}/systems/${created.system?.id ?? ''}`, headers: sessions.staff.headers });
    expect(system.statusCode, system.body).toBe(200);
    expect(system.json()).toMatchObject({ sourcing: 'general_purpose_tool', supplier: 'Northwind AI', personalData: false, tags: ['tool-catalogue'] });

    const events = await listAuditEvents(t.database.db, { organisationId: org.id, limit: 20 });
    const event = events.find((e) => e.action === 'catalogue_entry.created');
    expect(event).toMatchObject({ entity_type: 'tool_catalogue_entry', entity_id: created.id, actor_type: 'user' });
    expect(event?.after).toMatchObject({ name: 'Chat Assistant', status: 'approved', systemId: created.system?.id, reviewDate: NEXT_YEAR });
    expect(events.some((e) => e.action === 'system.created' && e.entity_id === created.system?.id)).toBe(true);
  });

  it('links to an existing inventory record, or to none when asked', async () => {
    const { org, sessions, as } = await setup();
    const existing = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin.user.id, name: 'Translation service', sourcing: 'general_purpose_tool', personalData: true });
    const linked = await as('admin').create({ name: 'Translate', systemId: existing.id });
    expect(linked.system).toMatchObject({ id: existing.id, name: 'Translation service' });
    const unlinked = await as('admin').create({ name: 'Unlinked', systemId: null });
    expect(unlinked.system).toBeNull();

    const taken = await as('admin').post('', { ...CHAT, name: 'Another', systemId: existing.id });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).fields).toHaveProperty('systemId');

    const elsewhere = await makeOrganisation(t.database.db, 'Elsewhere');
    const owner = await makeUser(t.database.db, { organisationId: elsewhere.id, roles: ['system_owner'] });
    const foreign = await makeSystem(t.database.db, { organisationId: elsewhere.id, ownerId: owner.id });
    const cross = await as('admin').post('', { ...CHAT, name: 'Cross', systemId: foreign.id });
    expect(cross.statusCode).toBe(400);
    expect(errorOf(cross).fields).toEqual({ systemId: expect.stringMatching(/No such AI system/) });
  });

  it('edits a tool, keeping only the changed fields in the audit trail; an edit that changes nothing writes nothing', async () => {
    const { org, as } = await setup();
    const created = await as('admin').create();
    const res = await as('governance_officer').patch(`/${created.id}`, { status: 'approved_with_conditions', conditions: 'Check every output.', vendor: 'Northwind AI' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Entry>()).toMatchObject({ status: 'approved_with_conditions', conditions: 'Check every output.' });

    const updated = (await listAuditEvents(t.database.db, { organisationId: org.id, action: 'catalogue_entry.updated', limit: 10 }))[0];
    expect(updated?.before).toEqual({ status: 'approved', conditions: '' });
    expect(updated?.after).toEqual({ status: 'approved_with_conditions', conditions: 'Check every output.' });

    const same = await as('admin').patch(`/${created.id}`, { vendor: 'Northwind AI' });
    expect(same.statusCode).toBe(200);
    expect(await listAuditEvents(t.database.db, { organisationId: org.id, action: 'catalogue_entry.updated', limit: 10 })).toHaveLength(1);
  });

  it('archives a tool: hidden from the list, no longer editable, every check says no, and the name is free again', async () => {
    const { org, as } = await setup();
    const created = await as('admin').create();
    const res = await as('governance_officer').post(`/${created.id}/archive`, { reason: 'Licence ended.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Entry>().archivedAt).not.toBeNull();
    const event = (await listAuditEvents(t.database.db, { organisationId: org.id, action: 'catalogue_entry.archived', limit: 1 }))[0];
    expect(event?.after).toMatchObject({ reason: 'Licence ended.' });

    expect((await as('staff').get()).json<Page>().total).toBe(0);
    expect((await as('staff').get('?archived=true')).json<Page>().items.map((e) => e.id)).toEqual([created.id]);
    expect((await as('admin').patch(`/${created.id}`, { vendor: 'x' })).statusCode).toBe(409);
    expect((await as('admin').post(`/${created.id}/archive`, {})).statusCode).toBe(409);

    const answer = await as('staff').check(created.id, 'drafting newsletters', 'none_personal');
    expect(answer.answer).toBe('no');
    expect(answer.reasons[0]).toMatch(/withdrawn/);
    await as('admin').create({ systemId: null });
  });

  it('refuses a second current tool of the same name, naming the field', async () => {
    const { as } = await setup();
    await as('admin').create({ systemId: null });
    const res = await as('admin').post('', { ...CHAT, name: 'chat assistant', systemId: null });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: 'catalogue_entry.name_taken', fields: { name: 'Already in the catalogue.' } });
  });
});

describe('who may do what', () => {
  it('lets every member read and check, and only admins and governance officers change the catalogue', async () => {
    const { as } = await setup();
    const entry = await as('admin').create();
    for (const role of ['system_owner', 'reviewer', 'caseworker', 'auditor', 'staff'] as const) {
      expect((await as(role).get()).statusCode, role).toBe(200);
      expect((await as(role).get(`/${entry.id}`)).statusCode, role).toBe(200);
      expect((await as(role).check(entry.id, 'drafting newsletters', 'none_personal')).answer, role).toBe('yes');
      expect((await as(role).post('', { ...CHAT, name: `By ${role}` })).statusCode, role).toBe(403);
      expect((await as(role).patch(`/${entry.id}`, { vendor: 'x' })).statusCode, role).toBe(403);
      expect((await as(role).post(`/${entry.id}/archive`, {})).statusCode, role).toBe(403);
    }
    expect((await as('governance_officer').patch(`/${entry.id}`, { contact: 'Gabriel' })).statusCode).toBe(200);
  });

  it('lets API tokens read the catalogue, and write tokens check, but no token change it', async () => {
    const { org, as } = await setup();
    const entry = await as('admin').create();
    const ctx = systemCtx(t.database.db, 'test');
    const read = await createApiToken(ctx, { organisationId: org.id, name: 'read', scope: 'read' });
    const write = await createApiToken(ctx, { organisationId: org.id, name: 'write', scope: 'write' });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}`, ...NO_RATE_LIMIT });
    expect((await as(bearer(read.token)).get()).json<Page>().total).toBe(1);
    expect((await as(bearer(read.token)).post('/check', { toolId: entry.id, use: 'drafting newsletters', data: 'none_personal' })).statusCode).toBe(403);
    expect((await as(bearer(write.token)).check(entry.id, 'drafting newsletters', 'none_personal')).answer).toBe('yes');
    expect((await as(bearer(write.token)).post('', { ...CHAT, name: 'By token' })).statusCode).toBe(403);
  });

  it('keeps each organisation’s catalogue to itself', async () => {
    const mine = await setup();
    const theirs = await setup();
    const entry = await theirs.as('admin').create();
    expect((await mine.as('admin').get()).json<Page>().total).toBe(0);
    expect((await mine.as('admin').get(`/${entry.id}`)).statusCode).toBe(404);
    expect((await mine.as('admin').patch(`/${entry.id}`, { vendor: 'x' })).statusCode).toBe(404);
    expect((await mine.as('admin').post(`/${entry.id}/archive`, {})).statusCode).toBe(404);
    const check = await mine.as('staff').post('/check', { toolId: entry.id, use: 'drafting newsletters', data: 'none_personal' });
    expect(check.statusCode).toBe(404);
    expect(errorOf(check).fields).toHaveProperty('toolId');
    // A member of one organisation calling the other's address is refused outright.
    const outsider = await t.app.inject({ method: 'GET', url: theirs.base, headers: mine.sessions.staff.headers });
    expect(outsider.statusCode).toBe(403);
  });
});

describe('validation', () => {
  it('names every field at fault', async () => {
    const { as } = await setup();
    const res = await as('admin').post('', { name: '', vendor: 'v', status: 'sort of', dataAllowed: 'everything', pricing: 'paid', reviewDate: '2026-13-45', colour: 'blue' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual(['colour', 'dataAllowed', 'name', 'reviewDate', 'status']);
  });

  it('needs a review date for an approved tool, conditions for a conditional approval, and no use both permitted and prohibited', async () => {
    const { as } = await setup();
    const res = await as('admin').post('', { ...CHAT, status: 'approved_with_conditions', reviewDate: null, prohibitedUses: ['Drafting newsletters'] });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'catalogue_entry.invalid' });
    expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual(['conditions', 'prohibitedUses', 'reviewDate']);
    const underReview = await as('admin').post('', { ...CHAT, status: 'under_review', reviewDate: null, systemId: null });
    expect(underReview.statusCode, underReview.body).toBe(201);
  });

  it('checks the question: a known tool, a described use and a kind of data', async () => {
    const { as } = await setup();
    const res = await as('staff').post('/check', { toolId: 'nope', use: 'x', data: 'secret' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual(['data', 'toolId', 'use']);
  });
});

describe('search and the "can I use…?" check', () => {
  it('searches by name, vendor and use, and filters by status', async () => {
    const { as } = await setup();
    await as('admin').create({ systemId: null });
    await as('admin').create({ name: 'Meeting Transcriber', vendor: 'Clearvoice', status: 'under_review', permittedUses: ['transcribing internal meetings'], reviewDate: null, systemId: null });
    await as('admin').create({ name: 'Free chatbot', vendor: 'Various', status: 'not_approved', pricing: 'free', permittedUses: [], reviewDate: null, systemId: null });
    const names = async (query: string) => (await as('staff').get(query)).json<Page>().items.map((e) => e.name);
    expect(await names('')).toEqual(['Chat Assistant', 'Free chatbot', 'Meeting Transcriber']);
    expect(await names('?q=clearvoice')).toEqual(['Meeting Transcriber']);
    expect(await names('?q=TRANSCRIBING')).toEqual(['Meeting Transcriber']);
    expect(await names('?q=newsletter')).toEqual(['Chat Assistant']);
    expect(await names('?q=about%20people')).toEqual(['Chat Assistant', 'Free chatbot', 'Meeting Transcriber']);
    expect(await names('?q=summarising')).toEqual(['Chat Assistant']);
    expect(await names('?status=not_approved')).toEqual(['Free chatbot']);
    expect(await names(`?q=${encodeURIComponent('%_')}`)).toEqual([]);
    const page = (await as('staff').get('?limit=1&offset=1')).json<Page>();
    expect(page).toMatchObject({ total: 3, items: [{ name: 'Free chatbot' }] });
  });

  it('answers yes, no and ask first with the reasons', async () => {
    const { as } = await setup();
    const chat = await as('admin').create({ systemId: null });
    const yes = await as('staff').check(chat.id, 'Drafting a newsletter about bin collections', 'none_personal');
    expect(yes).toMatchObject({ tool: { id: chat.id, name: 'Chat Assistant' }, answer: 'yes' });
    expect(yes.reasons[0]).toMatch(/approved for “drafting newsletters”/);

    const personal = await as('staff').check(chat.id, 'Summarising a complaint from a resident', 'personal');
    expect(personal.answer).toBe('no');
    expect(personal.reasons[0]).toMatch(/personal information must not go into it/);

    const prohibited = await as('staff').check(chat.id, 'make decisions about people', 'none_personal');
    expect(prohibited.answer).toBe('no');

    const unlisted = await as('staff').check(chat.id, 'writing computer code', 'none_personal');
    expect(unlisted.answer).toBe('ask_first');
    expect(unlisted.reasons.at(-1)).toBe('Ask the AI governance team before you use Chat Assistant for this.');

    const free = await as('admin').create({ name: 'Free writer', pricing: 'free', dataProtectionTerms: '', dpaInPlace: false, systemId: null });
    const capped = await as('staff').check(free.id, 'drafting newsletters', 'none_personal');
    expect(capped.answer).toBe('ask_first');
    expect(capped.reasons[0]).toMatch(/free tool/);
  });

  it('writes nothing when someone checks (what they type is not kept)', async () => {
    const { org, as } = await setup();
    const chat = await as('admin').create({ systemId: null });
    const before = await listAuditEvents(t.database.db, { organisationId: org.id, limit: 1000 });
    await as('staff').check(chat.id, 'Summarising Mrs Smith’s housing file', 'personal');
    expect(await listAuditEvents(t.database.db, { organisationId: org.id, limit: 1000 })).toHaveLength(before.length);
  });
});
