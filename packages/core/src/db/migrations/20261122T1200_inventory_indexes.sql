-- The inventory list at scale (bench: 10,000 systems, p99 < 50 ms at 20 connections). The list's
-- default order is lower(name), then id: with id in the index, the first page is read straight
-- from the index and stops after `limit` rows, with no sort of every matching row. Lifecycle is the
-- filter people use most (in service, in review), so it gets its own index next to the EU tier one.
-- No pg_trgm: it is not available on every PGlite build, and the search (ILIKE on name, purpose,
-- description) over one organisation's rows stays within the target without it.
create index ai_system_org_name_id_idx on ai_system (organisation_id, lower(name), id);
create index ai_system_org_lifecycle_idx on ai_system (organisation_id, lifecycle);
drop index ai_system_org_name_idx;
-- The list's total counts the systems that are not archived: a partial index lets PostgreSQL
-- count them from the index (index-only, once the table is vacuumed) rather than the table.
create index ai_system_org_live_idx on ai_system (organisation_id) where archived_at is null;
