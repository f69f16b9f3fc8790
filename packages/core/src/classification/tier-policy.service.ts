/**
 * The organisation's own tiers (R-GRAD): read, and replace as a whole. No stored policy means the
 * rules package's DEFAULT_ORG_POLICY. A new policy applies from each system's next screening;
 * systems keep the tier and obligations of their latest screening until then.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_ORG_POLICY, validateOrgPolicy, type OrgTierPolicy } from '@glassbox/rules';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, forbidden } from '../errors.js';
import { tierPolicySchema } from './classification.schemas.js';
import { canChangeTierPolicy, canClassify } from './policy.js';
import { fieldErrorsOf } from './validation.js';

export type TierPolicyView = {
  policy: OrgTierPolicy;
  /** True when the organisation has not set its own policy and the default applies. */
  isDefault: boolean;
  updatedAt: Date | null;
};

/** The policy in force for the organisation (one statement). */
export async function loadTierPolicy(db: Kysely<DB>, organisationId: string): Promise<TierPolicyView> {
  const row = await db.selectFrom('organisation_policy').select(['tier_policy', 'updated_at']).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) return { policy: DEFAULT_ORG_POLICY, isDefault: true, updatedAt: null };
  return { policy: row.tier_policy as OrgTierPolicy, isDefault: false, updatedAt: row.updated_at };
}

export async function getTierPolicy(ctx: Ctx, input: { organisationId: string }): Promise<TierPolicyView> {
  if (!canClassify(ctx.actor, input.organisationId)) throw forbidden();
  return loadTierPolicy(ctx.db, input.organisationId);
}

/** `tiers[0].requirements[1].key` (the rules' paths) → `tiers.0.requirements.1.key` (the API's field names). */
const fieldPath = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1');

/**
 * Replaces the organisation's tier policy. The shape is checked by tierPolicySchema, the meaning by
 * validateOrgPolicy (ids, unknown tiers, unreachable rules): each problem comes back as a field error.
 */
export async function updateTierPolicy(ctx: Ctx, input: { organisationId: string; policy: unknown }): Promise<TierPolicyView> {
  if (!canChangeTierPolicy(ctx.actor, input.organisationId)) {
    throw new AppError('forbidden', 'tier_policy.forbidden', 'Only an administrator can change the organisation’s tier policy.');
  }
  const parsed = tierPolicySchema.safeParse(input.policy);
  if (!parsed.success) {
    throw new AppError('bad_request', 'tier_policy.invalid', 'The tier policy is not valid.', { fields: fieldErrorsOf(parsed.error, 'policy') });
  }
  const policy: OrgTierPolicy = parsed.data;
  const problems = validateOrgPolicy(policy);
  if (problems.length > 0) {
    const fields: Record<string, string> = {};
    for (const p of problems) {
      const key = `policy.${fieldPath(p.path)}`;
      fields[key] = fields[key] ? `${fields[key]} ${p.message}` : p.message;
    }
    throw new AppError('bad_request', 'tier_policy.invalid', `The tier policy is not valid: ${problems.map((p) => p.message).join(' ')}`, { fields, problems });
  }
  return inTransaction(ctx, async (tx) => {
    const before = await loadTierPolicy(tx.db, input.organisationId);
    const now = new Date();
    await tx.db
      .insertInto('organisation_policy')
      .values({ organisation_id: input.organisationId, tier_policy: JSON.stringify(policy), updated_at: now })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ tier_policy: JSON.stringify(policy), updated_at: now }))
      .execute();
    const diff = diffFields({ ...before.policy, isDefault: before.isDefault }, { ...policy, isDefault: false });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'tier_policy.updated',
      entityType: 'organisation_policy',
      entityId: input.organisationId,
      before: diff.before,
      after: diff.after,
    });
    return { policy, isDefault: false, updatedAt: now };
  });
}
