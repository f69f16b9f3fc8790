/**
 * The glassbox command, run in-process through run() against a real database: a fresh embedded
 * PGlite in a temporary DATA_DIR, or the shared PostgreSQL at TEST_DATABASE_URL (hence unique slugs
 * and emails). PGlite lets one holder open a data directory at a time, so the test closes its own
 * connection before calling run() again.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '@glassbox/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, run, type Io } from './cli.js';

const BIN = fileURLToPath(new URL('../bin/glassbox.mjs', import.meta.url));
const databaseUrl = process.env.TEST_DATABASE_URL;

let dataDir = '';
const tempDirs: string[] = [];
let env: NodeJS.ProcessEnv = {};

type Result = { code: number; out: string; err: string };

async function cli(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env: options.env ?? env,
    readStdin: async () => options.stdin ?? '',
  };
  const code = await run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const unique = (): string => randomUUID().slice(0, 8);

async function withOwnConnection<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = databaseUrl ? await openDatabase({ url: databaseUrl, poolSize: 1 }) : await openDatabase({ dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function makeOrg(): Promise<string> {
  const slug = `cli-${unique()}`;
  const r = await cli(['create-org', '--slug', slug, '--name', 'Test Council']);
  expect(r, r.err).toMatchObject({ code: 0 });
  return slug;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'glassbox-cli-'));
  tempDirs.push(dataDir);
  env = databaseUrl ? { DATA_DIR: dataDir, DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir };
  const r = await cli(['migrate']);
  expect(r.code, r.err).toBe(0);
});

afterAll(async () => {
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('glassbox help', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s --help exits 0 and documents every option', async (name, command) => {
    const r = await cli([...name.split(' '), '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: glassbox ${name}`);
    for (const option of Object.keys(command.options)) expect(r.out).toContain(`--${option}`);
    expect(r.out).toMatch(/Examples?:\n {2}.*glassbox /);
  });

  it('lists every command, and shows the version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.out).toContain(c.name);
    expect((await cli(['help', 'create-token'])).out).toContain('--scope');
    const version = await cli(['--version']);
    expect(version).toMatchObject({ code: 0, out: expect.stringMatching(/^glassbox \d+\.\d+\.\d+/) });
  });

  it('rejects an unknown command or option with exit code 2', async () => {
    expect(await cli(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('"frobnicate"') });
    expect(await cli([])).toMatchObject({ code: 2, err: expect.stringContaining('No command given') });
    expect(await cli(['migrate', '--force'])).toMatchObject({ code: 2, err: expect.stringContaining('--force') });
    expect(await cli(['audit', 'check'])).toMatchObject({ code: 2, err: expect.stringContaining('audit check') });
  });

  it('the real bin runs from another directory and its process exits', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { cwd: tmpdir(), encoding: 'utf8', timeout: 60_000 });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('create-org');
    // A command that opens the database must close it, or the process lingers: a pg connection left
    // idle holds it for 10 s, so the limit sits below that (start-up plus migrate take 1-3 s).
    const migrate = spawnSync(process.execPath, [BIN, 'migrate'], { cwd: tmpdir(), encoding: 'utf8', timeout: 9_000, env: { ...process.env, ...env } });
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain('up to date');
  });
});

describe('glassbox migrate', () => {
  it('applies pending migrations, then reports the schema is up to date', async () => {
    const first = await cli(['migrate']);
    expect(first.code, first.err).toBe(0);
    const second = await cli(['migrate']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('up to date');
  });

  it('names DATABASE_URL when it is not a PostgreSQL URL', async () => {
    const r = await cli(['migrate'], { env: { ...env, DATABASE_URL: 'mysql://x' } });
    expect(r.code).toBe(1);
    expect(r.err).toContain('DATABASE_URL');
  });

  it('other commands refuse a database that has not been migrated', async () => {
    const fresh = await mkdtemp(path.join(tmpdir(), 'glassbox-cli-empty-'));
    tempDirs.push(fresh);
    const r = await cli(['create-org', '--slug', `cli-${unique()}`, '--name', 'X'], { env: { DATA_DIR: fresh } });
    expect(r.code).toBe(1);
    expect(r.err).toContain('glassbox migrate');
  });
});

describe('creating organisations, people and tokens', () => {
  it('creates an organisation, an admin in it, and an API token shown once', async () => {
    const slug = `cli-${unique()}`;
    const org = await cli(['create-org', '--slug', slug, '--name', 'City of Testford', '--contact-email', 'ai@testford.example', '--locale', 'fr']);
    expect(org.code, org.err).toBe(0);
    expect(org.out).toContain(slug);

    const email = `admin-${unique()}@testford.example`;
    const user = await cli(['create-user', '--email', email, '--name', 'Ada Admin', '--org', slug, '--role', 'admin', '--role', 'reviewer,auditor']);
    expect(user.code, user.err).toBe(0);
    expect(user.out).toContain(email);
    expect(user.out).toContain('admin, reviewer, auditor');
    const generated = /^Password: (\S+)$/m.exec(user.out)?.[1];
    expect(generated?.length ?? 0).toBeGreaterThanOrEqual(12);

    const token = await cli(['create-token', '--org', slug, '--name', 'Case system', '--scope', 'write', '--expires', '2099-12-31']);
    expect(token.code, token.err).toBe(0);
    expect(token.out).toMatch(/^gbx_[A-Za-z0-9_-]{20,}$/m);
    expect(token.out).toContain('will not be shown again');

    await withOwnConnection(async ({ db }) => {
      const member = await db
        .selectFrom('membership as m')
        .innerJoin('app_user as u', 'u.id', 'm.user_id')
        .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
        .select(['m.roles', 'o.default_locale'])
        .where('u.email', '=', email)
        .where('o.slug', '=', slug)
        .executeTakeFirstOrThrow();
      expect(member.roles).toEqual(['admin', 'reviewer', 'auditor']);
      expect(member.default_locale).toBe('fr');
      const actors = await db
        .selectFrom('audit_event as e')
        .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
        .select('e.actor_label')
        .distinct()
        .where('o.slug', '=', slug)
        .execute();
      expect(actors.map((a) => a.actor_label)).toEqual(['system:cli']);
    });
  });

  it('reads the password from standard input and enforces its length', async () => {
    const slug = await makeOrg();
    const short = await cli(['create-user', '--email', `s-${unique()}@test.example`, '--name', 'Short', '--password-stdin'], { stdin: 'tooshort\n' });
    expect(short.code).toBe(1);
    expect(short.err).toContain('12');
    const ok = await cli(['create-user', '--email', `p-${unique()}@test.example`, '--name', 'Pat', '--password-stdin', '--org', slug, '--role', 'staff'], {
      stdin: 'a long enough passphrase\n',
    });
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).not.toContain('Password:');
  });

  it('refuses a slug already in use (exit 1, naming it)', async () => {
    const slug = await makeOrg();
    const r = await cli(['create-org', '--slug', slug, '--name', 'Another Council']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`"${slug}"`);
    expect(r.err).toContain('--slug');
  });

  it('names a missing required option (exit 2)', async () => {
    const r = await cli(['create-org', '--name', 'No Slug Council']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--slug');
    const none = await cli(['create-token', '--org', 'x']);
    expect(none).toMatchObject({ code: 2, err: expect.stringContaining('--name, --scope') });
  });

  it('names an unknown role (exit 2) and creates no account', async () => {
    const slug = await makeOrg();
    const email = `r-${unique()}@test.example`;
    const r = await cli(['create-user', '--email', email, '--name', 'Rolf', '--org', slug, '--role', 'staff,overlord']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"overlord"');
    const again = await cli(['create-user', '--email', email, '--name', 'Rolf', '--org', slug, '--role', 'staff']);
    expect(again.code, again.err).toBe(0);
  });

  it('rejects bad token options before touching the database', async () => {
    expect(await cli(['create-token', '--org', 'x', '--name', 'n', '--scope', 'admin'])).toMatchObject({ code: 2, err: expect.stringContaining('--scope') });
    expect(await cli(['create-token', '--org', 'x', '--name', 'n', '--scope', 'read', '--expires', 'next week'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--expires'),
    });
    expect(await cli(['create-token', '--org', 'x', '--name', 'n', '--scope', 'read', '--system', '42'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--system'),
    });
  });

  it('reports an unknown organisation and an expiry in the past (exit 1)', async () => {
    const missing = await cli(['create-token', '--org', `nope-${unique()}`, '--name', 'n', '--scope', 'read']);
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('No organisation') });
    const slug = await makeOrg();
    const past = await cli(['create-token', '--org', slug, '--name', 'n', '--scope', 'read', '--expires', '2001-01-01']);
    expect(past).toMatchObject({ code: 1, err: expect.stringContaining('--expires') });
  });
});

describe('glassbox citizen escalate', () => {
  it('says when nothing is overdue, and refuses an unknown organisation', async () => {
    const slug = await makeOrg();
    expect(await cli(['citizen', 'escalate', '--org', slug])).toMatchObject({ code: 0, out: 'No overdue request was waiting to be escalated.' });
    const unknown = await cli(['citizen', 'escalate', '--org', `nobody-${unique()}`]);
    expect(unknown.code).not.toBe(0);
  });
});

describe('glassbox audit verify', () => {
  it('reports intact chains, then names the first event someone altered', async () => {
    const slug = await makeOrg();
    const user = await cli(['create-user', '--email', `a-${unique()}@test.example`, '--name', 'Audra', '--org', slug, '--role', 'auditor']);
    expect(user.code, user.err).toBe(0);

    const one = await cli(['audit', 'verify', '--org', slug]);
    expect(one.code, one.out).toBe(0);
    expect(one.out).toBe(`${slug}: intact, 2 events`);

    const all = await cli(['audit', 'verify']);
    expect(all.out).toContain(`${slug}: intact, 2 events`);
    expect(all.out).toMatch(/^platform: intact, \d+ events?$/m);
    // On a shared PostgreSQL another suite may have broken its own chain on purpose.
    expect(all.code).toBe(all.out.includes('BROKEN') ? 1 : 0);
    if (!databaseUrl) expect(all.code).toBe(0);

    const tampered = await withOwnConnection(async (database) => {
      const event = await database.db
        .selectFrom('audit_event as e')
        .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
        .select(['e.id', 'e.seq'])
        .where('o.slug', '=', slug)
        .where('e.action', '=', 'membership.created')
        .executeTakeFirstOrThrow();
      await database.exclusive(async (c) => {
        await c.exec('alter table audit_event disable trigger audit_event_no_update_delete');
        await c.query("update audit_event set action = 'membership.nothing_to_see' where id = $1", [event.id]);
        await c.exec('alter table audit_event enable trigger audit_event_no_update_delete');
      });
      return event;
    });

    const broken = await cli(['audit', 'verify', '--org', slug]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`${slug}: BROKEN at event #${tampered.seq} (${tampered.id})`);
    const brokenAll = await cli(['audit', 'verify', '--all']);
    expect(brokenAll.code).toBe(1);
    expect(brokenAll.out).toContain(`${slug}: BROKEN at event #${tampered.seq}`);
  });

  it('refuses --org together with --all, and an unknown organisation', async () => {
    expect(await cli(['audit', 'verify', '--org', 'x', '--all'])).toMatchObject({ code: 2 });
    expect(await cli(['audit', 'verify', '--org', `nope-${unique()}`])).toMatchObject({ code: 1, err: expect.stringContaining('No organisation') });
  });
});

describe('glassbox seed-demo', () => {
  it('creates the demo once, then says it exists', async () => {
    // The demo slug is fixed, so on a shared database it may already be there.
    const first = await cli(['seed-demo']);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/Demo organisation: City of Riverton|already exists/);
    if (!databaseUrl) expect(first.out).toContain('admin@riverton.example');
    const second = await cli(['seed-demo']);
    expect(second).toMatchObject({ code: 0, out: expect.stringContaining('The demo organisation already exists.') });
  });
});
