-- Assessments (issue #4 point 5): a template version filled in for one AI system (or for the
-- organisation itself, e.g. readiness), by several people over days, then submitted, approved or
-- returned, and later redone as a new round.
--
-- Model:
-- - One row per assessment. `round` counts per system + template key (per organisation + key for
--   organisation-subject templates); a reassessment is the next round, `previous_id` points back.
-- - status: draft → submitted → approved | returned; returned stays `returned` (editable) until it
--   is submitted again. approved = locked for good; changes after that are a new round.
-- - At most one open (not approved) assessment per system + template key (partial unique indexes).
-- - answers: { questionId: value }. answer_meta: { questionId: { by, byName, at, revision } } — who
--   last changed each answer and at which revision, so concurrent contributors editing different
--   questions merge and an edit over someone else's newer answer is detected (409).
-- - revision counts saves of the answers; result is the ScoreResult as of the last save, level its level.
-- - due_date: when a reassessment is due (approval date + the template's reassessment.everyMonths);
--   reassessment_due_reason: set when the system changed materially after approval.
-- - assessment_signoff: append-only record of each submit / approve / return, with the person's
--   name and roles as they were at the time (trigger refuses UPDATE and DELETE, like audit_event).
-- - assessment_comment: per question (question_id) or about the whole assessment (null).
-- - assessment_attachment: evidence files, stored like obligation evidence under
--   DATA_DIR/evidence/<organisation>/<uuid>; same types and size limit.

create table assessment (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  -- null for organisation-subject templates (readiness).
  system_id uuid references ai_system(id),
  template_version_id uuid not null references assessment_template_version(id),
  template_key text not null check (template_key ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  round integer not null check (round >= 1),
  previous_id uuid references assessment(id),
  status text not null check (status in ('draft', 'submitted', 'returned', 'approved')),
  answers jsonb not null default '{}'::jsonb,
  answer_meta jsonb not null default '{}'::jsonb,
  -- Everyone who ever saved an answer in this round, in order of first save: [{ id, name }].
  contributors jsonb not null default '[]'::jsonb,
  result jsonb,
  level text check (level is null or length(level) <= 100),
  revision integer not null default 0 check (revision >= 0),
  due_date date,
  reassessment_due_reason text check (reassessment_due_reason is null or length(reassessment_due_reason) between 1 and 2000),
  created_by uuid,
  created_by_label text not null check (length(created_by_label) between 1 and 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  -- A person's id, or null when a token or the operator submitted (four-eyes compares people).
  submitted_by uuid,
  submitted_by_label text check (submitted_by_label is null or length(submitted_by_label) between 1 and 300),
  approved_at timestamptz,
  approved_by uuid,
  approved_by_label text check (approved_by_label is null or length(approved_by_label) between 1 and 300),
  check ((status = 'approved') = (approved_at is not null)),
  check (round = 1 or previous_id is not null)
);
create unique index assessment_system_round_idx on assessment (system_id, template_key, round) where system_id is not null;
create unique index assessment_org_round_idx on assessment (organisation_id, template_key, round) where system_id is null;
create unique index assessment_system_open_idx on assessment (system_id, template_key) where system_id is not null and status <> 'approved';
create unique index assessment_org_open_idx on assessment (organisation_id, template_key) where system_id is null and status <> 'approved';
create index assessment_org_updated_idx on assessment (organisation_id, updated_at desc);
create index assessment_previous_idx on assessment (previous_id);
create index assessment_version_idx on assessment (template_version_id);

create table assessment_signoff (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  assessment_id uuid not null references assessment(id),
  user_id uuid,
  name text not null check (length(name) between 1 and 300),
  -- The signer's roles in the organisation when they signed (empty for a token or the operator).
  roles text[] not null default '{}',
  decision text not null check (decision in ('submit', 'approve', 'return')),
  note text check (note is null or length(note) <= 5000),
  revision integer not null check (revision >= 0),
  created_at timestamptz not null default now()
);
create index assessment_signoff_assessment_idx on assessment_signoff (assessment_id, created_at);

create function assessment_signoff_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'assessment_signoff is append-only: % is not allowed', tg_op using errcode = '42501';
end;
$$;
create trigger assessment_signoff_no_update_delete
  before update or delete on assessment_signoff
  for each row execute function assessment_signoff_refuse_change();
create trigger assessment_signoff_no_truncate
  before truncate on assessment_signoff
  for each statement execute function assessment_signoff_refuse_change();

create table assessment_comment (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  assessment_id uuid not null references assessment(id),
  question_id text check (question_id is null or length(question_id) between 1 and 200),
  author_id uuid,
  author_label text not null check (length(author_label) between 1 and 300),
  body text not null check (length(body) between 1 and 5000),
  created_at timestamptz not null default now(),
  resolved_at timestamptz
);
create index assessment_comment_assessment_idx on assessment_comment (assessment_id, created_at);

create table assessment_attachment (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  assessment_id uuid not null references assessment(id),
  question_id text check (question_id is null or length(question_id) between 1 and 200),
  file_name text not null check (length(file_name) between 1 and 255),
  content_type text not null check (length(content_type) <= 200),
  size_bytes bigint not null check (size_bytes between 1 and 20971520),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_path text not null check (length(storage_path) <= 200),
  created_by uuid,
  created_by_label text not null check (length(created_by_label) between 1 and 300),
  created_at timestamptz not null default now()
);
create index assessment_attachment_assessment_idx on assessment_attachment (assessment_id, created_at);
