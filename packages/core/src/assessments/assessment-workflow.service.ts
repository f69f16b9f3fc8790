/**
 * An assessment's way through review (issue #4 point 5): submit (every required visible question
 * answered), approve (locks it, sets the reassessment due date, meets obligations) or return with a
 * comment; reassessment as the next round, pre-filled from the approved one on the template's latest
 * published version; and flagging approved assessments for reassessment when their system changes
 * materially. Each step writes a sign-off (who, their roles then, when) and an audit event.
 *
 * Four-eyes: whoever submitted an assessment cannot approve or return it.
 */
import { randomUUID } from 'node:crypto';
import { checkAnswers, scoreAssessment } from '@glassbox/rules';
import type { Answers, ScoreResult } from '@glassbox/rules';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { onAssessmentApproved } from './connections/approval.js';
import { resolveTemplateForUse } from './templates/template.service.js';
import { addMonths, type AnswerMetaMap } from './answers-merge.js';
import { actorName, loadAssessment, mustBeOpen, mustEdit, personId, questionsOf, type LoadedAssessment } from './assessment-loader.js';
import type { AssessmentDetail } from './assessment.presenter.js';
import { getAssessment } from './assessment.service.js';
import { findLatestRound } from './assessment.repository.js';
import { isAssessmentReviewer, isSubmitter } from './policy.js';

export const RETURN_COMMENT_LIMITS = { min: 3, max: 5000 } as const;
export const SIGNOFF_NOTE_MAX = 5000;

type Ref = { organisationId: string; assessmentId: string };

async function addSignoff(tx: Ctx, loaded: LoadedAssessment, decision: 'submit' | 'approve' | 'return', note: string | null, at: Date): Promise<void> {
  await tx.db
    .insertInto('assessment_signoff')
    .values({
      id: randomUUID(),
      organisation_id: loaded.row.organisation_id,
      assessment_id: loaded.row.id,
      user_id: personId(tx.actor),
      name: actorName(tx.actor),
      roles: tx.actor.kind === 'user' ? [...tx.actor.roles] : [],
      decision,
      note,
      revision: loaded.row.revision,
      created_at: at,
    })
    .execute();
}

function cleanNote(note: string | null | undefined): string | null {
  const t = (note ?? '').trim();
  if (t.length > SIGNOFF_NOTE_MAX) throw new AppError('bad_request', 'assessment.invalid', 'The note is too long.', { fields: { note: `At most ${SIGNOFF_NOTE_MAX} characters.` } });
  return t === '' ? null : t;
}

/** Submits an open assessment for review: 400 naming every required visible question left unanswered. */
export async function submitAssessment(ctx: Ctx, input: Ref & { note?: string | null | undefined }): Promise<AssessmentDetail> {
  const note = cleanNote(input.note);
  await inTransaction(ctx, async (tx) => {
    const loaded = await loadAssessment(tx, input, { forUpdate: true });
    mustEdit(tx, loaded);
    mustBeOpen(loaded);
    const result = scoreAssessment(loaded.document, loaded.answers);
    const fields: Record<string, string> = {};
    for (const p of checkAnswers(loaded.document, loaded.answers)) fields[p.questionId] ??= p.message;
    for (const q of result.missingRequired) fields[q] ??= 'Required.';
    if (Object.keys(fields).length > 0) {
      throw new AppError('bad_request', 'assessment.incomplete', `Answer every required question before submitting (${result.missingRequired.length} left).`, { fields });
    }
    const now = new Date();
    await tx.db
      .updateTable('assessment')
      .set({ status: 'submitted', submitted_at: now, submitted_by: personId(tx.actor), submitted_by_label: actorName(tx.actor), result: JSON.stringify(result), level: result.level, updated_at: now })
      .where('id', '=', loaded.row.id)
      .where('organisation_id', '=', loaded.row.organisation_id)
      .execute();
    await addSignoff(tx, loaded, 'submit', note, now);
    await recordAudit(tx, {
      organisationId: loaded.row.organisation_id,
      action: 'assessment.submitted',
      entityType: 'assessment',
      entityId: loaded.row.id,
      before: { status: loaded.row.status },
      after: { status: 'submitted', revision: loaded.row.revision, level: result.level, systemId: loaded.row.system_id, templateKey: loaded.row.template_key },
    });
  });
  return getAssessment(ctx, input);
}

/** The reviewer checks shared by approve and return. */
function mustReview(tx: Ctx, loaded: LoadedAssessment): void {
  if (!isAssessmentReviewer(tx.actor, loaded.row.organisation_id)) {
    throw new AppError('forbidden', 'assessment.forbidden', 'Only a governance officer or an administrator can approve or return an assessment.');
  }
  if (isSubmitter(tx.actor, loaded.subject)) {
    throw new AppError('forbidden', 'assessment.four_eyes', 'You submitted this assessment, so someone else must review it (four-eyes principle).');
  }
  if (loaded.row.status === 'approved') throw new AppError('conflict', 'assessment.locked', 'This assessment is already approved and locked.');
  if (loaded.row.status !== 'submitted') throw new AppError('conflict', 'assessment.not_submitted', 'Only a submitted assessment can be approved or returned.');
}

/**
 * Approves a submitted assessment: locked from then on, the reassessment due date set from the
 * template (approval date + reassessment.everyMonths), and its consequences applied in the same
 * transaction (obligations met, the AIA level's requirements, readiness gaps as tasks).
 */
export async function approveAssessment(ctx: Ctx, input: Ref & { note?: string | null | undefined }): Promise<AssessmentDetail> {
  const note = cleanNote(input.note);
  await inTransaction(ctx, async (tx) => {
    const loaded = await loadAssessment(tx, input, { forUpdate: true });
    mustReview(tx, loaded);
    const result: ScoreResult = scoreAssessment(loaded.document, loaded.answers);
    const now = new Date();
    const every = loaded.document.reassessment?.everyMonths;
    const dueDate = every ? addMonths(now, every) : null;
    const approved = await tx.db
      .updateTable('assessment')
      .set({
        status: 'approved',
        approved_at: now,
        approved_by: personId(tx.actor),
        approved_by_label: actorName(tx.actor),
        due_date: dueDate,
        result: JSON.stringify(result),
        level: result.level,
        updated_at: now,
      })
      .where('id', '=', loaded.row.id)
      .where('organisation_id', '=', loaded.row.organisation_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await addSignoff(tx, loaded, 'approve', note, now);
    await recordAudit(tx, {
      organisationId: loaded.row.organisation_id,
      action: 'assessment.approved',
      entityType: 'assessment',
      entityId: loaded.row.id,
      before: { status: loaded.row.status },
      after: { status: 'approved', level: result.level, dueDate, revision: loaded.row.revision, systemId: loaded.row.system_id, templateKey: loaded.row.template_key },
    });
    await onAssessmentApproved(tx, approved, result, loaded.document);
  });
  return getAssessment(ctx, input);
}

/** Returns a submitted assessment to its authors with a comment (3 to 5,000 characters); it can then be changed and submitted again. */
export async function returnAssessment(ctx: Ctx, input: Ref & { comment: string }): Promise<AssessmentDetail> {
  const comment = input.comment.trim();
  if (comment.length < RETURN_COMMENT_LIMITS.min || comment.length > RETURN_COMMENT_LIMITS.max) {
    throw new AppError('bad_request', 'assessment.invalid', 'Say what needs to change.', { fields: { comment: `Give ${RETURN_COMMENT_LIMITS.min} to ${RETURN_COMMENT_LIMITS.max} characters.` } });
  }
  await inTransaction(ctx, async (tx) => {
    const loaded = await loadAssessment(tx, input, { forUpdate: true });
    mustReview(tx, loaded);
    const now = new Date();
    await tx.db
      .updateTable('assessment')
      .set({ status: 'returned', updated_at: now })
      .where('id', '=', loaded.row.id)
      .where('organisation_id', '=', loaded.row.organisation_id)
      .execute();
    await addSignoff(tx, loaded, 'return', comment, now);
    const commentId = randomUUID();
    await tx.db
      .insertInto('assessment_comment')
      .values({ id: commentId, organisation_id: loaded.row.organisation_id, assessment_id: loaded.row.id, question_id: null, author_id: personId(tx.actor), author_label: actorName(tx.actor), body: comment, created_at: now })
      .execute();
    await recordAudit(tx, {
      organisationId: loaded.row.organisation_id,
      action: 'assessment.returned',
      entityType: 'assessment',
      entityId: loaded.row.id,
      before: { status: loaded.row.status },
      after: { status: 'returned', commentId, systemId: loaded.row.system_id, templateKey: loaded.row.template_key },
    });
  });
  return getAssessment(ctx, input);
}

export type DroppedAnswer = { questionId: string; title: string; reason: string };

/**
 * Starts the next round from an approved assessment (the latest round): a draft on the template's
 * latest published version, pre-filled with the answers that version still asks and accepts. Answers
 * to questions it no longer has, answers it no longer accepts, and file answers (attachments stay
 * with their round) are dropped and listed.
 */
export async function reassessAssessment(ctx: Ctx, input: Ref): Promise<{ assessment: AssessmentDetail; droppedAnswers: DroppedAnswer[] }> {
  const out = await inTransaction(ctx, async (tx) => {
    const loaded = await loadAssessment(tx, input, { forUpdate: true });
    mustEdit(tx, loaded);
    const { row } = loaded;
    if (row.status !== 'approved') {
      throw new AppError('conflict', 'assessment.not_approved', 'Only an approved assessment can be reassessed; continue this one instead.', { assessmentId: row.id, status: row.status });
    }
    if (row.system_archived_at) throw new AppError('conflict', 'system.archived', `“${row.system_name ?? 'The system'}” is archived; restore it before reassessing it.`);
    const latest = await findLatestRound(tx.db, { organisationId: row.organisation_id, systemId: row.system_id, templateKey: row.template_key });
    if (latest && latest.id !== row.id) {
      throw new AppError('conflict', latest.status === 'approved' ? 'assessment.not_latest' : 'assessment.open_exists', `Round ${latest.round} of this assessment already exists (${latest.status}).`, {
        assessmentId: latest.id,
        status: latest.status,
        round: latest.round,
      });
    }
    const template = await resolveTemplateForUse(tx, { organisationId: row.organisation_id, key: row.template_key });
    const oldQuestions = questionsOf(loaded.document);
    const newQuestions = questionsOf(template.document);
    const dropped: DroppedAnswer[] = [];
    const kept: Answers = {};
    for (const [questionId, value] of Object.entries(loaded.answers)) {
      const title = (newQuestions.get(questionId) ?? oldQuestions.get(questionId))?.title.en ?? questionId;
      const q = newQuestions.get(questionId);
      if (!q || q.type === 'info') dropped.push({ questionId, title, reason: 'The current version of the template no longer asks this question.' });
      else if (q.type === 'file') dropped.push({ questionId, title, reason: 'Files stay with the earlier round; attach them again if they still apply.' });
      else kept[questionId] = value;
    }
    for (const p of checkAnswers(template.document, kept)) {
      if (!(p.questionId in kept)) continue;
      delete kept[p.questionId];
      dropped.push({ questionId: p.questionId, title: newQuestions.get(p.questionId)?.title.en ?? p.questionId, reason: `The current version no longer accepts this answer: ${p.message}.` });
    }
    const meta: AnswerMetaMap = {};
    for (const q of Object.keys(kept)) {
      const m = loaded.meta[q];
      if (m) meta[q] = { ...m, revision: 0 };
    }
    const result = scoreAssessment(template.document, kept);
    const now = new Date();
    const created = await tx.db
      .insertInto('assessment')
      .values({
        id: randomUUID(),
        organisation_id: row.organisation_id,
        system_id: row.system_id,
        template_version_id: template.versionId,
        template_key: row.template_key,
        round: row.round + 1,
        previous_id: row.id,
        status: 'draft',
        answers: JSON.stringify(kept),
        answer_meta: JSON.stringify(meta),
        result: JSON.stringify(result),
        level: result.level,
        revision: 0,
        created_by: personId(tx.actor),
        created_by_label: actorName(tx.actor),
        created_at: now,
        updated_at: now,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      organisationId: row.organisation_id,
      action: 'assessment.reassessed',
      entityType: 'assessment',
      entityId: created.id,
      after: {
        previousId: row.id,
        round: row.round + 1,
        systemId: row.system_id,
        templateKey: row.template_key,
        templateVersion: template.version,
        droppedQuestions: dropped.map((d) => d.questionId),
      },
    });
    return { id: created.id, dropped };
  });
  return { assessment: await getAssessment(ctx, { organisationId: input.organisationId, assessmentId: out.id }), droppedAnswers: out.dropped };
}
