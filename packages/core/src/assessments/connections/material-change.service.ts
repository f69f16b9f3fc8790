/**
 * A material change recorded by hand (issue #4 point 5, template `reassessment.onMaterialChange`):
 * what the inventory fields cannot tell — a retrained model, a new data source, a new group of
 * people, a changed legal basis. The person says what changed; the system's approved assessments
 * whose template asks for a reassessment after a material change are marked due with that reason.
 * Whoever may edit the system may record one (canEditSystem: administrators, governance officers,
 * the system's owner, write tokens reaching the system).
 */
import { recordAudit } from '../../audit/audit.service.js';
import type { Ctx } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../errors.js';
import { loadEditable } from '../../inventory/system-loader.js';
import { LIMITS } from '../../inventory/system-fields.js';
import { markReassessmentDue } from '../reassessment-due.js';

export type MaterialChangeOutcome = {
  /** The reason stored on each assessment marked due. */
  reason: string;
  /** The approved assessments now due for reassessment (none when no template asks for it). */
  assessments: Array<{ id: string; templateKey: string }>;
};

export async function recordMaterialChange(ctx: Ctx, input: { organisationId: string; ref: string; reason: string }): Promise<MaterialChangeOutcome> {
  const given = input.reason.trim();
  if (given.length < LIMITS.reasonMin || given.length > LIMITS.reason) {
    throw new AppError('bad_request', 'material_change.reason_invalid', 'Say what changed.', {
      fields: { reason: `Between ${LIMITS.reasonMin} and ${LIMITS.reason} characters.` },
    });
  }
  return inTransaction(ctx, async (tx) => {
    const system = await loadEditable(tx, input.organisationId, input.ref);
    const reason = `A material change was recorded: ${given}`.slice(0, LIMITS.reason);
    const ids = await markReassessmentDue(tx, { organisationId: system.organisation_id, systemId: system.id, reason });
    const rows =
      ids.length === 0
        ? []
        : await tx.db.selectFrom('assessment').select(['id', 'template_key']).where('organisation_id', '=', system.organisation_id).where('id', 'in', ids).orderBy('template_key').execute();
    const assessments = rows.map((r) => ({ id: r.id, templateKey: r.template_key }));
    await recordAudit(tx, {
      organisationId: system.organisation_id,
      action: 'system.material_change_recorded',
      entityType: 'ai_system',
      entityId: system.id,
      after: { reason: given, assessmentIds: ids },
    });
    return { reason, assessments };
  });
}
