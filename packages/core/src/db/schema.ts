/**
 * Table types for Kysely, kept by hand next to the SQL migrations (one edit per migration).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export type OrganisationTable = {
  id: string;
  slug: string;
  name: string;
  description: Generated<string>;
  contact_email: string | null;
  contact_url: string | null;
  default_locale: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type UnitTable = {
  id: string;
  organisation_id: string;
  name: string;
  created_at: Timestamp;
};

export type AppUserTable = {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: NullableTimestamp;
  last_sign_in_at: NullableTimestamp;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type MembershipTable = {
  organisation_id: string;
  user_id: string;
  roles: string[];
  unit_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SessionTable = {
  id: string;
  user_id: string;
  organisation_id: string | null;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
};

export type ApiTokenTable = {
  id: string;
  organisation_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scope: 'read' | 'write';
  system_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
};

export type InvitationTable = {
  id: string;
  organisation_id: string;
  email: string;
  roles: string[];
  token_hash: string;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
};

export type PasswordResetTable = {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
};

export type OutboxMailTable = {
  id: string;
  organisation_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  status: 'held' | 'queued' | 'sent' | 'failed';
  error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
};

export type AuditEventTable = {
  id: string;
  chain: string;
  seq: number;
  organisation_id: string | null;
  actor_type: 'user' | 'token' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  ip: string | null;
  occurred_at: Timestamp;
  prev_hash: string;
  hash: string;
};

export type AuditChainHeadTable = { chain: string; seq: number; hash: string };

export type SchemaMigrationTable = { name: string; applied_at: Timestamp };

export type AiSystemTable = {
  id: string;
  organisation_id: string;
  slug: string;
  name: string;
  purpose: string;
  description: string;
  unit_id: string | null;
  owner_id: string;
  sourcing: 'in_house' | 'procured' | 'general_purpose_tool';
  supplier: string | null;
  decision_role: 'informs' | 'recommends' | 'decides';
  affected_people: string;
  data_categories: string[];
  personal_data: boolean;
  human_oversight: string;
  public_visibility: 'public' | 'internal';
  tags: string[];
  lifecycle: 'idea' | 'proposed' | 'in_review' | 'approved' | 'in_service' | 'suspended' | 'retired' | 'rejected';
  version: number;
  archived_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  // Classification (migration 20261122T1100): copied from the latest screening; null = never screened.
  eu_tier: ColumnType<EuTierColumn | null, EuTierColumn | null | undefined, EuTierColumn | null>;
  omb_high_impact: ColumnType<OmbHighImpactColumn | null, OmbHighImpactColumn | null | undefined, OmbHighImpactColumn | null>;
  org_tier: ColumnType<string | null, string | null | undefined, string | null>;
  fria_required: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  eu_registration_required: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  screened_at: NullableTimestamp;
  /** lower(name, purpose, description), written by PostgreSQL (migration 20261122T1500): what search reads. */
  search_text: ColumnType<string, never, never>;
};

export type EuTierColumn = 'prohibited' | 'high' | 'limited' | 'minimal' | 'undetermined';
export type OmbHighImpactColumn = 'yes' | 'no' | 'undetermined';

export type AiSystemVersionTable = {
  system_id: string;
  version: number;
  organisation_id: string;
  kind: 'created' | 'updated' | 'transitioned' | 'archived' | 'unarchived';
  snapshot: Json;
  changed_fields: string[];
  reason: string | null;
  actor_type: 'user' | 'token' | 'system';
  actor_id: string | null;
  actor_name: string;
  created_at: Timestamp;
};

/** `date` columns come back as text (YYYY-MM-DD) on both drivers. */
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export type ToolCatalogueEntryTable = {
  id: string;
  organisation_id: string;
  name: string;
  vendor: string;
  description: string;
  status: 'approved' | 'approved_with_conditions' | 'not_approved' | 'under_review';
  permitted_uses: string[];
  prohibited_uses: string[];
  conditions: string;
  data_allowed: 'none_personal' | 'anonymised' | 'personal_with_dpa';
  pricing: 'free' | 'paid';
  data_protection_terms: string;
  dpa_in_place: boolean;
  review_date: NullableDate;
  contact: string;
  system_id: string | null;
  archived_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SystemScreeningTable = {
  id: string;
  seq: Generated<number>;
  organisation_id: string;
  system_id: string | null;
  answers: Json;
  result: Json;
  rules_version: string;
  created_by: string | null;
  created_by_label: string;
  created_at: Timestamp;
};

export type ObligationStatus = 'open' | 'in_progress' | 'met' | 'not_applicable';

export type ObligationTable = {
  id: string;
  organisation_id: string;
  system_id: string;
  key: string;
  framework: 'eu-ai-act' | 'us-omb' | 'org-policy' | 'assessment';
  reference: string;
  title: string;
  description: string;
  phase: 'before_deployment' | 'in_operation';
  recurrence_months: number | null;
  owner_id: string;
  due_date: NullableDate;
  status: ObligationStatus;
  na_reason: string | null;
  retired_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ObligationEvidenceTable = {
  id: string;
  obligation_id: string;
  organisation_id: string;
  kind: 'file' | 'link';
  title: string;
  url: string | null;
  file_name: string | null;
  content_type: string | null;
  size_bytes: number | null;
  storage_path: string | null;
  sha256: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: Timestamp;
};

export type OrganisationPolicyTable = {
  organisation_id: string;
  tier_policy: Json;
  updated_at: Timestamp;
};

/** 20261122T1600_assessment_rules.sql: an organisation's replacement for the default assessment-need rules. */
export type OrganisationAssessmentRulesTable = {
  organisation_id: string;
  /** An AssessmentNeedRule[] (@glassbox/rules). */
  rules: Json;
  updated_by: string | null;
  updated_at: Timestamp;
};

import type { AssessmentTables } from './schema-assessments.js';
import type { RegisterTables } from './schema-register.js';
import type { CitizenTables } from './schema-citizen.js';
import type { TaskTables } from './schema-tasks.js';

export type * from './schema-assessments.js';
export type * from './schema-register.js';
export type * from './schema-citizen.js';
export type * from './schema-tasks.js';

export type DB = AssessmentTables & RegisterTables & CitizenTables & TaskTables & {
  organisation: OrganisationTable;
  unit: UnitTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  invitation: InvitationTable;
  password_reset: PasswordResetTable;
  outbox_mail: OutboxMailTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  schema_migration: SchemaMigrationTable;
  ai_system: AiSystemTable;
  ai_system_version: AiSystemVersionTable;
  tool_catalogue_entry: ToolCatalogueEntryTable;
  system_screening: SystemScreeningTable;
  obligation: ObligationTable;
  obligation_evidence: ObligationEvidenceTable;
  organisation_policy: OrganisationPolicyTable;
  organisation_assessment_rules: OrganisationAssessmentRulesTable;
  system_notice_settings: SystemNoticeSettingsTable;
};

/** A system's own notice retention (overrides the organisation's; 20261122T1610). */
export type SystemNoticeSettingsTable = {
  system_id: string;
  organisation_id: string;
  notice_retention_days: number;
  updated_at: Timestamp;
};

export type Organisation = Selectable<OrganisationTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type MembershipUpdate = Updateable<MembershipTable>;
export type AiSystem = Selectable<AiSystemTable>;
export type AiSystemVersion = Selectable<AiSystemVersionTable>;
export type ToolCatalogueEntry = Selectable<ToolCatalogueEntryTable>;
export type SystemScreening = Selectable<SystemScreeningTable>;
export type Obligation = Selectable<ObligationTable>;
export type ObligationEvidence = Selectable<ObligationEvidenceTable>;
