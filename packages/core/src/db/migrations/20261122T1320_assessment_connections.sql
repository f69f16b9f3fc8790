-- Assessments connected to the inventory (issue #4 point 6).
--
-- 1. Obligations may come from assessments: `assessment.<template key>` for an assessment a system
--    needs that no screening obligation covers, and `aia.<requirement key>` for the requirements of
--    the level of the system's latest approved Canadian AIA. Framework `assessment`.
-- 2. Organisation tasks: things the organisation (not one system) has to do, e.g. the gaps of an
--    approved readiness assessment (source 'assessment', one per question: source_key
--    `<template key>:<question id>`) or tasks added by hand (source 'manual'). Dismissing a task
--    needs a reason (status_note); a task closed because its gap disappeared keeps a note too.

alter table obligation drop constraint obligation_framework_check;
alter table obligation add constraint obligation_framework_check check (framework in ('eu-ai-act', 'us-omb', 'org-policy', 'assessment'));

create table org_task (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  source text not null check (source in ('assessment', 'manual')),
  source_assessment_id uuid references assessment(id),
  source_key text check (source_key is null or length(source_key) between 1 and 300),
  title text not null check (length(title) between 1 and 300),
  description text not null default '' check (length(description) <= 5000),
  area text check (area is null or length(area) between 1 and 300),
  status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'dismissed')),
  status_note text check (status_note is null or length(status_note) between 1 and 2000),
  owner_id uuid references app_user(id),
  due_date date,
  created_by uuid,
  created_by_label text not null check (length(created_by_label) between 1 and 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'dismissed' or status_note is not null),
  check ((source = 'assessment') = (source_assessment_id is not null and source_key is not null))
);
-- At most one open task per gap: a new approval updates it rather than adding another.
create unique index org_task_open_source_idx on org_task (organisation_id, source_key) where source_key is not null and status in ('open', 'in_progress');
create index org_task_org_status_idx on org_task (organisation_id, status, created_at desc);
create index org_task_owner_idx on org_task (owner_id) where owner_id is not null;
