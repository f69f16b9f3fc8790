/**
 * Loading an assessment for a read or a change, with the checks every assessment operation starts
 * with: it exists in the organisation, the caller may read it (a token limited to another system
 * gets 403, anyone else who may not read gets 404), and for changes that it is still open.
 * Internal to the assessment module.
 */
import type { Answers, Question, ScoreResult, TemplateDocument } from '@glassbox/rules/assessment/template';
import type { Actor, Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import type { AnswerMetaMap } from './answers-merge.js';
import { findAssessment, type AssessmentWithRefs } from './assessment.repository.js';
import { canEditAssessment, canReadAssessment, type AssessmentSubject } from './policy.js';

export type LoadedAssessment = {
  row: AssessmentWithRefs;
  subject: AssessmentSubject;
  document: TemplateDocument;
  answers: Answers;
  meta: AnswerMetaMap;
  contributors: Contributor[];
  /** The cached result of the last save (null only for rows written before any save). */
  result: ScoreResult | null;
};

export type Contributor = { id: string; name: string };

/** The contributors with whoever acts now added (at the end) when new, or renamed when known. */
export function withContributor(list: readonly Contributor[], who: Contributor): Contributor[] {
  return list.some((c) => c.id === who.id) ? list.map((c) => (c.id === who.id ? who : c)) : [...list, who];
}

export const subjectOf = (row: AssessmentWithRefs): AssessmentSubject => ({
  organisationId: row.organisation_id,
  system: row.system_id && row.system_owner_id ? { id: row.system_id, organisationId: row.organisation_id, ownerId: row.system_owner_id } : null,
  submittedBy: row.submitted_by,
});

const asObject = <T>(value: unknown): T => (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as T;

/** A person's display name, a token's name, or the operator: how sign-offs, comments and answers are attributed. */
export const actorName = (actor: Actor): string =>
  (actor.kind === 'user' ? actor.displayName : actor.kind === 'token' ? `API token "${actor.tokenName}"` : `Glassbox (${actor.name})`).slice(0, 300);

/** A stable id for whoever acts: the person's or the token's id, or `system:<name>` for the operator. */
export const actorKey = (actor: Actor): string => (actor.kind === 'user' ? actor.userId : actor.kind === 'token' ? actor.tokenId : `system:${actor.name}`);

export const personId = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);

export async function loadAssessment(ctx: Ctx, input: { organisationId: string; assessmentId: string }, opts: { forUpdate?: boolean } = {}): Promise<LoadedAssessment> {
  const row = await findAssessment(ctx.db, input, opts);
  if (!row) throw notFound('assessment');
  const subject = subjectOf(row);
  if (!canReadAssessment(ctx.actor, subject)) {
    if (ctx.actor.kind === 'token' && ctx.actor.organisationId === input.organisationId) {
      throw new AppError('forbidden', 'auth.token_system_scope', 'This token is limited to another AI system.');
    }
    throw notFound('assessment');
  }
  return {
    row,
    subject,
    document: row.document as TemplateDocument,
    answers: asObject<Answers>(row.answers),
    meta: asObject<AnswerMetaMap>(row.answer_meta),
    contributors: Array.isArray(row.contributors) ? (row.contributors as Contributor[]) : [],
    result: row.result && typeof row.result === 'object' ? (row.result as ScoreResult) : null,
  };
}

export function mustEdit(ctx: Ctx, loaded: LoadedAssessment): void {
  if (!canEditAssessment(ctx.actor, loaded.subject)) {
    throw new AppError(
      'forbidden',
      'assessment.forbidden',
      loaded.subject.system
        ? 'Only the owner of this system, a governance officer or an administrator can work on its assessments.'
        : 'Only a governance officer or an administrator can work on the organisation’s own assessments.',
    );
  }
}

/** Answers, attachments and submission need an open assessment (draft or returned) on a system that is not archived. */
export function mustBeOpen(loaded: LoadedAssessment): void {
  const { row } = loaded;
  if (row.status === 'approved') throw new AppError('conflict', 'assessment.locked', 'This assessment is approved and locked; start a reassessment to change it.');
  if (row.status === 'submitted') {
    throw new AppError('conflict', 'assessment.submitted', 'This assessment is waiting for review; a reviewer must return it before it can be changed.');
  }
  if (row.system_archived_at) throw new AppError('conflict', 'system.archived', `“${row.system_name ?? 'The system'}” is archived; restore it before working on its assessments.`);
}

/** Every question id of a template, with its question. */
export function questionsOf(document: TemplateDocument): Map<string, Question> {
  const out = new Map<string, Question>();
  for (const section of document.sections) for (const q of section.questions) out.set(q.id, q);
  return out;
}
