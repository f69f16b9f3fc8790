/** Both drivers: migrations once, transactions, persistence of the embedded database. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from './database.js';
import { listMigrationFiles, migrate } from './migrate.js';
import { openTestDatabase } from '../testing/factories.js';

describe('database', () => {
  it('applies each migration once', async () => {
    const database = await openTestDatabase();
    try {
      const again = await migrate(database);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toBe(listMigrationFiles().length);
    } finally {
      await database.close();
    }
  });

  it('rolls a failed transaction back completely', async () => {
    const database = await openTestDatabase();
    try {
      const slug = `tx-${Date.now()}`;
      await expect(
        database.db.transaction().execute(async (trx) => {
          await trx.insertInto('organisation').values({ id: crypto.randomUUID(), slug, name: 'Tx', created_at: new Date(), updated_at: new Date() }).execute();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const found = await database.db.selectFrom('organisation').select('id').where('slug', '=', slug).executeTakeFirst();
      expect(found).toBeUndefined();
    } finally {
      await database.close();
    }
  });

  it('keeps embedded data across restarts in the data directory', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gb-pglite-'));
    const first = await openDatabase({ dataDir });
    await migrate(first);
    await first.db.insertInto('organisation').values({ id: crypto.randomUUID(), slug: 'kept', name: 'Kept', created_at: new Date(), updated_at: new Date() }).execute();
    await first.close();
    const second = await openDatabase({ dataDir });
    try {
      const row = await second.db.selectFrom('organisation').select('name').where('slug', '=', 'kept').executeTakeFirst();
      expect(row?.name).toBe('Kept');
      const count = await sql<{ n: number }>`select count(*) as n from organisation`.execute(second.db);
      expect(typeof count.rows[0]?.n).toBe('number');
    } finally {
      await second.close();
    }
  });
});

describe('type parsing', () => {
  it('returns date as ISO text and int8 as a number, in memory and on PostgreSQL alike', async () => {
    const database = await openTestDatabase();
    try {
      const row = await sql<{ d: unknown; n: unknown }>`select date '2026-11-22' as d, 9007199254740::int8 as n`.execute(database.db);
      expect(row.rows[0]).toEqual({ d: '2026-11-22', n: 9007199254740 });
    } finally {
      await database.close();
    }
  });
});
