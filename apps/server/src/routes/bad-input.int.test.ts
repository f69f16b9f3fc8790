/**
 * Sends generated bad input to every registered route — as an anonymous caller and as an
 * administrator, so validation runs behind the access check — and fails on any 5xx. Bad input must
 * always get a 4xx that names the problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestApp, makeOrgWithEveryRole, NO_RATE_LIMIT, type TestApp } from '../testing/harness.js';

let t: TestApp;
let orgSlug: string;
let adminHeaders: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  orgSlug = org.slug;
  adminHeaders = sessions.admin.headers;
}, 120_000);
afterAll(async () => t?.close());

const WRONG_VALUES: unknown[] = [null, 0, -1, 1e308, true, '', ' ', 'x'.repeat(10_000), '<script>alert(1)</script>', "' or 1=1 --", [], {}, [1, 2], { nested: { deep: [null] } }, '\u0000', '2026-13-45'];

/** Payload variants built from the route's own body schema in the OpenAPI document. */
function payloadsFor(bodySchema: { properties?: Record<string, unknown>; required?: string[] } | undefined): unknown[] {
  const out: unknown[] = [{}, [], 'text', 42, null, { unexpected: 'field' }];
  const props = Object.keys(bodySchema?.properties ?? {});
  for (const prop of props) {
    for (const value of WRONG_VALUES) out.push({ [prop]: value });
  }
  // All fields wrong at once, plus an unknown one.
  out.push(Object.fromEntries([...props.map((p) => [p, 12345]), ['__proto__', { admin: true }], ['extra', 1]]));
  return out;
}

function paramVariants(url: string): string[] {
  const fill = (v: string) =>
    url
      .replace(':org', orgSlug)
      .replace(/:[a-zA-Z]*[iI]d\b/g, v)
      .replace(':token', v)
      .replace('*', v);
  return [fill('not-a-uuid'), fill('%00'), fill('x'.repeat(300)), fill('00000000-0000-4000-8000-000000000000'), url.replace(':org', 'no-such-org').replace(/:[a-zA-Z]+/g, 'x')];
}

describe('bad input never causes a 5xx', () => {
  it('on every route, for anonymous callers and administrators', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>>;
    };
    const failures: string[] = [];
    let sent = 0;
    // Staff-app files take no input; everything else (API and public pages) is fuzzed.
    const routes = t.app.declaredRoutes.filter((r) => !r.url.endsWith('/sign-out') && r.url !== '/app' && !r.url.startsWith('/app/'));
    for (const route of routes) {
      const openapiPath = route.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      const op = spec.paths[openapiPath]?.[route.method.toLowerCase()];
      const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
      const urls = paramVariants(route.url);
      const requests: InjectOptions[] = [];
      for (const url of urls) {
        requests.push({ method: route.method as 'GET', url: `${url}?limit=abc&offset=-5&before=x&from=yesterday&unknown=1` });
        requests.push({ method: route.method as 'GET', url: `${url}?q=${'%FF'.repeat(3)}` });
      }
      const base = urls[3] ?? route.url;
      if (route.method !== 'GET' && route.method !== 'DELETE') {
        for (const payload of payloadsFor(bodySchema)) {
          requests.push({ method: route.method as 'POST', url: base, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
        }
        requests.push({ method: route.method as 'POST', url: base, headers: { 'content-type': 'application/json' }, payload: '{"unterminated' });
        requests.push({ method: route.method as 'POST', url: base, headers: { 'content-type': 'text/plain' }, payload: 'hello' });
        requests.push({ method: route.method as 'POST', url: base, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a&password=b' });
        requests.push({ method: route.method as 'POST', url: base, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ big: 'x'.repeat(2 * 1024 * 1024) }) });
        requests.push({ method: route.method as 'POST', url: base, headers: { 'content-type': 'application/json' } });
      }
      for (const as of [{ ...NO_RATE_LIMIT }, adminHeaders]) {
        for (const req of requests) {
          const res = await t.app.inject({ ...req, headers: { ...as, ...(req.headers as Record<string, string>) } });
          sent += 1;
          if (res.statusCode >= 500) failures.push(`${req.method} ${String(req.url).slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
            const body = res.json() as { code?: string; message?: string };
            if (!body.code || !body.message) failures.push(`${req.method} ${req.url}: error without code/message: ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 300_000);

  it('names the offending fields', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${orgSlug}/invitations`,
      headers: adminHeaders,
      payload: { email: 'not-an-email', roles: ['emperor'], shoeSize: 44 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; fields: Record<string, string> };
    expect(body.code).toBe('request.invalid');
    expect(Object.keys(body.fields).sort()).toEqual(['email', 'roles.0', 'shoeSize']);
  });

  it('answers oversized bodies with 413 and wrong content types with 415', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { ...NO_RATE_LIMIT, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { ...NO_RATE_LIMIT, 'content-type': 'text/plain' }, payload: 'hi' });
    expect(text.statusCode).toBe(415);
    expect((text.json() as { message: string }).message).toMatch(/application\/json/);
  });
});
