/**
 * Comments on an assessment, about one question or the whole of it (issue #4 point 5). Whoever may
 * fill in or review the assessment may comment while it is not approved; authors may delete their
 * own comments while it is not approved. Returning an assessment adds the reviewer's comment too.
 */
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, notFound } from '../errors.js';
import { actorName, loadAssessment, personId, questionsOf } from './assessment-loader.js';
import { presentComment, type AssessmentCommentView } from './assessment.presenter.js';
import { canCommentOnAssessment } from './policy.js';

export const COMMENT_MAX = 5000;

type Ref = { organisationId: string; assessmentId: string };

export async function addAssessmentComment(ctx: Ctx, input: Ref & { questionId?: string | null | undefined; body: string }): Promise<AssessmentCommentView> {
  const body = input.body.trim();
  if (body.length < 1 || body.length > COMMENT_MAX) {
    throw new AppError('bad_request', 'assessment.invalid', 'The comment is empty or too long.', { fields: { body: `Give 1 to ${COMMENT_MAX} characters.` } });
  }
  return inTransaction(ctx, async (tx) => {
    const loaded = await loadAssessment(tx, input);
    if (!canCommentOnAssessment(tx.actor, loaded.subject)) {
      throw new AppError('forbidden', 'assessment.forbidden', 'Only the people who fill in or review this assessment can comment on it.');
    }
    if (loaded.row.status === 'approved') throw new AppError('conflict', 'assessment.locked', 'This assessment is approved and locked.');
    const questionId = input.questionId ?? null;
    if (questionId !== null && !questionsOf(loaded.document).has(questionId)) {
      throw new AppError('bad_request', 'assessment.invalid', 'There is no such question in this assessment.', { fields: { questionId: 'No such question in this template.' } });
    }
    const row = await tx.db
      .insertInto('assessment_comment')
      .values({ id: randomUUID(), organisation_id: loaded.row.organisation_id, assessment_id: loaded.row.id, question_id: questionId, author_id: personId(tx.actor), author_label: actorName(tx.actor), body, created_at: new Date() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      organisationId: loaded.row.organisation_id,
      action: 'assessment.comment_added',
      entityType: 'assessment_comment',
      entityId: row.id,
      after: { assessmentId: loaded.row.id, questionId, systemId: loaded.row.system_id },
    });
    return presentComment(row);
  });
}

export async function deleteAssessmentComment(ctx: Ctx, input: Ref & { commentId: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const loaded = await loadAssessment(tx, input, { forUpdate: true });
    const comment = await tx.db
      .selectFrom('assessment_comment')
      .selectAll()
      .where('organisation_id', '=', input.organisationId)
      .where('assessment_id', '=', loaded.row.id)
      .where('id', '=', input.commentId)
      .executeTakeFirst();
    if (!comment) throw notFound('comment');
    if (tx.actor.kind !== 'system' && (comment.author_id === null || comment.author_id !== personId(tx.actor))) {
      throw new AppError('forbidden', 'assessment.comment_not_yours', 'Only the author of a comment can delete it.');
    }
    if (loaded.row.status === 'approved') throw new AppError('conflict', 'assessment.locked', 'This assessment is approved and locked; its comments stay.');
    await tx.db.deleteFrom('assessment_comment').where('id', '=', comment.id).where('organisation_id', '=', input.organisationId).execute();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'assessment.comment_deleted',
      entityType: 'assessment_comment',
      entityId: comment.id,
      before: { assessmentId: loaded.row.id, questionId: comment.question_id, body: comment.body },
    });
  });
}
