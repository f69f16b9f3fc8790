/**
 * `glassbox inventory export|import`, run in-process through run() against a real database (a fresh
 * PGlite in a temporary DATA_DIR, or the shared PostgreSQL at TEST_DATABASE_URL, hence unique
 * slugs). PGlite lets one holder open a data directory at a time, so the test closes its own
 * connection before calling run() again.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUnit, csvRecord, openDatabase, parseCsv, systemCtx, type Database } from '@glassbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type Io } from './cli.js';

const databaseUrl = process.env.TEST_DATABASE_URL;

let dataDir = '';
let workDir = '';
let env: NodeJS.ProcessEnv = {};

type Result = { code: number; out: string; err: string };

async function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env: { ...env, ...extraEnv }, readStdin: async () => '' };
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

const unique = (): string => randomUUID().slice(0, 8);

/** An organisation with one administrator (the owner named in the files) and a unit. */
async function makeOrg(): Promise<{ slug: string; email: string; orgId: string }> {
  const slug = `inv-${unique()}`;
  const email = `owner-${unique()}@test.example`;
  expect((await cli(['create-org', '--slug', slug, '--name', 'Inventory Council'])).code).toBe(0);
  const user = await cli(['create-user', '--email', email, '--name', 'Olive Owner', '--org', slug, '--role', 'system_owner']);
  expect(user.code, user.err).toBe(0);
  const orgId = await withOwnConnection(async ({ db }) => {
    const org = await db.selectFrom('organisation').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    await createUnit(systemCtx(db, 'test'), { organisationId: org.id, name: 'Digital Services' });
    return org.id;
  });
  return { slug, email, orgId };
}

const HEADER = ['name', 'purpose', 'unit', 'ownerEmail', 'sourcing', 'supplier', 'decisionRole', 'personalData', 'tags'];

function generateCsv(rows: number, email: string): string {
  const sourcing = ['in_house', 'procured', 'general_purpose_tool'];
  let text = csvRecord(HEADER);
  for (let i = 1; i <= rows; i++) {
    const s = sourcing[i % 3] ?? 'in_house';
    text += csvRecord([
      `System ${String(i).padStart(4, '0')}`,
      `Helps with task ${i}, "as described"\nin two lines.`,
      i % 2 === 0 ? 'Digital Services' : '',
      email,
      s,
      s === 'in_house' ? '' : `Vendor ${i % 7}`,
      i % 5 === 0 ? 'decides' : 'recommends',
      i % 4 === 0 ? 'false' : 'true',
      `batch-${i % 10}; generated`,
    ]);
  }
  return text;
}

const countSystems = (orgId: string) =>
  withOwnConnection(async ({ db }) => {
    const systems = await db.selectFrom('ai_system').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', orgId).executeTakeFirstOrThrow();
    const versions = await db.selectFrom('ai_system_version').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', orgId).executeTakeFirstOrThrow();
    return { systems: Number(systems.n), versions: Number(versions.n) };
  });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'glassbox-inventory-'));
  workDir = await mkdtemp(path.join(tmpdir(), 'glassbox-inventory-files-'));
  env = databaseUrl ? { DATA_DIR: dataDir, DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir };
  const r = await cli(['migrate']);
  expect(r.code, r.err).toBe(0);
}, 120_000);

afterAll(async () => {
  await Promise.all([dataDir, workDir].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
});

describe('glassbox inventory import and export', () => {
  it('imports 2,000 rows with progress lines, all in one go, then exports them to a file that parses back', async () => {
    const { slug, email, orgId } = await makeOrg();
    const file = path.join(workDir, 'systems-2000.csv');
    await writeFile(file, `\uFEFF${generateCsv(2000, email)}`);

    const dry = await cli(['inventory', 'import', '--org', slug, '--file', file, '--dry-run'], { GLASSBOX_PROGRESS: 'lines' });
    expect(dry.code, dry.out + dry.err).toBe(0);
    expect(dry.out).toBe(`Checked 2000 rows of ${file}: no problems. Nothing was written (dry run).`);
    expect(dry.err.split('\n')).toEqual(Array.from({ length: 10 }, (_, i) => `Validated ${(i + 1) * 200} of 2000 rows (${(i + 1) * 10}%)`));
    expect(await countSystems(orgId)).toEqual({ systems: 0, versions: 0 });

    const real = await cli(['inventory', 'import', '--org', slug, '--file', file], { GLASSBOX_PROGRESS: 'lines' });
    expect(real.code, real.out + real.err).toBe(0);
    expect(real.out).toBe(`Created 2000 AI systems in ${slug} from ${file}.`);
    const progress = real.err.split('\n');
    expect(progress).toContain('Validated 2000 of 2000 rows (100%)');
    expect(progress.filter((l) => l.startsWith('Created '))).toEqual(Array.from({ length: 10 }, (_, i) => `Created ${(i + 1) * 200} of 2000 systems (${(i + 1) * 10}%)`));
    expect(await countSystems(orgId)).toEqual({ systems: 2000, versions: 2000 });

    const out = path.join(workDir, 'export.csv');
    const exported = await cli(['inventory', 'export', '--org', slug, '--out', out], { GLASSBOX_PROGRESS: 'lines' });
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toBe(`Exported 2000 AI systems of ${slug} (glassbox, csv) to ${out}.`);
    expect(exported.err.split('\n')).toEqual(['Exported 1000 systems…', 'Exported 2000 systems…']);
    const records = parseCsv(await readFile(out, 'utf8'));
    expect(records).toHaveLength(2001);
    const header = records[0] ?? [];
    const at = (name: string) => header.indexOf(name);
    const first = records[1] ?? [];
    expect(first[at('name')]).toBe('System 0001');
    expect(first[at('purpose')]).toBe('Helps with task 1, "as described"\nin two lines.');
    expect(first[at('ownerEmail')]).toBe(email);
    expect(first[at('tags')]).toBe('batch-1; generated');
    expect(records[2]?.[at('unit')]).toBe('Digital Services');
    expect(new Set(records.slice(1).map((r) => r[at('id')])).size).toBe(2000);
    // No temporary file is left beside the export.
    expect((await readdir(workDir)).filter((f) => f.includes('partial'))).toEqual([]);
  }, 300_000);

  it('prints the report as a table and exits 1 when rows have problems, importing nothing', async () => {
    const { slug, email, orgId } = await makeOrg();
    const file = path.join(workDir, `bad-${unique()}.csv`);
    await writeFile(
      file,
      [
        'name,purpose,sourcing,decisionRole,personalData,ownerEmail',
        `Fine,Does things.,in_house,informs,true,${email}`,
        `Wrong,Does things.,outsourced,informs,true,${email}`,
        'No owner,Does things.,in_house,informs,true,',
        '',
      ].join('\n'),
    );
    const r = await cli(['inventory', 'import', '--org', slug, '--file', file]);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      'Row  Column      Problem',
      '---  ----------  -------',
      '3    sourcing    Choose one of: in_house, procured, general_purpose_tool.',
      '4    ownerEmail  Give the email of the owner, a member of this organisation accountable for the system.',
      `2 problems in 2 rows of ${file}: nothing was imported.`,
    ]);
    expect(await countSystems(orgId)).toEqual({ systems: 0, versions: 0 });
  });

  it('draws one updating line on a terminal', async () => {
    const { slug, email } = await makeOrg();
    const file = path.join(workDir, `tty-${unique()}.csv`);
    await writeFile(file, generateCsv(150, email));
    const r = await cli(['inventory', 'import', '--org', slug, '--file', file, '--dry-run'], { GLASSBOX_PROGRESS: 'tty' });
    expect(r.code, r.err).toBe(0);
    const lines = r.err.split('\n');
    expect(lines[0]).toBe('Validated 1 of 150 rows (0%)');
    expect(lines.slice(1).every((l) => l.startsWith('\u001b[1A\u001b[2KValidated '))).toBe(true);
    expect(lines.at(-1)).toBe('\u001b[1A\u001b[2KValidated 150 of 150 rows (100%)');
    const quiet = await cli(['inventory', 'import', '--org', slug, '--file', file, '--dry-run'], { GLASSBOX_PROGRESS: 'off' });
    expect(quiet.err).toBe('');
  });

  it('exports the OMB 2025 columns as JSON on standard output', async () => {
    const { slug, email } = await makeOrg();
    const file = path.join(workDir, `two-${unique()}.csv`);
    await writeFile(file, generateCsv(2, email));
    expect((await cli(['inventory', 'import', '--org', slug, '--file', file])).code).toBe(0);
    const r = await cli(['inventory', 'export', '--org', slug, '--format', 'json', '--profile', 'omb-2025']);
    expect(r.code, r.err).toBe(0);
    const body = JSON.parse(r.out) as { profile: string; columns: string[]; items: Array<Record<string, string | null>> };
    expect(body.profile).toBe('omb-2025');
    expect(body.columns[0]).toBe('id');
    expect(body.items.map((i) => i.use_case_name)).toEqual(['System 0001', 'System 0002']);
    expect(body.items[0]).toMatchObject({ contact_email: email, has_pii: 'Yes', development_stage: expect.stringMatching(/^a\) Pre-deployment/) });
    expect(r.err).toBe(`Exported 2 AI systems of ${slug} (omb-2025, json) to standard output.`);

    const csv = await cli(['inventory', 'export', '--org', slug]);
    expect(parseCsv(csv.out)).toHaveLength(3);
    expect(csv.out.includes('\r\n')).toBe(false);
  });

  it('names wrong options and missing files', async () => {
    expect(await cli(['inventory', 'export', '--org', 'x', '--format', 'xlsx'])).toMatchObject({ code: 2, err: expect.stringContaining('--format') });
    expect(await cli(['inventory', 'export'])).toMatchObject({ code: 2, err: expect.stringContaining('--org') });
    expect(await cli(['inventory', 'import', '--org', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('--file') });
    expect(await cli(['inventory', 'import', '--org', 'x', '--file', path.join(workDir, 'missing.csv')])).toMatchObject({ code: 1, err: expect.stringContaining('No such file') });
    expect(await cli(['inventory', 'export', '--org', `nope-${unique()}`])).toMatchObject({ code: 1, err: expect.stringContaining('No organisation') });
    const help = await cli(['inventory', '--help']);
    expect(help.out).toMatch(/inventory export {2}Export/);
    expect(help.out).toMatch(/inventory import {2}Register/);
  });
});
