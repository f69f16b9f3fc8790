/**
 * Screening and classification over HTTP: recording screenings (and what they change on the system
 * and its checklist), the quick screen with and without a proposal, the stateless classify
 * endpoint, the organisation's tier policy, who may do what, the inventory's tier filters and the
 * classification gates on approval. Each test makes its own organisation; nothing is assumed about
 * other rows in the shared database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createApiToken, DEFAULT_ORG_POLICY, listAuditEvents, systemCtx, type Role } from '@glassbox/core';
import { BENEFITS_ELIGIBILITY, makeScreeningAnswers, makeSystem } from '@glassbox/core/testing/factories';
import { createTestApp, makeOrgWithEveryRole, NO_RATE_LIMIT, type TestApp } from '../testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

type Headers = Record<string, string>;
type ErrorBody = { code: string; message: string; fields?: Record<string, string>; details?: { blocking?: Array<{ code: string; message: string }> } };
type Summary = { euTier: string | null; ombHighImpact: string | null; orgTier: string; friaRequired: boolean | null; euRegistrationRequired: boolean | null };
type Result = {
  rulesVersion: string;
  facts: { decisionRole: string; personalData: boolean; affectsPeople: boolean };
  summary: Summary;
  eu: { tier: string; highRiskAnnexIII: string[]; bases: Array<{ provision: string; effect: string }>; friaRequired: { status: string } } | null;
  omb: { determination: string; highImpact: boolean } | null;
  orgTier: { id: string; label: string; ruleId: string | null };
  obligations: Array<{ key: string; phase: string; framework: string }>;
};
type Screening = { id: string; systemId: string | null; answers: { facts: Record<string, unknown> }; result: Result; rulesVersion: string; createdBy: { label: string } };
type Classification = { euTier: string | null; ombHighImpact: string | null; orgTier: string | null; friaRequired: boolean | null; euRegistrationRequired: boolean | null; screenedAt: string };
type ScreenedSystem = { id: string; slug: string; lifecycle: string; classification: Classification | null };
type Outcome = { screening: Screening; system: ScreenedSystem; obligations: { added: string[]; restored: string[]; retired: string[] } };

const errorOf = (res: LightMyRequestResponse): ErrorBody => res.json<ErrorBody>();

async function setup() {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const api = `/api/v1/orgs/${org.slug}`;
  const headersOf = (who: Role | Headers): Headers => (typeof who === 'string' ? sessions[who].headers : who);
  const as = (who: Role | Headers) => ({
    get: (path: string) => t.app.inject({ method: 'GET', url: `${api}${path}`, headers: headersOf(who) }),
    post: (path: string, payload: unknown) => t.app.inject({ method: 'POST', url: `${api}${path}`, headers: headersOf(who), payload: payload as object }),
    put: (path: string, payload: unknown) => t.app.inject({ method: 'PUT', url: `${api}${path}`, headers: headersOf(who), payload: payload as object }),
  });
  const system = (opts: { owner?: Role; name?: string; decisionRole?: 'informs' | 'recommends' | 'decides' } = {}) =>
    makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions[opts.owner ?? 'system_owner'].user.id, ...(opts.name && { name: opts.name }), ...(opts.decisionRole && { decisionRole: opts.decisionRole }) });
  const token = async (scope: 'read' | 'write', systemId?: string) => {
    const created = await createApiToken(systemCtx(t.database.db, 'test'), { organisationId: org.id, name: `${scope} ${systemId ?? 'org'}`, scope, systemId: systemId ?? null });
    return { authorization: `Bearer ${created.token}`, ...NO_RATE_LIMIT };
  };
  const screen = async (who: Role | Headers, systemId: string, answers = makeScreeningAnswers({ eu: BENEFITS_ELIGIBILITY })) => {
    const res = await as(who).post(`/systems/${systemId}/screenings`, { answers });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Outcome>();
  };
  const move = async (systemId: string, to: string) =>
    t.app.inject({ method: 'POST', url: `${api}/systems/${systemId}/transitions`, headers: sessions.admin.headers, payload: { to, reason: `Moving to ${to}.` } });
  return { org, sessions, api, as, system, token, screen, move };
}

const countScreenings = async (organisationId: string) =>
  Number((await t.database.db.selectFrom('system_screening').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', organisationId).executeTakeFirstOrThrow()).n);

describe('screening a system', () => {
  it('classifies a benefits-eligibility system of a public body as high-risk, with FRIA and registration, and generates its obligations', async () => {
    const { org, sessions, as, system, screen } = await setup();
    const s = await system();
    const out = await screen('system_owner', s.id);

    const r = out.screening.result;
    expect(r.summary).toEqual({ euTier: 'high', ombHighImpact: null, orgTier: 'high', friaRequired: true, euRegistrationRequired: true });
    expect(r.eu?.tier).toBe('high');
    expect(r.eu?.highRiskAnnexIII).toEqual(['5(a)']);
    expect(r.eu?.bases.some((b) => b.provision.includes('Annex III 5(a)') && b.effect === 'high')).toBe(true);
    expect(r.facts).toEqual({ decisionRole: 'recommends', personalData: true, affectsPeople: true });
    expect(r.orgTier).toMatchObject({ id: 'high', ruleId: 'eu-prohibited-high-or-undetermined' });
    expect(out.screening.rulesVersion).toBe(r.rulesVersion);
    expect(out.screening.createdBy.label).toBe('Test system_owner');
    expect(out.system.classification).toMatchObject({ euTier: 'high', orgTier: 'high', friaRequired: true, euRegistrationRequired: true });
    // The screening's own obligations, then those of the assessments the system needs (assessment-needs rules).
    expect(out.obligations.added.filter((k) => !k.startsWith('assessment.'))).toEqual(r.obligations.map((o) => o.key));
    expect(out.obligations.added).toEqual(expect.arrayContaining(['eu.art27.fria', 'eu.art49.registration', 'eu.art26.2.human-oversight', 'org.high.committee-approval']));
    expect(out.obligations.added.filter((k) => k.startsWith('assessment.'))).toEqual(['assessment.canada-aia', 'assessment.workforce-impact', 'assessment.data-protection-screening']);
    expect(out.obligations.retired).toEqual([]);

    // The system record, its history and the checklist show it.
    const view = (await as('staff').get(`/systems/${s.slug}`)).json<{ classification: Classification }>();
    expect(view.classification).toMatchObject({ euTier: 'high', ombHighImpact: null, orgTier: 'high', friaRequired: true, euRegistrationRequired: true });
    const latest = await as('auditor').get(`/systems/${s.id}/screenings/latest`);
    expect(latest.statusCode).toBe(200);
    expect(latest.json<Screening>().id).toBe(out.screening.id);
    const obligations = (await as('staff').get(`/systems/${s.id}/obligations`)).json<{ items: Array<{ key: string; owner: { id: string }; status: string }>; total: number }>();
    expect(obligations.total).toBe(r.obligations.length + 3);
    expect(obligations.items.every((o) => o.owner.id === sessions.system_owner.user.id && o.status === 'open')).toBe(true);

    // One audit event for the screening, one for the checklist, with the counts.
    const screeningEvents = await listAuditEvents(t.database.db, { organisationId: org.id, entityId: out.screening.id, limit: 10 });
    expect(screeningEvents.map((e) => e.action)).toEqual(['screening.recorded']);
    expect(screeningEvents[0]?.after).toMatchObject({ systemId: s.id, euTier: 'high', orgTier: 'high' });
    const systemEvents = await listAuditEvents(t.database.db, { organisationId: org.id, entityId: s.id, action: 'obligations.', limit: 10 });
    expect(systemEvents[0]?.after).toMatchObject({ added: r.obligations.length + 3, restored: 0, retired: 0 });

    // A second screening becomes the latest; history keeps both, newest first.
    const again = await screen('governance_officer', s.id, makeScreeningAnswers({ eu: BENEFITS_ELIGIBILITY }));
    expect(again.obligations).toEqual({ added: [], restored: [], retired: [] });
    const history = (await as('staff').get(`/systems/${s.id}/screenings`)).json<{ items: Screening[]; total: number }>();
    expect(history.total).toBe(2);
    expect(history.items.map((i) => i.id)).toEqual([again.screening.id, out.screening.id]);
    expect((await as('staff').get(`/systems/${s.id}/screenings/latest`)).json<Screening>().id).toBe(again.screening.id);
  });

  it('answers 404 for the latest screening of a system never screened', async () => {
    const { as, system } = await setup();
    const s = await system();
    const res = await as('staff').get(`/systems/${s.id}/screenings/latest`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('screening.not_found');
    expect((await as('staff').get(`/systems/${s.id}/screenings`)).json()).toEqual({ items: [], total: 0 });
  });

  it('refuses answers that do not fit the questionnaire, naming each field', async () => {
    const { as, system } = await setup();
    const s = await system();
    const answers = makeScreeningAnswers() as unknown as { eu: Record<string, Record<string, unknown>>; facts: Record<string, unknown> };
    answers.eu.prohibited = { ...answers.eu.prohibited, socialScoring: 'maybe' };
    answers.eu.annexIII = { points: ['9(z)'] };
    answers.facts.shoeSize = 44;
    const res = await as('admin').post(`/systems/${s.id}/screenings`, { answers });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {}).sort()).toEqual(['answers.eu.annexIII.points.0', 'answers.eu.prohibited.socialScoring', 'answers.facts.shoeSize']);
    expect(await countScreenings((await t.database.db.selectFrom('ai_system').select('organisation_id').where('id', '=', s.id).executeTakeFirstOrThrow()).organisation_id)).toBe(0);
  });

  it('takes decision role and personal data from the system, and refuses facts that contradict it', async () => {
    const { org, as, system } = await setup();
    const s = await system({ decisionRole: 'recommends' });
    const res = await as('admin').post(`/systems/${s.id}/screenings`, { answers: makeScreeningAnswers({ decisionRole: 'decides' }) });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields?.['answers.facts.decisionRole']).toMatch(/system record says recommends/);
    expect(await countScreenings(org.id)).toBe(0);
    const ok = await as('admin').post(`/systems/${s.id}/screenings`, { answers: makeScreeningAnswers({ decisionRole: 'recommends', personalData: true }) });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('lets admins, governance officers, the system’s owner and write tokens screen; nobody else', async () => {
    const { as, system, token } = await setup();
    const mine = await system({ owner: 'system_owner' });
    const theirs = await system({ owner: 'governance_officer' });
    const body = { answers: makeScreeningAnswers({ eu: BENEFITS_ELIGIBILITY }) };
    for (const who of ['admin', 'governance_officer', 'system_owner'] as const) {
      expect((await as(who).post(`/systems/${mine.id}/screenings`, body)).statusCode, who).toBe(201);
    }
    for (const who of ['reviewer', 'caseworker', 'auditor', 'staff'] as const) {
      expect((await as(who).post(`/systems/${mine.id}/screenings`, body)).statusCode, who).toBe(403);
    }
    const notOwner = await as('system_owner').post(`/systems/${theirs.id}/screenings`, body);
    expect(notOwner.statusCode).toBe(403);
    expect(errorOf(notOwner).code).toBe('system.forbidden');
    expect((await as(await token('write')).post(`/systems/${theirs.id}/screenings`, body)).statusCode).toBe(201);
    expect((await as(await token('read')).post(`/systems/${theirs.id}/screenings`, body)).statusCode).toBe(403);
    expect((await as(await token('write', mine.id)).post(`/systems/${theirs.id}/screenings`, body)).statusCode).toBe(403);
    expect((await as(await token('write', mine.id)).post(`/systems/${mine.id}/screenings`, body)).statusCode).toBe(201);
    // Everyone in the organisation reads the history.
    expect((await as('staff').get(`/systems/${mine.id}/screenings`)).json<{ total: number }>().total).toBe(4);
    expect((await as(await token('read', mine.id)).get(`/systems/${mine.id}/screenings`)).json<{ total: number }>().total).toBe(4);
  });
});

describe('quick screen of a product under consideration', () => {
  it('without a proposal: returns the full result and keeps the screening, creating no system', async () => {
    const { org, as } = await setup();
    const before = await t.database.db.selectFrom('ai_system').select('id').where('organisation_id', '=', org.id).execute();
    const res = await as('system_owner').post('/screenings/quick', { answers: makeScreeningAnswers({ eu: BENEFITS_ELIGIBILITY, decisionRole: 'recommends', personalData: true }) });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ result: Result; screening: Screening; system: null; obligations: null }>();
    expect(body.result.summary.euTier).toBe('high');
    expect(body.result.obligations.map((o) => o.key)).toContain('eu.art27.fria');
    expect(body.screening).toMatchObject({ systemId: null });
    expect(body.system).toBeNull();
    const after = await t.database.db.selectFrom('ai_system').select('id').where('organisation_id', '=', org.id).execute();
    expect(after.length).toBe(before.length);
    expect(await countScreenings(org.id)).toBe(1);
    // Without a system to take them from, the facts must be given.
    const missing = await as('system_owner').post('/screenings/quick', { answers: makeScreeningAnswers() });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(errorOf(missing).fields ?? {}).sort()).toEqual(['answers.facts.decisionRole', 'answers.facts.personalData']);
    expect((await as('staff').post('/screenings/quick', { answers: makeScreeningAnswers({ decisionRole: 'informs', personalData: false }) })).statusCode).toBe(403);
  });

  it('with a proposal: registers the product as a proposed system with the screening and its obligations attached', async () => {
    const { org, sessions, as } = await setup();
    const proposal = { name: 'Eligibility Assistant', purpose: 'Checks benefit applications for eligibility.', sourcing: 'procured', supplier: 'Acme', decisionRole: 'recommends', personalData: true };
    const res = await as('system_owner').post('/screenings/quick', { answers: makeScreeningAnswers({ eu: BENEFITS_ELIGIBILITY }), proposal });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ result: Result; screening: Screening; system: ScreenedSystem; obligations: { added: string[] } }>();
    expect(body.system).toMatchObject({ slug: 'eligibility-assistant', lifecycle: 'proposed', classification: { euTier: 'high', friaRequired: true } });
    expect(body.screening.systemId).toBe(body.system.id);
    expect(body.obligations.added).toContain('eu.art27.fria');
    const view = (await as('staff').get(`/systems/${body.system.id}`)).json<{ lifecycle: string; owner: { id: string }; supplier: string }>();
    expect(view).toMatchObject({ lifecycle: 'proposed', owner: { id: sessions.system_owner.user.id }, supplier: 'Acme' });
    const actions = (await listAuditEvents(t.database.db, { organisationId: org.id, limit: 20 })).map((e) => e.action).reverse();
    expect(actions.slice(-4)).toEqual(['system.created', 'system.transitioned', 'screening.recorded', 'obligations.regenerated']);

    // Facts that contradict the proposal: nothing is created.
    const count = await countScreenings(org.id);
    const bad = await as('system_owner').post('/screenings/quick', { answers: makeScreeningAnswers({ decisionRole: 'decides' }), proposal: { ...proposal, name: 'Other' } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.['answers.facts.decisionRole']).toMatch(/proposal says recommends/);
    expect(await countScreenings(org.id)).toBe(count);
    expect(await t.database.db.selectFrom('ai_system').select('id').where('organisation_id', '=', org.id).where('name', '=', 'Other').executeTakeFirst()).toBeUndefined();
  });
});

describe('classify without saving', () => {
  it('returns the full classification to any member and read tokens, and saves nothing', async () => {
    const { org, as, token } = await setup();
    const readToken = await token('read');
    const chain = async () => (await t.database.db.selectFrom('audit_chain_head').select('seq').where('chain', '=', org.id).executeTakeFirst())?.seq ?? 0;
    const seq = await chain();
    const omb = { principalBasis: 'yes', rightsEffect: 'yes', safetyEffect: 'no', presumedCategories: ['government-benefits'] } as const;
    const answers = makeScreeningAnswers({ eu: BENEFITS_ELIGIBILITY, omb: { ...omb, presumedCategories: [...omb.presumedCategories] }, decisionRole: 'recommends', personalData: true });
    for (const who of ['staff', 'caseworker', readToken] as const) {
      const res = await as(who).post('/classify', { answers });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json<Result>();
      expect(r.summary).toEqual({ euTier: 'high', ombHighImpact: 'yes', orgTier: 'high', friaRequired: true, euRegistrationRequired: true });
      expect(r.omb).toMatchObject({ determination: 'high-impact', highImpact: true });
      expect(r.obligations.map((o) => o.key)).toEqual(expect.arrayContaining(['eu.art27.fria', 'omb.m25-21.4b.ai-impact-assessment', 'org.high.fria']));
    }
    expect(await countScreenings(org.id)).toBe(0);
    expect(await chain()).toBe(seq);

    // A framework that does not apply is null, and adds nothing.
    const none = (await as('staff').post('/classify', { answers: makeScreeningAnswers({ eu: null, decisionRole: 'informs', personalData: false, affectsPeople: false }) })).json<Result>();
    expect(none.summary).toEqual({ euTier: null, ombHighImpact: null, orgTier: 'low', friaRequired: null, euRegistrationRequired: null });
    expect(none.obligations.every((o) => o.framework === 'org-policy')).toBe(true);
  });
});

describe('the organisation’s tier policy', () => {
  it('starts as the default, refuses an invalid policy with field errors, and grades later screenings by the new one', async () => {
    const { as, system, screen, token } = await setup();
    const initial = (await as('staff').get('/tier-policy')).json<{ policy: { defaultTier: string }; isDefault: boolean; updatedAt: string | null }>();
    expect(initial).toMatchObject({ isDefault: true, updatedAt: null, policy: DEFAULT_ORG_POLICY });

    const invalid = {
      tiers: [
        { id: 'strict', label: 'Strict', requirements: [{ key: 'sign-off', title: 'Sign-off', phase: 'before_deployment' }] },
        { id: 'strict', label: 'Again', requirements: [] },
      ],
      rules: [{ id: 'everything', when: {}, tier: 'strict' }, { id: 'never', when: { personalData: true }, tier: 'lenient' }],
      defaultTier: 'Nope',
    };
    const bad = await as('admin').put('/tier-policy', { policy: invalid });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('tier_policy.invalid');
    expect(Object.keys(errorOf(bad).fields ?? {}).sort()).toEqual(['policy.defaultTier', 'policy.rules.1', 'policy.rules.1.tier', 'policy.tiers.1.id']);
    const shape = await as('admin').put('/tier-policy', { policy: { tiers: [], rules: [], defaultTier: 'x' } });
    expect(shape.statusCode).toBe(400);
    expect(Object.keys(errorOf(shape).fields ?? {})).toEqual(['policy.tiers']);

    const custom = {
      tiers: [
        { id: 'critical', label: 'Critical', requirements: [{ key: 'board-approval', title: 'Approval by the board', phase: 'before_deployment' }] },
        { id: 'routine', label: 'Routine', requirements: [{ key: 'yearly-check', title: 'Yearly check', phase: 'in_operation', recurrenceMonths: 12 }] },
      ],
      rules: [{ id: 'high-risk', when: { euTier: ['high', 'prohibited', 'undetermined'] }, tier: 'critical' }],
      defaultTier: 'routine',
    };
    expect((await as('governance_officer').put('/tier-policy', { policy: custom })).statusCode).toBe(403);
    expect((await as(await token('write')).put('/tier-policy', { policy: custom })).statusCode).toBe(403);
    const saved = await as('admin').put('/tier-policy', { policy: custom });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, policy: custom });
    expect((await as('auditor').get('/tier-policy')).json()).toMatchObject({ isDefault: false, policy: custom });

    const s = await system();
    const out = await screen('admin', s.id);
    expect(out.screening.result.orgTier).toMatchObject({ id: 'critical', label: 'Critical', ruleId: 'high-risk' });
    expect(out.obligations.added).toContain('org.critical.board-approval');
    expect(out.obligations.added.filter((k) => k.startsWith('org.high.'))).toEqual([]);
  });
});

describe('inventory filters by classification', () => {
  it('filters on EU tier, OMB high-impact, organisation tier, FRIA and whether a system was screened', async () => {
    const { as, system, screen } = await setup();
    const high = await system({ name: 'High one' });
    const minimal = await system({ name: 'Minimal one' });
    const prohibited = await system({ name: 'Prohibited one' });
    const unscreened = await system({ name: 'Unscreened one' });
    const federal = await system({ name: 'Federal one' });
    await screen('admin', high.id);
    await screen('admin', minimal.id, makeScreeningAnswers({ affectsPeople: false }));
    await screen('admin', prohibited.id, makeScreeningAnswers({ eu: { prohibited: { socialScoring: 'yes' } } }));
    await screen('admin', federal.id, makeScreeningAnswers({ eu: null, omb: { principalBasis: 'yes', rightsEffect: 'yes', safetyEffect: 'no', presumedCategories: [] } }));

    const names = async (query: string) => {
      const res = await as('staff').get(`/systems${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Array<{ name: string; classification: Classification | null }> }>().items.map((i) => i.name);
    };
    expect(await names('?euTier=high')).toEqual(['High one']);
    expect(await names('?euTier=prohibited,high')).toEqual(['High one', 'Prohibited one']);
    expect(await names('?euTier=minimal')).toEqual(['Minimal one']);
    expect(await names('?ombHighImpact=yes')).toEqual(['Federal one']);
    expect(await names('?orgTier=low')).toEqual(['Minimal one']);
    expect(await names('?orgTier=high')).toEqual(['Federal one', 'High one', 'Prohibited one']);
    expect(await names('?friaRequired=true')).toEqual(['High one']);
    expect(await names('?friaRequired=false')).toEqual(['Minimal one', 'Prohibited one']);
    expect(await names('?screened=no')).toEqual(['Unscreened one']);
    expect(await names('?screened=yes&euTier=high,minimal&sort=name&order=desc')).toEqual(['Minimal one', 'High one']);
    const list = (await as('staff').get('/systems?screened=no')).json<{ items: Array<{ classification: Classification | null }> }>();
    expect(list.items[0]?.classification).toBeNull();
    for (const bad of ['?euTier=severe', '?ombHighImpact=maybe', '?friaRequired=yes', '?screened=true']) {
      expect((await as('staff').get(`/systems${bad}`)).statusCode, bad).toBe(400);
    }
    expect(unscreened.id).toBeDefined();
  });
});

describe('classification gates', () => {
  it('refuses approval of a system screened as prohibited, naming the reason', async () => {
    const { system, screen, move } = await setup();
    const s = await system();
    await screen('admin', s.id, makeScreeningAnswers({ eu: { prohibited: { socialScoring: 'yes' } } }));
    for (const to of ['proposed', 'in_review']) expect((await move(s.id, to)).statusCode).toBe(200);
    const res = await move(s.id, 'approved');
    expect(res.statusCode).toBe(409);
    const body = errorOf(res);
    expect(body.code).toBe('system.gates_unmet');
    expect(body.message).toMatch(/prohibited by Art\. 5/);
    expect(body.details?.blocking?.map((b) => b.code)).toEqual(['gate.prohibited_practice']);
    // Rejecting it stays possible.
    expect((await move(s.id, 'rejected')).statusCode).toBe(200);
  });

  it('refuses approval while the EU tier is undetermined, and when the system changed since its screening', async () => {
    const { api, sessions, system, screen, move } = await setup();
    const s = await system();
    await screen('admin', s.id, makeScreeningAnswers({ eu: { annexIII: { points: [], unsure: true } } }));
    for (const to of ['proposed', 'in_review']) expect((await move(s.id, to)).statusCode).toBe(200);
    const undetermined = await move(s.id, 'approved');
    expect(undetermined.statusCode).toBe(409);
    expect(errorOf(undetermined).details?.blocking?.map((b) => b.code)).toEqual(['gate.eu_tier_undetermined']);

    await screen('admin', s.id, makeScreeningAnswers({ affectsPeople: false }));
    const edit = await t.app.inject({ method: 'PATCH', url: `${api}/systems/${s.id}`, headers: sessions.admin.headers, payload: { decisionRole: 'informs' } });
    expect(edit.statusCode).toBe(200);
    const outdated = await move(s.id, 'approved');
    expect(outdated.statusCode).toBe(409);
    expect(errorOf(outdated).details?.blocking?.map((b) => b.code)).toEqual(['gate.screening_outdated']);
    await screen('admin', s.id, makeScreeningAnswers({ affectsPeople: false }));
    expect((await move(s.id, 'approved')).statusCode).toBe(200);
  });
});
