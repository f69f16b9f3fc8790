/**
 * Demo data for assessments connected to the inventory (issue #4 points 6 and 9), on top of the
 * assessment demo (assessments/assessment-demo.ts: an approved FRIA, a draft FRIA, a returned
 * workforce impact assessment and the council's approved readiness assessment):
 * - the School Admission Allocator's Canadian AIA, filled in by its owner and approved by the
 *   governance officer at level II, so the level's requirements appear in its obligations and hold
 *   it back from service until they are met;
 * - the Repairs Request Classifier's necessity review, partly answered (a draft in progress);
 * - the readiness gaps, which the approval turned into organisation tasks, picked up: two assigned
 *   with due dates, one started.
 * Runs through the services (as the demo people) in the seed's transaction; skips what is missing.
 */
import { sql } from 'kysely';
import type { Answers, Question, TemplateDocument } from '@glassbox/rules';
import { answersForLevel, fillAnswers } from '../assessments/connections/fill-answers.js';
import { saveAnswers, startAssessment } from '../assessments/assessment.service.js';
import { approveAssessment, submitAssessment } from '../assessments/assessment-workflow.service.js';
import { resolveTemplateForUse } from '../assessments/templates/template.service.js';
import type { Ctx } from '../context.js';
import { findSystemRow } from '../inventory/inventory.repository.js';
import type { Role } from '../roles.js';
import { updateTask } from '../tasks/task.service.js';

type Person = { id: string; name: string; roles: Role[] };

const as = (ctx: Ctx, organisationId: string, p: Person): Ctx => ({
  ...ctx,
  actor: { kind: 'user', userId: p.id, email: '', displayName: p.name, sessionId: null, roles: p.roles, organisationId },
});

async function personOf(ctx: Ctx, organisationId: string, userId: string): Promise<Person | null> {
  const row = await ctx.db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'm.roles'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.display_name, roles: row.roles as Role[] } : null;
}

/** What the admissions team wrote in the AIA's text questions. */
const AIA_TEXTS: Record<string, string> = {
  projectDetailsTitle: 'School Admission Allocator',
  projectDetailsRespondent: 'Olivia Chen',
  projectDetailsJob: 'Admissions service manager',
  ADMresponsible: 'Director of Children and Education',
  projectDetailsBranch: 'Children and Education',
  consultedTeams: 'Admissions, Legal Services, Information Governance, the parents’ forum',
  projectDetailsDescription:
    'The allocator applies the published admission criteria (looked-after children, siblings, distance, special educational needs) and parents’ ranked preferences to suggest an offer for each application. The admissions team checks every suggested offer before it is sent, and every appeal is handled without the tool.',
  businessDrivers3:
    'Parents need offers that follow the published rules exactly and arrive on national offer day. Complaints and appeals in the last three rounds showed errors from manual spreadsheet work.',
  businessDrivers4: 'Fewer allocation errors and appeals, offers on time, and the admissions team free to help families with complex cases.',
  businessDrivers7: 'The tool only ranks applications against the published criteria; it has no access to data beyond the application and the school capacity list.',
  businessDrivers10: 'A second manual check was tried in 2025; it doubled the workload and still missed errors in tie-breaks on distance.',
  riskProfile2A: 'Families with children with special educational needs and families new to the area; the criteria are applied as published and each case is checked by a person.',
};

const AIA_TEXT_DEFAULT = 'Recorded in the project file; reviewed with the admissions team and Information Governance.';

/** What the repairs team has written so far in the necessity review (the rest is still to do). */
const NECESSITY_ANSWERS: Answers = {
  problem: 'Tenants’ repair requests arrive by web form and email and are sorted by hand; urgent jobs sometimes wait a day before they reach the right trade.',
  'evidence-of-need': 'In 2025, 14% of urgent repairs were sent to the wrong trade first (repairs log, Q1–Q4); the average time to dispatch was 26 hours.',
  'objective-and-success': 'Every request reaches the right trade within four working hours, and wrong-trade dispatches fall below 5% within six months.',
  'root-cause': 'Requests are free text and photos; the triage team is small and the categories are unclear to tenants. The tool helps with sorting, not with the staffing.',
  'alternatives-why-not': 'A clearer web form with fixed categories was tried in 2024; tenants still chose “other” for four in ten requests.',
};

const necessityText = (q: Question): string => (q.id in NECESSITY_ANSWERS ? String(NECESSITY_ANSWERS[q.id]) : AIA_TEXT_DEFAULT);

async function documentOf(tx: Ctx, organisationId: string, key: string): Promise<TemplateDocument | null> {
  return (await resolveTemplateForUse(tx, { organisationId, key }).catch(() => null))?.document ?? null;
}

/** Seeds the demo's connected assessments and tasks; returns how many assessments it made. */
export async function seedDemoConnectedAssessments(tx: Ctx, organisationId: string, people: { owner: string; governance: string }): Promise<number> {
  const owner = await personOf(tx, organisationId, people.owner);
  const governance = await personOf(tx, organisationId, people.governance);
  if (!owner || !governance) return 0;
  const ownerCtx = as(tx, organisationId, owner);
  const governanceCtx = as(tx, organisationId, governance);
  let made = 0;

  // The Canadian AIA of the school admission allocator, approved at level II.
  const schools = await findSystemRow(tx.db, organisationId, 'school-admission-allocator');
  const aiaDoc = await documentOf(tx, organisationId, 'canada-aia');
  if (schools && aiaDoc) {
    const answers = answersForLevel(aiaDoc, 'II', { text: (q) => AIA_TEXTS[q.id] ?? AIA_TEXT_DEFAULT });
    const started = await startAssessment(ownerCtx, { organisationId, systemRef: schools.id, templateKey: 'canada-aia' });
    const ref = { organisationId, assessmentId: started.id };
    await saveAnswers(ownerCtx, { ...ref, revision: 0, answers });
    await submitAssessment(ownerCtx, { ...ref, note: 'Completed with Legal Services and Information Governance.' });
    await approveAssessment(governanceCtx, { ...ref, note: 'Level II confirmed; the peer review and notice must be in place before the next admissions round.' });
    made++;
  }

  // The repairs classifier's necessity review, a third of the way through.
  const repairs = await findSystemRow(tx.db, organisationId, 'repairs-request-classifier');
  const necessityDoc = await documentOf(tx, organisationId, 'necessity-review');
  if (repairs && necessityDoc) {
    const all = fillAnswers(necessityDoc, { given: NECESSITY_ANSWERS, text: necessityText, choiceAt: 0 });
    const keys = Object.keys(all);
    const draft = Object.fromEntries(keys.slice(0, Math.max(1, Math.ceil(keys.length / 3))).map((k) => [k, all[k] ?? '']));
    const started = await startAssessment(ownerCtx, { organisationId, systemRef: repairs.id, templateKey: 'necessity-review' });
    await saveAnswers(ownerCtx, { organisationId, assessmentId: started.id, revision: 0, answers: draft });
    made++;
  }

  // The readiness gaps (tasks since the approval), picked up by the governance officer and the owner.
  const tasks = await tx.db
    .selectFrom('org_task')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('source', '=', 'assessment')
    .where('status', '=', 'open')
    .orderBy(sql`area`)
    .orderBy('source_key')
    .limit(3)
    .execute();
  const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const [first, second, third] = tasks;
  if (first) await updateTask(governanceCtx, { organisationId, taskId: first.id, ownerId: governance.id, dueDate: inDays(30), status: 'in_progress', reason: 'Draft on the intranet for comments.' });
  if (second) await updateTask(governanceCtx, { organisationId, taskId: second.id, ownerId: owner.id, dueDate: inDays(-7) });
  if (third) await updateTask(governanceCtx, { organisationId, taskId: third.id, dueDate: inDays(90) });
  return made;
}
