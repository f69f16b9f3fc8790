/**
 * The public register under load (issue #5 point 12): on PostgreSQL, an organisation with 1,000
 * published systems; the system page (cycling through 200 systems, each visited once before), the register list (first page)
 * and a search, at the bench's connection count (50 by default), plus a repeat request with its
 * ETag (304). Each page is checked for its content before it is timed.
 */
import autocannon from 'autocannon';
import type { LoadResult, LoadSettings } from './lib/load.js';
import { freePort, tempDir, type Child } from './lib/processes.js';
import { seedPublishedRegister } from './register-seed.js';

export const REGISTER_SYSTEMS = 1000;
export const TARGET_REGISTER_RPS = 3000;
export const TARGET_REGISTER_P99_MS = 50;

export type RegisterRow = { what: string; result: LoadResult; expected?: 304 };

async function measurePaths(base: string, paths: string[], settings: LoadSettings, headers: Record<string, string> = {}): Promise<LoadResult> {
  const opts = { url: base, connections: settings.connections, pipelining: 1, headers, timeout: 20, requests: paths.map((path) => ({ method: 'GET' as const, path })) };
  await autocannon({ ...opts, duration: settings.warmupS });
  const r = await autocannon({ ...opts, duration: settings.durationS });
  return { reqPerSec: r.requests.average, p99Ms: r.latency.p99, p50Ms: r.latency.p50, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts };
}

async function expectPage(url: string, contains: string): Promise<{ etag: string; bytes: number }> {
  const res = await fetch(url);
  const text = await res.text();
  if (res.status !== 200 || !text.includes(contains)) throw new Error(`GET ${url} answered ${res.status} without "${contains}": ${text.slice(0, 300)}`);
  return { etag: res.headers.get('etag') ?? '', bytes: Buffer.byteLength(text) };
}

export async function measureRegister(
  pgUrl: string,
  settings: LoadSettings,
  startServer: (name: string, env: NodeJS.ProcessEnv, port: number) => Promise<{ child: Child; base: string }>,
  serverEnv: (port: number, db: { url: string }, extra: Record<string, string>) => NodeJS.ProcessEnv,
  step: (text: string) => void,
): Promise<RegisterRow[]> {
  step(`PostgreSQL: seeding an organisation with ${REGISTER_SYSTEMS} published register entries`);
  const seeded = await seedPublishedRegister({ url: pgUrl, poolSize: 2 }, REGISTER_SYSTEMS);
  const port = await freePort();
  const { child, base } = await startServer('glassbox-register', serverEnv(port, { url: pgUrl }, { DATA_DIR: tempDir('secret-reg') }), port);
  const rows: RegisterRow[] = [];
  try {
    const systemPaths = seeded.systemSlugs.slice(0, 200).map((s) => `/${seeded.slug}/register/${s}`);
    const first = systemPaths[0] ?? '';
    const page = await expectPage(`${base}${first}`, 'Your rights and how to use them');
    await expectPage(`${base}${systemPaths[1] ?? first}`, 'Change history');
    // Steady state: a register's pages have each been visited once (autocannon's connections walk the
    // list in step, so without this every connection would ask for the same uncached page at once).
    for (const path of systemPaths) await expectPage(`${base}${path}`, 'Change history');
    step(`PostgreSQL: GET /<org>/register/<system> — 200 different system pages in turn, ${Math.round(page.bytes / 1024)} KiB each (${settings.durationS} s)`);
    rows.push({ what: `register system page (${REGISTER_SYSTEMS} published)`, result: await measurePaths(base, systemPaths, settings) });

    const list = `/${seeded.slug}/register`;
    await expectPage(`${base}${list}`, `Systems found: ${REGISTER_SYSTEMS}`);
    step(`PostgreSQL: GET /<org>/register — the list, first page of ${REGISTER_SYSTEMS} (${settings.durationS} s)`);
    rows.push({ what: `register list, first page (${REGISTER_SYSTEMS} published)`, result: await measurePaths(base, [list], settings) });

    const searches = ['benefits', 'housing+chatbot', 'parking', 'schools'].map((q) => `${list}?q=${q}&sort=updated`);
    await expectPage(`${base}${searches[0] ?? list}`, 'Systems found:');
    step(`PostgreSQL: GET /<org>/register?q=…&sort=updated — four searches in turn (${settings.durationS} s)`);
    rows.push({ what: 'register search + sort', result: await measurePaths(base, searches, settings) });

    const check = await fetch(`${base}${first}`, { headers: { 'if-none-match': page.etag } });
    if (check.status !== 304) throw new Error(`expected a 304 for the system page with its ETag, got ${check.status}`);
    step(`PostgreSQL: the system page again with If-None-Match (304) (${settings.durationS} s)`);
    rows.push({ what: 'register system page, repeat (304)', result: await measurePaths(base, [first], settings, { 'if-none-match': page.etag }), expected: 304 });
  } finally {
    await child.stop();
  }
  return rows;
}
