/**
 * The AI-system inventory over HTTP: register, edit, archive, versions and diffs, lifecycle moves,
 * who may do what, tenant isolation, validation, and the list's filters, search, sort and paging.
 * Each test makes its own organisation, so nothing is assumed about other rows in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createApiToken, createUnit, listAuditEvents, systemCtx, updateObligation, LIFECYCLE_TRANSITIONS, type Lifecycle, type Role } from '@glassbox/core';
import { makeOrganisation, makeScreeningAnswers, makeUser, screenTestSystem } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, NO_RATE_LIMIT, type Session, type TestApp } from '../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

type System = {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  description: string;
  lifecycle: Lifecycle;
  unit: { id: string; name: string } | null;
  owner: { id: string; displayName: string };
  sourcing: string;
  supplier: string | null;
  decisionRole: string;
  personalData: boolean;
  publicVisibility: string;
  tags: string[];
  dataCategories: string[];
  version: number;
  archivedAt: string | null;
  allowedTransitions: Lifecycle[];
};
type Page = { items: System[]; total: number };
type ErrorBody = { code: string; message: string; fields?: Record<string, string>; details?: { blocking?: Array<{ code: string; message: string }> } };
type Version = { version: number; kind: string; changedFields: string[]; reason: string | null; actor: { type: string; name: string }; snapshot: Record<string, unknown> };

type Headers = Record<string, string>;

async function setup() {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const base = `/api/v1/orgs/${org.slug}/systems`;
  const as = (who: Role | Session | Headers) => {
    const headers = typeof who === 'string' ? sessions[who].headers : 'headers' in who ? (who as Session).headers : (who as Headers);
    const send = (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: unknown) =>
      t.app.inject({ method, url: `${base}${path}`, headers, ...(payload !== undefined && { payload: payload as object }) });
    return {
      get: (path = '') => send('GET', path),
      post: (path: string, payload: unknown) => send('POST', path, payload),
      patch: (path: string, payload: unknown) => send('PATCH', path, payload),
      create: async (payload: Record<string, unknown> = {}) => {
        const res = await send('POST', '', { ...MINIMAL, ...payload });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<System>();
      },
      /**
       * Screens the system with answers where no EU AI Act provision applies (minimal tier), as a
       * system must be screened before it is approved, and records its before-deployment
       * obligations as met, so these tests exercise the lifecycle rather than the gates.
       */
      screen: async (id: string) => {
        await screenTestSystem(t.database.db, { organisationId: org.id, systemId: id, answers: makeScreeningAnswers() });
        await meetBeforeDeployment(org.id, id);
      },
      move: async (id: string, to: Lifecycle, reason = `Moving to ${to}.`) => {
        const res = await send('POST', `/${id}/transitions`, { to, reason });
        expect(res.statusCode, `→ ${to}: ${res.body}`).toBe(200);
        return res.json<System>();
      },
    };
  };
  return { org, sessions, base, as };
}

async function meetBeforeDeployment(organisationId: string, systemId: string): Promise<void> {
  const open = await t.database.db.selectFrom('obligation').select('id').where('system_id', '=', systemId).where('phase', '=', 'before_deployment').execute();
  for (const o of open) await updateObligation(systemCtx(t.database.db, 'test'), { organisationId, ref: systemId, obligationId: o.id, status: 'met' });
}

const MINIMAL = { name: 'Benefit claim triage', purpose: 'Sorts incoming benefit claims by urgency.', sourcing: 'in_house', decisionRole: 'recommends', personalData: true };

const errorOf = (res: LightMyRequestResponse): ErrorBody => res.json<ErrorBody>();

describe('registering and editing systems', () => {
  it('registers a system with every field, owned by its creator, readable by id and by slug', async () => {
    const { org, sessions, as } = await setup();
    const unit = await createUnit(systemCtx(t.database.db, 'test'), { organisationId: org.id, name: 'Benefits and Revenues' });
    const created = await as('governance_officer').create({
      name: '  Évaluation des risques: fraude  ',
      description: 'Gives each claim a risk score that a caseworker sees.',
      unitId: unit.id,
      sourcing: 'procured',
      supplier: 'Acme Analytics',
      decisionRole: 'informs',
      affectedPeople: 'Residents who claim housing benefit.',
      dataCategories: ['income', 'household', 'income'],
      personalData: true,
      humanOversight: 'A caseworker decides every claim.',
      publicVisibility: 'public',
      tags: ['Fraud', 'benefits', 'fraud'],
    });
    expect(created).toMatchObject({
      name: 'Évaluation des risques: fraude',
      slug: 'evaluation-des-risques-fraude',
      lifecycle: 'idea',
      version: 1,
      unit: { id: unit.id, name: 'Benefits and Revenues' },
      owner: { id: sessions.governance_officer.user.id, displayName: 'Test governance_officer' },
      supplier: 'Acme Analytics',
      dataCategories: ['income', 'household'],
      tags: ['fraud', 'benefits'],
      publicVisibility: 'public',
      archivedAt: null,
      allowedTransitions: ['proposed'],
    });
    const byId = await as('staff').get(`/${created.id}`);
    expect(byId.statusCode).toBe(200);
    const bySlug = await as('staff').get(`/${created.slug}`);
    expect(bySlug.json()).toEqual(byId.json());
    expect((await as('staff').get(`/${created.id.toUpperCase()}`)).statusCode).toBe(200);

    const versions = (await as('auditor').get(`/${created.id}/versions`)).json<{ items: Version[]; total: number }>();
    expect(versions.total).toBe(1);
    expect(versions.items[0]).toMatchObject({ version: 1, kind: 'created', actor: { type: 'user', name: 'Test governance_officer' } });
    expect(versions.items[0]?.changedFields).toContain('name');
    expect(versions.items[0]?.snapshot).toMatchObject({ name: created.name, lifecycle: 'idea', unitId: unit.id, tags: ['fraud', 'benefits'] });

    const events = await listAuditEvents(t.database.db, { organisationId: org.id, entityId: created.id, limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['system.created']);
  });

  it('defaults optional fields conservatively (internal, no unit, empty lists)', async () => {
    const { as } = await setup();
    const s = await as('admin').create();
    expect(s).toMatchObject({ publicVisibility: 'internal', unit: null, supplier: null, tags: [], dataCategories: [], description: '' });
  });

  it('makes unique, stable slugs: the same name gets a number, a rename keeps the slug', async () => {
    const { as } = await setup();
    const a = await as('admin').create({ name: 'Chatbot' });
    const b = await as('admin').create({ name: 'chatbot!' });
    const c = await as('admin').create({ name: '机器人' });
    expect([a.slug, b.slug, c.slug]).toEqual(['chatbot', 'chatbot-2', 'system']);
    const renamed = await as('admin').patch(`/${a.id}`, { name: 'Resident help chatbot' });
    expect(renamed.json<System>()).toMatchObject({ name: 'Resident help chatbot', slug: 'chatbot' });
    // A UUID-shaped name never gives a UUID-shaped slug.
    const uuidName = await as('admin').create({ name: '0f8fad5b-d9cb-469f-a165-70867728950e' });
    expect(uuidName.slug).toBe('system-0f8fad5b-d9cb-469f-a165-70867728950e');
    expect((await as('admin').get(`/${uuidName.slug}`)).json<System>().id).toBe(uuidName.id);
  });

  it('writes a version and an audit event with only the changed fields for each edit; an empty edit writes none', async () => {
    const { org, as } = await setup();
    const s = await as('admin').create();
    const res = await as('admin').patch(`/${s.id}`, { purpose: 'Sorts claims.', tags: ['triage'], personalData: true, reason: 'Clearer wording' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<System>()).toMatchObject({ version: 2, purpose: 'Sorts claims.', tags: ['triage'] });

    const same = await as('admin').patch(`/${s.id}`, { purpose: 'Sorts claims.' });
    expect(same.json<System>().version).toBe(2);
    expect((await as('admin').patch(`/${s.id}`, {})).json<System>().version).toBe(2);

    const versions = (await as('staff').get(`/${s.id}/versions`)).json<{ items: Version[]; total: number }>();
    expect(versions.total).toBe(2);
    expect(versions.items[0]).toMatchObject({ version: 2, kind: 'updated', changedFields: ['purpose', 'tags'], reason: 'Clearer wording' });

    const events = await listAuditEvents(t.database.db, { organisationId: org.id, entityId: s.id, limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['system.updated', 'system.created']);
    expect(events[0]?.before).toEqual({ purpose: MINIMAL.purpose, tags: [] });
    expect(events[0]?.after).toEqual({ purpose: 'Sorts claims.', tags: ['triage'], version: 2, reason: 'Clearer wording' });
  });

  it('diffs two versions field by field, in either order', async () => {
    const { sessions, as } = await setup();
    const s = await as('admin').create();
    await as('admin').patch(`/${s.id}`, { name: 'Claim triage v2', supplier: 'Acme' });
    await as('admin').move(s.id, 'proposed');
    await as('admin').patch(`/${s.id}`, { ownerId: sessions.system_owner.user.id });

    const diff = (await as('reviewer').get(`/${s.id}/versions/diff?from=1&to=4`)).json<{ from: number; to: number; changes: unknown[] }>();
    expect(diff).toEqual({
      from: 1,
      to: 4,
      changes: [
        { field: 'name', before: 'Benefit claim triage', after: 'Claim triage v2' },
        { field: 'ownerId', before: sessions.admin.user.id, after: sessions.system_owner.user.id },
        { field: 'supplier', before: null, after: 'Acme' },
        { field: 'lifecycle', before: 'idea', after: 'proposed' },
      ],
    });
    const back = (await as('reviewer').get(`/${s.id}/versions/diff?from=3&to=2`)).json<{ changes: unknown[] }>();
    expect(back.changes).toEqual([{ field: 'lifecycle', before: 'proposed', after: 'idea' }]);
    expect((await as('reviewer').get(`/${s.id}/versions/diff?from=2&to=2`)).json<{ changes: unknown[] }>().changes).toEqual([]);

    const missing = await as('reviewer').get(`/${s.id}/versions/diff?from=1&to=9`);
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing)).toMatchObject({ code: 'system_version.not_found', fields: { to: 'No such version.' } });
    expect((await as('reviewer').get(`/${s.id}/versions/diff?from=1`)).statusCode).toBe(400);
  });

  it('pages the versions, newest first, with the total', async () => {
    const { as } = await setup();
    const s = await as('admin').create();
    for (const purpose of ['One.', 'Two.', 'Three.']) await as('admin').patch(`/${s.id}`, { purpose });
    const page = (await as('staff').get(`/${s.id}/versions?limit=2&offset=1`)).json<{ items: Version[]; total: number }>();
    expect(page.total).toBe(4);
    expect(page.items.map((v) => v.version)).toEqual([3, 2]);
    const past = (await as('staff').get(`/${s.id}/versions?limit=2&offset=10`)).json<{ items: Version[]; total: number }>();
    expect(past).toEqual({ items: [], total: 4 });
  });
});

describe('validation names the fields', () => {
  it('refuses missing, unknown and malformed fields', async () => {
    const { as } = await setup();
    const res = await as('admin').post('', { name: '', sourcing: 'bought', decisionRole: 'decides', personalData: 'yes', tags: [''], lifecycle: 'approved', slug: 'mine' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual(['lifecycle', 'name', 'personalData', 'purpose', 'slug', 'sourcing', 'tags.0']);
  });

  it('expects a supplier for a procured system, on create and on edit', async () => {
    const { as } = await setup();
    const res = await as('admin').post('', { ...MINIMAL, sourcing: 'procured', supplier: '  ' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'system.invalid', fields: { supplier: expect.stringMatching(/supplier/) } });
    const s = await as('admin').create();
    const edit = await as('admin').patch(`/${s.id}`, { sourcing: 'procured' });
    expect(edit.statusCode).toBe(400);
    expect(Object.keys(errorOf(edit).fields ?? {})).toEqual(['supplier']);
    expect((await as('admin').patch(`/${s.id}`, { sourcing: 'procured', supplier: 'Acme' })).statusCode).toBe(200);
    expect(errorOf(await as('admin').patch(`/${s.id}`, { supplier: null })).fields).toHaveProperty('supplier');
  });

  it('wants the unit and the owner from the same organisation', async () => {
    const { as } = await setup();
    const other = await makeOrganisation(t.database.db, 'Elsewhere');
    const foreignUnit = await createUnit(systemCtx(t.database.db, 'test'), { organisationId: other.id, name: 'Foreign unit' });
    const stranger = await makeUser(t.database.db, { organisationId: other.id, roles: ['system_owner'] });
    const res = await as('admin').post('', { ...MINIMAL, unitId: foreignUnit.id, ownerId: stranger.id });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'system.invalid', fields: { unitId: expect.any(String), ownerId: expect.any(String) } });
    const s = await as('admin').create();
    const edit = await as('admin').patch(`/${s.id}`, { unitId: foreignUnit.id });
    expect(errorOf(edit).fields).toEqual({ unitId: 'No such unit in this organisation.' });
  });

  it('refuses lifecycle, slug and archiving through PATCH: they have their own operations', async () => {
    const { as } = await setup();
    const s = await as('admin').create();
    const res = await as('admin').patch(`/${s.id}`, { lifecycle: 'approved', slug: 'x', archivedAt: null });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual(['archivedAt', 'lifecycle', 'slug']);
  });

  it('answers bad input on a real system with a 4xx naming the problem, never a 5xx', async () => {
    // The shared fuzz test (bad-input.int.test.ts) fills only :id and :userId, so its bodies stop at
    // the :systemId check; this sends them to a real system.
    const { as } = await setup();
    const s = await as('admin').create();
    const WRONG: unknown[] = [null, 0, -1, 1e308, true, '', ' ', 'x'.repeat(10_000), "' or 1=1 --", [], {}, [1, 2], ['x'.repeat(300)], { nested: [null] }, '2026-13-45'];
    const targets: Array<[string, string, string[]]> = [
      ['POST', '', ['name', 'purpose', 'unitId', 'ownerId', 'sourcing', 'supplier', 'decisionRole', 'dataCategories', 'personalData', 'publicVisibility', 'tags']],
      ['PATCH', `/${s.id}`, ['name', 'purpose', 'description', 'unitId', 'ownerId', 'sourcing', 'supplier', 'affectedPeople', 'dataCategories', 'personalData', 'humanOversight', 'publicVisibility', 'tags', 'reason']],
      ['POST', `/${s.id}/transitions`, ['to', 'reason']],
      ['POST', `/${s.id}/archive`, ['reason']],
    ];
    const failures: string[] = [];
    for (const [method, path, fields] of targets) {
      for (const field of fields) {
        for (const value of WRONG) {
          const payload = method === 'POST' && path === '' ? { ...MINIMAL, [field]: value } : { [field]: value };
          const res = method === 'PATCH' ? await as('admin').patch(path, payload) : await as('admin').post(path, payload);
          if (res.statusCode >= 500 || (res.statusCode >= 400 && !errorOf(res).code)) failures.push(`${method} ${path} ${field}=${JSON.stringify(value).slice(0, 40)} → ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Text that merely looks odd is stored as given.
    expect((await as('admin').get(`/${s.id}`)).json<System>().name).toBe('2026-13-45');
  });
});

describe('archiving', () => {
  it('hides an archived system from the default list, keeps it readable and its history, and brings it back', async () => {
    const { org, as } = await setup();
    const s = await as('admin').create({ name: 'Old idea' });
    const archived = await as('admin').post(`/${s.id}/archive`, { reason: 'Not pursued' });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json<System>().archivedAt).not.toBeNull();
    expect((await as('staff').get('')).json<Page>().items.map((i) => i.id)).not.toContain(s.id);
    expect((await as('staff').get('?archived=true')).json<Page>().items.map((i) => i.id)).toEqual([s.id]);
    expect((await as('staff').get('?archived=any')).json<Page>().total).toBe(1);
    expect((await as('staff').get(`/${s.id}`)).statusCode).toBe(200);

    const edit = await as('admin').patch(`/${s.id}`, { name: 'x' });
    expect(edit.statusCode).toBe(409);
    expect(errorOf(edit).code).toBe('system.archived');
    expect(errorOf(await as('admin').post(`/${s.id}/transitions`, { to: 'proposed', reason: 'Try again' })).code).toBe('system.archived');
    expect(errorOf(await as('admin').post(`/${s.id}/archive`, {})).code).toBe('system.already_archived');

    const back = await as('admin').post(`/${s.id}/unarchive`, {});
    expect(back.json<System>()).toMatchObject({ archivedAt: null, version: 3 });
    expect(errorOf(await as('admin').post(`/${s.id}/unarchive`, {})).code).toBe('system.not_archived');
    const versions = (await as('staff').get(`/${s.id}/versions`)).json<{ items: Version[] }>();
    expect(versions.items.map((v) => [v.kind, v.changedFields, v.reason])).toEqual([
      ['unarchived', ['archivedAt'], null],
      ['archived', ['archivedAt'], 'Not pursued'],
      ['created', expect.any(Array), null],
    ]);
    const events = await listAuditEvents(t.database.db, { organisationId: org.id, entityId: s.id, limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['system.unarchived', 'system.archived', 'system.created']);
  });

  it('keeps systems under review, approved, in service or suspended in the inventory', async () => {
    const { as } = await setup();
    const s = await as('admin').create();
    await as('admin').screen(s.id);
    for (const to of ['proposed', 'in_review', 'approved', 'in_service'] as const) await as('admin').move(s.id, to);
    const res = await as('admin').post(`/${s.id}/archive`, {});
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('system.archive_not_allowed');
    await as('admin').move(s.id, 'retired');
    expect((await as('admin').post(`/${s.id}/archive`, {})).statusCode).toBe(200);
  });
});

describe('lifecycle over HTTP', () => {
  /** Paths that together take every allowed move at least once. */
  const PATHS: Lifecycle[][] = [
    ['proposed', 'idea', 'proposed', 'rejected', 'proposed', 'in_review', 'proposed', 'in_review', 'rejected', 'proposed', 'in_review', 'approved', 'in_review', 'approved', 'retired'],
    ['proposed', 'in_review', 'approved', 'in_service', 'suspended', 'in_service', 'suspended', 'in_review', 'approved', 'in_service', 'retired'],
    ['proposed', 'in_review', 'approved', 'in_service', 'suspended', 'retired'],
  ];

  it('takes every allowed move, each as a new version and an audit event carrying the reason', async () => {
    const taken = new Set<string>();
    for (const path of PATHS) {
      let from: Lifecycle = 'idea';
      for (const to of path) {
        taken.add(`${from}→${to}`);
        from = to;
      }
    }
    const allowed = Object.entries(LIFECYCLE_TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`));
    expect([...taken].sort()).toEqual(allowed.sort());

    const { org, as } = await setup();
    for (const path of PATHS) {
      const s = await as('governance_officer').create();
      await as('governance_officer').screen(s.id);
      let version = 1;
      for (const to of path) {
        const moved = await as('governance_officer').move(s.id, to, `Because ${to}`);
        version += 1;
        expect(moved).toMatchObject({ lifecycle: to, version, allowedTransitions: [...LIFECYCLE_TRANSITIONS[to]] });
      }
      const versions = (await as('auditor').get(`/${s.id}/versions?limit=100`)).json<{ items: Version[] }>();
      expect(versions.items.filter((v) => v.kind === 'transitioned').map((v) => v.reason).reverse()).toEqual(path.map((to) => `Because ${to}`));
      const events = await listAuditEvents(t.database.db, { organisationId: org.id, entityId: s.id, action: 'system.transitioned', limit: 100 });
      expect(events).toHaveLength(path.length);
      expect(events[0]?.after).toEqual({ lifecycle: 'retired', version, reason: 'Because retired' });
    }
  });

  it.each([
    ['idea', 'approved'],
    ['idea', 'in_service'],
    ['idea', 'idea'],
    ['proposed', 'approved'],
    ['in_review', 'in_service'],
    ['rejected', 'approved'],
    ['in_service', 'approved'],
    ['in_service', 'in_review'],
    ['retired', 'in_service'],
    ['retired', 'proposed'],
  ] as const)('refuses %s → %s with 409 naming the allowed moves', async (from, to) => {
    const { as } = await setup();
    const s = await as('admin').create();
    await as('admin').screen(s.id);
    const route: Record<string, Lifecycle[]> = {
      idea: [],
      proposed: ['proposed'],
      in_review: ['proposed', 'in_review'],
      rejected: ['proposed', 'rejected'],
      in_service: ['proposed', 'in_review', 'approved', 'in_service'],
      retired: ['proposed', 'in_review', 'approved', 'retired'],
    };
    for (const step of route[from] ?? []) await as('admin').move(s.id, step);
    const res = await as('admin').post(`/${s.id}/transitions`, { to, reason: 'Trying a move that is not allowed' });
    expect(res.statusCode).toBe(409);
    const body = errorOf(res);
    expect(body.code).toBe('system.transition_not_allowed');
    expect(body.message).toContain(`from ${from} to ${to}`);
    for (const target of LIFECYCLE_TRANSITIONS[from]) expect(body.message).toContain(target);
    expect(body.fields?.to).toBeDefined();
    expect((await as('admin').get(`/${s.id}`)).json<System>().lifecycle).toBe(from);
  });

  it('refuses to approve or put into service a system that was never screened (gate.not_screened)', async () => {
    const { as } = await setup();
    const s = await as('governance_officer').create();
    for (const to of ['proposed', 'in_review'] as const) await as('governance_officer').move(s.id, to);
    const res = await as('governance_officer').post(`/${s.id}/transitions`, { to: 'approved', reason: 'Approving without a screening' });
    expect(res.statusCode).toBe(409);
    const body = errorOf(res);
    expect(body.code).toBe('system.gates_unmet');
    expect(body.message).toMatch(/screen the system first/);
    expect(body.details?.blocking?.map((b) => b.code)).toEqual(['gate.not_screened']);
    expect((await as('governance_officer').get(`/${s.id}`)).json<System>()).toMatchObject({ lifecycle: 'in_review', version: 3 });
    // Rejecting needs no screening; approving does, and once screened it goes ahead.
    await as('governance_officer').screen(s.id);
    expect(await as('governance_officer').move(s.id, 'approved', 'Screened: minimal risk')).toMatchObject({ lifecycle: 'approved' });
  });

  it('requires a reason of 3 to 2000 characters', async () => {
    const { as } = await setup();
    const s = await as('admin').create();
    for (const payload of [{ to: 'proposed' }, { to: 'proposed', reason: 'ok' }, { to: 'proposed', reason: '   x  ' }, { to: 'proposed', reason: 'x'.repeat(2001) }]) {
      const res = await as('admin').post(`/${s.id}/transitions`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorOf(res).fields).toHaveProperty('reason');
    }
    const bad = await as('admin').post(`/${s.id}/transitions`, { to: 'deployed', reason: 'Valid reason' });
    expect(errorOf(bad).fields).toHaveProperty('to');
    expect((await as('admin').get(`/${s.id}`)).json<System>()).toMatchObject({ lifecycle: 'idea', version: 1 });
  });
});

describe('who may do what', () => {
  it('lets a system owner register systems they own and change only those; approvals are for governance officers', async () => {
    const { sessions, as } = await setup();
    const owner = as('system_owner');
    const mine = await owner.create({ name: 'Mine' });
    expect(mine.owner.id).toBe(sessions.system_owner.user.id);
    const theirs = await as('governance_officer').create({ name: 'Theirs' });

    expect((await owner.patch(`/${mine.id}`, { purpose: 'Updated by its owner.' })).statusCode).toBe(200);
    const refused = await owner.patch(`/${theirs.id}`, { purpose: 'Not mine.' });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('system.forbidden');
    expect((await owner.post(`/${theirs.id}/transitions`, { to: 'proposed', reason: 'Not mine' })).statusCode).toBe(403);
    expect((await owner.post(`/${theirs.id}/archive`, {})).statusCode).toBe(403);

    await owner.screen(mine.id);
    await owner.move(mine.id, 'proposed');
    await owner.move(mine.id, 'in_review');
    const approve = await owner.post(`/${mine.id}/transitions`, { to: 'approved', reason: 'I approve my own system' });
    expect(approve.statusCode).toBe(403);
    expect(errorOf(approve).code).toBe('system.decision_forbidden');
    expect(errorOf(await owner.post(`/${mine.id}/transitions`, { to: 'rejected', reason: 'Withdraw' })).code).toBe('system.decision_forbidden');
    const reviewer = await as('reviewer').post(`/${mine.id}/transitions`, { to: 'approved', reason: 'Looks fine to me' });
    expect(reviewer.statusCode).toBe(403);
    expect(await as('governance_officer').move(mine.id, 'approved', 'Meets the policy')).toMatchObject({ lifecycle: 'approved' });
    expect(await owner.move(mine.id, 'in_service', 'Deployed')).toMatchObject({ lifecycle: 'in_service' });
  });

  it('keeps ownership decisions with governance officers and admins', async () => {
    const { sessions, as } = await setup();
    const owner = as('system_owner');
    const forSomeoneElse = await owner.post('', { ...MINIMAL, ownerId: sessions.staff.user.id });
    expect(forSomeoneElse.statusCode).toBe(403);
    expect(errorOf(forSomeoneElse).code).toBe('system.owner_forbidden');
    expect((await owner.post('', { ...MINIMAL, ownerId: sessions.system_owner.user.id })).statusCode).toBe(201);

    const mine = await owner.create();
    expect(errorOf(await owner.patch(`/${mine.id}`, { ownerId: sessions.admin.user.id })).code).toBe('system.owner_forbidden');
    // A governance officer hands another officer's system to the system owner, who may then edit it.
    const handed = await as('governance_officer').create({ ownerId: sessions.admin.user.id });
    expect(handed.owner.id).toBe(sessions.admin.user.id);
    expect((await owner.patch(`/${handed.id}`, { purpose: 'x'.repeat(10) })).statusCode).toBe(403);
    expect((await as('governance_officer').patch(`/${handed.id}`, { ownerId: sessions.system_owner.user.id })).json<System>().owner.id).toBe(sessions.system_owner.user.id);
    expect((await owner.patch(`/${handed.id}`, { purpose: 'Now mine to describe.' })).statusCode).toBe(200);
  });

  it.each(['reviewer', 'caseworker', 'auditor', 'staff'] as const)('lets a %s read but not change', async (role) => {
    const { as } = await setup();
    const s = await as('admin').create();
    const reader = as(role);
    expect((await reader.get('')).json<Page>().items.map((i) => i.id)).toContain(s.id);
    for (const path of [`/${s.id}`, `/${s.id}/versions`, `/${s.id}/versions/diff?from=1&to=1`]) expect((await reader.get(path)).statusCode).toBe(200);
    for (const res of [
      await reader.post('', MINIMAL),
      await reader.patch(`/${s.id}`, { name: 'Changed' }),
      await reader.post(`/${s.id}/transitions`, { to: 'proposed', reason: 'Moving on' }),
      await reader.post(`/${s.id}/archive`, {}),
    ]) {
      expect(res.statusCode).toBe(403);
    }
  });

  it('lets write tokens register (naming an owner) and edit, never approve; read tokens only read', async () => {
    const { org, sessions, as } = await setup();
    const ctx = systemCtx(t.database.db, 'test');
    const bearer = async (scope: 'read' | 'write') => ({
      authorization: `Bearer ${(await createApiToken(ctx, { organisationId: org.id, name: scope, scope })).token}`,
      ...NO_RATE_LIMIT,
    });
    const writer = as(await bearer('write'));
    const noOwner = await writer.post('', MINIMAL);
    expect(noOwner.statusCode).toBe(400);
    expect(errorOf(noOwner).fields).toHaveProperty('ownerId');
    const s = await writer.create({ ownerId: sessions.system_owner.user.id });
    expect(s.owner.id).toBe(sessions.system_owner.user.id);
    expect((await writer.patch(`/${s.id}`, { description: 'Filled in by the case system.' })).statusCode).toBe(200);
    expect(errorOf(await writer.patch(`/${s.id}`, { ownerId: sessions.admin.user.id })).code).toBe('system.owner_forbidden');
    await writer.move(s.id, 'proposed');
    await writer.move(s.id, 'in_review');
    expect(errorOf(await writer.post(`/${s.id}/transitions`, { to: 'approved', reason: 'Automated approval' })).code).toBe('system.decision_forbidden');
    const versions = (await as('auditor').get(`/${s.id}/versions`)).json<{ items: Version[] }>();
    expect(versions.items[0]?.actor).toMatchObject({ type: 'token', name: 'API token "write"' });

    const reader = as(await bearer('read'));
    expect((await reader.get(`/${s.id}`)).statusCode).toBe(200);
    expect((await reader.patch(`/${s.id}`, { name: 'No' })).statusCode).toBe(403);
  });
});

describe('tenant isolation', () => {
  it("refuses members of another organisation, and does not find another organisation's systems", async () => {
    const a = await setup();
    const b = await setup();
    const inB = await b.as('admin').create({ name: 'Only in B' });
    const inA = await a.as('admin').create({ name: 'Only in A' });

    // B's admin on A's address: not a member.
    const outsider = b.sessions.admin.headers;
    const res = await t.app.inject({ method: 'GET', url: a.base, headers: outsider });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${a.base}/${inA.id}`, headers: outsider })).statusCode).toBe(403);

    // A's admin naming B's system under A's address: no such system (by id or by slug).
    const admin = a.as('admin');
    for (const ref of [inB.id, inB.slug]) {
      expect((await admin.get(`/${ref}`)).statusCode).toBe(404);
      expect((await admin.patch(`/${ref}`, { name: 'Hijacked' })).statusCode).toBe(404);
      expect((await admin.post(`/${ref}/transitions`, { to: 'proposed', reason: 'Hijack attempt' })).statusCode).toBe(404);
      expect((await admin.post(`/${ref}/archive`, {})).statusCode).toBe(404);
      expect((await admin.get(`/${ref}/versions`)).statusCode).toBe(404);
      expect((await admin.get(`/${ref}/versions/diff?from=1&to=1`)).statusCode).toBe(404);
    }
    expect((await admin.get('?archived=any')).json<Page>().items.map((i) => i.id)).toEqual([inA.id]);
    expect((await b.as('admin').get(`/${inB.id}`)).json<System>()).toMatchObject({ name: 'Only in B', version: 1 });
  });
});

describe('the inventory list', () => {
  it('filters, searches, sorts and pages', async () => {
    const { org, sessions, as } = await setup();
    const unit = await createUnit(systemCtx(t.database.db, 'test'), { organisationId: org.id, name: 'Housing' });
    const gov = as('governance_officer');
    const alpha = await gov.create({ name: 'Alpha rent arrears model', purpose: 'Predicts RENT arrears.', unitId: unit.id, sourcing: 'procured', supplier: 'Acme', decisionRole: 'informs', tags: ['housing'] });
    const beta = await as('system_owner').create({ name: 'beta translator', purpose: 'Translates letters.', sourcing: 'general_purpose_tool', decisionRole: 'informs', publicVisibility: 'public', personalData: false });
    const gamma = await gov.create({ name: 'Gamma 100% match', purpose: 'Matches records.', description: 'Uses rent history_ too.', decisionRole: 'decides', tags: ['housing', 'data'] });
    const old = await gov.create({ name: 'Delta archived', tags: ['housing'] });
    await gov.post(`/${old.id}/archive`, {});
    await gov.screen(gamma.id);
    for (const to of ['proposed', 'in_review', 'approved'] as const) await gov.move(gamma.id, to);
    await gov.move(alpha.id, 'proposed');

    const ids = async (query: string) => {
      const res = await as('staff').get(query);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
      return res.json<Page>().items.map((i) => i.id);
    };
    expect(await ids('')).toEqual([alpha.id, beta.id, gamma.id]);
    expect(await ids('?q=rent')).toEqual([alpha.id, gamma.id]);
    expect(await ids('?q=100%25')).toEqual([gamma.id]);
    expect(await ids('?q=history_')).toEqual([gamma.id]);
    expect(await ids('?q=rent_')).toEqual([]);
    expect(await ids('?lifecycle=approved')).toEqual([gamma.id]);
    expect(await ids('?lifecycle=idea,proposed')).toEqual([alpha.id, beta.id]);
    expect(await ids(`?unitId=${unit.id}`)).toEqual([alpha.id]);
    expect(await ids(`?ownerId=${sessions.system_owner.user.id}`)).toEqual([beta.id]);
    expect(await ids('?sourcing=procured')).toEqual([alpha.id]);
    expect(await ids('?decisionRole=informs')).toEqual([alpha.id, beta.id]);
    expect(await ids('?publicVisibility=public')).toEqual([beta.id]);
    expect(await ids('?tag=HOUSING')).toEqual([alpha.id, gamma.id]);
    expect(await ids('?tag=housing&archived=true')).toEqual([old.id]);
    expect(await ids('?tag=housing&archived=any')).toEqual([alpha.id, old.id, gamma.id]);
    expect(await ids('?tag=housing&decisionRole=decides&lifecycle=approved')).toEqual([gamma.id]);

    expect(await ids('?sort=name&order=desc')).toEqual([gamma.id, beta.id, alpha.id]);
    expect(await ids('?sort=created')).toEqual([alpha.id, beta.id, gamma.id]);
    expect(await ids('?sort=created&order=desc')).toEqual([gamma.id, beta.id, alpha.id]);
    expect(await ids('?sort=updated&order=desc')).toEqual([alpha.id, gamma.id, beta.id]);
    expect(await ids('?sort=lifecycle')).toEqual([beta.id, alpha.id, gamma.id]);
    expect(await ids('?sort=lifecycle&order=desc')).toEqual([gamma.id, alpha.id, beta.id]);

    const page = (await as('staff').get('?limit=2&offset=1')).json<Page>();
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id)).toEqual([beta.id, gamma.id]);
    expect((await as('staff').get('?limit=2&offset=50')).json<Page>()).toEqual({ items: [], total: 3 });

    const first = (await as('staff').get('?q=alpha')).json<Page>().items[0];
    expect(first).toMatchObject({ unit: { id: unit.id, name: 'Housing' }, owner: { displayName: 'Test governance_officer' }, lifecycle: 'proposed' });
    expect(first).not.toHaveProperty('description');
  });

  it('refuses filters it does not have yet (tier, framework flags arrive with classification) and bad values', async () => {
    const { as } = await setup();
    for (const [query, field] of [
      ['?tier=high', 'tier'],
      ['?euAiActTier=high', 'euAiActTier'],
      ['?lifecycle=approved,deployed', 'lifecycle'],
      ['?sort=risk', 'sort'],
      ['?archived=maybe', 'archived'],
      ['?unitId=nope', 'unitId'],
    ] as const) {
      const res = await as('staff').get(query);
      expect(res.statusCode, query).toBe(400);
      expect(errorOf(res).fields, query).toHaveProperty(field);
    }
  });

  it('answers a repeated read with 304 until the system changes', async () => {
    const { as, base, sessions } = await setup();
    const s = await as('admin').create();
    // The ETag also covers the platform-wide chain (sign-ins), which other test files move on a
    // shared PostgreSQL: a repeat must be answered 304 at least once in a few tries.
    for (const path of ['', `/${s.id}`, `/${s.id}/versions`, `/${s.id}/versions/diff?from=1&to=1`]) {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5 && !statuses.includes(304); attempt += 1) {
        const etag = (await as('staff').get(path)).headers.etag as string;
        statuses.push((await t.app.inject({ method: 'GET', url: `${base}${path}`, headers: { ...sessions.staff.headers, 'if-none-match': etag } })).statusCode);
      }
      expect(statuses, path).toContain(304);
    }
    const etag = (await as('staff').get(`/${s.id}`)).headers.etag as string;
    await as('admin').patch(`/${s.id}`, { name: 'Renamed' });
    const after = await t.app.inject({ method: 'GET', url: `${base}/${s.id}`, headers: { ...sessions.staff.headers, 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.json<System>().name).toBe('Renamed');
  });
});
