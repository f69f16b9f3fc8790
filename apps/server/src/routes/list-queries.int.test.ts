/**
 * No N+1: every list endpoint runs the same number of SQL statements for a handful of rows as for
 * many. Each case fills a list, measures one request, adds more rows, and measures again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createApiToken, createCatalogueEntry, createUnit, inviteMember, queueMail, systemCtx, inTransaction, updateSystem } from '@glassbox/core';
import { makeScreeningAnswers, makeSystem, makeUser, screenTestSystem } from '@glassbox/core/testing/factories';
import { makeAssessment } from '@glassbox/core/testing/factories';
import { addEvidenceLink, listObligations, updateTierPolicy } from '@glassbox/core';
import { submitConcern, submitRedressRequest } from '@glassbox/core';
import { generateNotice, createConsultation, submitConsultationComment } from '@glassbox/core';
import { cloneTemplate, importTemplate, publishDraft } from '@glassbox/core';
import { createTask } from '@glassbox/core';
import { publishRegisterEntry, saveRegisterEntry, withdrawRegisterEntry } from '@glassbox/core';
import { sampleTemplate } from '@glassbox/rules/assessment/testing';
import { createTestApp, makeOrgWithEveryRole, type TestApp } from '../testing/harness.js';

let t: TestApp;
let orgSlug: string;
let orgId: string;
let admin: Record<string, string>;
let adminId: string;
let unitId: string;
let versionedSystemId: string;
let obligatedSystemId: string | undefined;
let screenedSystemId: string | undefined;
let citizenSystemSlug: string | undefined;
let consultationId: string | undefined;
let registerSystemId: string | undefined;
let requirementCount = 0;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  const { org, sessions } = await makeOrgWithEveryRole(t.app, t.database);
  orgSlug = org.slug;
  orgId = org.id;
  admin = sessions.admin.headers;
  adminId = sessions.admin.user.id;
  unitId = (await createUnit(systemCtx(t.database.db, 'test'), { organisationId: orgId, name: 'Systems unit' })).id;
  versionedSystemId = (await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, name: 'Versioned system' })).id;
}, 120_000);
afterAll(async () => t?.close());

async function statementsFor(url: string): Promise<{ count: number; items: number }> {
  await t.app.inject({ method: 'GET', url, headers: admin }); // warm: session touch, caches
  const before = t.database.queryCount();
  const res = await t.app.inject({ method: 'GET', url, headers: admin });
  const count = t.database.queryCount() - before;
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { items: unknown[] };
  return { count, items: body.items.length };
}

const ctx = () => systemCtx(t.database.db, 'test');

const CASES: Array<{ name: string; url: () => string; add: (k: number) => Promise<void> }> = [
  {
    name: 'people (owner and assignee picker)',
    url: () => `/api/v1/orgs/${orgSlug}/people`,
    add: async (k) => {
      for (let i = 0; i < k; i++) await makeUser(t.database.db, { organisationId: orgId, roles: ['staff'], name: `Picked person ${n++}` });
    },
  },
  {
    name: 'concerns (with system and assignee names)',
    url: () => `/api/v1/orgs/${orgSlug}/concerns?limit=1000`,
    add: async (k) => {
      citizenSystemSlug ??= (await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, name: 'Public concern system', publicVisibility: 'public' })).slug;
      for (let i = 0; i < k; i++) {
        await submitConcern(ctx(), { organisationId: orgId, organisationName: 'Test', system: i % 2 ? citizenSystemSlug : null, locale: 'en', category: 'error', description: `Listed concern ${n++}`, statusUrl: (tk) => tk });
      }
    },
  },
  {
    name: 'redress requests (with time left)',
    url: () => `/api/v1/orgs/${orgSlug}/redress-requests?limit=1000`,
    add: async (k) => {
      citizenSystemSlug ??= (await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, name: 'Public concern system', publicVisibility: 'public' })).slug;
      for (let i = 0; i < k; i++) {
        await submitRedressRequest(ctx(), { organisationId: orgId, organisationName: 'Test', system: citizenSystemSlug, locale: 'en', kind: 'appeal', description: `Listed request ${n++}`, contactName: 'A person', postalAddress: '1 Main Street', statusUrl: (tk) => tk });
      }
    },
  },
  {
    name: 'register publications (history)',
    url: () => `/api/v1/orgs/${orgSlug}/systems/${registerSystemId ?? 'none'}/register-entry/publications?limit=1000`,
    add: async (k) => {
      if (!registerSystemId) {
        registerSystemId = (await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, name: 'Register history system', publicVisibility: 'public' })).id;
        const texts = { summary: 'Sorts post.', purpose: 'Post is slow.', howItWorks: 'It reads the envelope.', dataUsed: 'Addresses.', humanRole: 'A clerk checks.', rights: 'Ask us.', contact: 'post@test.example' };
        await saveRegisterEntry(ctx(), { organisationId: orgId, ref: registerSystemId, texts, publicFields: Object.keys(texts) });
      }
      // Alternate publish and withdraw: each is one more version in the history.
      for (let i = 0; i < k; i++) {
        const listed = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${orgSlug}/systems/${registerSystemId}/register-entry`, headers: admin });
        const latest = listed.json<{ latest: { state: string } | null }>().latest;
        if (latest?.state === 'published') await withdrawRegisterEntry(ctx(), { organisationId: orgId, ref: registerSystemId, reason: `Round ${n++}` });
        else await publishRegisterEntry(ctx(), { organisationId: orgId, ref: registerSystemId });
      }
    },
  },
  {
    name: 'notices (with system names)',
    url: () => `/api/v1/orgs/${orgSlug}/notices?limit=1000`,
    add: async (k) => {
      citizenSystemSlug ??= (await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, name: 'Public concern system', publicVisibility: 'public' })).slug;
      for (let i = 0; i < k; i++) {
        await generateNotice(ctx(), { organisationId: orgId, systemId: citizenSystemSlug, language: i % 2 ? 'en' : 'fr', variant: 'standard', format: 'html', publicBaseUrl: 'http://x', caseReference: `N-${n++}` });
      }
    },
  },
  {
    name: 'consultations (with system and comment counts)',
    url: () => `/api/v1/orgs/${orgSlug}/consultations?limit=1000`,
    add: async (k) => {
      const system = await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, name: `Consulted system ${n++}`, publicVisibility: 'public' });
      for (let i = 0; i < k; i++) {
        const c = await createConsultation(ctx(), { organisationId: orgId, systemId: system.id, title: `Consultation ${n++}`, intro: 'Intro', questions: ['Q?'], opensAt: new Date(Date.now() + 3_600_000).toISOString(), closesAt: new Date(Date.now() + 7_200_000).toISOString() });
        await t.database.db.updateTable('consultation').set({ opens_at: new Date(Date.now() - 3_600_000) }).where('id', '=', c.id).execute();
        await submitConsultationComment(ctx(), { organisationId: orgId, consultationId: c.id, locale: 'en', comment: `Comment ${n++}` });
      }
    },
  },
  {
    name: 'consultation comments',
    url: () => `/api/v1/orgs/${orgSlug}/consultations/${consultationId ?? ''}/comments?limit=1000`,
    add: async (k) => {
      if (!consultationId) {
        const system = await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, name: `Commented system ${n++}`, publicVisibility: 'public' });
        const c = await createConsultation(ctx(), { organisationId: orgId, systemId: system.id, title: 'Commented', intro: 'Intro', questions: [], opensAt: new Date(Date.now() + 3_600_000).toISOString(), closesAt: new Date(Date.now() + 7_200_000).toISOString() });
        await t.database.db.updateTable('consultation').set({ opens_at: new Date(Date.now() - 3_600_000) }).where('id', '=', c.id).execute();
        consultationId = c.id;
      }
      for (let i = 0; i < k; i++) await submitConsultationComment(ctx(), { organisationId: orgId, consultationId, locale: 'fr', comment: `Comment ${n++}` });
    },
  },
  {
    name: 'members',
    url: () => `/api/v1/orgs/${orgSlug}/members?limit=1000`,
    add: async (k) => {
      for (let i = 0; i < k; i++) await makeUser(t.database.db, { organisationId: orgId, roles: ['staff'] });
    },
  },
  {
    name: 'units',
    url: () => `/api/v1/orgs/${orgSlug}/units`,
    add: async (k) => {
      for (let i = 0; i < k; i++) await createUnit(ctx(), { organisationId: orgId, name: `Unit ${n++}` });
    },
  },
  {
    name: 'invitations',
    url: () => `/api/v1/orgs/${orgSlug}/invitations`,
    add: async (k) => {
      for (let i = 0; i < k; i++) await inviteMember(ctx(), { organisationId: orgId, email: `inv${n++}@test.example`, roles: ['staff'], baseUrl: 'http://x' });
    },
  },
  {
    name: 'api tokens',
    url: () => `/api/v1/orgs/${orgSlug}/api-tokens`,
    add: async (k) => {
      for (let i = 0; i < k; i++) await createApiToken(ctx(), { organisationId: orgId, name: `t${n++}`, scope: 'read' });
    },
  },
  {
    name: 'outbox',
    url: () => `/api/v1/orgs/${orgSlug}/outbox?limit=1000`,
    add: async (k) => {
      await inTransaction(ctx(), async (tx) => {
        for (let i = 0; i < k; i++) await queueMail(tx, { organisationId: orgId, to: 'x@test.example', subject: `s${n++}`, text: 'body' });
      });
    },
  },
  {
    name: 'systems (with unit and owner names)',
    url: () => `/api/v1/orgs/${orgSlug}/systems?limit=1000&sort=updated&order=desc`,
    add: async (k) => {
      for (let i = 0; i < k; i++) await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, unitId: i % 2 ? unitId : null, name: `Listed system ${n++}` });
    },
  },
  {
    name: 'system versions',
    url: () => `/api/v1/orgs/${orgSlug}/systems/${versionedSystemId}/versions?limit=1000`,
    add: async (k) => {
      for (let i = 0; i < k; i++) await updateSystem(ctx(), { organisationId: orgId, ref: versionedSystemId, changes: { purpose: `Purpose ${n++}` } });
    },
  },
  {
    name: 'tool catalogue (with inventory records)',
    url: () => `/api/v1/orgs/${orgSlug}/tool-catalogue?limit=1000`,
    add: async (k) => {
      for (let i = 0; i < k; i++) {
        await createCatalogueEntry(ctx(), {
          organisationId: orgId,
          name: `Listed tool ${n++}`,
          vendor: 'Test vendor',
          status: 'under_review',
          dataAllowed: 'none_personal',
          pricing: 'paid',
          permittedUses: ['drafting letters'],
          // Half register an inventory record, half have none.
          ...(i % 2 ? { systemId: null } : { inventoryOwnerId: adminId }),
        });
      }
    },
  },
  {
    name: 'system obligations (with evidence)',
    url: () => `/api/v1/orgs/${orgSlug}/systems/${obligatedSystemId ?? 'none'}/obligations?retired=any`,
    add: async (k) => {
      obligatedSystemId ??= (await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, name: 'Obligated system' })).id;
      // A tier with k more requirements, then a new screening: k more obligations, each with a link.
      requirementCount += k;
      const requirements = Array.from({ length: requirementCount }, (_, i) => ({ key: `req-${i}`, title: `Requirement ${i}`, phase: 'before_deployment' as const }));
      await updateTierPolicy(ctx(), { organisationId: orgId, policy: { tiers: [{ id: 'listed', label: 'Listed', requirements }], rules: [], defaultTier: 'listed' } });
      const out = await screenTestSystem(t.database.db, { organisationId: orgId, systemId: obligatedSystemId, answers: makeScreeningAnswers({ eu: null }) });
      const added = await listObligations(ctx(), { organisationId: orgId, ref: obligatedSystemId });
      for (const o of added.items.filter((i) => out.obligations.added.includes(i.key))) {
        await addEvidenceLink(ctx(), { organisationId: orgId, ref: obligatedSystemId, obligationId: o.id, title: `Proof ${n++}`, url: 'https://evidence.example/proof' });
      }
    },
  },
  {
    name: 'system screenings',
    url: () => `/api/v1/orgs/${orgSlug}/systems/${screenedSystemId ?? 'none'}/screenings?limit=1000`,
    add: async (k) => {
      screenedSystemId ??= (await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, name: 'Screened system' })).id;
      for (let i = 0; i < k; i++) await screenTestSystem(t.database.db, { organisationId: orgId, systemId: screenedSystemId });
    },
  },
  {
    name: 'assessment templates (built-ins and own, with published version and draft)',
    url: () => `/api/v1/orgs/${orgSlug}/assessment-templates`,
    add: async (k) => {
      for (let i = 0; i < k; i++) {
        const doc = { ...sampleTemplate(), key: `listed-template-${n++}` };
        const draft = await importTemplate(ctx(), { organisationId: orgId, format: 'json', content: JSON.stringify(doc) });
        // Half published with a new draft on top, half a first draft only.
        if (i % 2) {
          await publishDraft(ctx(), { organisationId: orgId, versionId: draft.id });
          await cloneTemplate(ctx(), { organisationId: orgId, templateId: draft.templateId });
        }
      }
    },
  },
  {
    name: 'organisation tasks (with owner names)',
    url: () => `/api/v1/orgs/${orgSlug}/tasks?limit=1000`,
    add: async (k) => {
      for (let i = 0; i < k; i++) await createTask(ctx(), { organisationId: orgId, title: `Listed task ${n++}`, ownerId: i % 2 ? adminId : null, dueDate: '2030-01-31' });
    },
  },
  {
    name: 'assessments (with systems and template titles)',
    url: () => `/api/v1/orgs/${orgSlug}/assessments?limit=1000`,
    add: async (k) => {
      for (let i = 0; i < k; i++) {
        const system = await makeSystem(t.database.db, { organisationId: orgId, ownerId: adminId, name: `Assessed system ${n++}` });
        await makeAssessment(t.database.db, { organisationId: orgId, systemId: system.id, templateKey: 'fria' });
      }
    },
  },
  {
    name: 'audit events',
    url: () => `/api/v1/orgs/${orgSlug}/audit-events?limit=1000`,
    add: async (k) => {
      for (let i = 0; i < k; i++) await createUnit(ctx(), { organisationId: orgId, name: `Audit unit ${n++}` });
    },
  },
];

describe('list endpoints run a fixed number of statements', () => {
  it.each(CASES)('$name', async ({ url, add }) => {
    await add(2);
    const small = await statementsFor(url());
    await add(25);
    const large = await statementsFor(url());
    expect(large.items).toBeGreaterThanOrEqual(small.items + 25);
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThanOrEqual(5);
  }, 120_000);
});

describe('members list paging and search', () => {
  it('reports the total on every page, also past the end, and searches by name or email', async () => {
    const page1 = (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${orgSlug}/members?limit=2`, headers: admin })).json() as { items: unknown[]; total: number };
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThan(2);
    const past = (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${orgSlug}/members?limit=2&offset=100000`, headers: admin })).json() as { items: unknown[]; total: number };
    expect(past).toEqual({ items: [], total: page1.total });
    const found = (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${orgSlug}/members?q=${encodeURIComponent('Test auditor')}`, headers: admin })).json() as { items: Array<{ displayName: string }>; total: number };
    expect(found.total).toBe(1);
    expect(found.items[0]?.displayName).toBe('Test auditor');
    const none = (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${orgSlug}/members?q=${encodeURIComponent('%_nobody')}`, headers: admin })).json() as { total: number };
    expect(none.total).toBe(0);
  });
});

describe('systems list totals', () => {
  it('stay exact after every change, though counts are remembered per data version', async () => {
    const url = `/api/v1/orgs/${orgSlug}/systems?limit=1&q=${encodeURIComponent('Counted system')}`;
    const total = async () => ((await t.app.inject({ method: 'GET', url, headers: admin })).json() as { total: number }).total;
    const me = (await t.database.db.selectFrom('membership').select('user_id').where('organisation_id', '=', orgId).where(sql<boolean>`'admin' = any(roles)`).executeTakeFirstOrThrow()).user_id;
    await makeSystem(t.database.db, { organisationId: orgId, ownerId: me, name: 'Counted system A' });
    await makeSystem(t.database.db, { organisationId: orgId, ownerId: me, name: 'Counted system B' });
    expect(await total()).toBe(2);
    expect(await total()).toBe(2);
    await makeSystem(t.database.db, { organisationId: orgId, ownerId: me, name: 'Counted system C' });
    expect(await total()).toBe(3);
  });
});
