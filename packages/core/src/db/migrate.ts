/**
 * Forward-only SQL migrations. Files in ./migrations are applied in name order, each in its own
 * transaction together with its row in schema_migration; an applied file is never run again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export function listMigrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{8}T\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const bootstrap = `create table if not exists schema_migration (
    name text primary key,
    applied_at timestamptz not null default now()
  )`;
  await database.exclusive((c) => c.exec(bootstrap));
  const files = listMigrationFiles(dir);
  const applied: string[] = [];
  let already = 0;
  for (const file of files) {
    const sql = readFileSync(path.join(dir, file), 'utf8');
    let ran = false;
    await database.exclusive(async (client) => {
      const seen = await client.query('select 1 from schema_migration where name = $1', [file]);
      if (seen.rows.length > 0) return;
      await client.exec(sql);
      await client.query('insert into schema_migration (name) values ($1)', [file]);
      ran = true;
    });
    if (ran) applied.push(file);
    else already += 1;
  }
  return { applied, alreadyApplied: already };
}
