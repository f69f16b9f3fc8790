/**
 * `npm run bench`: HTTP throughput and start-up time of the Glassbox server, each printed next to a
 * baseline measured in the same run on the same machine (a bare Fastify hello-world). Nothing here
 * asserts timing: the targets are printed as met or not, honestly, and the exit code only says
 * whether every measurement could be taken.
 *
 * Every server runs in a child process; this process only drives load (autocannon) on loopback.
 * Settings: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 2), BENCH_CONNECTIONS
 * (default 50), BENCH_DATABASE_URL (use this PostgreSQL instead of a throw-away cluster),
 * BENCH_CPU_PROF=<dir> (write a V8 CPU profile of each measured server into dir),
 * BENCH_VERBOSE=1 (echo the children's output).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSettingsFromEnv, measureLoad, type LoadResult, type LoadSettings } from './lib/load.js';
import { ROOT, cleanupAll, freePort, spawnChild, tempDir, waitFor200, type Child } from './lib/processes.js';
import { postgresVersion, providePostgres } from './lib/postgres.js';
import { fmtInt, fmtMs, fmtPct, fmtS, table } from './lib/report.js';
import { seedOrgWithMembers, type SeededOrg } from './lib/seed.js';
import { seedOrgWithSystems, type SeededInventory } from './lib/seed-inventory.js';
import { serverArgs } from '../scripts/server-command.mjs';
import { measureRegister, REGISTER_SYSTEMS, TARGET_REGISTER_P99_MS, TARGET_REGISTER_RPS } from './register.js';

const MEMBERS = 1000;
const TARGET_LIST_RATIO = 0.4;
const TARGET_READY_MS = 10_000;
const SYSTEMS = 10_000;
const INVENTORY_CONNECTIONS = 20;
const PAGE = 50;
const TARGET_INVENTORY_P99_MS = 50;

type Db = 'PGlite' | 'PostgreSQL';
type LoadRow = { what: string; db: Db | '-'; result: LoadResult; expected?: 304 };
const isList = (row: LoadRow): boolean => row.what.startsWith('members list');
const isInventory = (row: LoadRow): boolean => row.what.startsWith('inventory');
type StartRow = { what: string; db: Db; ms: number };

const loadRows: LoadRow[] = [];
const startRows: StartRow[] = [];
const failures: string[] = [];

const settings = loadSettingsFromEnv();
const cpuProfDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
/** BENCH_ONLY=members,inventory,register,startup (comma-separated): run only those parts; the baseline always runs. */
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((p) => p.trim()) : null;
const wanted = (part: 'members' | 'inventory' | 'register' | 'startup'): boolean => !only || only.includes(part);
const isRegister = (row: LoadRow): boolean => row.what.startsWith('register');

const say = (text: string): void => console.log(text);
const step = (text: string): void => console.log(`· ${text}`);

/** The environment of a Glassbox server child: quiet logs, no demo, one database or the other. */
function serverEnv(port: number, db: { dataDir: string } | { url: string }, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO: 'false' };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if ('url' in db) env.DATABASE_URL = db.url;
  else env.DATA_DIR = db.dataDir;
  return { ...env, ...extra };
}

async function startServer(name: string, env: NodeJS.ProcessEnv, port: number): Promise<{ child: Child; base: string }> {
  // One folder per server: Node writes one profile per thread (tsx's loader runs in its own).
  const prof = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(cpuProfDir, name)}`] : [];
  const child = spawnChild(name, process.execPath, serverArgs(prof), env);
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/readyz`, child, performance.now());
  return { child, base };
}

/** The hello-world baseline, and the same bare Fastify serving a 1,000-member list from memory. */
async function measureBaseline(): Promise<{ hello: LoadResult; samePayload: LoadResult }> {
  const port = await freePort();
  const child = spawnChild('hello-world', process.execPath, ['bench/hello-world.server.mjs'], { ...process.env, PORT: String(port), MEMBERS: String(MEMBERS) });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitFor200(`${url}/`, child, performance.now());
    step(`baseline: Fastify hello-world, GET / (${settings.durationS} s)`);
    const hello = await measureLoad(`${url}/`, settings);
    const bytes = await checkList(`${url}/members`, {});
    step(`reference: the same Fastify, GET /members — ${fmtInt(MEMBERS)} items from memory, ${fmtInt(bytes / 1024)} KiB (${settings.durationS} s)`);
    const samePayload = await measureLoad(`${url}/members`, settings);
    return { hello, samePayload };
  } finally {
    await child.stop();
  }
}

/** One response must be the whole list before it is worth timing. */
async function checkList(url: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { items?: unknown[]; total?: number };
  if (body.items?.length !== MEMBERS || body.total !== MEMBERS) {
    throw new Error(`GET ${url} returned ${body.items?.length ?? 'no'} items (total ${body.total}), expected ${MEMBERS}`);
  }
  return Buffer.byteLength(text);
}

async function measureGlassbox(db: Db, where: { dataDir: string } | { url: string }, seeded: SeededOrg, load: LoadSettings): Promise<void> {
  const port = await freePort();
  // With DATABASE_URL the data directory still holds the session secret: keep it out of the repo.
  const extra: Record<string, string> = 'url' in where ? { DATA_DIR: tempDir('secret') } : {};
  const { child, base } = await startServer(`glassbox-${db}`, serverEnv(port, where, extra), port);
  try {
    step(`${db}: GET /healthz (${load.durationS} s)`);
    loadRows.push({ what: 'GET /healthz', db, result: await measureLoad(`${base}/healthz`, load) });

    const listUrl = `${base}/api/v1/orgs/${seeded.slug}/members?limit=${MEMBERS}`;
    const headers = { authorization: `Bearer ${seeded.token}` };
    const bytes = await checkList(listUrl, headers);
    step(`${db}: GET /api/v1/orgs/<slug>/members?limit=${MEMBERS} with a read token — ${fmtInt(MEMBERS)} items, ${fmtInt(bytes / 1024)} KiB per response (${load.durationS} s)`);
    loadRows.push({ what: `members list, ${fmtInt(MEMBERS)} items, token`, db, result: await measureLoad(listUrl, load, headers) });

    // A client that keeps the ETag (a case system polling the list) sends If-None-Match: 304.
    const etag = (await fetch(listUrl, { headers })).headers.get('etag');
    const conditional = { ...headers, 'if-none-match': etag ?? '' };
    const check = await fetch(listUrl, { headers: conditional });
    if (!etag || check.status !== 304) throw new Error(`expected a 304 for a repeat request with its ETag, got ${check.status}`);
    step(`${db}: the same list, repeat request with If-None-Match (304, no body) (${load.durationS} s)`);
    loadRows.push({ what: `members list, ${fmtInt(MEMBERS)} items, token, repeat (304)`, db, result: await measureLoad(listUrl, load, conditional), expected: 304 });
  } finally {
    await child.stop();
  }
}

/** One page of the inventory must come back full before it is worth timing. */
async function checkPage(url: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { items?: unknown[]; total?: number };
  if (body.items?.length !== PAGE || !body.total || body.total < PAGE) throw new Error(`GET ${url} returned ${body.items?.length ?? 'no'} items (total ${body.total}), expected a full page of ${PAGE}`);
  return body.total;
}

/** The inventory list, a search and a filtered list over SYSTEMS systems, at INVENTORY_CONNECTIONS connections. */
async function measureInventory(url: string, seeded: SeededInventory): Promise<void> {
  const port = await freePort();
  const { child, base } = await startServer('glassbox-inventory', serverEnv(port, { url }, { DATA_DIR: tempDir('secret-inv') }), port);
  const load: LoadSettings = { ...settings, connections: INVENTORY_CONNECTIONS };
  try {
    const headers = { authorization: `Bearer ${seeded.token}` };
    const list = `${base}/api/v1/orgs/${seeded.slug}/systems`;
    const cases: Array<[string, string]> = [
      ['inventory list, first page', `?limit=${PAGE}`],
      ['inventory search q=fraud', `?q=fraud&limit=${PAGE}`],
      ['inventory filter in_service + high', `?lifecycle=in_service&euTier=high&limit=${PAGE}`],
    ];
    for (const [what, query] of cases) {
      const total = await checkPage(`${list}${query}`, headers);
      step(`PostgreSQL: GET /api/v1/orgs/<slug>/systems${query} — ${fmtInt(total)} of ${fmtInt(seeded.systems)} match, ${INVENTORY_CONNECTIONS} connections (${load.durationS} s)`);
      loadRows.push({ what: `${what} (${fmtInt(total)} match)`, db: 'PostgreSQL', result: await measureLoad(`${list}${query}`, load, headers) });
    }
  } finally {
    await child.stop();
  }
}

/** Milliseconds from spawning the command to the first 200 from /readyz; then stops it. */
async function timeStart(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawnChild(name, command, args, env);
  try {
    return await waitFor200(`http://127.0.0.1:${port}/readyz`, child, t0, 120_000);
  } finally {
    await child.stop();
  }
}

/** Anything but the expected answers makes a row's figures suspect: say so next to them. */
function problems(r: LoadResult, expected?: 304): string {
  const wrong = expected === 304 ? r.requests - r.non2xx : r.non2xx;
  const parts = [wrong ? `${fmtInt(wrong)} ${expected === 304 ? 'not 304' : 'non-2xx'}` : '', r.errors ? `${fmtInt(r.errors)} errors` : '', r.timeouts ? `${fmtInt(r.timeouts)} timeouts` : ''];
  return parts.filter(Boolean).join(', ');
}

async function section(label: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    failures.push(`${label}: ${message}`);
    console.error(`\n✗ ${label} failed: ${message}\n`);
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  say(`Glassbox bench — node ${process.version}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
  say(`load: autocannon, ${settings.connections} connections, pipelining 1, ${settings.warmupS} s warm-up then ${settings.durationS} s measured, loopback`);
  say('every server runs in its own child process; this process only drives load');
  say(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on this machine skews every figure, the baseline too)\n`);

  const { hello: baseline, samePayload } = await measureBaseline();
  loadRows.push({ what: 'baseline: Fastify hello-world', db: '-', result: baseline });
  loadRows.push({ what: `reference: Fastify, ${fmtInt(MEMBERS)} items from memory`, db: '-', result: samePayload });

  if (wanted('members')) await section('PGlite load', async () => {
    const dataDir = tempDir('pglite');
    step(`PGlite: seeding an organisation with ${fmtInt(MEMBERS)} members in ${dataDir}`);
    const seeded = await seedOrgWithMembers({ dataDir }, MEMBERS);
    await measureGlassbox('PGlite', { dataDir }, seeded, settings);
  });

  let pgUrl: string | undefined;
  await section('PostgreSQL load', async () => {
    const pg = await providePostgres();
    pgUrl = pg.url;
    if (!wanted('members')) return;
    step(`PostgreSQL ${await postgresVersion(pg.url)}: ${pg.origin}; seeding ${fmtInt(MEMBERS)} members`);
    const seeded = await seedOrgWithMembers({ url: pg.url, poolSize: 2 }, MEMBERS);
    await measureGlassbox('PostgreSQL', { url: pg.url }, seeded, settings);
  });

  if (pgUrl && wanted('register')) {
    const url = pgUrl;
    await section('PostgreSQL register load', async () => {
      for (const row of await measureRegister(url, settings, startServer, serverEnv, step)) loadRows.push({ ...row, db: 'PostgreSQL' });
    });
  }

  if (pgUrl && wanted('inventory')) {
    const url = pgUrl;
    await section('PostgreSQL inventory load', async () => {
      step(`PostgreSQL: seeding an organisation with ${fmtInt(SYSTEMS)} AI systems`);
      const seeded = await seedOrgWithSystems({ url, poolSize: 2 }, SYSTEMS);
      await measureInventory(url, seeded);
    });
  }

  const webBuilt = existsSync(path.join(ROOT, 'apps/web/dist/index.html'));
  if (wanted('startup')) await section('start-up on PGlite', async () => {
    const dataDir = tempDir('start');
    const port = await freePort();
    // What a person gets from `npm start`: the default demo seed on a new data directory.
    const env = serverEnv(port, { dataDir }, { DEMO: 'true' });
    step('start-up on PGlite: `npm start` on a new data directory, then again on the existing one');
    startRows.push({ what: 'npm start, new data dir (creates it, demo seed)', db: 'PGlite', ms: await timeStart('npm-start-1', 'npm', ['start'], env, port) });
    startRows.push({ what: 'npm start, existing data dir', db: 'PGlite', ms: await timeStart('npm-start-2', 'npm', ['start'], env, port) });
    const serverOnly = await timeStart('server-only', process.execPath, serverArgs(), env, port);
    startRows.push({ what: 'server alone (node … apps/server/src/main.ts), existing', db: 'PGlite', ms: serverOnly });
  });

  if (pgUrl && wanted('startup')) {
    const url = pgUrl;
    await section('start-up on PostgreSQL', async () => {
      const port = await freePort();
      const env = serverEnv(port, { url }, { DEMO: 'true', DATA_DIR: tempDir('start-pg') });
      step('start-up on PostgreSQL: `npm start` with DATABASE_URL on the existing, migrated database');
      startRows.push({ what: 'npm start, existing database', db: 'PostgreSQL', ms: await timeStart('npm-start-pg', 'npm', ['start'], env, port) });
    });
  }

  // ---- report ----
  say(`\nThroughput (req/s: mean over the measured ${settings.durationS} s; ratios = req/s ÷ the reference's req/s)\n`);
  say(
    table(
      ['what', 'database', 'req/s', 'p50 ms', 'p99 ms', 'vs hello-world', 'vs same payload', 'notes'],
      loadRows.map((row) => [
        row.what,
        row.db,
        fmtInt(row.result.reqPerSec),
        fmtMs(row.result.p50Ms),
        fmtMs(row.result.p99Ms),
        fmtPct(row.result.reqPerSec / baseline.reqPerSec),
        isList(row) ? fmtPct(row.result.reqPerSec / samePayload.reqPerSec) : '',
        problems(row.result, row.expected),
      ]),
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );

  if (startRows.length > 0) {
    say('\nStart-up (spawn → first 200 from /readyz)\n');
    say(table(['what', 'database', 'ready after'], startRows.map((r) => [r.what, r.db, fmtS(r.ms)]), ['left', 'left', 'right']));
    if (!webBuilt) say('note: apps/web/dist/index.html was missing, so the first `npm start` above ran `npm run build:web` first (and so did every later one if that build failed).');
  }

  const listPg = loadRows.find((r) => r.db === 'PostgreSQL' && isList(r) && !r.expected);
  const repeatPg = loadRows.find((r) => r.db === 'PostgreSQL' && isList(r) && r.expected === 304);
  const inventoryRows = loadRows.filter(isInventory);
  const readyPglite = startRows.find((r) => r.db === 'PGlite' && r.what === 'npm start, existing data dir');
  const met = (ok: boolean): string => (ok ? 'met' : 'NOT MET');
  const summary: string[][] = [
    ['baseline: Fastify hello-world', `${fmtInt(baseline.reqPerSec)} req/s, p99 ${fmtMs(baseline.p99Ms)} ms`, '', ''],
    [`reference: ${fmtInt(MEMBERS)} items from memory`, `${fmtInt(samePayload.reqPerSec)} req/s = ${fmtPct(samePayload.reqPerSec / baseline.reqPerSec)}`, '', ''],
    ...loadRows
      .filter((r) => r.db !== '-')
      .map((r) => [
        `${r.what} (${r.db})`,
        `${fmtInt(r.result.reqPerSec)} req/s = ${fmtPct(r.result.reqPerSec / baseline.reqPerSec)}` +
          (isList(r) ? ` (${fmtPct(r.result.reqPerSec / samePayload.reqPerSec)} of same payload)` : '') +
          (isInventory(r) ? `, p99 ${fmtMs(r.result.p99Ms)} ms (hello-world p99 ${fmtMs(baseline.p99Ms)} ms)` : ''),
        '',
        '',
      ]),
  ];
  if (listPg) {
    const ratio = listPg.result.reqPerSec / baseline.reqPerSec;
    const clean = listPg.result.non2xx === 0 && listPg.result.errors === 0;
    summary.push(['TARGET list of 1,000 on PostgreSQL', `${fmtPct(ratio)} of baseline`, `≥ ${fmtPct(TARGET_LIST_RATIO)}`, met(ratio >= TARGET_LIST_RATIO && clean)]);
  } else {
    summary.push(['TARGET list of 1,000 on PostgreSQL', 'not measured', `≥ ${fmtPct(TARGET_LIST_RATIO)}`, 'UNKNOWN']);
  }
  if (repeatPg) {
    const ratio = repeatPg.result.reqPerSec / baseline.reqPerSec;
    summary.push(['same list, repeat request (304), PostgreSQL', `${fmtPct(ratio)} of baseline`, `≥ ${fmtPct(TARGET_LIST_RATIO)}`, met(ratio >= TARGET_LIST_RATIO && problems(repeatPg.result, 304) === '')]);
  }
  const inventoryTarget = `inventory list/search p99 < ${TARGET_INVENTORY_P99_MS} ms at ${INVENTORY_CONNECTIONS} connections`;
  if (inventoryRows.length === 3) {
    const worst = Math.max(...inventoryRows.map((r) => r.result.p99Ms));
    const clean = inventoryRows.every((r) => problems(r.result) === '');
    summary.push([`TARGET ${inventoryTarget}, ${fmtInt(SYSTEMS)} systems, PostgreSQL`, `worst p99 ${fmtMs(worst)} ms`, `< ${TARGET_INVENTORY_P99_MS} ms`, met(worst < TARGET_INVENTORY_P99_MS && clean)]);
  } else {
    summary.push([`TARGET ${inventoryTarget}, PostgreSQL`, 'not measured', `< ${TARGET_INVENTORY_P99_MS} ms`, 'UNKNOWN']);
  }
  const registerPage = loadRows.find((r) => isRegister(r) && r.what.startsWith('register system page (') && !r.expected);
  const registerList = loadRows.find((r) => isRegister(r) && r.what.startsWith('register list'));
  if (registerPage) {
    const ok = registerPage.result.reqPerSec >= TARGET_REGISTER_RPS && registerPage.result.p99Ms < TARGET_REGISTER_P99_MS && problems(registerPage.result) === '';
    summary.push([
      `TARGET register system page, ${fmtInt(REGISTER_SYSTEMS)} published, ${settings.connections} connections, PostgreSQL`,
      `${fmtInt(registerPage.result.reqPerSec)} req/s, p99 ${fmtMs(registerPage.result.p99Ms)} ms (hello-world ${fmtInt(baseline.reqPerSec)} req/s, p99 ${fmtMs(baseline.p99Ms)} ms)`,
      `≥ ${fmtInt(TARGET_REGISTER_RPS)} req/s, p99 < ${TARGET_REGISTER_P99_MS} ms`,
      met(ok),
    ]);
  } else if (wanted('register')) {
    summary.push(['TARGET register system page, PostgreSQL', 'not measured', `≥ ${fmtInt(TARGET_REGISTER_RPS)} req/s, p99 < ${TARGET_REGISTER_P99_MS} ms`, 'UNKNOWN']);
  }
  if (registerList) {
    summary.push([
      `register list, ${settings.connections} connections, PostgreSQL`,
      `${fmtInt(registerList.result.reqPerSec)} req/s, p99 ${fmtMs(registerList.result.p99Ms)} ms`,
      `p99 < ${TARGET_REGISTER_P99_MS} ms`,
      met(registerList.result.p99Ms < TARGET_REGISTER_P99_MS && problems(registerList.result) === ''),
    ]);
  }
  if (readyPglite) {
    summary.push(['TARGET ready after npm start, PGlite', fmtS(readyPglite.ms), `< ${fmtS(TARGET_READY_MS)}`, met(readyPglite.ms < TARGET_READY_MS)]);
  } else {
    summary.push(['TARGET ready after npm start, PGlite', 'not measured', `< ${fmtS(TARGET_READY_MS)}`, 'UNKNOWN']);
  }
  say('\nSummary\n');
  say(table(['', 'figure', 'target', ''], summary, ['left', 'left', 'left', 'left']));
  say(`\nbench took ${fmtS(performance.now() - t0)}; load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (cpuProfDir) say(`CPU profiles of the measured servers: ${cpuProfDir}`);
  if (failures.length > 0) {
    say(`\n${failures.length} part(s) could not be measured:\n${failures.map((f) => `  - ${f.split('\n')[0]}`).join('\n')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (err) {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
