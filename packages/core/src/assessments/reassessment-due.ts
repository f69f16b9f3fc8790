/**
 * Reassessment after a material change (issue #4 point 5, template `reassessment.onMaterialChange`):
 * the inventory and screening connections call markReassessmentDue in their own transaction when a
 * system changes in a way that may change its assessments.
 */
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';

/**
 * Marks a system's approved assessments (the latest round of each template) as due for
 * reassessment after a material change, for templates whose `reassessment.onMaterialChange` is set.
 * Returns the ids flagged. Called by the inventory and screening connections in their transaction.
 */
export async function markReassessmentDue(ctx: Ctx, input: { organisationId: string; systemId: string; reason: string }): Promise<string[]> {
  const reason = input.reason.trim().slice(0, 2000) || 'The system changed materially.';
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .selectFrom('assessment as a')
      .innerJoin('assessment_template_version as v', 'v.id', 'a.template_version_id')
      .select(['a.id', 'a.template_key', 'a.reassessment_due_reason'])
      .where('a.organisation_id', '=', input.organisationId)
      .where('a.system_id', '=', input.systemId)
      .where('a.status', '=', 'approved')
      .where(sql<boolean>`(v.document -> 'reassessment' ->> 'onMaterialChange') = 'true'`)
      .where(sql<boolean>`not exists (select 1 from assessment n where n.previous_id = a.id and n.organisation_id = a.organisation_id)`)
      .forUpdate('a')
      .execute();
    const flagged = rows.filter((r) => r.reassessment_due_reason !== reason);
    if (flagged.length === 0) return [];
    await tx.db
      .updateTable('assessment')
      .set({ reassessment_due_reason: reason, updated_at: new Date() })
      .where('organisation_id', '=', input.organisationId)
      .where(
        'id',
        'in',
        flagged.map((r) => r.id),
      )
      .execute();
    for (const r of flagged) {
      await recordAudit(tx, {
        organisationId: input.organisationId,
        action: 'assessment.reassessment_due',
        entityType: 'assessment',
        entityId: r.id,
        before: { reassessmentDueReason: r.reassessment_due_reason },
        after: { reassessmentDueReason: reason, systemId: input.systemId, templateKey: r.template_key },
      });
    }
    return flagged.map((r) => r.id);
  });
}
