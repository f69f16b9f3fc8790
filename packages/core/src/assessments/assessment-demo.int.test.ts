/** The demo seed's assessments: one of each state a screen shows, filled in by the demo people. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.js';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { seedDemoConnectedAssessments } from '../demo/demo-assessments.js';
import { seedDemoSystems } from '../demo/demo-systems.js';
import { makeOrganisation, makeUser, openTestDatabase } from '../testing/factories.js';
import { seedDemoAssessments } from './assessment-demo.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
}, 120_000);
afterAll(async () => database?.close());

describe('demo assessments', () => {
  it('seeds approved, in-progress and returned assessments and the council’s readiness assessment', async () => {
    // The demo's systems in an organisation of this test's own (the demo's slug is shared by other tests).
    const org = await makeOrganisation(database.db, 'Demo Council');
    const owner = await makeUser(database.db, { organisationId: org.id, roles: ['system_owner'], name: 'Olivia Owner' });
    const governance = await makeUser(database.db, { organisationId: org.id, roles: ['governance_officer'], name: 'Gabriel Governance' });
    await makeUser(database.db, { organisationId: org.id, roles: ['admin'], name: 'Amara Admin' });
    const made = await inTransaction(systemCtx(database.db, 'demo-seed'), async (tx) => {
      await seedDemoSystems(tx, org.id, { owner: owner.id, governance: governance.id });
      return seedDemoAssessments(tx, org.id, { owner: owner.id, governance: governance.id });
    });
    expect(made).toBe(4);
    const rows = await database.db
      .selectFrom('assessment as a')
      .leftJoin('ai_system as s', 's.id', 'a.system_id')
      .select(['a.template_key', 'a.status', 's.slug', 'a.contributors'])
      .where('a.organisation_id', '=', org.id)
      .orderBy('a.template_key')
      .orderBy('s.slug')
      .execute();
    expect(rows.map((r) => [r.template_key, r.slug, r.status])).toEqual([
      ['fria', 'benefits-eligibility-assistant', 'approved'],
      ['fria', 'school-admission-allocator', 'draft'],
      ['readiness', null, 'approved'],
      ['workforce-impact', 'recruitment-cv-screening', 'returned'],
    ]);
    expect(rows[0]?.contributors).toEqual([
      { id: owner.id, name: 'Olivia Owner' },
      { id: governance.id, name: 'Gabriel Governance' },
    ]);
    const approvals = await database.db.selectFrom('assessment_signoff').select(['name']).where('organisation_id', '=', org.id).where('decision', '=', 'approve').execute();
    expect(approvals.map((s) => s.name)).toEqual(['Gabriel Governance', 'Gabriel Governance']);
  }, 120_000);

  it('seeds an approved Canadian AIA at a stated level for a system that supports decisions about people, its requirements as obligations', async () => {
    const org = await makeOrganisation(database.db, 'Demo Council');
    const owner = await makeUser(database.db, { organisationId: org.id, roles: ['system_owner'], name: 'Olivia Owner' });
    const governance = await makeUser(database.db, { organisationId: org.id, roles: ['governance_officer'], name: 'Gabriel Governance' });
    await makeUser(database.db, { organisationId: org.id, roles: ['admin'], name: 'Amara Admin' });
    await inTransaction(systemCtx(database.db, 'demo-seed'), async (tx) => {
      const people = { owner: owner.id, governance: governance.id };
      await seedDemoSystems(tx, org.id, people);
      await seedDemoAssessments(tx, org.id, people);
      return seedDemoConnectedAssessments(tx, org.id, people);
    });
    const aia = await database.db
      .selectFrom('assessment as a')
      .innerJoin('ai_system as s', 's.id', 'a.system_id')
      .innerJoin('assessment_template_version as v', 'v.id', 'a.template_version_id')
      .innerJoin('assessment_template as t', 't.id', 'v.template_id')
      .select(['a.status', 'a.level', 's.id as systemId', 's.decision_role', 's.affected_people', 't.origin', 't.organisation_id'])
      .where('a.organisation_id', '=', org.id)
      .where('a.template_key', '=', 'canada-aia')
      .executeTakeFirstOrThrow();
    // The built-in template imported from reference/canada_aia_survey-enfr_v1.0.1.json.
    expect(aia).toMatchObject({ status: 'approved', level: 'II', origin: 'builtin', organisation_id: null });
    expect(['recommends', 'decides']).toContain(aia.decision_role);
    expect(aia.affected_people.trim()).not.toBe('');
    const obligations = await database.db.selectFrom('obligation').select(['key', 'reference', 'framework']).where('system_id', '=', aia.systemId).where('retired_at', 'is', null).where('key', 'like', 'aia.%').execute();
    expect(obligations.length).toBeGreaterThan(0);
    expect(obligations.every((o) => o.reference === 'Canada AIA level II' && o.framework === 'assessment')).toBe(true);
  }, 120_000);
});
