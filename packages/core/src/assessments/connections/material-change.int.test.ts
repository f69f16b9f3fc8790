/**
 * Material changes against a real database: the inventory fields that count (purpose, affected
 * people and the others in MATERIAL_FIELDS), a re-screening that changes the facts the assessment
 * rules read while the tiers stay, and a change recorded by hand with its reason — each marks the
 * system's approved assessments due for reassessment, audit-logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { systemCtx } from '../../context.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { updateTierPolicy } from '../../classification/tier-policy.service.js';
import { updateSystem } from '../../inventory/inventory.service.js';
import type { Role } from '../../roles.js';
import { makeAssessment, makeOrganisation, makeScreeningAnswers, makeSystem, makeUser, openTestDatabase, screenTestSystem } from '../../testing/factories.js';
import { resolveTemplateForUse } from '../templates/template.service.js';
import { fillAnswers } from './fill-answers.js';
import { recordMaterialChange } from './material-change.service.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
}, 120_000);
afterAll(async () => database?.close());

const cli = () => systemCtx(database.db, 'test');
const as = (organisationId: string, userId: string, roles: Role[]): Ctx => ({
  ...cli(),
  actor: { kind: 'user', userId, email: '', displayName: 'Test person', sessionId: null, roles, organisationId },
});

/** A screened system with an approved FRIA (whose template asks for reassessment after a material change). */
async function setup(screening = makeScreeningAnswers({ eu: {} })) {
  const org = await makeOrganisation(database.db);
  const owner = await makeUser(database.db, { organisationId: org.id, roles: ['system_owner'] });
  const system = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id });
  await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id, answers: screening });
  const doc = (await resolveTemplateForUse(cli(), { organisationId: org.id, key: 'fria' })).document;
  expect(doc.reassessment?.onMaterialChange).toBe(true);
  const fria = await makeAssessment(database.db, { organisationId: org.id, systemId: system.id, templateKey: 'fria', answers: fillAnswers(doc), status: 'approved' });
  const dueReason = async () => (await database.db.selectFrom('assessment').select('reassessment_due_reason').where('id', '=', fria.id).executeTakeFirstOrThrow()).reassessment_due_reason;
  return { org, owner, system, fria, dueReason };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('material changes', () => {
  it.each([
    ['purpose', { purpose: 'Decides who is offered a home visit.' }, 'The system’s purpose changed.'],
    ['affected people', { affectedPeople: 'Tenants over 75 and their carers.' }, 'The system’s affected people changed.'],
    ['human oversight', { humanOversight: 'None: offers go out automatically.' }, 'The system’s human oversight changed.'],
    ['data categories', { dataCategories: ['health'] }, 'The system’s data categories changed.'],
  ])('an edit of the %s marks approved assessments due', async (_field, changes, reason) => {
    const { org, system, dueReason } = await setup();
    await updateSystem(cli(), { organisationId: org.id, ref: system.id, changes: { description: 'Only the wording changed.', tags: ['housing'] } });
    expect(await dueReason()).toBeNull();
    await updateSystem(cli(), { organisationId: org.id, ref: system.id, changes });
    expect(await dueReason()).toBe(reason);
  });

  it('a re-screening that changes whether the system affects people marks them due, though the tiers stay', async () => {
    const { org, system, dueReason } = await setup();
    // One tier for every system, so only the facts can change.
    await updateTierPolicy(cli(), { organisationId: org.id, policy: { tiers: [{ id: 'all', label: 'All systems', requirements: [] }], rules: [], defaultTier: 'all' } });
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id, answers: makeScreeningAnswers({ eu: {} }) });
    await database.db.updateTable('assessment').set({ reassessment_due_reason: null }).where('system_id', '=', system.id).execute();
    const before = await database.db.selectFrom('ai_system').select(['eu_tier', 'omb_high_impact', 'org_tier']).where('id', '=', system.id).executeTakeFirstOrThrow();
    // The same answers again: nothing changed.
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id, answers: makeScreeningAnswers({ eu: {} }) });
    expect(await dueReason()).toBeNull();
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id, answers: makeScreeningAnswers({ eu: {}, affectsPeople: false }) });
    const after = await database.db.selectFrom('ai_system').select(['eu_tier', 'omb_high_impact', 'org_tier']).where('id', '=', system.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect(await dueReason()).toBe('A new screening changed the facts that decide which assessments the system needs: affects people yes → no.');
  });

  it('records a material change by hand: the owner gives the reason, approved assessments become due, audit-logged', async () => {
    const { org, owner, system, fria, dueReason } = await setup();
    const outcome = await recordMaterialChange(as(org.id, owner.id, ['system_owner']), { organisationId: org.id, ref: system.slug, reason: '  The model was retrained on 2026 data.  ' });
    expect(outcome).toEqual({ reason: 'A material change was recorded: The model was retrained on 2026 data.', assessments: [{ id: fria.id, templateKey: 'fria' }] });
    expect(await dueReason()).toBe('A material change was recorded: The model was retrained on 2026 data.');
    const events = await database.db.selectFrom('audit_event').select(['action', 'entity_id', 'actor_id', 'after']).where('organisation_id', '=', org.id).where('action', 'in', ['system.material_change_recorded', 'assessment.reassessment_due']).orderBy('seq').execute();
    expect(events).toMatchObject([
      { action: 'assessment.reassessment_due', entity_id: fria.id, actor_id: owner.id },
      { action: 'system.material_change_recorded', entity_id: system.id, actor_id: owner.id, after: { reason: 'The model was retrained on 2026 data.', assessmentIds: [fria.id] } },
    ]);
  });

  it('refuses an empty reason and anyone who may not edit the system', async () => {
    const { org, system, dueReason } = await setup();
    expect(await refusal(recordMaterialChange(cli(), { organisationId: org.id, ref: system.id, reason: ' ' }))).toMatchObject({ status: 400, code: 'material_change.reason_invalid' });
    const otherOwner = await makeUser(database.db, { organisationId: org.id, roles: ['system_owner'] });
    expect((await refusal(recordMaterialChange(as(org.id, otherOwner.id, ['system_owner']), { organisationId: org.id, ref: system.id, reason: 'New data source.' }))).status).toBe(403);
    const auditor = await makeUser(database.db, { organisationId: org.id, roles: ['auditor'] });
    expect((await refusal(recordMaterialChange(as(org.id, auditor.id, ['auditor']), { organisationId: org.id, ref: system.id, reason: 'New data source.' }))).status).toBe(403);
    expect(await dueReason()).toBeNull();
  });
});
