-- Notices and public consultations (issue #5 points 4 and 7; R-NOTICE, R-DIALOGUE, R-ENGAGE).
--
-- notice: one row per generated "AI assisted in your case" notice: which system, language, variant
-- and format, who generated it and when. The case reference and the person's name are kept only
-- when the caller sent them, and only until purge_after (the organisation's notice retention);
-- then they are set to null and purged_at records when.
create table notice (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  system_id uuid not null references ai_system(id),
  language text not null check (language in ('en', 'es', 'fr')),
  variant text not null check (variant in ('standard', 'easy_read')),
  format text not null check (format in ('html', 'pdf')),
  generated_by_name text not null check (length(generated_by_name) between 1 and 300),
  generated_by_user_id uuid references app_user(id),
  case_reference text check (case_reference is null or length(case_reference) between 1 and 200),
  recipient_name text check (recipient_name is null or length(recipient_name) between 1 and 200),
  purge_after timestamptz,
  purged_at timestamptz,
  created_at timestamptz not null default now(),
  -- Personal fields are only ever kept with a date to remove them.
  check ((case_reference is null and recipient_name is null) or purge_after is not null)
);
create index notice_org_created_idx on notice (organisation_id, created_at desc);
create index notice_org_system_idx on notice (organisation_id, system_id, created_at desc);
create index notice_purge_idx on notice (purge_after) where purge_after is not null and purged_at is null;

-- consultation: a comment period on a proposed system. Questions are plain texts, in order.
create table consultation (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  system_id uuid not null references ai_system(id),
  title text not null check (length(title) between 1 and 200),
  intro text not null check (length(intro) between 1 and 10000),
  questions text[] not null default '{}' check (cardinality(questions) <= 10),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  summary text check (summary is null or length(summary) between 1 and 20000),
  summary_published_at timestamptz,
  created_by_name text not null check (length(created_by_name) between 1 and 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (closes_at > opens_at),
  check ((summary is null) = (summary_published_at is null))
);
create index consultation_org_idx on consultation (organisation_id, opens_at desc);
create index consultation_org_system_idx on consultation (organisation_id, system_id);

-- consultation_comment: what a person sent. Shown publicly only once approved, with the name only
-- when they gave one and agreed to show it. answers[i] answers questions[i] ('' when left blank).
create table consultation_comment (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  consultation_id uuid not null references consultation(id),
  name text check (name is null or length(name) between 1 and 200),
  show_name boolean not null default false,
  body text not null check (length(body) between 1 and 5000),
  answers text[] not null default '{}' check (cardinality(answers) <= 10),
  locale text not null check (locale in ('en', 'es', 'fr')),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  moderation_reason text check (moderation_reason is null or length(moderation_reason) between 1 and 2000),
  moderated_by_name text,
  moderated_at timestamptz,
  created_at timestamptz not null default now(),
  check ((status = 'pending') = (moderated_at is null)),
  check (status <> 'rejected' or moderation_reason is not null)
);
create index consultation_comment_idx on consultation_comment (consultation_id, status, created_at);
