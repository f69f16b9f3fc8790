/**
 * Obligations over HTTP: the checklist a screening generates, re-classification (retired, kept,
 * restored), working through it (status, not applicable with a reason, owner, due date), the
 * deployment gate, evidence links and files (round trip, limits, tenant isolation), progress per
 * system and per organisation with fixed statement counts, and who may do what.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createApiToken, systemCtx, type Role } from '@glassbox/core';
import { makeOrganisation, makeScreeningAnswers, makeSystem, makeUser, screenTestSystem } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, NO_RATE_LIMIT, signInAs, type TestApp } from '../testing/harness.js';

let t: TestApp;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'glassbox-obligations-test-'));
  t = await createTestApp({ dataDir });
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Headers = Record<string, string>;
type Evidence = { id: string; kind: string; title: string; url: string | null; file: { name: string; contentType: string; sizeBytes: number; sha256: string } | null; createdBy: { label: string } };
type Obligation = {
  id: string;
  key: string;
  title: string;
  phase: 'before_deployment' | 'in_operation';
  status: string;
  naReason: string | null;
  owner: { id: string; displayName: string };
  dueDate: string | null;
  overdue: boolean;
  retiredAt: string | null;
  evidence: Evidence[];
};
type Page = { items: Obligation[]; total: number };
type ErrorBody = { code: string; message: string; fields?: Record<string, string>; details?: { blocking?: Array<{ code: string; message: string; obligation?: { key: string; title: string } }> } };

const errorOf = (res: LightMyRequestResponse): ErrorBody => res.json<ErrorBody>();
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0x00, 0xff, 0x10, 0x80]), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function setup() {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const api = `/api/v1/orgs/${org.slug}`;
  const headersOf = (who: Role | Headers): Headers => (typeof who === 'string' ? sessions[who].headers : who);
  const as = (who: Role | Headers) => ({
    get: (p: string) => t.app.inject({ method: 'GET', url: `${api}${p}`, headers: headersOf(who) }),
    post: (p: string, payload: unknown) => t.app.inject({ method: 'POST', url: `${api}${p}`, headers: headersOf(who), payload: payload as object }),
    patch: (p: string, payload: unknown) => t.app.inject({ method: 'PATCH', url: `${api}${p}`, headers: headersOf(who), payload: payload as object }),
    del: (p: string) => t.app.inject({ method: 'DELETE', url: `${api}${p}`, headers: headersOf(who) }),
    upload: (p: string, data: Buffer, fileType: string, contentType = 'application/octet-stream') =>
      t.app.inject({ method: 'POST', url: `${api}${p}`, headers: { ...headersOf(who), 'content-type': contentType, 'x-file-type': fileType }, payload: data }),
  });
  /** A screened benefits-eligibility system owned by the system owner. */
  const screened = async (opts: { decisionRole?: 'informs' | 'recommends' | 'decides' } = {}) => {
    const s = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.system_owner.user.id, ...opts });
    await screenTestSystem(t.database.db, { organisationId: org.id, systemId: s.id });
    return s;
  };
  const obligations = async (systemId: string, query = '') => {
    const res = await as('staff').get(`/systems/${systemId}/obligations${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };
  const find = async (systemId: string, key: string, query = '?retired=any') => {
    const o = (await obligations(systemId, query)).items.find((i) => i.key === key);
    if (!o) throw new Error(`no obligation ${key}`);
    return o;
  };
  const move = async (systemId: string, to: string) =>
    t.app.inject({ method: 'POST', url: `${api}/systems/${systemId}/transitions`, headers: sessions.admin.headers, payload: { to, reason: `Moving to ${to}.` } });
  return { org, sessions, api, as, screened, obligations, find, move };
}

describe('re-classification', () => {
  it('retires what a minimal screening no longer asks for, keeping status and evidence, and brings it back as it was', async () => {
    const { org, as, screened, obligations, find } = await setup();
    const s = await screened();
    const fria = await find(s.id, 'eu.art27.fria');
    expect((await as('system_owner').patch(`/systems/${s.id}/obligations/${fria.id}`, { status: 'in_progress', dueDate: '2030-01-31' })).statusCode).toBe(200);
    const link = await as('system_owner').post(`/systems/${s.id}/obligations/${fria.id}/evidence`, { kind: 'link', title: 'Draft FRIA', url: 'https://intranet.example/fria' });
    expect(link.statusCode, link.body).toBe(201);
    const before = await obligations(s.id);

    const minimal = await screenTestSystem(t.database.db, { organisationId: org.id, systemId: s.id, answers: makeScreeningAnswers({ affectsPeople: false }) });
    expect(minimal.obligations.retired).toContain('eu.art27.fria');
    expect(minimal.obligations.added).toEqual(['org.low.owner-sign-off', 'org.low.periodic-check']);
    const current = await obligations(s.id);
    // Two assessments stay (assessment-needs rules): the system still processes personal data and recommends.
    expect(current.items.map((o) => o.key).sort()).toEqual([
      'assessment.data-protection-screening',
      'assessment.workforce-impact',
      'eu.art4.ai-literacy',
      'org.low.owner-sign-off',
      'org.low.periodic-check',
    ]);
    const retired = await obligations(s.id, '?retired=true');
    expect(retired.total).toBe(before.total - 3);
    const kept = await find(s.id, 'eu.art27.fria', '?retired=true');
    expect(kept).toMatchObject({ status: 'in_progress', dueDate: '2030-01-31', evidence: [{ kind: 'link', title: 'Draft FRIA' }] });
    expect(kept.retiredAt).not.toBeNull();
    // A retired obligation is not worked on any more.
    const refused = await as('admin').patch(`/systems/${s.id}/obligations/${fria.id}`, { status: 'met' });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('obligation.retired');

    const back = await screenTestSystem(t.database.db, { organisationId: org.id, systemId: s.id });
    expect(back.obligations.restored).toContain('eu.art27.fria');
    expect(back.obligations.added).toEqual([]);
    expect(back.obligations.retired).toEqual(['org.low.owner-sign-off', 'org.low.periodic-check']);
    const restored = await find(s.id, 'eu.art27.fria', '');
    expect(restored).toMatchObject({ id: fria.id, status: 'in_progress', dueDate: '2030-01-31', retiredAt: null, evidence: [{ title: 'Draft FRIA' }] });
    expect((await obligations(s.id, '?retired=any')).total).toBe(before.total + 2);
  });
});

describe('working through obligations', () => {
  it('updates status, owner and due date; not applicable needs a reason; the owner must be a member', async () => {
    const { org, sessions, as, screened, find } = await setup();
    const s = await screened();
    const o = await find(s.id, 'eu.art26.9.dpia');
    const url = `/systems/${s.id}/obligations/${o.id}`;

    const noReason = await as('governance_officer').patch(url, { status: 'not_applicable' });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).fields).toHaveProperty('naReason');
    const na = await as('governance_officer').patch(url, { status: 'not_applicable', naReason: 'A DPIA already covers this processing (ref. DP-12).' });
    expect(na.statusCode, na.body).toBe(200);
    expect(na.json()).toMatchObject({ status: 'not_applicable', naReason: 'A DPIA already covers this processing (ref. DP-12).' });
    const reopen = await as('governance_officer').patch(url, { status: 'open' });
    expect(reopen.json()).toMatchObject({ status: 'open', naReason: null });
    expect((await as('governance_officer').patch(url, { naReason: 'Why not' })).statusCode).toBe(400);

    const outsider = await makeUser(t.database.db, { organisationId: (await makeOrganisation(t.database.db)).id });
    const badOwner = await as('admin').patch(url, { ownerId: outsider.id });
    expect(badOwner.statusCode).toBe(400);
    expect(errorOf(badOwner).fields).toHaveProperty('ownerId');
    const owned = await as('admin').patch(url, { ownerId: sessions.caseworker.user.id, dueDate: '2020-02-29' });
    expect(owned.json()).toMatchObject({ owner: { id: sessions.caseworker.user.id, displayName: 'Test caseworker' }, dueDate: '2020-02-29', overdue: true });
    expect((await as('admin').patch(url, { dueDate: '2021-02-29' })).statusCode).toBe(400);
    expect((await as('admin').patch(url, {})).statusCode).toBe(400);
    expect((await as('admin').patch(url, { status: 'done' })).statusCode).toBe(400);

    const events = await t.database.db.selectFrom('audit_event').select(['action', 'after']).where('organisation_id', '=', org.id).where('entity_id', '=', o.id).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['obligation.updated', 'obligation.updated', 'obligation.updated']);
  });

  it('lets the system’s owner and governors change obligations, the obligation’s owner add evidence, and nobody else', async () => {
    const { org, sessions, as, screened, find } = await setup();
    const s = await screened();
    const o = await find(s.id, 'eu.art26.2.human-oversight');
    const url = `/systems/${s.id}/obligations/${o.id}`;
    expect((await as('admin').patch(url, { ownerId: sessions.caseworker.user.id })).statusCode).toBe(200);

    const link = { kind: 'link', title: 'Oversight rota', url: 'https://intranet.example/rota' };
    const byCaseworker = await as('caseworker').post(`${url}/evidence`, link);
    expect(byCaseworker.statusCode, byCaseworker.body).toBe(201);
    expect(byCaseworker.json<Evidence>().createdBy.label).toBe('Test caseworker');
    expect((await as('caseworker').patch(url, { status: 'met' })).statusCode).toBe(403);
    const byStaff = await as('staff').post(`${url}/evidence`, link);
    expect(byStaff.statusCode).toBe(403);
    expect(errorOf(byStaff).code).toBe('evidence.forbidden');
    expect((await as('reviewer').patch(url, { status: 'met' })).statusCode).toBe(403);

    const other = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.governance_officer.user.id });
    await screenTestSystem(t.database.db, { organisationId: org.id, systemId: other.id });
    const theirs = await find(other.id, 'eu.art27.fria');
    expect((await as('system_owner').patch(`/systems/${other.id}/obligations/${theirs.id}`, { status: 'met' })).statusCode).toBe(403);
    expect((await as('system_owner').patch(url, { status: 'met' })).statusCode).toBe(200);
    // An obligation is only reachable through its own system.
    expect((await as('admin').patch(`/systems/${other.id}/obligations/${o.id}`, { status: 'met' })).statusCode).toBe(404);
  });
});

describe('the deployment gate', () => {
  it('refuses in_service while before-deployment obligations are open, listing them, and allows it once met or not applicable', async () => {
    const { as, screened, obligations, move } = await setup();
    const s = await screened();
    for (const to of ['proposed', 'in_review', 'approved']) expect((await move(s.id, to)).statusCode, to).toBe(200);
    const before = (await obligations(s.id)).items.filter((o) => o.phase === 'before_deployment');
    expect(before.length).toBeGreaterThan(5);

    const refused = await move(s.id, 'in_service');
    expect(refused.statusCode).toBe(409);
    const body = errorOf(refused);
    expect(body.code).toBe('system.gates_unmet');
    const blocking = body.details?.blocking ?? [];
    expect(blocking.every((b) => b.code === 'gate.obligation_open')).toBe(true);
    expect(blocking.map((b) => b.obligation?.key).sort()).toEqual(before.map((o) => o.key).sort());
    const fria = before.find((o) => o.key === 'eu.art27.fria');
    expect(blocking.find((b) => b.obligation?.key === 'eu.art27.fria')?.obligation?.title).toBe(fria?.title);
    expect(body.message).toContain(`“${fria?.title}” (eu.art27.fria)`);

    const progress = (await as('staff').get(`/systems/${s.id}/obligations/progress`)).json<{ blocking: Array<{ key: string }> }>();
    expect(progress.blocking.map((b) => b.key).sort()).toEqual(before.map((o) => o.key).sort());

    const [first, ...rest] = before;
    if (!first) throw new Error('no obligations');
    expect((await as('admin').patch(`/systems/${s.id}/obligations/${first.id}`, { status: 'not_applicable', naReason: 'Covered by the provider’s own training.' })).statusCode).toBe(200);
    for (const o of rest.slice(1)) expect((await as('system_owner').patch(`/systems/${s.id}/obligations/${o.id}`, { status: 'met' })).statusCode).toBe(200);
    const last = rest[0];
    if (!last) throw new Error('no obligations');
    const stillOne = await move(s.id, 'in_service');
    expect(stillOne.statusCode).toBe(409);
    expect(errorOf(stillOne).details?.blocking?.map((b) => b.obligation?.key)).toEqual([last.key]);
    expect((await as('system_owner').patch(`/systems/${s.id}/obligations/${last.id}`, { status: 'met' })).statusCode).toBe(200);
    // In-operation obligations do not block deployment.
    const moved = await move(s.id, 'in_service');
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ lifecycle: 'in_service' });
  });
});

describe('evidence', () => {
  it('takes http and https links only', async () => {
    const { as, screened, find } = await setup();
    const s = await screened();
    const o = await find(s.id, 'eu.art27.fria');
    const url = `/systems/${s.id}/obligations/${o.id}/evidence`;
    expect((await as('admin').post(url, { kind: 'link', title: 'FRIA', url: 'http://intranet.example/fria' })).statusCode).toBe(201);
    for (const bad of ['javascript:alert(1)', 'ftp://files.example/fria', 'data:text/html,hi', 'not a url']) {
      expect((await as('admin').post(url, { kind: 'link', title: 'FRIA', url: bad })).statusCode, bad).toBe(400);
    }
    expect((await as('admin').post(url, { kind: 'file', title: 'FRIA', url: 'https://x.example' })).statusCode).toBe(400);
  });

  it('stores an uploaded file and gives back the same bytes, as an attachment, to members of the organisation only', async () => {
    const { org, as, screened, find } = await setup();
    const s = await screened();
    const o = await find(s.id, 'eu.art27.fria');
    const base = `/systems/${s.id}/obligations/${o.id}/evidence`;
    const up = await as('system_owner').upload(`${base}/file?name=${encodeURIComponent('FRIA – Bénéfices v2.pdf')}&title=Signed%20FRIA`, PDF, 'application/pdf');
    expect(up.statusCode, up.body).toBe(201);
    const ev = up.json<Evidence>();
    expect(ev).toMatchObject({
      kind: 'file',
      title: 'Signed FRIA',
      url: null,
      file: { name: 'FRIA – Bénéfices v2.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') },
    });
    expect(readdirSync(path.join(dataDir, 'evidence', org.id))).toEqual([ev.id]);

    const down = await as('auditor').get(`${base}/${ev.id}/file`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(`attachment; filename="FRIA _ B_n_fices v2.pdf"; filename*=UTF-8''${encodeURIComponent('FRIA – Bénéfices v2.pdf')}`);
    expect(down.headers['x-content-type-options']).toBe('nosniff');

    const listed = (await as('staff').get(`/systems/${s.id}/obligations`)).json<Page>().items.find((i) => i.id === o.id);
    expect(listed?.evidence.map((e) => e.id)).toEqual([ev.id]);

    const csv = await as('admin').upload(`${base}/file?name=results.csv`, Buffer.from('group,rate\nA,0.4\n'), 'text/csv; charset=utf-8');
    expect(csv.statusCode, csv.body).toBe(201);
    const csvDown = await as('staff').get(`${base}/${csv.json<Evidence>().id}/file`);
    expect(csvDown.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csvDown.body).toBe('group,rate\nA,0.4\n');

    // Another organisation cannot reach it: not through its own address, nor through this one.
    const other = await makeOrganisation(t.database.db);
    const otherAdmin = await signInAs(t.app, await makeUser(t.database.db, { organisationId: other.id, roles: ['admin'] }));
    const viaOwn = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${other.slug}${base}/${ev.id}/file`, headers: otherAdmin.headers });
    expect(viaOwn.statusCode).toBe(404);
    const viaTheirs = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}${base}/${ev.id}/file`, headers: otherAdmin.headers });
    expect(viaTheirs.statusCode).toBe(403);
    const foreignToken = await createApiToken(systemCtx(t.database.db, 'test'), { organisationId: other.id, name: 'foreign', scope: 'read' });
    const viaToken = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${org.slug}${base}/${ev.id}/file`, headers: { authorization: `Bearer ${foreignToken.token}`, ...NO_RATE_LIMIT } });
    expect(viaToken.statusCode).toBe(403);

    // Deleting removes the row and the file; the download is gone.
    expect((await as('staff').del(`${base}/${ev.id}`)).statusCode).toBe(403);
    expect((await as('system_owner').del(`${base}/${ev.id}`)).statusCode).toBe(204);
    expect((await as('auditor').get(`${base}/${ev.id}/file`)).statusCode).toBe(404);
    expect(existsSync(path.join(dataDir, 'evidence', org.id, ev.id))).toBe(false);
    const events = await t.database.db.selectFrom('audit_event').select('action').where('organisation_id', '=', org.id).where('entity_id', '=', ev.id).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['evidence.added', 'evidence.deleted']);
  });

  it('refuses files over 20 MB, of types not on the list, that are not what they claim, or not sent as octet-stream', async () => {
    const { api, sessions, as, screened, find } = await setup();
    const s = await screened();
    const o = await find(s.id, 'eu.art27.fria');
    const file = `/systems/${s.id}/obligations/${o.id}/evidence/file?name=x`;

    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    big.write('%PDF-', 0);
    const tooBig = await as('admin').upload(file, big, 'application/pdf');
    expect(tooBig.statusCode).toBe(413);
    const justRight = Buffer.alloc(20 * 1024 * 1024, 0x41);
    justRight.write('%PDF-', 0);
    expect((await as('admin').upload(file, justRight, 'application/pdf')).statusCode).toBe(201);

    const html = await as('admin').upload(file, Buffer.from('<script>alert(1)</script>'), 'text/html');
    expect(html.statusCode).toBe(422);
    expect(errorOf(html).code).toBe('evidence.type_not_allowed');
    const fake = await as('admin').upload(file, PNG, 'application/pdf');
    expect(fake.statusCode).toBe(422);
    expect(errorOf(fake).code).toBe('evidence.type_mismatch');
    expect((await as('admin').upload(file, Buffer.from([0x41, 0x00, 0x42]), 'text/plain')).statusCode).toBe(422);
    expect((await as('admin').upload(file, PNG, 'image/png')).statusCode).toBe(201);
    const json = await as('admin').upload(file, Buffer.from('{"a":1}'), 'application/pdf', 'application/json');
    expect(json.statusCode).toBe(415);
    const noType = await t.app.inject({ method: 'POST', url: `${api}${file}`, headers: { ...sessions.admin.headers, 'content-type': 'application/octet-stream' }, payload: PDF });
    expect(noType.statusCode).toBe(400);
    expect(errorOf(noType).fields).toHaveProperty('x-file-type');
    expect((await as('staff').get(`/systems/${s.id}/obligations`)).json<Page>().items.find((i) => i.id === o.id)?.evidence).toHaveLength(2);
  });
});

describe('progress', () => {
  it('counts a system’s and the organisation’s obligations by status and phase, overdue, and systems never screened', async () => {
    const { org, as, screened, obligations, sessions } = await setup();
    const a = await screened();
    const unscreened = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin.user.id, name: 'Never screened' });
    const items = (await obligations(a.id)).items;
    const before = items.filter((o) => o.phase === 'before_deployment');
    const operation = items.filter((o) => o.phase === 'in_operation');
    const [m, n, overdue] = before;
    if (!m || !n || !overdue) throw new Error('too few obligations');
    await as('admin').patch(`/systems/${a.id}/obligations/${m.id}`, { status: 'met' });
    await as('admin').patch(`/systems/${a.id}/obligations/${n.id}`, { status: 'not_applicable', naReason: 'Does not apply here.' });
    await as('admin').patch(`/systems/${a.id}/obligations/${overdue.id}`, { status: 'in_progress', dueDate: '2001-01-01' });

    const sys = (await as('staff').get(`/systems/${a.id}/obligations/progress`)).json<{
      total: number;
      done: number;
      overdue: number;
      retired: number;
      byStatus: Record<string, number>;
      byPhase: Record<string, { total: number; done: number }>;
      blocking: unknown[];
    }>();
    expect(sys).toMatchObject({
      total: items.length,
      done: 2,
      overdue: 1,
      retired: 0,
      byStatus: { open: items.length - 3, in_progress: 1, met: 1, not_applicable: 1 },
      byPhase: { before_deployment: { total: before.length, done: 2 }, in_operation: { total: operation.length, done: 0 } },
    });
    expect(sys.blocking).toHaveLength(before.length - 2);

    const whole = (await as('auditor').get('/obligations/progress')).json<{
      obligations: { total: number; overdue: number; byStatus: Record<string, number> };
      systems: { total: number; screened: number; missingScreening: number; withOpenBeforeDeployment: number; byEuTier: Record<string, number>; byLifecycle: Record<string, number> };
      missingScreening: Array<{ id: string; name: string }>;
    }>();
    expect(whole.obligations).toMatchObject({ total: items.length, overdue: 1, byStatus: sys.byStatus });
    expect(whole.systems).toMatchObject({ total: 2, screened: 1, missingScreening: 1, withOpenBeforeDeployment: 1 });
    // The dashboard's counts: the screened system's tier, and both systems' stages.
    expect(Object.values(whole.systems.byEuTier).reduce((a, b) => a + b, 0)).toBe(2);
    expect(whole.systems.byEuTier.unscreened).toBe(1);
    expect(Object.values(whole.systems.byLifecycle).reduce((a, b) => a + b, 0)).toBe(2);
    expect(whole.systems.byLifecycle.idea).toBeGreaterThanOrEqual(1);
    expect(whole.missingScreening).toEqual([{ id: unscreened.id, slug: unscreened.slug, name: 'Never screened', lifecycle: 'idea' }]);
  });

  it('runs a fixed number of statements for the obligations list and both progress reports', async () => {
    const { api, sessions, screened } = await setup();
    const a = await screened();
    const count = async (url: string) => {
      await t.app.inject({ method: 'GET', url, headers: sessions.admin.headers });
      const before = t.database.queryCount();
      const res = await t.app.inject({ method: 'GET', url, headers: sessions.admin.headers });
      expect(res.statusCode, res.body).toBe(200);
      return t.database.queryCount() - before;
    };
    const urls = [`${api}/systems/${a.id}/obligations`, `${api}/systems/${a.id}/obligations/progress`, `${api}/obligations/progress`];
    const smallCounts: number[] = [];
    for (const u of urls) smallCounts.push(await count(u));
    // More systems, obligations and evidence.
    for (let i = 0; i < 5; i++) await screened();
    const list = (await t.app.inject({ method: 'GET', url: urls[0] ?? '', headers: sessions.admin.headers })).json<Page>().items;
    for (const o of list.slice(0, 6)) {
      await t.app.inject({ method: 'POST', url: `${api}/systems/${a.id}/obligations/${o.id}/evidence`, headers: sessions.admin.headers, payload: { kind: 'link', title: 'Proof', url: 'https://x.example/p' } });
    }
    const largeCounts: number[] = [];
    for (const u of urls) largeCounts.push(await count(u));
    expect(largeCounts).toEqual(smallCounts);
    for (const c of smallCounts) expect(c).toBeLessThanOrEqual(6);
  });
});
