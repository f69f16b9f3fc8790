/**
 * Reading an assessment out (issue #4 point 7): the data every report format is rendered from, the
 * Canadian AIA in the official tool's saved-file shape, and the difference between two rounds.
 * Everyone who may read the assessment may read these.
 */
import { diffAssessments, scoreAssessment, toAiaSavedFile } from '@glassbox/rules';
import type { AnswerValue, ScoreResult } from '@glassbox/rules';
import type { Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { loadAssessment, questionsOf } from './assessment-loader.js';
import { listAttachments, listComments, listSignoffs } from './assessment.repository.js';
import type { AssessmentReportData } from './report/report-data.js';
import { renderAssessmentHtml } from './report/report-html.js';
import { renderAssessmentJson } from './report/report-json.js';
import { renderAssessmentPdf } from './report/report-pdf.js';

type Ref = { organisationId: string; assessmentId: string };

const DECISIONS = { submit: 'submitted', approve: 'approved', return: 'returned' } as const;

/** Everything a report shows, gathered once: five statements. */
export async function loadAssessmentReportData(ctx: Ctx, input: Ref & { locale: string }): Promise<AssessmentReportData> {
  const loaded = await loadAssessment(ctx, input);
  const { row } = loaded;
  const organisation = await ctx.db.selectFrom('organisation').select(['name', 'slug']).where('id', '=', input.organisationId).executeTakeFirst();
  if (!organisation) throw notFound('organisation');
  const ref = { organisationId: input.organisationId, assessmentId: row.id };
  const [signoffs, comments, attachments] = [await listSignoffs(ctx.db, ref), await listComments(ctx.db, ref), await listAttachments(ctx.db, ref)];
  const result: ScoreResult = loaded.result ?? scoreAssessment(loaded.document, loaded.answers);
  return {
    organisation,
    system: row.system_id && row.system_name && row.system_slug ? { name: row.system_name, slug: row.system_slug } : null,
    assessment: { id: row.id, round: row.round, status: row.status, startedAt: row.created_at, submittedAt: row.submitted_at, approvedAt: row.approved_at, dueDate: row.due_date },
    template: { versionId: row.template_version_id, version: row.template_version, document: loaded.document },
    answers: loaded.answers,
    result,
    signoffs: signoffs.map((s) => ({ name: s.name, role: s.roles.length > 0 ? s.roles.join(', ') : 'API token or operator', decision: DECISIONS[s.decision], at: s.created_at, note: s.note })),
    comments: comments.map((c) => ({ questionId: c.question_id, author: c.author_label, body: c.body, at: c.created_at })),
    attachments: attachments.map((a) => ({ questionId: a.question_id, name: a.file_name, size: Number(a.size_bytes) })),
    locale: input.locale,
  };
}

/** A file name for downloads: `<template>-<system or organisation>-round-<n>`. */
export function reportFileStem(data: AssessmentReportData): string {
  const what = data.system?.slug ?? data.organisation.slug;
  return `${data.template.document.key}-${what}-round-${data.assessment.round}`.replace(/[^a-z0-9-]/gi, '-').slice(0, 150);
}

export type ReportFormat = 'html' | 'pdf' | 'json';
export type RenderedReport = { contentType: string; fileName: string; body: string | Buffer };

/** An assessment's report in one format (HTML to print, PDF, JSON), in the language asked for (texts fall back to English). */
export async function renderAssessmentReport(ctx: Ctx, input: Ref & { locale: string; format: ReportFormat }): Promise<RenderedReport> {
  const data = await loadAssessmentReportData(ctx, input);
  const stem = reportFileStem(data);
  if (input.format === 'html') return { contentType: 'text/html; charset=utf-8', fileName: `${stem}.html`, body: renderAssessmentHtml(data) };
  if (input.format === 'pdf') return { contentType: 'application/pdf', fileName: `${stem}.pdf`, body: await renderAssessmentPdf(data) };
  return { contentType: 'application/json; charset=utf-8', fileName: `${stem}.json`, body: JSON.stringify(renderAssessmentJson(data), null, 2) };
}

/** The Canadian AIA's answers as the official tool saves them, so they can be opened there. 404 for other templates. */
export async function getAiaSavedFile(ctx: Ctx, input: Ref): Promise<{ fileName: string; body: unknown }> {
  const loaded = await loadAssessment(ctx, input);
  if (loaded.row.template_key !== 'canada-aia') {
    throw new AppError('not_found', 'assessment.not_aia', 'Only the Canadian Algorithmic Impact Assessment has the official tool’s saved-file form.');
  }
  const body = toAiaSavedFile(loaded.answers, { document: loaded.document });
  return { fileName: `canada-aia-${loaded.row.system_slug ?? 'organisation'}-round-${loaded.row.round}.json`, body };
}

export type AssessmentAnswerChange = { questionId: string; title: string; before: AnswerValue | null; after: AnswerValue | null };
export type AssessmentScoreSide = { assessmentId: string; round: number; scores: Record<string, number>; current: number; level: string | null };
export type AssessmentDiff = { before: { id: string; round: number }; after: { id: string; round: number }; answers: AssessmentAnswerChange[]; scores: { before: AssessmentScoreSide; after: AssessmentScoreSide } };

/**
 * How an assessment differs from another round of the same template for the same subject (by
 * default the round before it): the answers that changed and the scores on each side.
 */
export async function diffAssessmentRounds(ctx: Ctx, input: Ref & { against?: string | undefined }): Promise<AssessmentDiff> {
  const after = await loadAssessment(ctx, input);
  const againstId = input.against ?? after.row.previous_id;
  if (!againstId) throw new AppError('not_found', 'assessment.no_previous_round', 'This is the first round; there is nothing to compare it with.');
  const before = await loadAssessment(ctx, { organisationId: input.organisationId, assessmentId: againstId }).catch((err: unknown) => {
    if (err instanceof AppError && err.kind === 'not_found') {
      throw new AppError('bad_request', 'assessment.invalid', 'There is no such assessment to compare with.', { fields: { against: 'No such assessment in this organisation.' } });
    }
    throw err;
  });
  if (before.row.template_key !== after.row.template_key || before.row.system_id !== after.row.system_id) {
    throw new AppError('bad_request', 'assessment.invalid', 'Compare rounds of the same assessment only.', { fields: { against: 'Another template or subject.' } });
  }
  const diff = diffAssessments(after.document, before.answers, after.answers);
  const titles = new Map([...questionsOf(before.document), ...questionsOf(after.document)].map(([id, q]) => [id, q.title.en]));
  const side = (l: typeof after, r: ScoreResult): AssessmentScoreSide => ({ assessmentId: l.row.id, round: l.row.round, scores: r.scores, current: r.current, level: r.level });
  return {
    before: { id: before.row.id, round: before.row.round },
    after: { id: after.row.id, round: after.row.round },
    answers: diff.answers.map((c) => ({ questionId: c.questionId, title: titles.get(c.questionId) ?? c.questionId, before: c.before ?? null, after: c.after ?? null })),
    // Both sides scored with the later round's template version, so the numbers compare like with like.
    scores: { before: side(before, diff.results.before), after: side(after, diff.results.after) },
  };
}
