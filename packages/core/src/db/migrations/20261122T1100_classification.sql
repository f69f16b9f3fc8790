-- Screening, classification and obligations (DESIGN §4 Classification and Obligation; R-PROHIB,
-- R-TIER, R-GRAD, R-NOHUMANLESS). The rules live in packages/rules; these tables keep what they
-- were given, what they answered, and the checklist that follows, with its evidence.

-- The current classification of each system, copied from its latest screening so that the list can
-- filter on it. Null everywhere = never screened. eu_tier / omb_high_impact are also null when the
-- screening said the framework does not apply to the organisation (screened_at then tells it apart).
alter table ai_system
  add column eu_tier text check (eu_tier in ('prohibited', 'high', 'limited', 'minimal', 'undetermined')),
  add column omb_high_impact text check (omb_high_impact in ('yes', 'no', 'undetermined')),
  add column org_tier text check (org_tier is null or length(org_tier) between 1 and 100),
  add column fria_required boolean,
  add column eu_registration_required boolean,
  add column screened_at timestamptz;
create index ai_system_org_eu_tier_idx on ai_system (organisation_id, eu_tier);
create index ai_system_org_omb_idx on ai_system (organisation_id, omb_high_impact);
create index ai_system_org_org_tier_idx on ai_system (organisation_id, org_tier);
create index ai_system_org_fria_idx on ai_system (organisation_id, fria_required);
create index ai_system_org_unscreened_idx on ai_system (organisation_id) where screened_at is null;

-- Every screening, append-only: the answers, the full result of the rules, and which rules answered.
-- The latest row of a system (highest seq) is its current classification. system_id is null for a
-- quick screen of a product under consideration that was not saved as a system.
create table system_screening (
  id uuid primary key,
  seq bigint generated always as identity,
  organisation_id uuid not null references organisation(id),
  system_id uuid references ai_system(id),
  answers jsonb not null,
  result jsonb not null,
  rules_version text not null check (length(rules_version) between 1 and 100),
  created_by uuid,
  created_by_label text not null check (length(created_by_label) between 1 and 300),
  created_at timestamptz not null default now()
);
create index system_screening_system_idx on system_screening (system_id, seq desc) where system_id is not null;
create index system_screening_org_idx on system_screening (organisation_id, seq desc);

create function system_screening_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'system_screening is append-only: % is not allowed', tg_op using errcode = '42501';
end;
$$;
create trigger system_screening_no_update_delete
  before update or delete on system_screening
  for each row execute function system_screening_refuse_change();
create trigger system_screening_no_truncate
  before truncate on system_screening
  for each statement execute function system_screening_refuse_change();

-- The checklist of one system, generated from its screenings. A key the rules stop asking for is
-- retired (retired_at), never deleted: its status and evidence stay, and it comes back as it was if
-- a later screening asks for it again.
create table obligation (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  system_id uuid not null references ai_system(id),
  key text not null check (length(key) between 1 and 200),
  framework text not null check (framework in ('eu-ai-act', 'us-omb', 'org-policy')),
  reference text not null check (length(reference) between 1 and 1000),
  title text not null check (length(title) between 1 and 300),
  description text not null check (length(description) <= 5000),
  phase text not null check (phase in ('before_deployment', 'in_operation')),
  recurrence_months integer check (recurrence_months is null or recurrence_months between 1 and 1200),
  owner_id uuid not null references app_user(id),
  due_date date,
  status text not null default 'open' check (status in ('open', 'in_progress', 'met', 'not_applicable')),
  na_reason text check (na_reason is null or length(na_reason) between 1 and 2000),
  retired_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- "Not applicable" is a decision someone must explain.
  check ((status = 'not_applicable') = (na_reason is not null)),
  unique (system_id, key)
);
create index obligation_org_idx on obligation (organisation_id, phase, status) where retired_at is null;
create index obligation_owner_idx on obligation (owner_id);

-- Evidence that an obligation is met: a link, or a file kept under DATA_DIR/evidence/<org>/<uuid>
-- (storage_path is relative to DATA_DIR/evidence).
create table obligation_evidence (
  id uuid primary key,
  obligation_id uuid not null references obligation(id),
  organisation_id uuid not null references organisation(id),
  kind text not null check (kind in ('file', 'link')),
  title text not null check (length(title) between 1 and 200),
  url text check (url is null or (length(url) <= 2000 and url ~* '^https?://')),
  file_name text check (file_name is null or length(file_name) between 1 and 255),
  content_type text check (content_type is null or length(content_type) <= 200),
  size_bytes bigint check (size_bytes is null or size_bytes between 1 and 20971520),
  storage_path text check (storage_path is null or length(storage_path) <= 200),
  sha256 text check (sha256 is null or sha256 ~ '^[0-9a-f]{64}$'),
  created_by uuid,
  created_by_label text not null check (length(created_by_label) between 1 and 300),
  created_at timestamptz not null default now(),
  check (
    (kind = 'link' and url is not null and file_name is null and content_type is null and size_bytes is null and storage_path is null)
    or (kind = 'file' and url is null and file_name is not null and content_type is not null and size_bytes is not null and storage_path is not null and sha256 is not null)
  )
);
create index obligation_evidence_obligation_idx on obligation_evidence (obligation_id);

-- The organisation's own tiers (R-GRAD). No row = DEFAULT_ORG_POLICY of the rules package.
create table organisation_policy (
  organisation_id uuid primary key references organisation(id),
  tier_policy jsonb not null,
  updated_at timestamptz not null default now()
);
