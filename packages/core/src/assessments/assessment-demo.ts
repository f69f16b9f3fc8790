/**
 * Demo assessments for the City of Riverton (issue #4 point 9): an approved fundamental rights
 * impact assessment, one in progress, a workforce impact assessment returned with a comment, and
 * the council's own readiness assessment, approved (its gaps become organisation tasks). Filled in
 * by the demo people (the system owner, the governance officer, the administrator), so sign-offs,
 * contributors and the audit trail read as they would in real use.
 *
 * Answers are generated from each template: every visible question in order, choices picked in a
 * stable pattern from the question ids (so scores and gaps vary), texts from a small set of plausible sentences.
 */
import { sql } from 'kysely';
import { checkAnswers, scoreAssessment, visibleQuestions } from '@glassbox/rules';
import type { Answers, Question, TemplateDocument } from '@glassbox/rules';
import type { Ctx } from '../context.js';
import { findSystemRow } from '../inventory/inventory.repository.js';
import type { Role } from '../roles.js';
import { saveAnswers, startAssessment } from './assessment.service.js';
import { approveAssessment, returnAssessment, submitAssessment } from './assessment-workflow.service.js';
import { resolveTemplateForUse } from './templates/template.service.js';

const TEXTS = [
  'The project team went through this with the service manager and the data protection officer; the notes are in the project file.',
  'Caseworkers review every recommendation before a decision is made, and residents can ask for a review by a person.',
  'Residents who receive benefits, applicants for school places and their families; about 12,000 people a year.',
  'Monthly sample checks by the quality team, with results reported to the governance board each quarter.',
  'A complaint goes to the customer contact centre first and then to the independent reviewer if it is not resolved.',
];

/** Answers to every question the template asks, given the answers so far (conditions are re-read after each answer). */
export function demoAnswers(document: TemplateDocument, seed: number, take = Number.POSITIVE_INFINITY): Answers {
  const answers: Answers = {};
  let i = seed;
  let given = 0;
  for (let pass = 0; pass < 5; pass++) {
    for (const q of visibleQuestions(document, answers)) {
      if (given >= take) return answers;
      if (q.id in answers) continue;
      const value = demoValue(q, i++);
      if (value === undefined) continue;
      answers[q.id] = value;
      given++;
    }
  }
  return answers;
}

/** A small stable number from a question id, so picks vary between questions and sections. */
const hash = (text: string): number => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7);

function demoValue(q: Question, i: number): Answers[string] | undefined {
  const choices = q.choices ?? (q.type === 'yes_no' ? [{ value: 'yes' }, { value: 'no' }] : []);
  switch (q.type) {
    case 'single_choice':
    case 'yes_no':
      return choices.length > 0 ? choices[(hash(q.id) + i) % choices.length]?.value : undefined;
    case 'multiple_choice':
      return choices.length > 0 ? [choices[i % choices.length]?.value ?? ''].filter((v) => v !== '') : undefined;
    case 'number':
      return Math.min(q.max ?? 100, Math.max(q.min ?? 0, 12));
    case 'date':
      return '2026-09-01';
    case 'short_text':
      return (TEXTS[i % TEXTS.length] ?? '').slice(0, Math.min(q.maxLength ?? 120, 120));
    case 'long_text':
      return (TEXTS[i % TEXTS.length] ?? '').slice(0, q.maxLength ?? 20_000);
    default:
      return undefined;
  }
}

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

type Plan = { slug: string | null; templateKey: string; outcome: 'approved' | 'draft' | 'returned'; seed: number };

const PLANS: Plan[] = [
  { slug: 'benefits-eligibility-assistant', templateKey: 'fria', outcome: 'approved', seed: 0 },
  { slug: 'school-admission-allocator', templateKey: 'fria', outcome: 'draft', seed: 3 },
  { slug: 'recruitment-cv-screening', templateKey: 'workforce-impact', outcome: 'returned', seed: 1 },
  { slug: null, templateKey: 'readiness', outcome: 'approved', seed: 2 },
];

/**
 * Seeds the demo assessments in the seed's transaction. `people`: the demo system owner and
 * governance officer; the administrator (any member holding `admin`) submits the readiness
 * assessment so that the governance officer can approve it (four-eyes). Plans whose system or
 * template is missing are left out.
 */
export async function seedDemoAssessments(tx: Ctx, organisationId: string, people: { owner: string; governance: string }): Promise<number> {
  const owner = await personOf(tx, organisationId, people.owner);
  const governance = await personOf(tx, organisationId, people.governance);
  const adminRow = await tx.db.selectFrom('membership').select('user_id').where('organisation_id', '=', organisationId).where(sql<boolean>`'admin' = any(roles)`).executeTakeFirst();
  const admin = adminRow ? await personOf(tx, organisationId, adminRow.user_id) : null;
  if (!owner || !governance || !admin) return 0;
  let made = 0;
  for (const plan of PLANS) {
    const system = plan.slug ? await findSystemRow(tx.db, organisationId, plan.slug) : null;
    if (plan.slug && !system) continue;
    const template = await resolveTemplateForUse(tx, { organisationId, key: plan.templateKey }).catch(() => null);
    if (!template) continue;
    const author = system ? owner : admin;
    const authorCtx = as(tx, organisationId, author);
    const started = await startAssessment(authorCtx, { organisationId, systemRef: system?.id ?? null, templateKey: plan.templateKey });
    const ref = { organisationId, assessmentId: started.id };
    const all = demoAnswers(template.document, plan.seed);
    const keys = Object.keys(all);
    // The author answers the first half, the governance officer adds the rest (two contributors).
    const half = Math.ceil(keys.length / 2);
    const first = Object.fromEntries(keys.slice(0, half).map((k) => [k, all[k] ?? '']));
    const rest = Object.fromEntries(keys.slice(half).map((k) => [k, all[k] ?? '']));
    // Only a complete, valid set of answers goes to review; otherwise the plan stays a draft.
    const complete = scoreAssessment(template.document, all).missingRequired.length === 0 && checkAnswers(template.document, all).length === 0;
    if (plan.outcome === 'draft' || !complete) {
      await saveAnswers(authorCtx, { ...ref, revision: 0, answers: first });
    } else {
      const saved = await saveAnswers(authorCtx, { ...ref, revision: 0, answers: first });
      await saveAnswers(as(tx, organisationId, governance), { ...ref, revision: saved.revision, answers: rest });
      await submitAssessment(authorCtx, { ...ref, note: 'Ready for review.' });
      if (plan.outcome === 'approved') await approveAssessment(as(tx, organisationId, governance), { ...ref, note: 'Reviewed with the service manager; proportionate.' });
      else await returnAssessment(as(tx, organisationId, governance), { ...ref, comment: 'Please say which unions were consulted and what they said, and how the hours saved will be used.' });
    }
    made++;
  }
  return made;
}
