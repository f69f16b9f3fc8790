-- Foundation: organisations, people, sign-in, tokens, mail outbox and the audit trail.

create table organisation (
  id uuid primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
  name text not null check (length(name) between 1 and 200),
  description text not null default '',
  contact_email text,
  contact_url text,
  default_locale text not null default 'en' check (default_locale in ('en', 'es', 'fr')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table unit (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  unique (organisation_id, name)
);

create table app_user (
  id uuid primary key,
  email text not null,
  display_name text not null check (length(display_name) between 1 and 200),
  password_hash text,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  last_sign_in_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index app_user_email_key on app_user (lower(email));

create table membership (
  organisation_id uuid not null references organisation(id),
  user_id uuid not null references app_user(id),
  roles text[] not null check (cardinality(roles) > 0),
  unit_id uuid references unit(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index membership_user_idx on membership (user_id);

create table session (
  id text primary key,
  user_id uuid not null references app_user(id),
  organisation_id uuid references organisation(id),
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_user_idx on session (user_id);

create table api_token (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  name text not null check (length(name) between 1 and 100),
  token_hash text not null unique,
  prefix text not null,
  scope text not null check (scope in ('read', 'write')),
  system_id uuid,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_token_org_idx on api_token (organisation_id);

create table invitation (
  id uuid primary key,
  organisation_id uuid not null references organisation(id),
  email text not null,
  roles text[] not null check (cardinality(roles) > 0),
  token_hash text not null unique,
  invited_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz
);
create index invitation_org_idx on invitation (organisation_id);

create table password_reset (
  id uuid primary key,
  user_id uuid not null references app_user(id),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table outbox_mail (
  id uuid primary key,
  organisation_id uuid references organisation(id),
  to_address text not null,
  subject text not null,
  text_body text not null,
  status text not null check (status in ('held', 'queued', 'sent', 'failed')),
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_mail_org_idx on outbox_mail (organisation_id, created_at desc);

-- The audit trail: one row per state change, hash-chained per organisation ('platform' for
-- events outside any organisation). The head table serialises writers of one chain.
create table audit_event (
  id uuid primary key,
  chain text not null,
  seq bigint not null,
  organisation_id uuid references organisation(id),
  actor_type text not null check (actor_type in ('user', 'token', 'system', 'anonymous')),
  actor_id uuid,
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text,
  ip text,
  occurred_at timestamptz not null,
  prev_hash text not null,
  hash text not null,
  unique (chain, seq)
);
create index audit_event_org_idx on audit_event (organisation_id, seq desc);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);

create table audit_chain_head (
  chain text primary key,
  seq bigint not null,
  hash text not null
);

create function audit_event_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % is not allowed', tg_op using errcode = '42501';
end;
$$;

create trigger audit_event_no_update_delete
  before update or delete on audit_event
  for each row execute function audit_event_refuse_change();

create trigger audit_event_no_truncate
  before truncate on audit_event
  for each statement execute function audit_event_refuse_change();
