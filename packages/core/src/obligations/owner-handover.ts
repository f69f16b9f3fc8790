/**
 * When a system changes hands, the obligations still waiting on its previous owner follow it: open
 * and in-progress obligations that the previous owner held move to the new owner. Obligations an
 * officer gave to someone else stay with that person, and met or not-applicable ones keep the
 * owner who closed them (the record of who did the work). Each move is an audit event.
 */
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import type { AiSystem } from '../db/schema.js';

export async function handOverObligations(tx: Ctx, system: AiSystem, previousOwnerId: string): Promise<number> {
  if (previousOwnerId === system.owner_id) return 0;
  const moved = await tx.db
    .updateTable('obligation')
    .set({ owner_id: system.owner_id, updated_at: new Date() })
    .where('organisation_id', '=', system.organisation_id)
    .where('system_id', '=', system.id)
    .where('owner_id', '=', previousOwnerId)
    .where('status', 'in', ['open', 'in_progress'])
    .where('retired_at', 'is', null)
    .returning(['id', 'key'])
    .execute();
  for (const o of moved) {
    await recordAudit(tx, {
      organisationId: system.organisation_id,
      action: 'obligation.updated',
      entityType: 'obligation',
      entityId: o.id,
      before: { ownerId: previousOwnerId },
      after: { ownerId: system.owner_id, systemId: system.id, key: o.key, reason: 'The system changed owner.' },
    });
  }
  return moved.length;
}
