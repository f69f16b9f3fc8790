/**
 * The demo seed on a fresh database: the City of Riverton gets a realistic inventory (every EU AI
 * Act tier, most lifecycle stages, obligations in several states, some overdue), its tool catalogue,
 * and intact audit chains. Always a fresh in-memory PGlite: the demo uses fixed slugs ('riverton'),
 * which a shared PostgreSQL (TEST_DATABASE_URL) may already hold from another run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit.service.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { installBuiltinTemplates } from '../assessments/templates/builtin-installer.js';
import { DEMO_SYSTEM_NAMES } from './demo-systems.js';
import { DEMO_ORG_SLUG, seedDemo } from './seed-demo.js';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ memory: true });
  await migrate(database);
  // As at start-up (bootstrap.ts): the built-in templates are there before the demo is seeded.
  await installBuiltinTemplates(database);
}, 120_000);
afterAll(async () => database?.close());

describe('demo seed', () => {
  it('seeds a realistic inventory with screenings, obligations, a catalogue and intact audit chains, once', async () => {
    expect(await seedDemo(database.db)).toEqual({ created: true });
    expect(await seedDemo(database.db)).toEqual({ created: false });
    const db = database.db;
    const city = await db.selectFrom('organisation').select('id').where('slug', '=', DEMO_ORG_SLUG).executeTakeFirstOrThrow();

    const systems = await db.selectFrom('ai_system').select(['name', 'lifecycle', 'eu_tier', 'screened_at', 'public_visibility']).where('organisation_id', '=', city.id).execute();
    expect(systems.length).toBeGreaterThanOrEqual(15);
    expect(systems.map((s) => s.name)).toEqual(expect.arrayContaining([...DEMO_SYSTEM_NAMES]));
    expect(new Set(systems.map((s) => s.eu_tier))).toEqual(new Set(['prohibited', 'high', 'limited', 'minimal', 'undetermined']));
    expect(new Set(systems.map((s) => s.lifecycle)).size).toBeGreaterThanOrEqual(6);
    expect(systems.every((s) => s.screened_at !== null)).toBe(true);
    expect(systems.filter((s) => s.public_visibility === 'public').length).toBeGreaterThanOrEqual(3);
    // Gate 0 and the Art. 5 gate held: nothing prohibited is approved or in use.
    const prohibited = systems.filter((s) => s.eu_tier === 'prohibited');
    expect(prohibited.map((s) => s.lifecycle)).toEqual(['rejected']);
    expect(systems.filter((s) => s.eu_tier === 'high' && s.lifecycle === 'in_service').length).toBeGreaterThanOrEqual(2);

    const obligations = await db.selectFrom('obligation').select(['status', 'due_date', 'phase']).where('organisation_id', '=', city.id).where('retired_at', 'is', null).execute();
    expect(new Set(obligations.map((o) => o.status)).size).toBeGreaterThanOrEqual(3);
    const today = new Date().toISOString().slice(0, 10);
    const overdue = obligations.filter((o) => o.status !== 'met' && o.status !== 'not_applicable' && o.due_date !== null && String(o.due_date) < today);
    expect(overdue.length).toBeGreaterThan(0);
    const evidence = await db.selectFrom('obligation_evidence').select('id').where('organisation_id', '=', city.id).execute();
    expect(evidence.length).toBeGreaterThan(0);

    const catalogue = await db.selectFrom('tool_catalogue_entry').select('id').where('organisation_id', '=', city.id).execute();
    expect(catalogue.length).toBeGreaterThanOrEqual(5);

    const concerns = await db.selectFrom('concern').select(['status', 'public_response']).where('organisation_id', '=', city.id).execute();
    expect(new Set(concerns.map((c) => c.status)).size).toBeGreaterThanOrEqual(4);
    expect(concerns.some((c) => c.public_response !== null)).toBe(true);
    const requests = await db.selectFrom('redress_request').select(['status', 'due_at', 'outcome']).where('organisation_id', '=', city.id).execute();
    expect(requests.some((r) => r.status === 'in_progress' && r.due_at < new Date())).toBe(true);
    expect(requests.filter((r) => r.outcome !== null).length).toBeGreaterThanOrEqual(2);

    // Assessments: approved, in progress and returned; the AIA level's requirements in the obligations; readiness gaps as tasks.
    const assessments = await db
      .selectFrom('assessment as a')
      .leftJoin('ai_system as s', 's.id', 'a.system_id')
      .select(['a.template_key', 'a.status', 'a.level', 's.slug'])
      .where('a.organisation_id', '=', city.id)
      .execute();
    const state = (key: string, slug: string | null) => assessments.find((a) => a.template_key === key && a.slug === slug);
    expect(state('canada-aia', 'school-admission-allocator')).toMatchObject({ status: 'approved', level: 'II' });
    expect(state('fria', 'benefits-eligibility-assistant')?.status).toBe('approved');
    expect(state('necessity-review', 'repairs-request-classifier')?.status).toBe('draft');
    expect(assessments.some((a) => a.status === 'returned')).toBe(true);
    expect(state('readiness', null)?.status).toBe('approved');
    const aiaObligations = await db
      .selectFrom('obligation as o')
      .innerJoin('ai_system as s', 's.id', 'o.system_id')
      .select(['o.key', 'o.reference', 'o.status'])
      .where('o.organisation_id', '=', city.id)
      .where('s.slug', '=', 'school-admission-allocator')
      .where('o.key', 'like', 'aia.%')
      .where('o.retired_at', 'is', null)
      .execute();
    expect(aiaObligations.length).toBeGreaterThan(0);
    expect(aiaObligations.every((o) => o.reference === 'Canada AIA level II')).toBe(true);
    const tasks = await db.selectFrom('org_task').select(['status', 'owner_id', 'source']).where('organisation_id', '=', city.id).execute();
    expect(tasks.length).toBeGreaterThan(3);
    expect(tasks.every((t) => t.source === 'assessment')).toBe(true);
    expect(tasks.some((t) => t.status === 'in_progress' && t.owner_id !== null)).toBe(true);

    const orgs = await db.selectFrom('organisation').select('id').execute();
    for (const chain of [null, ...orgs.map((o) => o.id)]) {
      const status = await verifyAuditChain(db, chain);
      expect(status, `chain ${chain ?? 'platform'}`).toMatchObject({ ok: true });
    }
    const transitions = await db.selectFrom('audit_event').select('id').where('organisation_id', '=', city.id).where('action', '=', 'system.transitioned').execute();
    expect(transitions.length).toBeGreaterThanOrEqual(40);
  }, 120_000);
});
