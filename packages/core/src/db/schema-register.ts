/**
 * Table types for the public register and its publications (issue #5), kept by hand next to their
 * SQL migrations (20261122T1400_register.sql). Joined into `DB` in schema.ts.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export type RegisterSettingsTable = {
  organisation_id: string;
  formats: Generated<string[]>;
  details: Json;
  version: Generated<number>;
  published_at: NullableTimestamp;
  updated_at: Timestamp;
};

export type RegisterEntryTable = {
  system_id: string;
  organisation_id: string;
  /** { fieldId: text } for the fields of PUBLIC_TEXT_FIELDS. */
  texts: Json;
  public_fields: Generated<string[]>;
  details: Json;
  updated_by: string | null;
  updated_by_label: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type RegisterPublicationTable = {
  id: string;
  organisation_id: string;
  system_id: string;
  version: number;
  state: 'published' | 'withdrawn';
  /** The RegisterRecord as published (or the last one, for a withdrawal). */
  record: Json;
  assessments: Json;
  changed_fields: Generated<string[]>;
  reason: string | null;
  published_by: string | null;
  published_by_label: string;
  published_at: Timestamp;
};

export type RegisterCurrentTable = {
  system_id: string;
  organisation_id: string;
  publication_id: string;
  version: number;
  slug: string;
  name: string;
  summary: Generated<string>;
  eu_tier: string | null;
  areas: Generated<string[]>;
  tags: Generated<string[]>;
  lifecycle: string;
  unit_name: string | null;
  search_text: Generated<string>;
  first_published_at: Timestamp;
  published_at: Timestamp;
};

export type RegisterTables = {
  register_settings: RegisterSettingsTable;
  register_entry: RegisterEntryTable;
  register_publication: RegisterPublicationTable;
  register_current: RegisterCurrentTable;
};

export type RegisterSettingsRow = Selectable<RegisterSettingsTable>;
export type RegisterEntryRow = Selectable<RegisterEntryTable>;
export type RegisterPublicationRow = Selectable<RegisterPublicationTable>;
export type RegisterCurrentRow = Selectable<RegisterCurrentTable>;
