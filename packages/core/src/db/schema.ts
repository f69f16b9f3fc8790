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
};

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

export type DB = {
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
};

export type Organisation = Selectable<OrganisationTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type MembershipUpdate = Updateable<MembershipTable>;
export type AiSystem = Selectable<AiSystemTable>;
export type AiSystemVersion = Selectable<AiSystemVersionTable>;
