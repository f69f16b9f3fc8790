/** The demo seed's assessments: one of each state a screen shows, filled in by the demo people. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.js';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
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
});
