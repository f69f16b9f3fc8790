-- Assessment templates (issue #4, DESIGN §4 Assessment template): a questionnaire as data, versioned.
-- A version is a draft until published; a published version's document never changes (trigger), and
-- assessments keep the version they were started on. Built-in templates belong to no organisation
-- (organisation_id null) and are loaded from files at start; an organisation clones one to adapt it.

create table assessment_template (
  id uuid primary key,
  organisation_id uuid references organisation(id),
  key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  title text not null check (length(title) between 1 and 300),
  subject text not null check (subject in ('system', 'organisation')),
  origin text not null check (origin in ('builtin', 'imported', 'custom')),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One template per key among the built-ins and within each organisation.
create unique index assessment_template_builtin_key_idx on assessment_template (key) where organisation_id is null;
create unique index assessment_template_org_key_idx on assessment_template (organisation_id, key) where organisation_id is not null;

create table assessment_template_version (
  id uuid primary key,
  template_id uuid not null references assessment_template(id),
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'published')),
  document jsonb not null,
  -- sha-256 of the canonical JSON of the document: built-ins are republished only when it changes.
  content_hash text not null check (length(content_hash) = 64),
  -- What an import could not carry over (SurveyJS features by name), shown to the admin.
  import_report jsonb,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  published_by uuid references app_user(id),
  published_at timestamptz,
  unique (template_id, version),
  check ((status = 'published') = (published_at is not null))
);
-- At most one draft per template at a time.
create unique index assessment_template_version_one_draft_idx on assessment_template_version (template_id) where status = 'draft';
create index assessment_template_version_published_idx on assessment_template_version (template_id, version desc) where status = 'published';

create function assessment_template_version_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'published' then
      raise exception 'a published template version cannot be deleted' using errcode = '42501';
    end if;
    return old;
  end if;
  if old.status = 'published' then
    raise exception 'a published template version cannot be changed' using errcode = '42501';
  end if;
  return new;
end;
$$;
create trigger assessment_template_version_immutable
  before update or delete on assessment_template_version
  for each row execute function assessment_template_version_guard();
