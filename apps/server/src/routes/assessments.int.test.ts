/**
 * Assessments over HTTP: starting one, filling it in with two people at once (merged drafts, the
 * conflict answer), required questions on submit, four-eyes review, locking, return and resubmit,
 * reassessment with pre-filled answers and the diff, comments, attachments, reports, the Canadian
 * AIA saved file, who may do what, and tenant isolation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createApiToken, importTemplate, markReassessmentDue, publishDraft, systemCtx, type Role } from '@glassbox/core';
import { makeAssessment, makeOrganisation, makeSystem, makeUser, screenTestSystem } from '@glassbox/core/testing/factories';
import { readAnswersFile, scoreAssessment, type TemplateDocument } from '@glassbox/rules';
import { sampleTemplate } from '@glassbox/rules/assessment/testing';
import { createTestApp, makeOrgWithEveryRole, NO_RATE_LIMIT, signInAs, type TestApp } from '../testing/harness.js';

let t: TestApp;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'glassbox-assessments-test-'));
  t = await createTestApp({ dataDir });
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Headers = Record<string, string>;
type ErrorBody = { code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> };
type Meta = { by: string; byName: string; at: string; revision: number };
type Summary = { id: string; templateKey: string; round: number; status: string; level: string | null; dueDate: string | null; reassessmentDue: boolean; reassessmentDueReason: string | null; system: { id: string; slug: string } | null };
type Detail = Summary & {
  revision: number;
  previousId: string | null;
  templateVersion: number;
  answers: Record<string, unknown>;
  answerMeta: Record<string, Meta>;
  result: { level: string | null; current: number; missingRequired: string[]; progress: { answerable: number; answered: number } };
  comments: Array<{ id: string; questionId: string | null; body: string; author: { name: string } }>;
  attachments: Array<{ id: string; fileName: string; sizeBytes: number; questionId: string | null }>;
  signoffs: Array<{ decision: string; user: { id: string | null; name: string }; roles: string[]; note: string | null }>;
  contributors: Array<{ id: string; name: string }>;
  permissions: { canEdit: boolean; canSubmit: boolean; canReview: boolean; canComment: boolean };
};

const errorOf = (res: LightMyRequestResponse): ErrorBody => res.json<ErrorBody>();
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0x00, 0xff, 0x10, 0x80]), Buffer.from('\n%%EOF\n')]);

/** The engine's sample template under our own key, asking for a reassessment yearly and after material changes. */
function testTemplate(key: string, changes: Partial<TemplateDocument> = {}): TemplateDocument {
  return { ...sampleTemplate(), key, title: { en: `Impact check ${key}`, fr: `Contrôle ${key}` }, reassessment: { everyMonths: 12, onMaterialChange: true }, ...changes };
}

async function publish(organisationId: string, document: TemplateDocument): Promise<void> {
  const ctx = systemCtx(t.database.db, 'test');
  const draft = await importTemplate(ctx, { organisationId, format: 'json', content: JSON.stringify(document) });
  await publishDraft(ctx, { organisationId, versionId: draft.id });
}

let n = 0;
async function setup() {
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  const key = `impact-check-${++n}`;
  await publish(org.id, testTemplate(key));
  const system = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.system_owner.user.id, name: `Benefits triage ${n}` });
  const api = `/api/v1/orgs/${org.slug}`;
  const headersOf = (who: Role | Headers): Headers => (typeof who === 'string' ? sessions[who].headers : who);
  const as = (who: Role | Headers) => ({
    get: (p: string) => t.app.inject({ method: 'GET', url: `${api}${p}`, headers: headersOf(who) }),
    post: (p: string, payload: unknown = {}) => t.app.inject({ method: 'POST', url: `${api}${p}`, headers: headersOf(who), payload: payload as object }),
    patch: (p: string, payload: unknown) => t.app.inject({ method: 'PATCH', url: `${api}${p}`, headers: headersOf(who), payload: payload as object }),
    del: (p: string) => t.app.inject({ method: 'DELETE', url: `${api}${p}`, headers: headersOf(who) }),
    upload: (p: string, data: Buffer, fileType: string) =>
      t.app.inject({ method: 'POST', url: `${api}${p}`, headers: { ...headersOf(who), 'content-type': 'application/octet-stream', 'x-file-type': fileType }, payload: data }),
  });
  const start = async (who: Role | Headers = 'system_owner'): Promise<Detail> => {
    const res = await as(who).post(`/systems/${system.slug}/assessments`, { templateKey: key });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Detail>();
  };
  return { org, sessions, key, system, api, as, start };
}

/** Answers that complete the sample template (phase live: the measures section is asked too). */
const COMPLETE = { name: 'Benefits', phase: 'live', impact1: 'high', impact2: ['a', 'c'], tested: 'yes', people: 40 };

describe('starting and filling in an assessment', () => {
  it('starts a draft on the latest published version, once per system and template', async () => {
    const { as, start, key, system } = await setup();
    const a = await start();
    expect(a).toMatchObject({ status: 'draft', round: 1, revision: 0, previousId: null, templateKey: key, templateVersion: 1, system: { id: system.id, slug: system.slug } });
    expect(a.permissions).toEqual({ canEdit: true, canSubmit: true, canReview: false, canComment: true });
    const again = await as('governance_officer').post(`/systems/${system.id}/assessments`, { templateKey: key });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'assessment.open_exists', details: { assessmentId: a.id, status: 'draft' } });
    const unknown = await as('system_owner').post(`/systems/${system.id}/assessments`, { templateKey: 'no-such-template' });
    expect(unknown.statusCode).toBe(404);
  });

  it('merges two contributors’ autosaves and answers 409 when one overwrites the other’s newer answer', async () => {
    const { as, start, sessions } = await setup();
    const a = await start();
    const url = `/assessments/${a.id}/answers`;

    const first = await as('system_owner').patch(url, { revision: 0, answers: { name: 'Benefits triage' } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ revision: 1, changed: ['name'], answers: { name: 'Benefits triage' } });

    // The governance officer still has revision 0 and edits another question: merged, nothing lost.
    const second = await as('governance_officer').patch(url, { revision: 0, answers: { phase: 'live', impact1: 'mid' } });
    expect(second.statusCode, second.body).toBe(200);
    const merged = second.json<{ revision: number; answers: Record<string, unknown>; answerMeta: Record<string, Meta>; result: { current: number } }>();
    expect(merged.revision).toBe(2);
    expect(merged.answers).toEqual({ name: 'Benefits triage', phase: 'live', impact1: 'mid' });
    expect(merged.answerMeta.name?.by).toBe(sessions.system_owner.user.id);
    expect(merged.answerMeta.phase).toMatchObject({ by: sessions.governance_officer.user.id, revision: 2 });
    expect(merged.result.current).toBe(2);

    // The owner, still at revision 1, changes the phase the officer set at revision 2: conflict, nothing saved.
    const clash = await as('system_owner').patch(url, { revision: 1, answers: { phase: 'design', people: 12 } });
    expect(clash.statusCode).toBe(409);
    const err = errorOf(clash);
    expect(err.code).toBe('assessment.conflict');
    expect(err.details).toMatchObject({ questions: ['phase'], revision: 2, current: { phase: { value: 'live', by: sessions.governance_officer.user.id, revision: 2 } } });
    const unchanged = (await as('auditor').get(`/assessments/${a.id}`)).json<Detail>();
    expect(unchanged.revision).toBe(2);
    expect(unchanged.answers).not.toHaveProperty('people');

    // Having seen revision 2, the owner may change it; null clears an answer.
    const resolved = await as('system_owner').patch(url, { revision: 2, answers: { phase: 'design', impact1: null } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ revision: 3, answers: { name: 'Benefits triage', phase: 'design' } });
    expect(resolved.json<{ answers: Record<string, unknown> }>().answers).not.toHaveProperty('impact1');

    const detail = (await as('staff').get(`/assessments/${a.id}`)).json<Detail>();
    expect(detail.contributors.map((c) => c.id).sort()).toEqual([sessions.system_owner.user.id, sessions.governance_officer.user.id].sort());
    expect(detail.permissions.canEdit).toBe(false);
  });

  it('keeps both answers when two people save different questions at the same moment', async () => {
    const { as, start } = await setup();
    const a = await start();
    const url = `/assessments/${a.id}/answers`;
    const [one, two] = await Promise.all([
      as('system_owner').patch(url, { revision: 0, answers: { name: 'Triage' } }),
      as('governance_officer').patch(url, { revision: 0, answers: { people: 25 } }),
    ]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    const detail = (await as('auditor').get(`/assessments/${a.id}`)).json<Detail>();
    expect(detail).toMatchObject({ revision: 2, answers: { name: 'Triage', people: 25 } });
  });

  it('names each bad answer by its question id', async () => {
    const { as, start } = await setup();
    const a = await start();
    const res = await as('system_owner').patch(`/assessments/${a.id}/answers`, { revision: 0, answers: { phase: 'sometimes', people: 5000, nope: 'x', start: '2026-02-30' } });
    expect(res.statusCode).toBe(400);
    const fields = errorOf(res).fields ?? {};
    expect(Object.keys(fields).sort()).toEqual(['nope', 'people', 'phase', 'start']);
    const ahead = await as('system_owner').patch(`/assessments/${a.id}/answers`, { revision: 7, answers: { name: 'x' } });
    expect(ahead.statusCode).toBe(400);
    expect(errorOf(ahead).fields).toHaveProperty('revision');
  });
});

describe('submitting and reviewing', () => {
  it('refuses to submit with required questions unanswered, naming each', async () => {
    const { as, start } = await setup();
    const a = await start();
    await as('system_owner').patch(`/assessments/${a.id}/answers`, { revision: 0, answers: { phase: 'live' } });
    const res = await as('system_owner').post(`/assessments/${a.id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'assessment.incomplete', fields: { name: 'Required.', tested: 'Required.' } });
  });

  it('approves with four eyes, locks the assessment and sets the reassessment due date', async () => {
    const { as, start, sessions } = await setup();
    const a = await start('governance_officer');
    await as('governance_officer').patch(`/assessments/${a.id}/answers`, { revision: 0, answers: COMPLETE });
    const submitted = await as('governance_officer').post(`/assessments/${a.id}/submit`, { note: 'Ready for review.' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<Detail>()).toMatchObject({ status: 'submitted', permissions: { canEdit: false, canReview: false } });

    const locked = await as('system_owner').patch(`/assessments/${a.id}/answers`, { revision: 1, answers: { people: 1 } });
    expect(errorOf(locked).code).toBe('assessment.submitted');

    const own = await as('governance_officer').post(`/assessments/${a.id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(errorOf(own).code).toBe('assessment.four_eyes');
    expect((await as('system_owner').post(`/assessments/${a.id}/approve`)).statusCode).toBe(403);

    expect((await as('admin').get(`/assessments/${a.id}`)).json<Detail>().permissions.canReview).toBe(true);
    const approved = await as('admin').post(`/assessments/${a.id}/approve`, { note: 'Proportionate.' });
    expect(approved.statusCode, approved.body).toBe(200);
    const body = approved.json<Detail>();
    const expectedLevel = scoreAssessment(testTemplate('x'), COMPLETE).level;
    expect(body).toMatchObject({ status: 'approved', level: expectedLevel });
    const inAYear = new Date();
    inAYear.setUTCFullYear(inAYear.getUTCFullYear() + 1);
    expect(body.dueDate?.slice(0, 4)).toBe(String(inAYear.getUTCFullYear()));
    expect(body.signoffs.map((s) => [s.decision, s.user.id, s.roles, s.note])).toEqual([
      ['submit', sessions.governance_officer.user.id, ['governance_officer'], 'Ready for review.'],
      ['approve', sessions.admin.user.id, ['admin'], 'Proportionate.'],
    ]);

    const edit = await as('admin').patch(`/assessments/${a.id}/answers`, { revision: 1, answers: { people: 1 } });
    expect(edit.statusCode).toBe(409);
    expect(errorOf(edit).code).toBe('assessment.locked');
    expect(errorOf(await as('admin').post(`/assessments/${a.id}/approve`)).code).toBe('assessment.locked');
    expect((await as('admin').upload(`/assessments/${a.id}/attachments?name=late.pdf`, PDF, 'application/pdf')).statusCode).toBe(409);

    // Sign-offs are a record: the table refuses changes.
    await expect(t.database.db.updateTable('assessment_signoff').set({ note: 'changed' }).where('assessment_id', '=', a.id).execute()).rejects.toThrow(/append-only/);

    const events = await t.database.db.selectFrom('audit_event').select(['action', 'after']).where('entity_id', '=', a.id).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['assessment.started', 'assessment.answers_saved', 'assessment.submitted', 'assessment.approved']);
    expect(JSON.stringify(events[1]?.after)).not.toContain('Benefits');
  });

  it('returns with a comment; the authors change it and submit again', async () => {
    const { as, start } = await setup();
    const a = await start();
    await as('system_owner').patch(`/assessments/${a.id}/answers`, { revision: 0, answers: COMPLETE });
    await as('system_owner').post(`/assessments/${a.id}/submit`);
    const short = await as('governance_officer').post(`/assessments/${a.id}/return`, { comment: 'no' });
    expect(short.statusCode).toBe(400);
    expect(errorOf(short).fields).toHaveProperty('comment');
    const returned = await as('governance_officer').post(`/assessments/${a.id}/return`, { comment: 'Say who reviewed the tests.' });
    expect(returned.statusCode, returned.body).toBe(200);
    const body = returned.json<Detail>();
    expect(body.status).toBe('returned');
    expect(body.comments).toMatchObject([{ questionId: null, body: 'Say who reviewed the tests.' }]);
    expect(body.signoffs.map((s) => s.decision)).toEqual(['submit', 'return']);

    const edited = await as('system_owner').patch(`/assessments/${a.id}/answers`, { revision: 1, answers: { reviewed: 'yes' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'returned', revision: 2 });
    const again = await as('system_owner').post(`/assessments/${a.id}/submit`);
    expect(again.json<Detail>().status).toBe('submitted');
    expect((await as('admin').post(`/assessments/${a.id}/approve`)).json<Detail>().status).toBe('approved');
  });
});

describe('reassessment', () => {
  it('starts the next round pre-filled on the latest version, drops what that version no longer asks, and shows the diff', async () => {
    const { org, as, start, key, system } = await setup();
    const a = await start();
    await as('system_owner').patch(`/assessments/${a.id}/answers`, { revision: 0, answers: { ...COMPLETE, start: '2026-01-05' } });
    await as('system_owner').post(`/assessments/${a.id}/submit`);
    await as('admin').post(`/assessments/${a.id}/approve`);

    // Starting afresh is refused: the next round is a reassessment.
    const fresh = await as('system_owner').post(`/systems/${system.id}/assessments`, { templateKey: key });
    expect(errorOf(fresh)).toMatchObject({ code: 'assessment.use_reassess', details: { assessmentId: a.id } });

    // Version 2 of the template no longer asks for the start date.
    const v2 = testTemplate(key);
    v2.sections = v2.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== 'start') }));
    await publish(org.id, v2);

    const res = await as('system_owner').post(`/assessments/${a.id}/reassess`);
    expect(res.statusCode, res.body).toBe(201);
    const { assessment: next, droppedAnswers } = res.json<{ assessment: Detail; droppedAnswers: Array<{ questionId: string }> }>();
    expect(next).toMatchObject({ round: 2, previousId: a.id, status: 'draft', templateVersion: 2, answers: COMPLETE });
    expect(droppedAnswers.map((d) => d.questionId)).toEqual(['start']);
    expect((await as('system_owner').post(`/assessments/${a.id}/reassess`)).statusCode).toBe(409);

    await as('system_owner').patch(`/assessments/${next.id}/answers`, { revision: 0, answers: { impact1: 'low', name: 'Benefits v2' } });
    const diff = await as('auditor').get(`/assessments/${next.id}/diff`);
    expect(diff.statusCode, diff.body).toBe(200);
    const d = diff.json<{ answers: Array<{ questionId: string; before: unknown; after: unknown }>; scores: { before: { current: number; round: number }; after: { current: number; round: number } } }>();
    expect(d.answers).toEqual(
      expect.arrayContaining([expect.objectContaining({ questionId: 'name', before: 'Benefits', after: 'Benefits v2' }), expect.objectContaining({ questionId: 'impact1', before: 'high', after: 'low' })]),
    );
    expect(d.answers).toHaveLength(2);
    expect(d.scores.before.round).toBe(1);
    expect(d.scores.after.current).toBeLessThan(d.scores.before.current);
    expect((await as('auditor').get(`/assessments/${a.id}/diff`)).statusCode).toBe(404);
  });

  it('flags approved assessments when the system changes materially', async () => {
    const { org, as, system, key } = await setup();
    const a = await makeAssessment(t.database.db, { organisationId: org.id, systemId: system.id, templateKey: key, answers: COMPLETE, status: 'approved' });
    expect(a.reassessmentDue).toBe(false);
    const { inTransaction } = await import('@glassbox/core');
    await inTransaction(systemCtx(t.database.db, 'test'), (tx) => markReassessmentDue(tx, { organisationId: org.id, systemId: system.id, reason: 'The decision role changed.' }));
    const after = (await as('staff').get(`/assessments/${a.id}`)).json<Detail>();
    expect(after).toMatchObject({ reassessmentDue: true, reassessmentDueReason: 'The decision role changed.' });
    const list = (await as('staff').get(`/systems/${system.id}/assessments`)).json<{ items: Summary[]; needed: unknown[] }>();
    expect(list.items).toMatchObject([{ id: a.id, reassessmentDue: true }]);
    expect(Array.isArray(list.needed)).toBe(true);
  });
});

describe('comments and attachments', () => {
  it('comments per question; authors delete their own', async () => {
    const { as, start } = await setup();
    const a = await start();
    const c = await as('governance_officer').post(`/assessments/${a.id}/comments`, { questionId: 'impact1', body: 'Why high?' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ questionId: 'impact1', body: 'Why high?', author: { name: 'Test governance_officer' } });
    expect((await as('system_owner').post(`/assessments/${a.id}/comments`, { questionId: 'nope', body: 'x' })).statusCode).toBe(400);
    expect((await as('staff').post(`/assessments/${a.id}/comments`, { body: 'x' })).statusCode).toBe(403);
    const id = c.json<{ id: string }>().id;
    expect((await as('system_owner').del(`/assessments/${a.id}/comments/${id}`)).statusCode).toBe(403);
    expect((await as('governance_officer').del(`/assessments/${a.id}/comments/${id}`)).statusCode).toBe(204);
    expect((await as('auditor').get(`/assessments/${a.id}`)).json<Detail>().comments).toEqual([]);
  });

  it('attaches files as evidence, serves them back, and removes them from answers when deleted', async () => {
    const { as, start } = await setup();
    const a = await start();
    const up = await as('system_owner').upload(`/assessments/${a.id}/attachments?name=tests.pdf&questionId=files`, PDF, 'application/pdf');
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json<{ id: string; sizeBytes: number; questionId: string }>();
    expect(file).toMatchObject({ sizeBytes: PDF.length, questionId: 'files' });
    expect((await as('system_owner').upload(`/assessments/${a.id}/attachments?name=x.png`, PDF, 'image/png')).statusCode).toBe(422);
    const saved = await as('system_owner').patch(`/assessments/${a.id}/answers`, { revision: 0, answers: { files: [file.id] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await as('system_owner').patch(`/assessments/${a.id}/answers`, { revision: 1, answers: { files: ['00000000-0000-4000-8000-000000000000'] } })).statusCode).toBe(400);

    const down = await as('auditor').get(`/assessments/${a.id}/attachments/${file.id}/file`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect(down.headers['content-disposition']).toContain('attachment');

    expect((await as('staff').del(`/assessments/${a.id}/attachments/${file.id}`)).statusCode).toBe(403);
    expect((await as('system_owner').del(`/assessments/${a.id}/attachments/${file.id}`)).statusCode).toBe(204);
    const detail = (await as('auditor').get(`/assessments/${a.id}`)).json<Detail>();
    expect(detail.attachments).toEqual([]);
    expect(detail.answers).not.toHaveProperty('files');
    expect((await as('auditor').get(`/assessments/${a.id}/attachments/${file.id}/file`)).statusCode).toBe(404);
  });
});

describe('who may do what', () => {
  it('lets members read, the system’s editors fill in, and keeps other organisations out', async () => {
    const { org, as, start, system } = await setup();
    const a = await start();
    for (const role of ['auditor', 'staff', 'caseworker', 'reviewer'] as const) expect((await as(role).get(`/assessments/${a.id}`)).statusCode, role).toBe(200);
    expect((await as('staff').patch(`/assessments/${a.id}/answers`, { revision: 0, answers: { name: 'x' } })).statusCode).toBe(403);

    const otherOwner = await makeUser(t.database.db, { organisationId: org.id, roles: ['system_owner'] });
    const other = await signInAs(t.app, otherOwner);
    const denied = await as(other.headers).patch(`/assessments/${a.id}/answers`, { revision: 0, answers: { name: 'x' } });
    expect(denied.statusCode).toBe(403);
    expect(errorOf(denied).code).toBe('assessment.forbidden');
    expect((await as(other.headers).post(`/systems/${system.id}/assessments`, { templateKey: 'fria' })).statusCode).toBe(403);

    const ctx = systemCtx(t.database.db, 'test');
    const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}`, ...NO_RATE_LIMIT });
    const read = bearer((await createApiToken(ctx, { organisationId: org.id, name: 'r', scope: 'read' })).token);
    const write = bearer((await createApiToken(ctx, { organisationId: org.id, name: 'w', scope: 'write' })).token);
    expect((await as(read).get(`/assessments/${a.id}`)).statusCode).toBe(200);
    expect((await as(read).patch(`/assessments/${a.id}/answers`, { revision: 0, answers: { name: 'x' } })).statusCode).toBe(403);
    const byToken = await as(write).patch(`/assessments/${a.id}/answers`, { revision: 0, answers: COMPLETE });
    expect(byToken.statusCode, byToken.body).toBe(200);
    expect((await as(write).post(`/assessments/${a.id}/submit`)).statusCode).toBe(200);
    expect((await as(write).post(`/assessments/${a.id}/approve`)).statusCode).toBe(403);

    const outsiderOrg = await makeOrganisation(t.database.db, 'Elsewhere');
    const outsider = await signInAs(t.app, await makeUser(t.database.db, { organisationId: outsiderOrg.id, roles: ['admin'] }));
    const own = (p: string) => t.app.inject({ method: 'GET', url: `/api/v1/orgs/${outsiderOrg.slug}${p}`, headers: outsider.headers });
    expect((await own(`/assessments/${a.id}`)).statusCode).toBe(404);
    expect((await own(`/assessments/${a.id}/report.html`)).statusCode).toBe(404);
    expect((await own(`/assessments`)).json<{ total: number }>().total).toBe(0);
  });

  it('starts organisation assessments for governance only, and only with organisation templates', async () => {
    const { org, as, key } = await setup();
    const orgKey = `org-check-${n}`;
    await publish(org.id, testTemplate(orgKey, { subject: 'organisation' }));
    const wrong = await as('admin').post('/assessments', { templateKey: key });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong)).toMatchObject({ code: 'assessment.wrong_subject', fields: { templateKey: expect.any(String) } });
    expect((await as('system_owner').post('/assessments', { templateKey: orgKey })).statusCode).toBe(403);
    const started = await as('governance_officer').post('/assessments', { templateKey: orgKey });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json<Detail>()).toMatchObject({ system: null, round: 1 });
    const readiness = await as('admin').post('/assessments', { templateKey: 'readiness' });
    expect(readiness.statusCode, readiness.body).toBe(201);

    const list = (await as('auditor').get('/assessments?subject=organisation')).json<{ items: Summary[]; total: number }>();
    expect(list.total).toBe(2);
    expect(list.items.every((i) => i.system === null)).toBe(true);
  });
});

describe('lists and reports', () => {
  it('lists what a system needs with the latest round of each, next to every assessment it has', async () => {
    const { org, as, system } = await setup();
    // A benefits-eligibility system of a public authority is high-risk: it needs a fundamental rights impact assessment.
    await screenTestSystem(t.database.db, { organisationId: org.id, systemId: system.id });
    const fria = await makeAssessment(t.database.db, { organisationId: org.id, systemId: system.id, templateKey: 'fria' });
    const res = await as('staff').get(`/systems/${system.slug}/assessments`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ needed: Array<{ templateKey: string; reasons: string[]; latest: Summary | null }>; items: Summary[] }>();
    const needed = body.needed.find((x) => x.templateKey === 'fria');
    expect(needed?.reasons.length).toBeGreaterThan(0);
    expect(needed?.latest).toMatchObject({ id: fria.id, status: 'draft' });
    expect(body.items.map((i) => i.id)).toEqual([fria.id]);
  });

  it('filters the organisation’s list by status, template and system', async () => {
    const { org, as, key, system, sessions } = await setup();
    const other = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.admin.user.id, name: 'Other system' });
    const approved = await makeAssessment(t.database.db, { organisationId: org.id, systemId: system.id, templateKey: key, answers: COMPLETE, status: 'approved' });
    const draft = await makeAssessment(t.database.db, { organisationId: org.id, systemId: other.id, templateKey: key });
    const ids = async (q: string) => (await as('staff').get(`/assessments?${q}`)).json<{ items: Summary[] }>().items.map((i) => i.id);
    expect((await ids('')).sort()).toEqual([approved.id, draft.id].sort());
    expect(await ids('status=approved')).toEqual([approved.id]);
    expect(await ids(`systemId=${other.slug}`)).toEqual([draft.id]);
    expect(await ids('templateKey=fria')).toEqual([]);
    expect((await as('staff').get('/assessments?status=nonsense')).statusCode).toBe(400);
  });

  it('renders the report as HTML with the level, as a PDF and as JSON', async () => {
    const { org, as, key, system } = await setup();
    const a = await makeAssessment(t.database.db, { organisationId: org.id, systemId: system.id, templateKey: key, answers: COMPLETE, status: 'approved' });
    expect(a.level).not.toBeNull();
    const page = await as('auditor').get(`/assessments/${a.id}/report.html`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(system.name);
    expect(page.body).toContain('High');
    const fr = await as('auditor').get(`/assessments/${a.id}/report.html?lang=fr`);
    expect(fr.body).toContain('Élevé');
    const pdf = await as('auditor').get(`/assessments/${a.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment/);
    const json = await as('auditor').get(`/assessments/${a.id}/report.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment/);
    expect(json.json()).toMatchObject({ assessment: { id: a.id }, result: { level: a.level }, answers: COMPLETE });
    expect((await as('auditor').get(`/assessments/${a.id}/aia-saved-file.json`)).statusCode).toBe(404);
  });

  it('gives the Canadian AIA answers in the official saved-file shape, which reads back as the same answers', async () => {
    const { org, as, system } = await setup();
    const start = await as('system_owner').post(`/systems/${system.id}/assessments`, { templateKey: 'canada-aia' });
    expect(start.statusCode, start.body).toBe(201);
    const a = start.json<Detail & { document: TemplateDocument }>();
    const choice = a.document.sections.flatMap((s) => s.questions).filter((q) => q.type === 'single_choice' && q.choices && q.choices.length > 1).slice(0, 3);
    const answers = Object.fromEntries(choice.map((q) => [q.id, q.choices?.[1]?.value ?? '']));
    const saved = await as('system_owner').patch(`/assessments/${a.id}/answers`, { revision: 0, answers });
    expect(saved.statusCode, saved.body).toBe(200);
    const file = await as('auditor').get(`/assessments/${a.id}/aia-saved-file.json`);
    expect(file.statusCode, file.body).toBe(200);
    const parsed = file.json<{ version: string; data: Record<string, unknown> }>();
    expect(typeof parsed.version).toBe('string');
    expect(readAnswersFile(parsed, { template: a.document }).answers).toEqual(answers);
    void org;
  });
});
