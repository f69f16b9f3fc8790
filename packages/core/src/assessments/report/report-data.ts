/**
 * The data every assessment report is rendered from (issue #4 point 7). The loader (assessment
 * service) gathers it from the database once; the renderers (HTML, PDF, JSON) are pure functions of
 * it, so the three formats always say the same thing and can be tested without a database.
 *
 * Keep this type stable: the loader and the renderers are written by different people.
 */
import type { Answers, ScoreResult, TemplateDocument } from '@glassbox/rules';

export type ReportSignoff = {
  /** Display name of the person who signed. */
  name: string;
  /** The role they signed in, e.g. `governance_officer` (a Role) or a free label. */
  role: string;
  /** e.g. `approved`, `returned`, `submitted`. */
  decision: string;
  at: Date;
  note: string | null;
};

export type ReportComment = {
  /** The question the comment is about; null = about the whole assessment. */
  questionId: string | null;
  author: string;
  body: string;
  at: Date;
};

export type ReportAttachment = {
  questionId: string | null;
  name: string;
  /** Bytes. */
  size: number;
};

export type AssessmentReportData = {
  organisation: { name: string; slug: string };
  /** null for an organisation-level assessment (e.g. readiness). */
  system: { name: string; slug: string } | null;
  assessment: {
    id: string;
    /** 1 for the first assessment, 2 for the first reassessment, … */
    round: number;
    /** e.g. `in_progress`, `submitted`, `returned`, `approved`. */
    status: string;
    startedAt: Date;
    submittedAt: Date | null;
    approvedAt: Date | null;
    /** Reassessment due date (YYYY-MM-DD or a Date), when there is one. */
    dueDate: Date | string | null;
  };
  /** The template version the assessment was started on. */
  template: { versionId: string; version: number; document: TemplateDocument };
  answers: Answers;
  result: ScoreResult;
  signoffs: ReportSignoff[];
  comments: ReportComment[];
  attachments: ReportAttachment[];
  /** BCP 47 language tag for the texts (`en`, `fr`, `es`); texts fall back to English. */
  locale: string;
  /** When the report was produced; defaults to now in the renderers (pass it for reproducible output). */
  generatedAt?: Date;
};
