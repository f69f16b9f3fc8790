-- The public register (issue #5 points 1–3): a draft entry per AI system, append-only publications,
-- the organisation's register settings, and the current published record of each system.
--
-- Model:
-- - register_settings: one row per organisation that has touched its register. `formats` are the
--   open-data formats the organisation publishes in (required fields are checked against them at
--   publish time). `version` counts publications and withdrawals; `published_at` is the time of the
--   latest one. Open-data ETags and Last-Modified derive from these two (one indexed read).
-- - register_entry: the staff draft of a system's public texts (`texts`: { fieldId: text }), the
--   fields chosen to be public (`public_fields`) and the entry's links and facts (`details`). Not
--   public until published.
-- - register_publication: append-only (a trigger refuses UPDATE and DELETE, like audit_event). Each
--   row is one version of the system's public record: `state` published or withdrawn, the record
--   snapshot built at publish time (already restricted to Art. 49(4) fields where that applies),
--   the fields that changed against the previous version, who and when.
-- - register_current: the latest published record of each system still on the register, with the
--   columns the public list searches, filters and sorts by (copied from the snapshot); the row is
--   removed when the system is withdrawn. Derived data: rebuilt from register_publication at will.

create table register_settings (
  organisation_id uuid primary key references organisation(id),
  formats text[] not null default '{}',
  -- Organisation facts some formats need and the organisation table does not hold (country,
  -- address, phone, area served, the EU database registration contact).
  details jsonb not null default '{}'::jsonb,
  version bigint not null default 0 check (version >= 0),
  published_at timestamptz,
  updated_at timestamptz not null default now()
);

create table register_entry (
  system_id uuid primary key references ai_system(id),
  organisation_id uuid not null references organisation(id),
  texts jsonb not null default '{}'::jsonb,
  public_fields text[] not null default '{}',
  -- Links, policy area, technique, use type and next review date of the entry.
  details jsonb not null default '{}'::jsonb,
  updated_by uuid,
  updated_by_label text not null check (length(updated_by_label) between 1 and 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index register_entry_org_idx on register_entry (organisation_id);

create table register_publication (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  system_id uuid not null references ai_system(id),
  version integer not null check (version >= 1),
  state text not null check (state in ('published', 'withdrawn')),
  record jsonb not null,
  -- Summaries of the system's approved assessments at publish time (template title, level, date).
  assessments jsonb not null default '[]'::jsonb,
  changed_fields text[] not null default '{}',
  reason text check (reason is null or length(reason) between 1 and 2000),
  published_by uuid,
  published_by_label text not null check (length(published_by_label) between 1 and 300),
  published_at timestamptz not null default now(),
  unique (system_id, version)
);
create index register_publication_org_time_idx on register_publication (organisation_id, published_at desc, id);

create function register_publication_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'register_publication is append-only' using errcode = '42501';
end;
$$;
create trigger register_publication_no_update_delete
  before update or delete on register_publication
  for each row execute function register_publication_refuse_change();

create table register_current (
  system_id uuid primary key references ai_system(id),
  organisation_id uuid not null references organisation(id),
  publication_id uuid not null references register_publication(id),
  version integer not null,
  slug text not null,
  name text not null,
  summary text not null default '',
  eu_tier text,
  areas text[] not null default '{}',
  tags text[] not null default '{}',
  lifecycle text not null,
  unit_name text,
  search_text text not null default '',
  first_published_at timestamptz not null,
  published_at timestamptz not null
);
create unique index register_current_org_slug_idx on register_current (organisation_id, slug);
create index register_current_org_name_idx on register_current (organisation_id, lower(name), system_id);
create index register_current_org_time_idx on register_current (organisation_id, published_at desc, system_id);
