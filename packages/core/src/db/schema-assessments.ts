/**
 * Table types for the assessment engine (issue #4), kept by hand next to the SQL migrations
 * 20261122T1300_assessment_templates.sql and following. Joined into `DB` in schema.ts.
 */
import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export type AssessmentTemplateTable = {
  id: string;
  /** null = built-in, shared by every organisation. */
  organisation_id: string | null;
  key: string;
  title: string;
  subject: 'system' | 'organisation';
  origin: 'builtin' | 'imported' | 'custom';
  archived_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type AssessmentTemplateVersionTable = {
  id: string;
  template_id: string;
  version: number;
  status: 'draft' | 'published';
  /** A TemplateDocument (@glassbox/rules). */
  document: Json;
  content_hash: string;
  import_report: Json;
  created_by: string | null;
  created_at: Timestamp;
  published_by: string | null;
  published_at: NullableTimestamp;
};

export type AssessmentTables = {
  assessment_template: AssessmentTemplateTable;
  assessment_template_version: AssessmentTemplateVersionTable;
  assessment: AssessmentTable;
  assessment_signoff: AssessmentSignoffTable;
  assessment_comment: AssessmentCommentTable;
  assessment_attachment: AssessmentAttachmentTable;
};

export type AssessmentTemplate = Selectable<AssessmentTemplateTable>;
export type AssessmentTemplateVersion = Selectable<AssessmentTemplateVersionTable>;

// 20261122T1310_assessments.sql

export type AssessmentStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export type AssessmentTable = {
  id: string;
  organisation_id: string;
  /** null for organisation-subject templates (readiness). */
  system_id: string | null;
  template_version_id: string;
  template_key: string;
  round: number;
  previous_id: string | null;
  status: AssessmentStatus;
  /** Answers (@glassbox/rules). */
  answers: Json;
  /** { questionId: { by, byName, at, revision } }. */
  answer_meta: Json;
  /** [{ id, name }]: everyone who ever saved an answer in this round. */
  contributors: Json;
  /** ScoreResult (@glassbox/rules) as of the last save. */
  result: Json;
  level: string | null;
  revision: number;
  /** YYYY-MM-DD (date comes back as text). */
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
  reassessment_due_reason: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
  submitted_by: string | null;
  submitted_by_label: string | null;
  approved_at: NullableTimestamp;
  approved_by: string | null;
  approved_by_label: string | null;
};

export type AssessmentSignoffTable = {
  id: string;
  organisation_id: string;
  assessment_id: string;
  user_id: string | null;
  name: string;
  roles: string[];
  decision: 'submit' | 'approve' | 'return';
  note: string | null;
  revision: number;
  created_at: Timestamp;
};

export type AssessmentCommentTable = {
  id: string;
  organisation_id: string;
  assessment_id: string;
  question_id: string | null;
  author_id: string | null;
  author_label: string;
  body: string;
  created_at: Timestamp;
  resolved_at: NullableTimestamp;
};

export type AssessmentAttachmentTable = {
  id: string;
  organisation_id: string;
  assessment_id: string;
  question_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_path: string;
  created_by: string | null;
  created_by_label: string;
  created_at: Timestamp;
};

export type Assessment = Selectable<AssessmentTable>;
export type AssessmentSignoff = Selectable<AssessmentSignoffTable>;
export type AssessmentComment = Selectable<AssessmentCommentTable>;
export type AssessmentAttachment = Selectable<AssessmentAttachmentTable>;
