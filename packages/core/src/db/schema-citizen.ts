/**
 * Table types for citizen services (issue #5): concerns, redress requests, consultations, notices.
 * Kept by hand next to their SQL migrations (20261122T1410_citizen_services.sql and later). Joined
 * into `DB` in schema.ts.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const CONCERN_CATEGORIES = ['error', 'bias', 'misuse', 'privacy', 'accessibility', 'other'] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];
export const CONCERN_STATUSES = ['new', 'triaged', 'investigating', 'responded', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const REDRESS_KINDS = ['explanation', 'human_review', 'appeal'] as const;
export type RedressKind = (typeof REDRESS_KINDS)[number];
export const REDRESS_STATUSES = ['received', 'in_progress', 'decided', 'closed'] as const;
export type RedressStatus = (typeof REDRESS_STATUSES)[number];
export const REDRESS_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld', 'explanation_given'] as const;
export type RedressOutcome = (typeof REDRESS_OUTCOMES)[number];
export const CITIZEN_LOCALES = ['en', 'es', 'fr'] as const;
export type CitizenLocale = (typeof CITIZEN_LOCALES)[number];

export type CitizenSettingsTable = {
  organisation_id: string;
  explanation_days: Generated<number>;
  human_review_days: Generated<number>;
  appeal_days: Generated<number>;
  notice_retention_days: Generated<number>;
  updated_at: Timestamp;
};

export type ConcernTable = {
  id: string;
  organisation_id: string;
  reference: string;
  status_token_hash: string;
  system_id: string | null;
  category: ConcernCategory;
  description: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  locale: CitizenLocale;
  status: ConcernStatus;
  assignee_id: string | null;
  incident_reference: string | null;
  public_response: string | null;
  responded_at: NullableTimestamp;
  closed_reason: string | null;
  closed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type RedressRequestTable = {
  id: string;
  organisation_id: string;
  reference: string;
  status_token_hash: string;
  system_id: string;
  kind: RedressKind;
  decision_reference: string | null;
  description: string;
  contact_name: string;
  contact_email: string | null;
  postal_address: string | null;
  locale: CitizenLocale;
  status: RedressStatus;
  due_at: Timestamp;
  escalated_at: NullableTimestamp;
  assignee_id: string | null;
  outcome: RedressOutcome | null;
  outcome_text: string | null;
  decided_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CitizenCaseEventTable = {
  id: string;
  seq: Generated<number>;
  organisation_id: string;
  concern_id: string | null;
  redress_id: string | null;
  kind: 'submitted' | 'status' | 'assigned' | 'note' | 'response' | 'incident' | 'outcome' | 'escalated';
  from_status: string | null;
  to_status: string | null;
  body: string | null;
  internal: boolean;
  actor_id: string | null;
  actor_name: string;
  created_at: Timestamp;
};

export type CitizenTables = {
  citizen_settings: CitizenSettingsTable;
  concern: ConcernTable;
  redress_request: RedressRequestTable;
  citizen_case_event: CitizenCaseEventTable;
  notice: NoticeTable;
  consultation: ConsultationTable;
  consultation_comment: ConsultationCommentTable;
};

export type Concern = Selectable<ConcernTable>;
export type RedressRequest = Selectable<RedressRequestTable>;
export type CitizenCaseEvent = Selectable<CitizenCaseEventTable>;

// --- Notices and consultations (20261122T1420_notices_consultations.sql)

export const NOTICE_VARIANTS = ['standard', 'easy_read'] as const;
export type NoticeVariant = (typeof NOTICE_VARIANTS)[number];
export const NOTICE_FORMATS = ['html', 'pdf'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];

export type NoticeTable = {
  id: string;
  organisation_id: string;
  system_id: string;
  language: CitizenLocale;
  variant: NoticeVariant;
  format: NoticeFormat;
  generated_by_name: string;
  generated_by_user_id: string | null;
  case_reference: string | null;
  recipient_name: string | null;
  purge_after: NullableTimestamp;
  purged_at: NullableTimestamp;
  created_at: Timestamp;
};

export type ConsultationTable = {
  id: string;
  organisation_id: string;
  system_id: string;
  title: string;
  intro: string;
  questions: string[];
  opens_at: Timestamp;
  closes_at: Timestamp;
  summary: string | null;
  summary_published_at: NullableTimestamp;
  created_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export type ConsultationCommentTable = {
  id: string;
  organisation_id: string;
  consultation_id: string;
  name: string | null;
  show_name: boolean;
  body: string;
  answers: string[];
  locale: CitizenLocale;
  status: CommentStatus;
  moderation_reason: string | null;
  moderated_by_name: string | null;
  moderated_at: NullableTimestamp;
  created_at: Timestamp;
};
