/**
 * The PostgreSQL the bench runs against: BENCH_DATABASE_URL when given (the bench then adds a
 * `bench-…` organisation to it), else a throw-away cluster from scripts/pg-cluster.sh, stopped and
 * removed at the end whatever happens.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '@glassbox/core';
import { ROOT, onCleanup } from './processes.js';

const run = promisify(execFile);
const SCRIPT = path.join(ROOT, 'scripts/pg-cluster.sh');

export type Postgres = { url: string; origin: string };

export async function providePostgres(): Promise<Postgres> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, origin: 'BENCH_DATABASE_URL' };

  // Straight under the temp folder: the postgres user must be able to reach it.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glassbox-bench-pg-'));
  onCleanup(`stop the PostgreSQL cluster in ${dir}`, async () => {
    await run('bash', [SCRIPT, 'stop', dir]);
  });
  try {
    const { stdout } = await run('bash', [SCRIPT, 'start', dir]);
    const url = stdout.trim();
    if (!/^postgres:\/\/\S+$/.test(url)) throw new Error(`pg-cluster.sh printed "${url}" instead of a URL`);
    return { url, origin: 'throw-away cluster (scripts/pg-cluster.sh)' };
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr;
    throw new Error(`could not start PostgreSQL with scripts/pg-cluster.sh${stderr ? `:\n${stderr}` : ''}`);
  }
}

/** The server version, for the report. */
export async function postgresVersion(url: string): Promise<string> {
  const database = await openDatabase({ url, poolSize: 1 });
  try {
    const r = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db);
    return r.rows[0]?.v ?? '?';
  } finally {
    await database.close();
  }
}
