/**
 * Opens the database: a pooled node-postgres connection when a URL is given, embedded PGlite
 * persisted in a folder otherwise. Both speak the same SQL; the rest of the code sees one Kysely.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { PreparingClient } from './prepared-client.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'postgres' | 'pglite';

export type Database = {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Runs fn in one transaction on a raw client that can execute multi-statement scripts, under an exclusive lock. */
  exclusive(fn: (client: ScriptClient) => Promise<void>): Promise<void>;
  close(): Promise<void>;
  /** Counts statements sent, for the no-N+1 tests and diagnostics. */
  queryCount(): number;
};

export type ScriptClient = {
  exec(script: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
};

export type OpenOptions =
  | { url: string; poolSize?: number; /** Named prepared statements (prepared-client.ts); default on. */ preparedStatements?: boolean }
  | { dataDir: string }
  | { memory: true };

// int8 (count(*), sequences) as a JS number, date as its ISO text; the same on both drivers.
const INT8 = 20;
const DATE = 1082;
const parseInt8 = (v: string): number => Number(v);
const keepText = (v: string): string => v;

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  let count = 0;
  const log = (event: LogEvent): void => {
    if (event.level === 'query') count += 1;
  };

  if ('url' in opts) {
    const types = {
      getTypeParser: (oid: number, format?: string) =>
        oid === INT8 ? parseInt8 : oid === DATE ? keepText : pg.types.getTypeParser(oid, format as 'text'),
    };
    // Statements are prepared once per connection (prepared-client.ts).
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, types, ...(opts.preparedStatements !== false && { Client: PreparingClient }) });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Queries report their own errors.
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
    return {
      kind: 'postgres',
      db,
      async exclusive(fn) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query('select pg_advisory_xact_lock(727274)');
          await fn({
            exec: async (script) => {
              await client.query(script);
            },
            query: (sql, params) => client.query(sql, params),
          });
          await client.query('commit');
        } catch (err) {
          await client.query('rollback').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      },
      // Kysely ends the pool only if it ran a query; end it ourselves so the process can exit.
      close: async () => {
        await db.destroy();
        if (!pool.ended) await pool.end();
      },
      queryCount: () => count,
    };
  }

  let dataDir: string | undefined;
  if ('dataDir' in opts) {
    dataDir = path.join(opts.dataDir, 'pg');
    mkdirSync(dataDir, { recursive: true });
  }
  // The options form: with a positional undefined data directory PGlite would drop the parsers.
  const client = await PGlite.create({
    ...(dataDir !== undefined && { dataDir }),
    // The extensions the migrations create (PostgreSQL ships them in contrib).
    extensions: { pg_trgm },
    parsers: { [INT8]: parseInt8, [DATE]: keepText },
  });
  const dialect = new PGliteDialect(client);
  const db = new Kysely<DB>({ dialect, log });
  return {
    kind: 'pglite',
    db,
    async exclusive(fn) {
      await dialect.driver.withExclusive(async (c) => {
        await c.exec('begin');
        try {
          await fn({
            exec: async (script) => {
              await c.exec(script);
            },
            query: (sql, params) => c.query(sql, params),
          });
          await c.exec('commit');
        } catch (err) {
          await c.exec('rollback').catch(() => undefined);
          throw err;
        }
      });
    },
    close: () => db.destroy(),
    queryCount: () => count,
  };
}
