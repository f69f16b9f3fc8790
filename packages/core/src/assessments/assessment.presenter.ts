/**
 * How assessments look to the API and the staff app: summaries for lists, the full detail (answers,
 * who answered what, the score, comments, attachments, sign-offs, what the caller may do).
 */
import type { Answers, ScoreResult, TemplateDocument } from '@glassbox/rules/assessment/template';
import type { AssessmentAttachment, AssessmentComment, AssessmentSignoff, AssessmentStatus } from '../db/schema.js';
import type { AnswerMetaMap } from './answers-merge.js';
import type { AssessmentSummaryRow, AssessmentWithRefs } from './assessment.repository.js';

export type AssessmentSystemRef = { id: string; slug: string; name: string };
export type AssessmentProgress = { answerable: number; answered: number };

export type AssessmentSummary = {
  id: string;
  templateKey: string;
  templateTitle: string;
  templateVersion: number;
  templateVersionId: string;
  system: AssessmentSystemRef | null;
  round: number;
  previousId: string | null;
  status: AssessmentStatus;
  level: string | null;
  revision: number;
  progress: AssessmentProgress;
  dueDate: string | null;
  /** Approved, the latest round, and past its due date or flagged after a material change. */
  reassessmentDue: boolean;
  reassessmentDueReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
};

export type AssessmentCommentView = { id: string; questionId: string | null; author: { id: string | null; name: string }; body: string; createdAt: Date };
export type AssessmentAttachmentView = {
  id: string;
  questionId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdBy: { id: string | null; name: string };
  createdAt: Date;
};
export type AssessmentSignoffView = { id: string; decision: 'submit' | 'approve' | 'return'; user: { id: string | null; name: string }; roles: string[]; note: string | null; revision: number; at: Date };

export type AssessmentPermissions = { canEdit: boolean; canSubmit: boolean; canReview: boolean; canComment: boolean };

export type AssessmentDetail = Omit<AssessmentSummary, 'templateTitle'> & {
  organisationId: string;
  templateTitle: string;
  document: TemplateDocument;
  answers: Answers;
  answerMeta: AnswerMetaMap;
  result: ScoreResult;
  comments: AssessmentCommentView[];
  attachments: AssessmentAttachmentView[];
  signoffs: AssessmentSignoffView[];
  contributors: Array<{ id: string; name: string }>;
  submittedBy: { id: string | null; name: string } | null;
  approvedBy: { id: string | null; name: string } | null;
  permissions: AssessmentPermissions;
};

const todayUtc = (): string => new Date().toISOString().slice(0, 10);

const EMPTY_PROGRESS: AssessmentProgress = { answerable: 0, answered: 0 };

function progressOf(value: unknown): AssessmentProgress {
  if (value && typeof value === 'object' && 'answerable' in value && 'answered' in value) {
    const p = value as { answerable: unknown; answered: unknown };
    return { answerable: Number(p.answerable) || 0, answered: Number(p.answered) || 0 };
  }
  return EMPTY_PROGRESS;
}

const systemRef = (row: { system_id: string | null; system_slug: string | null; system_name: string | null }): AssessmentSystemRef | null =>
  row.system_id && row.system_slug && row.system_name ? { id: row.system_id, slug: row.system_slug, name: row.system_name } : null;

function isDue(row: { status: AssessmentStatus; due_date: string | null; reassessment_due_reason: string | null }, hasNext: boolean, today: string): boolean {
  if (row.status !== 'approved' || hasNext) return false;
  return row.reassessment_due_reason !== null || (row.due_date !== null && row.due_date <= today);
}

export function presentSummary(row: AssessmentSummaryRow, today = todayUtc()): AssessmentSummary {
  return {
    id: row.id,
    templateKey: row.template_key,
    templateTitle: row.template_title ?? row.template_key,
    templateVersion: row.template_version,
    templateVersionId: row.template_version_id,
    system: systemRef(row),
    round: row.round,
    previousId: row.previous_id,
    status: row.status,
    level: row.level,
    revision: row.revision,
    progress: progressOf(row.progress),
    dueDate: row.due_date,
    reassessmentDue: isDue(row, row.has_next_round, today),
    reassessmentDueReason: row.reassessment_due_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    approvedAt: row.approved_at,
  };
}

export const presentComment = (c: AssessmentComment): AssessmentCommentView => ({ id: c.id, questionId: c.question_id, author: { id: c.author_id, name: c.author_label }, body: c.body, createdAt: c.created_at });

export const presentAttachment = (a: AssessmentAttachment): AssessmentAttachmentView => ({
  id: a.id,
  questionId: a.question_id,
  fileName: a.file_name,
  contentType: a.content_type,
  sizeBytes: Number(a.size_bytes),
  sha256: a.sha256,
  createdBy: { id: a.created_by, name: a.created_by_label },
  createdAt: a.created_at,
});

export const presentSignoff = (s: AssessmentSignoff): AssessmentSignoffView => ({ id: s.id, decision: s.decision, user: { id: s.user_id, name: s.name }, roles: s.roles, note: s.note, revision: s.revision, at: s.created_at });

export function presentDetail(
  row: AssessmentWithRefs,
  parts: {
    document: TemplateDocument;
    answers: Answers;
    meta: AnswerMetaMap;
    contributors: Array<{ id: string; name: string }>;
    result: ScoreResult;
    comments: AssessmentComment[];
    attachments: AssessmentAttachment[];
    signoffs: AssessmentSignoff[];
    permissions: AssessmentPermissions;
  },
  today = todayUtc(),
): AssessmentDetail {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    templateKey: row.template_key,
    templateTitle: parts.document.title.en,
    templateVersion: row.template_version,
    templateVersionId: row.template_version_id,
    system: systemRef(row),
    round: row.round,
    previousId: row.previous_id,
    status: row.status,
    level: row.level,
    revision: row.revision,
    progress: parts.result.progress,
    dueDate: row.due_date,
    reassessmentDue: isDue(row, row.has_next_round, today),
    reassessmentDueReason: row.reassessment_due_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    approvedAt: row.approved_at,
    document: parts.document,
    answers: parts.answers,
    answerMeta: parts.meta,
    result: parts.result,
    comments: parts.comments.map(presentComment),
    attachments: parts.attachments.map(presentAttachment),
    signoffs: parts.signoffs.map(presentSignoff),
    contributors: parts.contributors,
    submittedBy: row.submitted_at ? { id: row.submitted_by, name: row.submitted_by_label ?? 'Unknown' } : null,
    approvedBy: row.approved_at ? { id: row.approved_by, name: row.approved_by_label ?? 'Unknown' } : null,
    permissions: parts.permissions,
  };
}
