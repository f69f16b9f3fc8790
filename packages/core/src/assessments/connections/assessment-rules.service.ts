/**
 * An organisation's own rules for which assessments its systems need (issue #4 point 6): read,
 * replace as a whole, or go back to Glassbox's defaults. A change applies at once: the checklist of
 * every screened, unarchived system is rebuilt in the same transaction (the `assessment.<key>`
 * obligations follow the new rules), and the change is audit-logged with the rules before and after.
 * Approved assessments are not marked due: the rules changed, not the systems.
 */
import { validateAssessmentRules, type AssessmentNeedRule } from '@glassbox/rules';
import { recordAudit } from '../../audit/audit.service.js';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError, forbidden } from '../../errors.js';
import { canManageTemplates, canReadTemplates } from '../templates/policy.js';
import { assessmentRulesSchema } from './assessment-rules.schemas.js';
import { assessmentRulesFor, isBuiltinTemplateKey, templateTitle, templateTitles, type AssessmentRulesInForce } from './needs.js';
import { resyncAndRecord } from './resync.js';

export type AssessmentRulesView = Omit<AssessmentRulesInForce, 'rules'> & {
  rules: AssessmentNeedRule[];
  /** Each template key the rules name, with its title in this organisation. */
  templateTitles: Record<string, string>;
};

export type AssessmentRulesChange = AssessmentRulesView & {
  /** How many systems' checklists changed. */
  systemsResynced: number;
};

/** `[2]`, `[2].when.decisionRole[0]`: the paths validateAssessmentRules uses, for zod's issues too. */
export const rulePath = (path: readonly PropertyKey[]): string =>
  path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(rules)';

async function viewOf(ctx: Ctx, organisationId: string, inForce: AssessmentRulesInForce): Promise<AssessmentRulesView> {
  const keys = [...new Set(inForce.rules.map((r) => r.templateKey))];
  const titles = await templateTitles(ctx.db, organisationId, keys);
  return { ...inForce, rules: [...inForce.rules], templateTitles: Object.fromEntries(keys.map((k) => [k, templateTitle(titles, k)])) };
}

/** The rules in force, whether they are the defaults, and the titles of their templates (two statements). */
export async function getAssessmentRules(ctx: Ctx, input: { organisationId: string }): Promise<AssessmentRulesView> {
  if (!canReadTemplates(ctx.actor, input.organisationId)) throw forbidden();
  return viewOf(ctx, input.organisationId, await assessmentRulesFor(ctx.db, input.organisationId));
}

function checkManager(ctx: Ctx, organisationId: string): void {
  if (!canManageTemplates(ctx.actor, organisationId)) {
    throw new AppError('forbidden', 'assessment_rules.forbidden', 'Only an administrator or a governance officer can change the organisation’s assessment rules.');
  }
}

const invalid = (fields: Record<string, string>): AppError =>
  new AppError('bad_request', 'assessment_rules.invalid', `The assessment rules are not valid: check ${Object.keys(fields).slice(0, 5).join(', ')}.`, { fields });

/** Shape (zod), meaning (validateAssessmentRules), then template keys no template of the organisation or built-in has. */
async function parseRules(ctx: Ctx, organisationId: string, input: unknown): Promise<AssessmentNeedRule[]> {
  const parsed = assessmentRulesSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) fields[rulePath([...issue.path, k])] = 'Unknown field: remove it.';
        continue;
      }
      fields[rulePath(issue.path)] ??= issue.message;
    }
    throw invalid(fields);
  }
  const rules: AssessmentNeedRule[] = parsed.data;
  const fields: Record<string, string> = {};
  for (const p of validateAssessmentRules(rules)) fields[p.path] = fields[p.path] ? `${fields[p.path]} ${p.message}` : p.message;
  const keys = [...new Set(rules.map((r) => r.templateKey))];
  const known = await templateTitles(ctx.db, organisationId, keys);
  rules.forEach((r, i) => {
    if (!known.has(r.templateKey) && !isBuiltinTemplateKey(r.templateKey)) {
      fields[`[${i}].templateKey`] ??= `No template of the organisation or of Glassbox has the key "${r.templateKey}".`;
    }
  });
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return rules;
}

/** Rebuilds the checklists of the organisation's screened systems under the new rules (rules loaded once). */
async function resyncOrganisation(tx: Ctx, organisationId: string, rules: readonly AssessmentNeedRule[], cause: string): Promise<number> {
  const systems = await tx.db
    .selectFrom('ai_system')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null)
    .where('screened_at', 'is not', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  const now = new Date();
  let changed = 0;
  for (const system of systems) {
    const { added, restored, retired } = await resyncAndRecord(tx, system, now, { cause }, { rules });
    if (added.length + restored.length + retired.length > 0) changed++;
  }
  return changed;
}

async function store(ctx: Ctx, organisationId: string, rules: AssessmentNeedRule[] | null): Promise<AssessmentRulesChange> {
  return inTransaction(ctx, async (tx) => {
    // Serialises concurrent changes of the same organisation's rules (the row may not exist yet).
    await tx.db.selectFrom('organisation').select('id').where('id', '=', organisationId).forUpdate().executeTakeFirst();
    const before = await assessmentRulesFor(tx.db, organisationId);
    if (rules === null && before.isDefault) return { ...(await viewOf(tx, organisationId, before)), systemsResynced: 0 };
    const now = new Date();
    const userId = tx.actor.kind === 'user' ? tx.actor.userId : null;
    if (rules === null) {
      await tx.db.deleteFrom('organisation_assessment_rules').where('organisation_id', '=', organisationId).execute();
    } else {
      const json = JSON.stringify(rules);
      await tx.db
        .insertInto('organisation_assessment_rules')
        .values({ organisation_id: organisationId, rules: json, updated_by: userId, updated_at: now })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ rules: json, updated_by: userId, updated_at: now }))
        .execute();
    }
    const after: AssessmentRulesInForce = rules === null ? await assessmentRulesFor(tx.db, organisationId) : { rules, isDefault: false, updatedAt: now };
    const action = rules === null ? 'assessment_rules.reset' : 'assessment_rules.updated';
    await recordAudit(tx, {
      organisationId,
      action,
      entityType: 'organisation_assessment_rules',
      entityId: organisationId,
      before: { isDefault: before.isDefault, rules: before.rules },
      after: { isDefault: after.isDefault, rules: after.rules },
    });
    const systemsResynced = await resyncOrganisation(tx, organisationId, after.rules, action);
    return { ...(await viewOf(tx, organisationId, after)), systemsResynced };
  });
}

/**
 * Replaces the organisation's rules. Each problem comes back as a field error keyed by its path in
 * the list (`[2].templateKey`, `[0].when.decisionRole[1]`).
 */
export async function updateAssessmentRules(ctx: Ctx, input: { organisationId: string; rules: unknown }): Promise<AssessmentRulesChange> {
  checkManager(ctx, input.organisationId);
  const rules = await parseRules(ctx, input.organisationId, input.rules);
  return store(ctx, input.organisationId, rules);
}

/** Goes back to Glassbox's defaults (nothing is written when they already apply). */
export async function resetAssessmentRules(ctx: Ctx, input: { organisationId: string }): Promise<AssessmentRulesChange> {
  checkManager(ctx, input.organisationId);
  return store(ctx, input.organisationId, null);
}
