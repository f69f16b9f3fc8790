/** HTTP load with autocannon: a short warm-up that is thrown away, then the measured run. */
import autocannon from 'autocannon';

export type LoadSettings = { connections: number; durationS: number; warmupS: number };

export type LoadResult = {
  reqPerSec: number;
  p99Ms: number;
  p50Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
}

export function loadSettingsFromEnv(): LoadSettings {
  return {
    connections: Math.round(envNumber('BENCH_CONNECTIONS', 50)),
    durationS: envNumber('BENCH_DURATION', 10),
    warmupS: envNumber('BENCH_WARMUP', 2),
  };
}

export async function measureLoad(url: string, settings: LoadSettings, headers: Record<string, string> = {}): Promise<LoadResult> {
  const base = { url, connections: settings.connections, pipelining: 1, headers, timeout: 20 };
  await autocannon({ ...base, duration: settings.warmupS });
  const r = await autocannon({ ...base, duration: settings.durationS });
  return {
    reqPerSec: r.requests.average,
    p99Ms: r.latency.p99,
    p50Ms: r.latency.p50,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}
