/**
 * `glassbox notices purge` against a real database (embedded PGlite in a temporary DATA_DIR, or
 * PostgreSQL at TEST_DATABASE_URL): removes the case details of notices past their retention,
 * leaves the others, and refuses an unknown organisation.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateNotice, getOrganisationBySlug, openDatabase, systemCtx, type Database } from '@glassbox/core';
import { makeSystem, makeUser } from '@glassbox/core/testing/factories';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type Io } from './cli.js';

const databaseUrl = process.env.TEST_DATABASE_URL;
let dataDir = '';
let env: NodeJS.ProcessEnv = {};

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env, readStdin: async () => '' };
  const code = await run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withOwnConnection<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = databaseUrl ? await openDatabase({ url: databaseUrl, poolSize: 1 }) : await openDatabase({ dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'glassbox-cli-notices-'));
  env = databaseUrl ? { DATA_DIR: dataDir, DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir };
  expect((await cli(['migrate'])).code).toBe(0);
}, 120_000);
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

describe('glassbox notices purge', () => {
  it('removes case details past their retention and keeps the rest', async () => {
    const slug = `cli-${randomUUID().slice(0, 8)}`;
    expect((await cli(['create-org', '--slug', slug, '--name', 'Notice Council'])).code).toBe(0);
    const [expired, current] = await withOwnConnection(async (database) => {
      const org = await getOrganisationBySlug(database.db, slug);
      if (!org) throw new Error('org missing');
      const owner = await makeUser(database.db, { organisationId: org.id, roles: ['admin'] });
      const system = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id, name: 'Helper', publicVisibility: 'public' });
      const ctx = systemCtx(database.db, 'test');
      const make = (ref: string) => generateNotice(ctx, { organisationId: org.id, systemId: system.id, language: 'en', variant: 'standard', format: 'html', publicBaseUrl: 'http://x', caseReference: ref, recipientName: 'Ana' });
      const a = await make('OLD-1');
      const b = await make('NEW-1');
      await database.db.updateTable('notice').set({ purge_after: new Date(Date.now() - 1000) }).where('id', '=', a.id).execute();
      return [a.id, b.id];
    });
    const r = await cli(['notices', 'purge', '--org', slug]);
    expect(r, r.err).toMatchObject({ code: 0, out: 'Removed case details from 1 notice.' });
    const rows = await withOwnConnection((database) => database.db.selectFrom('notice').select(['id', 'case_reference', 'recipient_name']).where('id', 'in', [expired, current]).execute());
    expect(rows.find((x) => x.id === expired)).toMatchObject({ case_reference: null, recipient_name: null });
    expect(rows.find((x) => x.id === current)).toMatchObject({ case_reference: 'NEW-1', recipient_name: 'Ana' });
    expect((await cli(['notices', 'purge', '--org', slug])).out).toBe('No notice details past their retention.');
  });

  it('refuses an unknown organisation', async () => {
    const r = await cli(['notices', 'purge', '--org', 'no-such-org-here']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('no-such-org-here');
  });
});
