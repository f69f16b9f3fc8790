/**
 * Prepared statements on PostgreSQL (prepared-client.ts): each distinct statement is parsed once
 * per connection, lists marked for re-planning are not, a connection prepares a bounded number,
 * scripts and transaction control pass unchanged, and a schema change under a prepared SELECT *
 * costs one failed statement, not a broken connection. PGlite has no connections to prepare on:
 * these run where TEST_DATABASE_URL names a PostgreSQL (CI runs them there).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';
import { preparingClientClass, REPLAN_MARKER, statementName } from './prepared-client.js';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('prepared statements on PostgreSQL', () => {
  let pool: pg.Pool;
  /** Like Kysely: a checked-out client, query(text, values) without a callback (pool.query passes one). */
  const run = async (text: string, values?: unknown[]) => {
    const client = await pool.connect();
    try {
      return values === undefined ? await client.query(text) : await client.query(text, values);
    } finally {
      client.release();
    }
  };
  const table = `prep_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: url, max: 1, Client: preparingClientClass(3) });
    await pool.query(`create table ${table} (id int primary key, name text)`);
    await pool.query(`insert into ${table} values (1, 'one'), (2, 'two')`);
  });
  afterAll(async () => {
    await pool.query(`drop table if exists ${table}`);
    await pool.end();
  });

  /** Names prepared in the pool's one session, as PostgreSQL lists them. */
  async function preparedInSession(): Promise<string[]> {
    // A script (no values): never prepared itself, so it does not count.
    const res = (await run('select name from pg_prepared_statements order by name')) as unknown as pg.QueryResult<{ name: string }>;
    return res.rows.map((r) => r.name);
  }

  it('parses a statement once per connection and answers every call', async () => {
    const text = `select name from ${table} where id = $1`;
    expect((await run(text, [1])).rows).toEqual([{ name: 'one' }]);
    expect((await run(text, [2])).rows).toEqual([{ name: 'two' }]);
    expect(await preparedInSession()).toEqual([statementName(text)]);
  });

  it('sends statements marked for re-planning unnamed', async () => {
    const text = `select id from ${table} where name = $1 ${REPLAN_MARKER}`;
    expect((await run(text, ['two'])).rows).toEqual([{ id: 2 }]);
    expect(await preparedInSession()).not.toContain(statementName(text));
  });

  it('prepares at most its limit per connection, and runs the rest unnamed', async () => {
    for (const id of [1, 2, 3, 4]) {
      // Four distinct texts; this client class stops preparing at three.
      const rows = (await run(`select ${id} as n, count(*)::int as c from ${table} where id >= $1`, [0])).rows;
      expect(rows).toEqual([{ n: id, c: 2 }]);
    }
    expect(await preparedInSession()).toHaveLength(3);
  });

  it('passes transaction control and scripts through', async () => {
    await run('begin');
    await run(`insert into ${table} values ($1, $2)`, [9, 'nine']);
    await run('rollback');
    expect((await run(`select count(*)::int as c from ${table}; select 1 as x`)) as unknown).toHaveLength(2);
    expect((await run(`select count(*)::int as c from ${table} where id = $1`, [9])).rows).toEqual([{ c: 0 }]);
  });

  it('survives a schema change under a prepared SELECT *: one statement fails, the next connection prepares afresh', async () => {
    const fresh = new pg.Pool({ connectionString: url, max: 1, Client: preparingClientClass() });
    const select = async () => {
      const client = await fresh.connect();
      try {
        return await client.query(`select * from ${table} where id = $1`, [1]);
      } finally {
        client.release();
      }
    };
    try {
      expect((await select()).rows).toEqual([{ id: 1, name: 'one' }]);
      await run(`alter table ${table} add column extra text`);
      await expect(select()).rejects.toMatchObject({ code: '0A000' });
      expect((await select()).rows).toEqual([{ id: 1, name: 'one', extra: null }]);
    } finally {
      await fresh.end();
    }
  });
});

describe.skipIf(!url)('the application database on PostgreSQL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ url: url!, poolSize: 1 });
  });
  afterAll(async () => {
    await database.close();
  });

  it('prepares what Kysely sends, with the same answers', async () => {
    const q = () => database.db.selectFrom('organisation').select(['id', 'slug']).where('slug', '=', 'no-such-organisation').execute();
    expect(await q()).toEqual([]);
    expect(await q()).toEqual([]);
    const names = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(database.db);
    expect(names.rows.some((r) => r.statement.includes('from "organisation"') && r.name.startsWith('gb_'))).toBe(true);
  });
});

describe.skipIf(!url)('with prepared statements turned off (DATABASE_PREPARED_STATEMENTS=false)', () => {
  it('sends every statement unnamed', async () => {
    const database = await openDatabase({ url: url!, poolSize: 1, preparedStatements: false });
    try {
      const q = () => database.db.selectFrom('organisation').select('id').where('slug', '=', 'still-no-such-organisation').execute();
      expect(await q()).toEqual([]);
      expect(await q()).toEqual([]);
      const prepared = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(database.db);
      expect(prepared.rows).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
