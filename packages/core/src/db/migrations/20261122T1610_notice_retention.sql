-- A system's own notice retention: how long the case reference and name of its notices are kept.
-- A row overrides the organisation's citizen_settings.notice_retention_days for that system; no row
-- means the organisation's default. A small table rather than a column on ai_system, so that the
-- inventory's system rows, versions and exports do not change shape.
create table system_notice_settings (
  system_id uuid primary key references ai_system(id) on delete cascade,
  organisation_id uuid not null references organisation(id),
  notice_retention_days integer not null check (notice_retention_days between 1 and 3650),
  updated_at timestamptz not null default now()
);
create index system_notice_settings_org_idx on system_notice_settings (organisation_id);
