/**
 * Assessments (issue #4 point 5): start one on a template's latest published version, read it,
 * list them, and fill it in together with autosaved answers merged per question.
 *
 * Statuses: draft → submitted → approved (locked) | returned. A returned assessment stays
 * `returned`, and editable, until it is submitted again, so everyone can see it came back with
 * comments. Submission, review and reassessment are in assessment-workflow.service.ts.
 */
import { randomUUID } from 'node:crypto';
import { checkAnswers, scoreAssessment } from '@glassbox/rules';
import type { AnswerValue, Answers, ScoreResult, TemplateDocument } from '@glassbox/rules';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import type { AiSystem, AssessmentStatus } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { findSystemRow } from '../inventory/inventory.repository.js';
import { checkReadable, findReadableSystem, subject } from '../inventory/system-loader.js';
import { resolveTemplateForUse } from './templates/template.service.js';
import { listNeededAssessments } from './connections/needed-assessments.service.js';
import { mergeAnswers, type AnswerMetaMap, type AnswerPatch } from './answers-merge.js';
import { actorKey, actorName, loadAssessment, mustBeOpen, mustEdit, personId, questionsOf, withContributor, type LoadedAssessment } from './assessment-loader.js';
import { presentDetail, presentSummary, type AssessmentDetail, type AssessmentSummary } from './assessment.presenter.js';
import { findLatestRound, listAssessmentRows, listAttachments, listComments, listSignoffs, listSystemAssessmentRows } from './assessment.repository.js';
import { canCommentOnAssessment, canEditAssessment, canReadAssessment, canReviewAssessment, type AssessmentSubject } from './policy.js';

/** The inventory and screening connections import it from here. */
export { markReassessmentDue } from './reassessment-due.js';

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;

/** Reads the stored result, or scores afresh when there is none. */
const resultOf = (loaded: LoadedAssessment): ScoreResult => loaded.result ?? scoreAssessment(loaded.document, loaded.answers);

/** The full assessment as the API shows it, with what the caller may do with it. */
export async function getAssessment(ctx: Ctx, input: { organisationId: string; assessmentId: string }): Promise<AssessmentDetail> {
  const loaded = await loadAssessment(ctx, input);
  const ref = { organisationId: input.organisationId, assessmentId: loaded.row.id };
  const [comments, attachments, signoffs] = [await listComments(ctx.db, ref), await listAttachments(ctx.db, ref), await listSignoffs(ctx.db, ref)];
  const { row } = loaded;
  const open = (row.status === 'draft' || row.status === 'returned') && !row.system_archived_at;
  const canEdit = open && canEditAssessment(ctx.actor, loaded.subject);
  return presentDetail(row, {
    document: loaded.document,
    answers: loaded.answers,
    meta: loaded.meta,
    contributors: loaded.contributors,
    result: resultOf(loaded),
    comments,
    attachments,
    signoffs,
    permissions: {
      canEdit,
      canSubmit: canEdit,
      canReview: row.status === 'submitted' && canReviewAssessment(ctx.actor, loaded.subject),
      canComment: row.status !== 'approved' && canCommentOnAssessment(ctx.actor, loaded.subject),
    },
  });
}

export type StartAssessmentInput = {
  organisationId: string;
  /** The system's id or slug; null for an organisation-level template (readiness). */
  systemRef: string | null;
  templateKey: string;
};

function wrongSubject(document: TemplateDocument, wanted: 'system' | 'organisation'): AppError {
  const message =
    wanted === 'system'
      ? `“${document.title.en}” is about the organisation, not one AI system: start it from the organisation’s assessments.`
      : `“${document.title.en}” is about one AI system: start it from that system.`;
  return new AppError('bad_request', 'assessment.wrong_subject', message, { fields: { templateKey: message } });
}

/**
 * Starts the first round of an assessment on the latest published version of the template (the
 * organisation's own with that key, else the built-in). 409 when one is already open, or when an
 * approved one exists (then the next round is a reassessment, which starts pre-filled).
 */
export async function startAssessment(ctx: Ctx, input: StartAssessmentInput): Promise<AssessmentDetail> {
  const id = await inTransaction(ctx, async (tx) => {
    let system: AiSystem | null = null;
    if (input.systemRef !== null) {
      // Locked, so two people starting the same assessment at once get one assessment and one 409.
      system = checkReadable(tx, await findSystemRow(tx.db, input.organisationId, input.systemRef, { forUpdate: true }));
    }
    const who: AssessmentSubject = { organisationId: input.organisationId, system: system ? subject(system) : null, submittedBy: null };
    if (!canEditAssessment(tx.actor, who)) {
      throw new AppError(
        'forbidden',
        'assessment.forbidden',
        system ? 'Only the owner of this system, a governance officer or an administrator can start its assessments.' : 'Only a governance officer or an administrator can start the organisation’s own assessments.',
      );
    }
    if (system?.archived_at) throw new AppError('conflict', 'system.archived', `“${system.name}” is archived; restore it before starting an assessment.`);
    const template = await resolveTemplateForUse(tx, { organisationId: input.organisationId, key: input.templateKey });
    if (system && template.document.subject !== 'system') throw wrongSubject(template.document, 'system');
    if (!system && template.document.subject !== 'organisation') throw wrongSubject(template.document, 'organisation');

    const latest = await findLatestRound(tx.db, { organisationId: input.organisationId, systemId: system?.id ?? null, templateKey: template.key });
    if (latest && latest.status !== 'approved') {
      throw new AppError('conflict', 'assessment.open_exists', `There is already an open “${template.document.title.en}” assessment (round ${latest.round}, ${latest.status}); continue that one.`, {
        assessmentId: latest.id,
        status: latest.status,
        round: latest.round,
      });
    }
    if (latest) {
      throw new AppError('conflict', 'assessment.use_reassess', `“${template.document.title.en}” was approved before (round ${latest.round}); start a reassessment of it, which starts from its answers.`, {
        assessmentId: latest.id,
        status: latest.status,
        round: latest.round,
      });
    }

    const result = scoreAssessment(template.document, {});
    const now = new Date();
    const row = await tx.db
      .insertInto('assessment')
      .values({
        id: randomUUID(),
        organisation_id: input.organisationId,
        system_id: system?.id ?? null,
        template_version_id: template.versionId,
        template_key: template.key,
        round: 1,
        previous_id: null,
        status: 'draft',
        answers: '{}',
        answer_meta: '{}',
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
      organisationId: input.organisationId,
      action: 'assessment.started',
      entityType: 'assessment',
      entityId: row.id,
      after: { systemId: system?.id ?? null, templateKey: template.key, templateVersion: template.version, templateVersionId: template.versionId, round: 1 },
    });
    return row.id;
  });
  return getAssessment(ctx, { organisationId: input.organisationId, assessmentId: id });
}

export type AssessmentListInput = {
  organisationId: string;
  status?: AssessmentStatus | undefined;
  templateKey?: string | undefined;
  /** A system's id or slug. */
  systemRef?: string | undefined;
  subject?: 'system' | 'organisation' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

/** The organisation's assessments, most recently changed first: one statement whatever their number. */
export async function listAssessments(ctx: Ctx, input: AssessmentListInput): Promise<{ items: AssessmentSummary[]; total: number }> {
  if (!canReadAssessment(ctx.actor, { organisationId: input.organisationId, system: null, submittedBy: null })) {
    throw new AppError('forbidden', 'auth.token_system_scope', 'This token is limited to one AI system; list that system’s assessments instead.');
  }
  let systemId: string | undefined;
  if (input.systemRef) {
    const system = await findSystemRow(ctx.db, input.organisationId, input.systemRef);
    if (!system) throw new AppError('bad_request', 'assessment.unknown_system', 'There is no such AI system.', { fields: { systemId: 'No such AI system in this organisation.' } });
    systemId = system.id;
  }
  const { rows, total } = await listAssessmentRows(ctx.db, {
    organisationId: input.organisationId,
    status: input.status,
    templateKey: input.templateKey,
    systemId,
    subject: input.subject,
    limit: input.limit ?? 50,
    offset: input.offset ?? 0,
  });
  return { items: rows.map((r) => presentSummary(r)), total };
}

export type NeededAssessmentView = { templateKey: string; title: string; reasons: string[]; obligationKeys: string[]; latest: AssessmentSummary | null };

/** A system's assessments: which it needs (with the latest round of each) and every one it has. */
export async function listSystemAssessments(ctx: Ctx, input: { organisationId: string; ref: string }): Promise<{ needed: NeededAssessmentView[]; items: AssessmentSummary[] }> {
  const system = await findReadableSystem(ctx, input.organisationId, input.ref);
  const rows = await listSystemAssessmentRows(ctx.db, { organisationId: input.organisationId, systemId: system.id });
  const items = rows.map((r) => presentSummary(r));
  const latestByKey = new Map<string, AssessmentSummary>();
  for (const item of items) {
    const known = latestByKey.get(item.templateKey);
    if (!known || item.round > known.round) latestByKey.set(item.templateKey, item);
  }
  const needed = await listNeededAssessments(ctx, { organisationId: input.organisationId, systemId: system.id });
  return {
    needed: needed.map((n) => ({ templateKey: n.templateKey, title: n.title, reasons: n.reasons, obligationKeys: n.obligationKeys, latest: latestByKey.get(n.templateKey) ?? null })),
    items,
  };
}

export type SaveAnswersInput = {
  organisationId: string;
  assessmentId: string;
  /** The revision the client's copy was at. */
  revision: number;
  /** Only the questions that changed; null clears an answer. */
  answers: AnswerPatch;
};

export type SavedAnswers = { revision: number; status: AssessmentStatus; answers: Answers; answerMeta: AnswerMetaMap; result: ScoreResult; changed: string[] };

/** Checks a patch against the template: known, answerable questions, acceptable values, attachments of this assessment. */
async function checkPatch(tx: Ctx, loaded: LoadedAssessment, patch: AnswerPatch): Promise<void> {
  const fields: Record<string, string> = {};
  const questions = questionsOf(loaded.document);
  const values: Answers = {};
  const fileIds: string[] = [];
  for (const [questionId, value] of Object.entries(patch)) {
    const q = questions.get(questionId);
    if (!q) {
      fields[questionId] = 'No such question in this template.';
      continue;
    }
    if (value === null) continue;
    values[questionId] = value;
    if (q.type === 'file' && Array.isArray(value)) fileIds.push(...value);
  }
  for (const problem of checkAnswers(loaded.document, values)) fields[problem.questionId] ??= problem.message;
  if (fileIds.length > 0) {
    const known = new Set((await listAttachments(tx.db, { organisationId: loaded.row.organisation_id, assessmentId: loaded.row.id })).map((a) => a.id));
    for (const [questionId, value] of Object.entries(values)) {
      if (questions.get(questionId)?.type !== 'file' || !Array.isArray(value)) continue;
      if (value.some((v) => !known.has(v))) fields[questionId] ??= 'Give the ids of files attached to this assessment.';
    }
  }
  if (Object.keys(fields).length > 0) throw new AppError('bad_request', 'assessment.invalid_answers', 'Some answers are not valid.', { fields });
}

/**
 * Autosave: merges the changed answers into the assessment, per question. 409 `assessment.conflict`
 * when a question in the patch was changed by someone else after the client's revision (nothing is
 * saved; details say which questions and what they hold now); 409 `assessment.locked` once approved.
 */
export async function saveAnswers(ctx: Ctx, input: SaveAnswersInput): Promise<SavedAnswers> {
  return inTransaction(ctx, async (tx) => {
    const loaded = await loadAssessment(tx, input, { forUpdate: true });
    mustEdit(tx, loaded);
    mustBeOpen(loaded);
    const { row } = loaded;
    if (input.revision > row.revision) {
      throw new AppError('bad_request', 'assessment.bad_revision', `This assessment is at revision ${row.revision}; reload it.`, { fields: { revision: `At most ${row.revision}.` } });
    }
    await checkPatch(tx, loaded, input.answers);
    const merged = mergeAnswers({
      answers: loaded.answers,
      meta: loaded.meta,
      revision: row.revision,
      patch: input.answers,
      clientRevision: input.revision,
      by: { id: actorKey(tx.actor), name: actorName(tx.actor) },
      at: new Date(),
    });
    if (merged.kind === 'conflict') {
      const current: Record<string, { value: AnswerValue | null; by: string | null; byName: string | null; at: string | null; revision: number | null }> = {};
      for (const q of merged.questions) {
        const m = loaded.meta[q];
        current[q] = { value: loaded.answers[q] ?? null, by: m?.by ?? null, byName: m?.byName ?? null, at: m?.at ?? null, revision: m?.revision ?? null };
      }
      throw new AppError('conflict', 'assessment.conflict', `Someone else changed ${merged.questions.length === 1 ? 'this answer' : 'these answers'} meanwhile: ${merged.questions.join(', ')}. Choose which to keep and save again.`, {
        questions: merged.questions,
        current,
        revision: row.revision,
      });
    }
    if (merged.changed.length === 0) {
      return { revision: row.revision, status: row.status, answers: loaded.answers, answerMeta: loaded.meta, result: resultOf(loaded), changed: [] };
    }
    const result = scoreAssessment(loaded.document, merged.answers);
    await tx.db
      .updateTable('assessment')
      .set({
        answers: JSON.stringify(merged.answers),
        answer_meta: JSON.stringify(merged.meta),
        contributors: JSON.stringify(withContributor(loaded.contributors, { id: actorKey(tx.actor), name: actorName(tx.actor) })),
        result: JSON.stringify(result),
        level: result.level,
        revision: merged.revision,
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .where('organisation_id', '=', row.organisation_id)
      .execute();
    await recordAudit(tx, {
      organisationId: row.organisation_id,
      action: 'assessment.answers_saved',
      entityType: 'assessment',
      entityId: row.id,
      after: { questions: merged.changed, revision: merged.revision, systemId: row.system_id, templateKey: row.template_key },
    });
    return { revision: merged.revision, status: row.status, answers: merged.answers, answerMeta: merged.meta, result, changed: merged.changed };
  });
}
