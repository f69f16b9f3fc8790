/** The HTTP shell: health, OpenAPI, headers, request ids, not-found answers, start-up configuration. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@glassbox/core';
import { buildApp } from './app.js';
import { createTestApp, testConfig, type TestApp } from './testing/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

describe('HTTP shell', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.database.kind });
  });

  it('publishes an OpenAPI 3.1 document covering every API route, and browsable docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    expect(doc.openapi).toBe('3.1.0');
    const apiRoutes = t.app.declaredRoutes.filter((r) => r.url.startsWith('/api/v1/'));
    expect(apiRoutes.length).toBeGreaterThan(20);
    for (const r of apiRoutes) {
      const op = doc.paths[r.url.replace(/:([a-zA-Z]+)/g, '{$1}')]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.url} in OpenAPI`).toBeDefined();
      expect(Object.keys(op?.responses ?? {}).some((s) => s.startsWith('2')), `${r.method} ${r.url} documents its success response`).toBe(true);
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API paths with JSON and unknown pages with HTML', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'route.not_found' });
    const page = await t.app.inject({ method: 'GET', url: '/some/page/that/does/not/exist' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('reports not ready when the database does not answer', async () => {
    // A PostgreSQL address where nothing listens: every query fails at once.
    const unreachable = await openDatabase({ url: 'postgres://glassbox@127.0.0.1:1/none', poolSize: 1 });
    const app = await buildApp({ config: testConfig, database: unreachable, logger: false });
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable', database: 'postgres' });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
    await unreachable.close();
  });
});

describe('start-up configuration', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /DATABASE_URL/],
    [{ LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
  ])('exits with code 1 and names the wrong variable: %j', (env, pattern) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: path.join(root, '.tmp', 'never-created'), ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).toMatch(/configuration is wrong/);
  });
});
