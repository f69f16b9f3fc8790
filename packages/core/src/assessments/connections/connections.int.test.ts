/**
 * Assessments connected to the inventory (issue #4 point 6), against a real database: the
 * obligations needed assessments add, an approved FRIA meeting Art. 27 with evidence, the Canadian
 * AIA level's requirements gating deployment and replaced by a later level, re-screening and edits
 * keeping both sides of the checklist, and readiness gaps becoming organisation tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreAssessment, type Answers, type TemplateDocument } from '@glassbox/rules';
import { systemCtx } from '../../context.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { updateSystem } from '../../inventory/inventory.service.js';
import { transitionSystem } from '../../inventory/lifecycle.service.js';
import { updateObligation } from '../../obligations/obligation.service.js';
import { listTasks, updateTask } from '../../tasks/task.service.js';
import { makeAssessment, makeOrganisation, makeScreeningAnswers, makeSystem, makeUser, openTestDatabase, screenTestSystem } from '../../testing/factories.js';
import type { AnswerPatch } from '../answers-merge.js';
import { saveAnswers } from '../assessment.service.js';
import { approveAssessment, reassessAssessment, submitAssessment } from '../assessment-workflow.service.js';
import { resolveTemplateForUse } from '../templates/template.service.js';
import { answersForLevel, fillAnswers } from './fill-answers.js';
import { listNeededAssessments } from './needed-assessments.service.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
}, 120_000);
afterAll(async () => database?.close());

const cli = () => systemCtx(database.db, 'test');

async function setup(opts: Partial<Parameters<typeof makeSystem>[1]> = {}) {
  const org = await makeOrganisation(database.db);
  const owner = await makeUser(database.db, { organisationId: org.id, roles: ['system_owner'] });
  const system = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id, ...opts });
  return { org, owner, system };
}

const obligationsOf = (systemId: string) =>
  database.db.selectFrom('obligation').selectAll().where('system_id', '=', systemId).orderBy('key').execute();
const current = async (systemId: string) => (await obligationsOf(systemId)).filter((o) => o.retired_at === null);
const documentOf = async (organisationId: string, key: string): Promise<TemplateDocument> => (await resolveTemplateForUse(cli(), { organisationId, key })).document;

/** The next round of an approved assessment, answered as given, submitted and approved (as the operator). */
async function reassessTo(organisationId: string, assessmentId: string, answers: Answers) {
  const { assessment: next } = await reassessAssessment(cli(), { organisationId, assessmentId });
  const patch: AnswerPatch = Object.fromEntries(Object.keys(next.answers).map((k) => [k, null]));
  Object.assign(patch, answers);
  const ref = { organisationId, assessmentId: next.id };
  await saveAnswers(cli(), { ...ref, revision: next.revision, answers: patch });
  await submitAssessment(cli(), ref);
  return approveAssessment(cli(), ref);
}

async function markAllMet(organisationId: string, systemId: string) {
  for (const o of await current(systemId)) {
    if (o.phase === 'before_deployment' && o.status !== 'met') await updateObligation(cli(), { organisationId, ref: systemId, obligationId: o.id, status: 'met' });
  }
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('assessments a system needs', () => {
  it('adds an obligation per needed assessment no screening obligation covers, with its reasons', async () => {
    const { org, system } = await setup({ sourcing: 'procured', supplier: 'Benefit Systems Ltd', affectedPeople: 'People applying for housing benefit' });
    // Before any screening there is no checklist, but the needed list is already there.
    expect((await listNeededAssessments(cli(), { organisationId: org.id, systemId: system.id })).map((a) => a.templateKey)).toContain('canada-aia');
    expect(await obligationsOf(system.id)).toEqual([]);

    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id });
    const keys = (await current(system.id)).map((o) => o.key);
    // The FRIA is covered by Art. 27 and the tier's own FRIA requirement: no assessment.fria.
    expect(keys).toEqual(expect.arrayContaining(['eu.art27.fria', 'org.high.fria', 'assessment.canada-aia', 'assessment.workforce-impact', 'assessment.data-protection-screening', 'assessment.vendor-prepurchase']));
    expect(keys).not.toContain('assessment.fria');
    // An idea does not need its necessity review yet; once proposed it does.
    expect(keys).not.toContain('assessment.necessity-review');
    await transitionSystem(cli(), { organisationId: org.id, ref: system.id, to: 'proposed', reason: 'Proposed for the benefits team.' });
    expect((await current(system.id)).map((o) => o.key)).toContain('assessment.necessity-review');

    const aia = (await current(system.id)).find((o) => o.key === 'assessment.canada-aia');
    expect(aia).toMatchObject({ framework: 'assessment', phase: 'before_deployment', status: 'open' });
    expect(aia?.reference).toMatch(/Directive on Automated Decision-Making/);

    const needed = await listNeededAssessments(cli(), { organisationId: org.id, systemId: system.id });
    expect(needed.find((a) => a.templateKey === 'fria')).toMatchObject({ obligationKeys: ['eu.art27.fria', 'org.high.fria'] });
    expect(needed.find((a) => a.templateKey === 'fria')?.reasons[0]).toMatch(/Art\. 27/);
  });

  it('rebuilds the checklist and flags reassessment when decision role, personal data or sourcing change', async () => {
    const { org, system } = await setup();
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id });
    expect((await current(system.id)).map((o) => o.key)).not.toContain('assessment.vendor-prepurchase');
    await updateSystem(cli(), { organisationId: org.id, ref: system.id, changes: { sourcing: 'general_purpose_tool' } });
    expect((await current(system.id)).map((o) => o.key)).toContain('assessment.vendor-prepurchase');
    await updateSystem(cli(), { organisationId: org.id, ref: system.id, changes: { personalData: false } });
    expect((await current(system.id)).map((o) => o.key)).not.toContain('assessment.data-protection-screening');
    const events = await database.db.selectFrom('audit_event').select(['action', 'after']).where('organisation_id', '=', org.id).where('action', '=', 'obligations.regenerated').orderBy('seq').execute();
    expect(events.map((e) => (e.after as { cause?: string }).cause)).toEqual([undefined, 'system.updated', 'system.updated']);
  });

  it('marks approved assessments due again when the system or its classification changes materially', async () => {
    const { org, system } = await setup();
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id });
    const fria = await makeAssessment(database.db, { organisationId: org.id, systemId: system.id, templateKey: 'fria', answers: fillAnswers(await documentOf(org.id, 'fria')), status: 'approved' });
    const dueReason = async () => (await database.db.selectFrom('assessment').select('reassessment_due_reason').where('id', '=', fria.id).executeTakeFirstOrThrow()).reassessment_due_reason;
    expect(await dueReason()).toBeNull();
    // A name change is not material.
    await updateSystem(cli(), { organisationId: org.id, ref: system.id, changes: { name: 'Renamed eligibility assistant' } });
    expect(await dueReason()).toBeNull();
    await updateSystem(cli(), { organisationId: org.id, ref: system.id, changes: { decisionRole: 'decides' } });
    expect(await dueReason()).toBe('The system’s decision role changed.');
    // A new screening that changes the EU tier says so.
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id, answers: makeScreeningAnswers({ affectsPeople: false }) });
    expect(await dueReason()).toMatch(/^A new screening changed the classification: EU AI Act tier high → minimal/);
  });
});

describe('approving an assessment', () => {
  it('marks the FRIA obligations met with a link to the report as evidence', async () => {
    const { org, system } = await setup();
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id });
    const doc = await documentOf(org.id, 'fria');
    const fria = await makeAssessment(database.db, { organisationId: org.id, systemId: system.id, templateKey: 'fria', answers: fillAnswers(doc), status: 'approved' });
    expect(fria.status).toBe('approved');

    const byKey = new Map((await current(system.id)).map((o) => [o.key, o]));
    for (const key of ['eu.art27.fria', 'org.high.fria']) {
      const o = byKey.get(key);
      expect(o?.status, key).toBe('met');
      const evidence = await database.db.selectFrom('obligation_evidence').selectAll().where('obligation_id', '=', o?.id ?? '').execute();
      expect(evidence).toEqual([expect.objectContaining({ kind: 'link', url: expect.stringMatching(new RegExp(`/app/assessments/${fria.id}$`)) as string })]);
    }
    // Other obligations are untouched (the Art. 27(3) notification is a separate step).
    expect(byKey.get('eu.art27.3.notify-fria')?.status).toBe('open');
    const audit = await database.db.selectFrom('audit_event').select(['action', 'after']).where('organisation_id', '=', org.id).where('action', 'in', ['obligation.updated', 'evidence.added']).execute();
    expect(audit.filter((e) => (e.after as { assessmentId?: string }).assessmentId === fria.id)).toHaveLength(4);
  });

  it('adds the AIA level’s requirements, gates deployment on them, and replaces them after a reassessment at another level', async () => {
    const { org, system } = await setup();
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id });
    const doc = await documentOf(org.id, 'canada-aia');
    const levelII = doc.scoring?.levels?.list.find((l) => l.id === 'II');
    expect(levelII?.requirements?.length).toBeGreaterThan(0);

    const aia = await makeAssessment(database.db, { organisationId: org.id, systemId: system.id, templateKey: 'canada-aia', answers: answersForLevel(doc, 'II'), status: 'approved' });
    expect(aia.level).toBe('II');
    const after = await current(system.id);
    const aiaKeys = after.filter((o) => o.key.startsWith('aia.')).map((o) => o.key).sort();
    expect(aiaKeys).toEqual((levelII?.requirements ?? []).map((r) => `aia.${r.key}`).sort());
    expect(after.find((o) => o.key.startsWith('aia.'))).toMatchObject({ framework: 'assessment', reference: 'Canada AIA level II' });
    expect(after.find((o) => o.key === 'assessment.canada-aia')?.status).toBe('met');

    // Everything else met: the level's before-deployment requirements still block in_service.
    for (const to of ['proposed', 'in_review', 'approved'] as const) await transitionSystem(cli(), { organisationId: org.id, ref: system.id, to, reason: `To ${to}.` });
    const open = (await current(system.id)).filter((o) => o.phase === 'before_deployment' && !o.key.startsWith('aia.') && o.status !== 'met');
    for (const o of open) await updateObligation(cli(), { organisationId: org.id, ref: system.id, obligationId: o.id, status: 'met' });
    const blocked = await refusal(transitionSystem(cli(), { organisationId: org.id, ref: system.id, to: 'in_service', reason: 'Go live.' }));
    expect(blocked.code).toBe('system.gates_unmet');
    const blocking = (blocked.details?.blocking ?? []) as Array<{ obligation?: { key: string } }>;
    expect(blocking.map((b) => b.obligation?.key).sort()).toEqual(aiaKeys.filter((k) => (levelII?.requirements ?? []).some((r) => `aia.${r.key}` === k && r.phase === 'before_deployment')));

    // A re-screening keeps the level's obligations.
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id });
    expect((await current(system.id)).filter((o) => o.key.startsWith('aia.')).map((o) => o.key).sort()).toEqual(aiaKeys);

    // A reassessment approved at level I replaces them.
    const levelI = doc.scoring?.levels?.list.find((l) => l.id === 'I');
    const redo = await reassessTo(org.id, aia.id, answersForLevel(doc, 'I'));
    expect(redo.level).toBe('I');
    const nowKeys = (await current(system.id)).filter((o) => o.key.startsWith('aia.')).map((o) => o.key).sort();
    expect(nowKeys).toEqual((levelI?.requirements ?? []).map((r) => `aia.${r.key}`).sort());
    await markAllMet(org.id, system.id);
    await transitionSystem(cli(), { organisationId: org.id, ref: system.id, to: 'in_service', reason: 'Go live.' });
  });
});

describe('organisation assessments', () => {
  it('turns readiness gaps into one task each, keeps open ones, and closes those whose gap disappeared', async () => {
    const org = await makeOrganisation(database.db);
    const doc = await documentOf(org.id, 'readiness');
    // Everything at the bottom except leadership at the top.
    const answers = fillAnswers(doc, { choiceAt: (q) => (q.id.startsWith('leadership-') ? 1 : 0) });
    const expectedGaps = scoreAssessment(doc, answers).gaps;
    expect(expectedGaps.length).toBeGreaterThan(3);
    const first = await makeAssessment(database.db, { organisationId: org.id, systemId: null, templateKey: 'readiness', answers, status: 'approved' });

    const tasks = await listTasks(cli(), { organisationId: org.id, limit: 200, offset: 0 });
    expect(tasks.total).toBe(expectedGaps.length);
    expect(new Set(tasks.items.map((t) => t.sourceKey))).toEqual(new Set(expectedGaps.map((g) => `readiness:${g.questionId}`)));
    const sample = tasks.items[0];
    expect(sample).toMatchObject({ source: 'assessment', sourceAssessmentId: first.id, status: 'open' });
    const gap = expectedGaps.find((g) => `readiness:${g.questionId}` === sample?.sourceKey);
    expect(sample?.description).toBe(gap?.recommendation.en);
    expect(sample?.area).toBe(doc.sections.find((s) => s.id === gap?.sectionId)?.title.en);
    expect(sample?.title.length).toBeGreaterThan(0);

    // A year later the second area is closed; one remaining gap is being worked on.
    const closedArea = new Set(doc.sections[1]?.questions.map((q) => q.id));
    const working = tasks.items.find((t) => !closedArea.has((t.sourceKey ?? '').replace('readiness:', '')));
    await updateTask(cli(), { organisationId: org.id, taskId: working?.id ?? '', status: 'in_progress' });
    const better = fillAnswers(doc, { choiceAt: (q) => (q.id.startsWith('leadership-') || closedArea.has(q.id) ? 1 : 0) });
    await reassessTo(org.id, first.id, better);
    const after = await listTasks(cli(), { organisationId: org.id, limit: 200, offset: 0 });
    const stillGaps = scoreAssessment(doc, better).gaps.map((g) => `readiness:${g.questionId}`);
    expect(after.total).toBe(expectedGaps.length); // nothing duplicated, nothing new
    const open = after.items.filter((t) => t.status === 'open' || t.status === 'in_progress');
    expect(new Set(open.map((t) => t.sourceKey))).toEqual(new Set(stillGaps));
    expect(after.items.find((t) => t.id === working?.id)?.status).toBe('in_progress');
    const closed = after.items.filter((t) => t.status === 'done');
    expect(closed.length).toBe(expectedGaps.length - stillGaps.length);
    expect(closed.length).toBeGreaterThan(0);
    expect(closed[0]?.statusNote).toMatch(/no longer finds this gap/);
  });
});
