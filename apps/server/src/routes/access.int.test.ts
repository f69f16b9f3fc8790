/**
 * Route × caller matrix. The table below says, for every route the server registers, who may call
 * it. The test fails when a route is missing from the table, when the table and the route's own
 * declaration disagree, and when any caller gets through who should not (or is turned away who
 * should not be). Callers: anonymous, each role, a member of another organisation, and API tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { createApiToken, ROLES, systemCtx, type Role } from '@glassbox/core';
import { makeOrganisation, makeSystem, makeUser } from '@glassbox/core/testing/factories';
import access from '../plugins/access.js';
import { createTestApp, makeOrgWithEveryRole, NO_RATE_LIMIT, signInAs, type Session, type TestApp } from '../testing/harness.js';

/** `oneSystem`: API tokens limited to one AI system may call it (for their own system only). */
/** `readOnly`: a POST that changes nothing, so read tokens may call it. */
type Expect = 'public' | 'signedIn' | { roles: readonly Role[] | 'member'; token?: 'read' | 'write'; oneSystem?: true; readOnly?: true };

const ADMIN = { roles: ['admin'] } as const;
const AUDIT_READERS = { roles: ['admin', 'auditor', 'governance_officer'], token: 'read' } as const;
const MEMBERS_AND_READ_TOKENS = { roles: 'member', token: 'read' } as const;
const SYSTEM_READERS = { roles: 'member', token: 'read', oneSystem: true } as const;
const SYSTEM_WRITERS = { roles: ['admin', 'governance_officer', 'system_owner'], token: 'write', oneSystem: true } as const;
const SYSTEM_CREATORS = { roles: ['admin', 'governance_officer', 'system_owner'], token: 'write' } as const;
/** Evidence: any member at the door (the obligation's owner may hold any role); the service narrows it. */
const EVIDENCE_WRITERS = { roles: 'member', token: 'write', oneSystem: true } as const;

/** Who may call each route. Add a row with every new route. */
const EXPECTED: Record<string, Expect> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/v1/auth/sign-in': 'public',
  'GET /api/v1/auth/session': 'signedIn',
  'POST /api/v1/auth/sign-out': 'signedIn',
  'POST /api/v1/auth/switch-organisation': 'signedIn',
  'POST /api/v1/auth/change-password': 'signedIn',
  'POST /api/v1/auth/password-reset/request': 'public',
  'POST /api/v1/auth/password-reset/complete': 'public',
  'GET /api/v1/invitations/:token': 'public',
  'POST /api/v1/invitations/accept': 'public',
  'GET /api/v1/orgs/:org': { roles: 'member', token: 'read' },
  'PATCH /api/v1/orgs/:org': ADMIN,
  'GET /api/v1/orgs/:org/units': { roles: 'member', token: 'read' },
  'POST /api/v1/orgs/:org/units': ADMIN,
  'GET /api/v1/orgs/:org/members': { roles: ['admin'], token: 'read' },
  'GET /api/v1/orgs/:org/people': { roles: ['admin', 'governance_officer', 'system_owner'], token: 'read' },
  'PATCH /api/v1/orgs/:org/members/:userId': ADMIN,
  'DELETE /api/v1/orgs/:org/members/:userId': ADMIN,
  'GET /api/v1/orgs/:org/invitations': ADMIN,
  'POST /api/v1/orgs/:org/invitations': ADMIN,
  'DELETE /api/v1/orgs/:org/invitations/:id': ADMIN,
  'GET /api/v1/orgs/:org/api-tokens': ADMIN,
  'POST /api/v1/orgs/:org/api-tokens': ADMIN,
  'DELETE /api/v1/orgs/:org/api-tokens/:id': ADMIN,
  'GET /api/v1/orgs/:org/outbox': ADMIN,
  'GET /api/v1/orgs/:org/audit-events': AUDIT_READERS,
  'GET /api/v1/orgs/:org/audit-events/verify': AUDIT_READERS,
  'GET /api/v1/orgs/:org/systems': SYSTEM_READERS,
  'POST /api/v1/orgs/:org/systems': SYSTEM_CREATORS,
  'GET /api/v1/orgs/:org/systems/:systemId': SYSTEM_READERS,
  'PATCH /api/v1/orgs/:org/systems/:systemId': SYSTEM_WRITERS,
  'POST /api/v1/orgs/:org/systems/:systemId/archive': SYSTEM_WRITERS,
  'POST /api/v1/orgs/:org/systems/:systemId/unarchive': SYSTEM_WRITERS,
  'POST /api/v1/orgs/:org/systems/:systemId/transitions': SYSTEM_WRITERS,
  'GET /api/v1/orgs/:org/systems/:systemId/versions': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/systems/:systemId/versions/diff': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/systems/export': MEMBERS_AND_READ_TOKENS,
  'POST /api/v1/orgs/:org/systems/import': { roles: ['admin', 'governance_officer'], token: 'write' },
  'GET /api/v1/orgs/:org/tool-catalogue': MEMBERS_AND_READ_TOKENS,
  'POST /api/v1/orgs/:org/tool-catalogue': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/tool-catalogue/check': MEMBERS_AND_READ_TOKENS,
  'GET /api/v1/orgs/:org/tool-catalogue/:id': MEMBERS_AND_READ_TOKENS,
  'PATCH /api/v1/orgs/:org/tool-catalogue/:id': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/tool-catalogue/:id/archive': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/systems/:systemId/screenings': SYSTEM_WRITERS,
  'GET /api/v1/orgs/:org/systems/:systemId/screenings': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/systems/:systemId/screenings/latest': SYSTEM_READERS,
  'POST /api/v1/orgs/:org/screenings/quick': SYSTEM_CREATORS,
  'POST /api/v1/orgs/:org/classify': { roles: 'member', token: 'read', readOnly: true },
  'GET /api/v1/orgs/:org/tier-policy': MEMBERS_AND_READ_TOKENS,
  'PUT /api/v1/orgs/:org/tier-policy': ADMIN,
  'GET /api/v1/orgs/:org/systems/:systemId/obligations': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/systems/:systemId/obligations/progress': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/obligations/progress': MEMBERS_AND_READ_TOKENS,
  'PATCH /api/v1/orgs/:org/systems/:systemId/obligations/:obligationId': SYSTEM_WRITERS,
  'POST /api/v1/orgs/:org/systems/:systemId/obligations/:obligationId/evidence': EVIDENCE_WRITERS,
  'POST /api/v1/orgs/:org/systems/:systemId/obligations/:obligationId/evidence/file': EVIDENCE_WRITERS,
  'GET /api/v1/orgs/:org/systems/:systemId/obligations/:obligationId/evidence/:evidenceId/file': SYSTEM_READERS,
  'DELETE /api/v1/orgs/:org/systems/:systemId/obligations/:obligationId/evidence/:evidenceId': EVIDENCE_WRITERS,
  'GET /api/v1/orgs/:org/tasks': MEMBERS_AND_READ_TOKENS,
  'POST /api/v1/orgs/:org/tasks': { roles: ['admin', 'governance_officer'], token: 'write' },
  /** The task's owner may hold any role; the service narrows it down. */
  'PATCH /api/v1/orgs/:org/tasks/:taskId': { roles: 'member', token: 'write' },
  'GET /api/v1/orgs/:org/concerns': { roles: ['admin', 'governance_officer', 'system_owner', 'auditor'], token: 'read' },
  'GET /api/v1/orgs/:org/concerns/:concernId': { roles: ['admin', 'governance_officer', 'system_owner', 'auditor'], token: 'read' },
  'PATCH /api/v1/orgs/:org/concerns/:concernId': { roles: ['admin', 'governance_officer', 'system_owner'] },
  'GET /api/v1/orgs/:org/redress-requests': { roles: ['admin', 'governance_officer', 'system_owner', 'auditor'], token: 'read' },
  'GET /api/v1/orgs/:org/redress-requests/:requestId': { roles: ['admin', 'governance_officer', 'system_owner', 'auditor'], token: 'read' },
  'PATCH /api/v1/orgs/:org/redress-requests/:requestId': { roles: ['admin', 'governance_officer', 'system_owner'] },
  'GET /api/v1/orgs/:org/redress-requests/:requestId/letter': { roles: ['admin', 'governance_officer', 'system_owner'] },
  'POST /api/v1/orgs/:org/redress-requests/escalate': { roles: ['admin', 'governance_officer'] },
  'GET /api/v1/orgs/:org/citizen-settings': { roles: ['admin', 'governance_officer', 'system_owner', 'auditor'], token: 'read' },
  'PUT /api/v1/orgs/:org/citizen-settings': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/systems/:systemId/notices': { roles: ['admin', 'governance_officer', 'system_owner', 'caseworker', 'reviewer'], token: 'write', oneSystem: true },
  'GET /api/v1/orgs/:org/systems/:systemId/notices/preview': { roles: ['admin', 'governance_officer', 'system_owner', 'caseworker', 'reviewer'], token: 'read', oneSystem: true },
  'GET /api/v1/orgs/:org/notices': { roles: ['admin', 'governance_officer', 'system_owner', 'caseworker', 'reviewer', 'auditor'], token: 'read' },
  'GET /api/v1/orgs/:org/systems/:systemId/notice-settings': { roles: ['admin', 'governance_officer', 'system_owner', 'caseworker', 'reviewer', 'auditor'], token: 'read' },
  'PUT /api/v1/orgs/:org/systems/:systemId/notice-settings': { roles: ['admin', 'governance_officer'] },
  'GET /api/v1/orgs/:org/consultations': MEMBERS_AND_READ_TOKENS,
  'POST /api/v1/orgs/:org/consultations': { roles: ['admin', 'governance_officer', 'system_owner'] },
  'GET /api/v1/orgs/:org/consultations/:consultationId': MEMBERS_AND_READ_TOKENS,
  'PATCH /api/v1/orgs/:org/consultations/:consultationId': { roles: ['admin', 'governance_officer', 'system_owner'] },
  'PUT /api/v1/orgs/:org/consultations/:consultationId/summary': { roles: ['admin', 'governance_officer', 'system_owner'] },
  'GET /api/v1/orgs/:org/consultations/:consultationId/comments': { roles: ['admin', 'governance_officer', 'system_owner', 'auditor'] },
  'PATCH /api/v1/orgs/:org/consultations/:consultationId/comments/:commentId': { roles: ['admin', 'governance_officer', 'system_owner'] },
  'GET /api/v1/orgs/:org/assessment-templates': MEMBERS_AND_READ_TOKENS,
  'POST /api/v1/orgs/:org/assessment-templates/import': { roles: ['admin', 'governance_officer'] },
  'GET /api/v1/orgs/:org/assessment-templates/:templateId': MEMBERS_AND_READ_TOKENS,
  'POST /api/v1/orgs/:org/assessment-templates/:templateId/clone': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/assessment-templates/:templateId/archive': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/assessment-templates/:templateId/unarchive': { roles: ['admin', 'governance_officer'] },
  'GET /api/v1/orgs/:org/assessment-template-versions/:versionId': MEMBERS_AND_READ_TOKENS,
  'GET /api/v1/orgs/:org/assessment-template-versions/:versionId/export': MEMBERS_AND_READ_TOKENS,
  'PUT /api/v1/orgs/:org/assessment-template-versions/:versionId': { roles: ['admin', 'governance_officer'] },
  'DELETE /api/v1/orgs/:org/assessment-template-versions/:versionId': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/assessment-template-versions/:versionId/publish': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/assessment-template-versions/:versionId/preview-score': { roles: 'member', token: 'read', readOnly: true },
  'GET /api/v1/orgs/:org/assessments': MEMBERS_AND_READ_TOKENS,
  'POST /api/v1/orgs/:org/assessments': { roles: ['admin', 'governance_officer'], token: 'write' },
  'GET /api/v1/orgs/:org/systems/:systemId/assessments': SYSTEM_READERS,
  'POST /api/v1/orgs/:org/systems/:systemId/assessments': SYSTEM_WRITERS,
  'GET /api/v1/orgs/:org/assessments/:assessmentId': SYSTEM_READERS,
  'PATCH /api/v1/orgs/:org/assessments/:assessmentId/answers': SYSTEM_WRITERS,
  'POST /api/v1/orgs/:org/assessments/:assessmentId/submit': SYSTEM_WRITERS,
  'POST /api/v1/orgs/:org/assessments/:assessmentId/approve': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/assessments/:assessmentId/return': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/assessments/:assessmentId/reassess': SYSTEM_WRITERS,
  'GET /api/v1/orgs/:org/assessments/:assessmentId/diff': SYSTEM_READERS,
  'POST /api/v1/orgs/:org/assessments/:assessmentId/comments': SYSTEM_WRITERS,
  'DELETE /api/v1/orgs/:org/assessments/:assessmentId/comments/:commentId': SYSTEM_WRITERS,
  'POST /api/v1/orgs/:org/assessments/:assessmentId/attachments': SYSTEM_WRITERS,
  'GET /api/v1/orgs/:org/assessments/:assessmentId/attachments/:attachmentId/file': SYSTEM_READERS,
  'DELETE /api/v1/orgs/:org/assessments/:assessmentId/attachments/:attachmentId': SYSTEM_WRITERS,
  'GET /api/v1/orgs/:org/assessments/:assessmentId/report.html': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/assessments/:assessmentId/report.pdf': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/assessments/:assessmentId/report.json': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/assessments/:assessmentId/aia-saved-file.json': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/assessment-rules': MEMBERS_AND_READ_TOKENS,
  'PUT /api/v1/orgs/:org/assessment-rules': { roles: ['admin', 'governance_officer'] },
  'DELETE /api/v1/orgs/:org/assessment-rules': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/systems/:systemId/material-change': SYSTEM_WRITERS,
  'GET /api/v1/orgs/:org/systems/:systemId/register-entry': SYSTEM_READERS,
  'PUT /api/v1/orgs/:org/systems/:systemId/register-entry': SYSTEM_WRITERS,
  'GET /api/v1/orgs/:org/systems/:systemId/register-entry/preview': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/systems/:systemId/register-entry/checks': SYSTEM_READERS,
  'POST /api/v1/orgs/:org/systems/:systemId/register-entry/publish': { roles: ['admin', 'governance_officer'] },
  'POST /api/v1/orgs/:org/systems/:systemId/register-entry/withdraw': { roles: ['admin', 'governance_officer'] },
  'GET /api/v1/orgs/:org/systems/:systemId/register-entry/publications': SYSTEM_READERS,
  'GET /api/v1/orgs/:org/register-settings': MEMBERS_AND_READ_TOKENS,
  'PUT /api/v1/orgs/:org/register-settings': { roles: ['admin', 'governance_officer'] },
};

/** Framework and page routes: public by construction (docs UI, staff app files, public site). */
const isFrameworkOrPage = (url: string): boolean => url.startsWith('/api/docs') || url === '/app' || url.startsWith('/app/') || !url.startsWith('/api/') && !['/healthz', '/readyz'].includes(url);

type Caller = {
  name: string;
  headers: Record<string, string>;
  kind: 'anonymous' | 'user' | 'other-org' | 'token';
  role?: Role;
  scope?: 'read' | 'write';
  tokenOrg?: 'own' | 'other';
  /** A token limited to one AI system: its own system's id fills :systemId. */
  systemId?: string;
};

let t: TestApp;
let orgSlug: string;
let callers: Caller[];
let signOutSession: Session;

beforeAll(async () => {
  t = await createTestApp();
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  orgSlug = org.slug;
  const other = await makeOrganisation(t.database.db, 'Other Council');
  const outsider = await makeUser(t.database.db, { organisationId: other.id, roles: [...ROLES] });
  const outsiderSession = await signInAs(t.app, outsider);
  const ctx = systemCtx(t.database.db, 'test');
  const read = await createApiToken(ctx, { organisationId: org.id, name: 'read', scope: 'read' });
  const write = await createApiToken(ctx, { organisationId: org.id, name: 'write', scope: 'write' });
  const foreign = await createApiToken(ctx, { organisationId: other.id, name: 'foreign', scope: 'write' });
  const ownSystem = await makeSystem(t.database.db, { organisationId: org.id, ownerId: sessions.system_owner.user.id });
  const oneSystem = await createApiToken(ctx, { organisationId: org.id, name: 'one system', scope: 'write', systemId: ownSystem.id });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}`, ...NO_RATE_LIMIT });
  callers = [
    { name: 'anonymous', headers: { ...NO_RATE_LIMIT }, kind: 'anonymous' },
    ...ROLES.map((role): Caller => ({ name: role, headers: sessions[role].headers, kind: 'user', role })),
    { name: 'member of another organisation (every role)', headers: outsiderSession.headers, kind: 'other-org' },
    { name: 'read token', headers: bearer(read.token), kind: 'token', scope: 'read', tokenOrg: 'own' },
    { name: 'write token', headers: bearer(write.token), kind: 'token', scope: 'write', tokenOrg: 'own' },
    { name: "another organisation's token", headers: bearer(foreign.token), kind: 'token', scope: 'write', tokenOrg: 'other' },
    { name: 'write token limited to one system', headers: bearer(oneSystem.token), kind: 'token', scope: 'write', tokenOrg: 'own', systemId: ownSystem.id },
  ];
  signOutSession = sessions.staff;
}, 120_000);

afterAll(async () => t?.close());

function allowed(expect: Expect, method: string, caller: Caller): boolean {
  if (expect === 'public') return true;
  if (expect === 'signedIn') return caller.kind === 'user' || caller.kind === 'other-org';
  if (caller.kind === 'anonymous' || caller.kind === 'other-org') return false;
  if (caller.kind === 'token') {
    if (!expect.token || caller.tokenOrg !== 'own') return false;
    if (caller.systemId && !expect.oneSystem) return false;
    const writes = (method !== 'GET' && !expect.readOnly) || expect.token === 'write';
    return !writes || caller.scope === 'write';
  }
  return expect.roles === 'member' || (caller.role !== undefined && expect.roles.includes(caller.role));
}

const fillUrl = (url: string, caller?: Caller): string =>
  url
    .replace(':org', orgSlug)
    .replace(':systemId', caller?.systemId ?? ':systemId')
    .replace(/:[a-zA-Z]*[iI]d\b/g, '00000000-0000-4000-8000-000000000000')
    .replace(':token', 'not-a-real-invitation-token')
    .replace('*', 'x');

describe('route × caller access matrix', () => {
  it('every registered API route has a row in the table and agrees with its declaration', () => {
    const declared = t.app.declaredRoutes.filter((r) => !isFrameworkOrPage(r.url));
    const keys = declared.map((r) => `${r.method} ${r.url}`);
    expect(keys.filter((k) => !(k in EXPECTED)), 'routes missing from the EXPECTED table').toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !keys.includes(k)), 'table rows with no route').toEqual([]);
    for (const r of declared) {
      const row = EXPECTED[`${r.method} ${r.url}`];
      const a = r.access;
      if ('public' in a) expect(row, `${r.method} ${r.url}`).toBe('public');
      else if ('signedIn' in a) expect(row, `${r.method} ${r.url}`).toBe('signedIn');
      else expect(row, `${r.method} ${r.url}`).toEqual({ roles: a.org, ...(a.token && { token: a.token }), ...(r.systemScopedTokens && { oneSystem: true }), ...(r.readOnly && { readOnly: true }) });
    }
  });

  it('page and framework routes are all public (they serve HTML and files only)', () => {
    const pages = t.app.declaredRoutes.filter((r) => isFrameworkOrPage(r.url));
    expect(pages.length).toBeGreaterThan(0);
    for (const r of pages) expect(r.access, r.url).toEqual({ public: true });
  });

  it('lets exactly the right callers through on every route', async () => {
    const failures: string[] = [];
    // Sign-out ends the caller's session, so it runs last, on a session of its own.
    const routes = Object.keys(EXPECTED).sort((a, b) => Number(a.endsWith('/sign-out')) - Number(b.endsWith('/sign-out')));
    for (const key of routes) {
      const [method, url] = key.split(' ') as [string, string];
      const expectation = EXPECTED[key] as Expect;
      for (const caller of callers) {
        const isSignOut = url.endsWith('/sign-out');
        const headers = isSignOut && caller.kind === 'user' ? signOutSession.headers : caller.headers;
        if (isSignOut && caller.kind === 'user' && caller.role !== 'staff') continue;
        const res = await t.app.inject({
          method: method as 'GET',
          url: fillUrl(url, caller),
          headers: { ...headers, ...(method !== 'GET' && { 'content-type': 'application/json' }) },
          ...(method !== 'GET' && method !== 'DELETE' && { payload: '{}' }),
        });
        const ok = allowed(expectation, method, caller);
        const denied = res.statusCode === 401 || res.statusCode === 403;
        if (ok && denied) failures.push(`${key} as ${caller.name}: expected through, got ${res.statusCode} ${res.body}`);
        if (!ok && !denied) failures.push(`${key} as ${caller.name}: expected 401/403, got ${res.statusCode}`);
        if (!ok && caller.kind === 'anonymous' && res.statusCode !== 401) failures.push(`${key} as anonymous: expected 401, got ${res.statusCode}`);
        if (res.statusCode >= 500) failures.push(`${key} as ${caller.name}: ${res.statusCode} ${res.body}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses to start with a route that does not say who may call it', async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(access, { database: t.database, sessionSecret: 'x'.repeat(40) });
    expect(() => app.get('/api/v1/undeclared', async () => 'hi')).toThrow(/does not declare who may call it/);
    await app.close();
  });
});
