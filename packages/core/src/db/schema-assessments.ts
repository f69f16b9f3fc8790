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
};

export type AssessmentTemplate = Selectable<AssessmentTemplateTable>;
export type AssessmentTemplateVersion = Selectable<AssessmentTemplateVersionTable>;
