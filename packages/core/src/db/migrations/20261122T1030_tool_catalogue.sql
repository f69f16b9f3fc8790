-- The tool catalogue (seed 001, R-APPROVE, R-FREE): the general-purpose AI tools staff may use, what
-- for, what data may go into them, and what the vendor's data-protection terms say. Each entry may
-- point at the tool's record in the AI-system inventory. Every change writes an audit event in the
-- same transaction (catalogue.service.ts).

create table tool_catalogue_entry (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  name text not null check (length(name) between 1 and 200),
  vendor text not null check (length(vendor) between 1 and 200),
  description text not null default '' check (length(description) <= 5000),
  status text not null check (status in ('approved', 'approved_with_conditions', 'not_approved', 'under_review')),
  -- Short phrases, one use each ("drafting newsletters"); can-i-use.ts matches questions against them.
  permitted_uses text[] not null default '{}' check (cardinality(permitted_uses) <= 50),
  prohibited_uses text[] not null default '{}' check (cardinality(prohibited_uses) <= 50),
  -- What a person must do when the status is approved_with_conditions.
  conditions text not null default '' check (length(conditions) <= 5000),
  data_allowed text not null check (data_allowed in ('none_personal', 'anonymised', 'personal_with_dpa')),
  pricing text not null check (pricing in ('free', 'paid')),
  -- What the terms say: training on inputs, retention, where data is stored.
  data_protection_terms text not null default '' check (length(data_protection_terms) <= 10000),
  dpa_in_place boolean not null default false,
  -- When the approval must be checked again (R-AUDIT); required for approved tools by the service.
  review_date date,
  contact text not null default '' check (length(contact) <= 300),
  -- The tool's record in the inventory. The service checks it belongs to the same organisation.
  system_id uuid references ai_system(id),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One current entry per tool name and per inventory record; archived entries keep their history.
create unique index tool_catalogue_entry_org_name_key on tool_catalogue_entry (organisation_id, lower(name)) where archived_at is null;
create unique index tool_catalogue_entry_system_key on tool_catalogue_entry (system_id) where system_id is not null and archived_at is null;
create index tool_catalogue_entry_org_idx on tool_catalogue_entry (organisation_id, lower(name));
