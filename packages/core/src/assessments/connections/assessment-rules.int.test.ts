/**
 * The organisation's assessment rules against a real database: the defaults until changed, a
 * replacement checked (shape, meaning, template keys) with errors keyed by path, applied at once to
 * the checklists of screened systems and to what each system needs, audit-logged, and reset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_RULES, type AssessmentNeedRule } from '@glassbox/rules';
import type { Ctx } from '../../context.js';
import { systemCtx } from '../../context.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Role } from '../../roles.js';
import { makeOrganisation, makeSystem, makeUser, openTestDatabase, screenTestSystem } from '../../testing/factories.js';
import { getAssessmentRules, resetAssessmentRules, updateAssessmentRules } from './assessment-rules.service.js';
import { listNeededAssessments } from './needed-assessments.service.js';

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

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** Only the vendor review, and only for bought-in systems; and a workforce review for every system that recommends. */
const OWN_RULES: AssessmentNeedRule[] = [
  { id: 'vendor', templateKey: 'vendor-prepurchase', when: { sourcing: ['procured'] }, reason: 'Bought in.', source: 'Council procurement rules §4' },
  { id: 'workforce', templateKey: 'workforce-impact', when: { decisionRole: ['recommends', 'decides'] }, reason: 'Changes staff work.', source: 'Council workforce agreement' },
];

async function setup() {
  const org = await makeOrganisation(database.db);
  const owner = await makeUser(database.db, { organisationId: org.id, roles: ['system_owner'] });
  const governance = await makeUser(database.db, { organisationId: org.id, roles: ['governance_officer'] });
  const system = await makeSystem(database.db, { organisationId: org.id, ownerId: owner.id });
  return { org, owner, governance, system };
}

const openKeys = async (systemId: string): Promise<string[]> =>
  (await database.db.selectFrom('obligation').select('key').where('system_id', '=', systemId).where('retired_at', 'is', null).where('key', 'like', 'assessment.%').orderBy('key').execute()).map((o) => o.key);

describe('assessment rules', () => {
  it('are Glassbox’s defaults until the organisation sets its own', async () => {
    const { org, owner } = await setup();
    const view = await getAssessmentRules(as(org.id, owner.id, ['system_owner']), { organisationId: org.id });
    expect(view).toMatchObject({ isDefault: true, updatedAt: null });
    expect(view.rules).toEqual(DEFAULT_ASSESSMENT_RULES);
    expect(view.templateTitles['canada-aia']).toMatch(/^Algorithmic Impact Assessment/);
  });

  it('replaces the rules, rebuilds the checklists of screened systems at once, and says so in the audit log', async () => {
    const { org, governance, system } = await setup();
    await screenTestSystem(database.db, { organisationId: org.id, systemId: system.id });
    expect(await openKeys(system.id)).toContain('assessment.data-protection-screening');

    const changed = await updateAssessmentRules(as(org.id, governance.id, ['governance_officer']), { organisationId: org.id, rules: OWN_RULES });
    expect(changed).toMatchObject({ isDefault: false, rules: OWN_RULES, systemsResynced: 1 });
    expect(await getAssessmentRules(cli(), { organisationId: org.id })).toMatchObject({ isDefault: false, rules: OWN_RULES });
    // What the system needs follows the organisation's rules, in its checklist and on its assessments page.
    expect(await openKeys(system.id)).toEqual(['assessment.workforce-impact']);
    expect((await listNeededAssessments(cli(), { organisationId: org.id, systemId: system.id })).map((n) => [n.templateKey, n.reasons])).toEqual([
      ['workforce-impact', ['Changes staff work. (Council workforce agreement)']],
    ]);

    const events = await database.db.selectFrom('audit_event').select(['action', 'actor_id', 'before', 'after']).where('organisation_id', '=', org.id).orderBy('seq').execute();
    const update = events.find((e) => e.action === 'assessment_rules.updated');
    expect(update).toMatchObject({ actor_id: governance.id, before: { isDefault: true }, after: { isDefault: false, rules: OWN_RULES } });
    expect(events.filter((e) => e.action === 'obligations.regenerated').at(-1)?.after).toMatchObject({ cause: 'assessment_rules.updated' });

    // Back to the defaults: the checklist is what it was.
    const reset = await resetAssessmentRules(as(org.id, governance.id, ['governance_officer']), { organisationId: org.id });
    expect(reset).toMatchObject({ isDefault: true, updatedAt: null });
    expect(reset.rules).toEqual(DEFAULT_ASSESSMENT_RULES);
    expect(await openKeys(system.id)).toContain('assessment.data-protection-screening');
    const actions = (await database.db.selectFrom('audit_event').select('action').where('organisation_id', '=', org.id).where('action', 'like', 'assessment_rules.%').orderBy('seq').execute()).map((e) => e.action);
    expect(actions).toEqual(['assessment_rules.updated', 'assessment_rules.reset']);
    // Resetting again changes nothing and writes nothing.
    await resetAssessmentRules(cli(), { organisationId: org.id });
    expect(await database.db.selectFrom('audit_event').select('action').where('organisation_id', '=', org.id).where('action', 'like', 'assessment_rules.%').execute()).toHaveLength(2);
  });

  it('refuses invalid rules with one field error per path, and unknown template keys', async () => {
    const { org } = await setup();
    const shape = await refusal(updateAssessmentRules(cli(), { organisationId: org.id, rules: [{ ...OWN_RULES[0], when: { decisionRole: ['guesses'] }, extra: 1 }] }));
    expect(shape).toMatchObject({ code: 'assessment_rules.invalid', status: 400 });
    expect(Object.keys((shape.details as { fields: Record<string, string> }).fields).sort()).toEqual(['[0].extra', '[0].when.decisionRole[0]']);

    const meaning = await refusal(
      updateAssessmentRules(cli(), {
        organisationId: org.id,
        rules: [OWN_RULES[0], { ...OWN_RULES[1], id: 'vendor' }, { id: 'own', templateKey: 'no-such-template', when: {}, reason: 'Because.', source: 'Us' }, { ...OWN_RULES[1], id: 'empty', when: { sourcing: [] } }],
      }),
    );
    expect((meaning.details as { fields: Record<string, string> }).fields).toEqual({
      '[1].id': 'Rule id "vendor" is used twice.',
      '[2].templateKey': 'No template of the organisation or of Glassbox has the key "no-such-template".',
      '[3].when.sourcing': 'Rule "empty" has an empty list and can never match.',
    });
    expect((await getAssessmentRules(cli(), { organisationId: org.id })).isDefault).toBe(true);
  });

  it('lets only administrators and governance officers change them', async () => {
    const { org, owner } = await setup();
    const refused = await refusal(updateAssessmentRules(as(org.id, owner.id, ['system_owner']), { organisationId: org.id, rules: OWN_RULES }));
    expect(refused).toMatchObject({ code: 'assessment_rules.forbidden', status: 403 });
    expect((await refusal(resetAssessmentRules(as(org.id, owner.id, ['system_owner']), { organisationId: org.id }))).status).toBe(403);
    const other = await makeOrganisation(database.db);
    const outsider = await makeUser(database.db, { organisationId: other.id, roles: ['admin'] });
    expect((await refusal(updateAssessmentRules(as(other.id, outsider.id, ['admin']), { organisationId: org.id, rules: OWN_RULES }))).status).toBe(403);
  });
});
