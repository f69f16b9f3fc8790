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
import { DEMO_SYSTEM_NAMES } from './demo-systems.js';
import { DEMO_ORG_SLUG, seedDemo } from './seed-demo.js';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ memory: true });
  await migrate(database);
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

    const orgs = await db.selectFrom('organisation').select('id').execute();
    for (const chain of [null, ...orgs.map((o) => o.id)]) {
      const status = await verifyAuditChain(db, chain);
      expect(status, `chain ${chain ?? 'platform'}`).toMatchObject({ ok: true });
    }
    const transitions = await db.selectFrom('audit_event').select('id').where('organisation_id', '=', city.id).where('action', '=', 'system.transitioned').execute();
    expect(transitions.length).toBeGreaterThanOrEqual(40);
  }, 120_000);
});
