-- The AI-system inventory: one row per system (its current state) and one version row per change.
-- A change to a system, its version row and its audit event are written in one transaction.

create table ai_system (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  -- Made from the name at creation and never changed, so links keep working after a rename. Never
  -- shaped like a UUID, so an address segment is unambiguously an id or a slug.
  slug text not null check (
    slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'
    and length(slug) <= 80
    and slug !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  ),
  name text not null check (length(name) between 1 and 200),
  purpose text not null check (length(purpose) between 1 and 2000),
  description text not null default '' check (length(description) <= 10000),
  unit_id uuid references unit(id),
  owner_id uuid not null references app_user(id),
  sourcing text not null check (sourcing in ('in_house', 'procured', 'general_purpose_tool')),
  supplier text check (supplier is null or length(supplier) between 1 and 200),
  decision_role text not null check (decision_role in ('informs', 'recommends', 'decides')),
  affected_people text not null default '' check (length(affected_people) <= 5000),
  data_categories text[] not null default '{}' check (cardinality(data_categories) <= 50),
  personal_data boolean not null,
  human_oversight text not null default '' check (length(human_oversight) <= 5000),
  public_visibility text not null default 'internal' check (public_visibility in ('public', 'internal')),
  tags text[] not null default '{}' check (cardinality(tags) <= 30),
  lifecycle text not null default 'idea' check (
    lifecycle in ('idea', 'proposed', 'in_review', 'approved', 'in_service', 'suspended', 'retired', 'rejected')
  ),
  -- Number of the latest row in ai_system_version.
  version integer not null check (version >= 1),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organisation_id, slug)
);
create index ai_system_org_name_idx on ai_system (organisation_id, lower(name));
create index ai_system_org_updated_idx on ai_system (organisation_id, updated_at desc);
create index ai_system_owner_idx on ai_system (owner_id);
create index ai_system_unit_idx on ai_system (unit_id);
create index ai_system_tags_idx on ai_system using gin (tags);

-- Every change to a system: the whole state after the change, which fields changed, who, why.
create table ai_system_version (
  system_id uuid not null references ai_system(id),
  version integer not null check (version >= 1),
  organisation_id uuid not null references organisation(id),
  kind text not null check (kind in ('created', 'updated', 'transitioned', 'archived', 'unarchived')),
  snapshot jsonb not null,
  changed_fields text[] not null,
  reason text check (reason is null or length(reason) <= 2000),
  actor_type text not null check (actor_type in ('user', 'token', 'system')),
  actor_id uuid,
  actor_name text not null,
  created_at timestamptz not null default now(),
  primary key (system_id, version)
);

-- History is append-only, like the audit trail.
create function ai_system_version_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'ai_system_version is append-only: % is not allowed', tg_op using errcode = '42501';
end;
$$;

create trigger ai_system_version_no_update_delete
  before update or delete on ai_system_version
  for each row execute function ai_system_version_refuse_change();

create trigger ai_system_version_no_truncate
  before truncate on ai_system_version
  for each statement execute function ai_system_version_refuse_change();
