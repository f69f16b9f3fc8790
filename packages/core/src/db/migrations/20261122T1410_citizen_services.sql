-- Citizen services (issue #5; R-REPORT, R-FEEDBACK, R-REDRESS): concerns anyone may report about the
-- organisation's AI, and requests for an explanation, a human review or an appeal. People need no
-- account: they get a reference number and a private status link (its token is kept only as a
-- sha-256 hash). What they write is personal data: it never reaches a public page, the audit trail
-- records ids and categories only, and per-system statistics are counts.

create table citizen_settings (
  organisation_id uuid primary key references organisation(id),
  -- Days to answer, per request type (calendar days from receipt).
  explanation_days integer not null default 30 check (explanation_days between 1 and 365),
  human_review_days integer not null default 30 check (human_review_days between 1 and 365),
  appeal_days integer not null default 60 check (appeal_days between 1 and 365),
  -- How long case details sent with a generated notice are kept.
  notice_retention_days integer not null default 365 check (notice_retention_days between 1 and 3650),
  updated_at timestamptz not null default now()
);

create table concern (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  reference text not null unique check (reference ~ '^C-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  status_token_hash text not null unique check (length(status_token_hash) = 64),
  system_id uuid references ai_system(id),
  category text not null check (category in ('error', 'bias', 'misuse', 'privacy', 'accessibility', 'other')),
  description text not null check (length(description) between 1 and 5000),
  contact_name text check (contact_name is null or length(contact_name) between 1 and 200),
  contact_email text check (contact_email is null or length(contact_email) between 3 and 320),
  contact_phone text check (contact_phone is null or length(contact_phone) between 3 and 50),
  locale text not null check (locale in ('en', 'es', 'fr')),
  status text not null default 'new' check (status in ('new', 'triaged', 'investigating', 'responded', 'closed')),
  assignee_id uuid references app_user(id),
  incident_reference text check (incident_reference is null or length(incident_reference) between 1 and 200),
  public_response text check (public_response is null or length(public_response) between 1 and 5000),
  responded_at timestamptz,
  closed_reason text check (closed_reason is null or length(closed_reason) between 1 and 2000),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index concern_org_status_idx on concern (organisation_id, status, created_at desc);
create index concern_org_system_idx on concern (organisation_id, system_id);

create table redress_request (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  reference text not null unique check (reference ~ '^R-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  status_token_hash text not null unique check (length(status_token_hash) = 64),
  system_id uuid not null references ai_system(id),
  kind text not null check (kind in ('explanation', 'human_review', 'appeal')),
  decision_reference text check (decision_reference is null or length(decision_reference) between 1 and 200),
  description text not null check (length(description) between 1 and 5000),
  contact_name text not null check (length(contact_name) between 1 and 200),
  contact_email text check (contact_email is null or length(contact_email) between 3 and 320),
  postal_address text check (postal_address is null or length(postal_address) between 1 and 1000),
  locale text not null check (locale in ('en', 'es', 'fr')),
  status text not null default 'received' check (status in ('received', 'in_progress', 'decided', 'closed')),
  due_at timestamptz not null,
  escalated_at timestamptz,
  assignee_id uuid references app_user(id),
  outcome text check (outcome is null or outcome in ('upheld', 'partly_upheld', 'not_upheld', 'explanation_given')),
  outcome_text text check (outcome_text is null or length(outcome_text) between 1 and 10000),
  decided_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- They need an answer: an email address or a postal address.
  check (contact_email is not null or postal_address is not null),
  check ((outcome is null) = (decided_at is null))
);
create index redress_org_status_idx on redress_request (organisation_id, status, due_at);
create index redress_org_system_idx on redress_request (organisation_id, system_id);

-- What happened to a concern or a request, in order: status changes, assignments, responses, notes.
-- `internal` events (notes, assignments) never reach the person's status page.
create table citizen_case_event (
  id uuid primary key,
  seq bigint generated always as identity,
  organisation_id uuid not null references organisation(id),
  concern_id uuid references concern(id),
  redress_id uuid references redress_request(id),
  kind text not null check (kind in ('submitted', 'status', 'assigned', 'note', 'response', 'incident', 'outcome', 'escalated')),
  from_status text,
  to_status text,
  body text check (body is null or length(body) <= 10000),
  internal boolean not null,
  actor_id uuid references app_user(id),
  actor_name text not null check (length(actor_name) between 1 and 300),
  created_at timestamptz not null default now(),
  check ((concern_id is null) <> (redress_id is null))
);
create index citizen_case_event_concern_idx on citizen_case_event (concern_id, seq) where concern_id is not null;
create index citizen_case_event_redress_idx on citizen_case_event (redress_id, seq) where redress_id is not null;
