/**
 * Table types for organisation tasks (issue #4 point 6), kept by hand next to the SQL migration
 * 20261122T1320_assessment_connections.sql. Joined into `DB` in schema.ts.
 */
import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export type OrgTaskStatus = 'open' | 'in_progress' | 'done' | 'dismissed';

export type OrgTaskTable = {
  id: string;
  organisation_id: string;
  source: 'assessment' | 'manual';
  source_assessment_id: string | null;
  /** `<template key>:<question id>` for a gap of an assessment; null for a manual task. */
  source_key: string | null;
  title: string;
  /** The recommended action. */
  description: string;
  /** The section (area) of the assessment the gap is in. */
  area: string | null;
  status: OrgTaskStatus;
  /** Why it was dismissed (required then), or why it was closed automatically. */
  status_note: string | null;
  owner_id: string | null;
  due_date: NullableDate;
  created_by: string | null;
  created_by_label: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TaskTables = { org_task: OrgTaskTable };

export type OrgTask = Selectable<OrgTaskTable>;
