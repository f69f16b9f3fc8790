-- Inventory search over one lowercased text with a trigram index, instead of three ILIKEs on name,
-- purpose and description: each ILIKE tested its pattern against the column's statistics at every
-- plan (about half a millisecond per request) and case-folded three texts per row scanned, and a
-- term found nowhere walked every system of the organisation (about 6 ms at 10,000 systems). The
-- service asks `search_text LIKE '%term%'`, which the trigram index answers for terms of three
-- characters or more (0.1 ms for a term found nowhere); shorter terms scan as before.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: a database owner may create
-- it. PGlite loads it when it opens the database (db/database.ts).
create extension if not exists pg_trgm;
alter table ai_system
  add column search_text text generated always as (lower(name || ' ' || purpose || ' ' || description)) stored;
create index ai_system_search_trgm_idx on ai_system using gin (search_text gin_trgm_ops);
