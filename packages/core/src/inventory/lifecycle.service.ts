/**
 * Moving a system through its lifecycle, and archiving it. Each move writes the new state, a
 * version row (with the reason) and an audit event in one transaction; the allowed moves are the
 * table in lifecycle.ts, the permissions are in policy.ts, the gates in gates.ts.
 */
import { onSystemTransitioned } from '../assessments/connections/system-changes.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { checkGates } from './gates.js';
import type { SystemView } from './inventory.presenter.js';
import { insertVersion, snapshotOf } from './inventory.repository.js';
import { ARCHIVABLE_STAGES, isAllowedLifecycleMove, isArchivableStage, isDecisionStage, isGatedStage, lifecycleTargets, type Lifecycle } from './lifecycle.js';
import { canDecideApproval } from './policy.js';
import { loadEditable, subject, viewOf } from './system-loader.js';
import { checkReason } from './system-fields.js';

export type TransitionSystemInput = { organisationId: string; ref: string; to: Lifecycle; reason: string };

/**
 * Moves a system to another lifecycle stage, if the lifecycle table allows the move, the actor may
 * make it (approve and reject are decisions for governance officers and administrators) and, for
 * approved and in_service, no gate blocks it (gates.ts).
 */
export async function transitionSystem(ctx: Ctx, input: TransitionSystemInput): Promise<SystemView> {
  const reason = checkReason(input.reason, true);
  return inTransaction(ctx, async (tx) => {
    const row = await loadEditable(tx, input.organisationId, input.ref);
    const from = row.lifecycle;
    const to = input.to;
    if (!isAllowedLifecycleMove(from, to)) {
      const allowed = lifecycleTargets(from);
      const targets = allowed.length > 0 ? allowed.join(', ') : 'nowhere (it is final)';
      throw new AppError('conflict', 'system.transition_not_allowed', `A system cannot move from ${from} to ${to}. From ${from} it can move to: ${targets}.`, {
        from,
        to,
        allowed,
        fields: { to: `From ${from} the system can move to: ${targets}.` },
      });
    }
    if (isDecisionStage(to) && !canDecideApproval(tx.actor, subject(row))) {
      throw new AppError('forbidden', 'system.decision_forbidden', `Only a governance officer or an administrator can move a system to ${to}.`);
    }
    if (isGatedStage(to)) {
      const blocking = await checkGates(tx, row, to);
      if (blocking.length > 0) {
        throw new AppError('conflict', 'system.gates_unmet', `The system cannot move to ${to} yet: ${blocking.map((b) => b.message).join(' ')}`, { blocking });
      }
    }
    const updated = await tx.db
      .updateTable('ai_system')
      .set({ lifecycle: to, version: row.version + 1, updated_at: new Date() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertVersion(tx.db, tx.actor, { row: updated, kind: 'transitioned', changedFields: ['lifecycle'], reason });
    await recordAudit(tx, {
      organisationId: row.organisation_id,
      action: 'system.transitioned',
      entityType: 'ai_system',
      entityId: row.id,
      before: { lifecycle: from },
      after: { lifecycle: to, version: updated.version, reason },
    });
    // Some assessments depend on the stage (e.g. the necessity review once past the idea stage).
    await onSystemTransitioned(tx, updated, from);
    return viewOf(tx, updated);
  });
}

export type ArchiveSystemInput = { organisationId: string; ref: string; reason?: string | null | undefined };

/** Hides a system from the default list; its record and history stay. Only from ARCHIVABLE_STAGES. */
export async function archiveSystem(ctx: Ctx, input: ArchiveSystemInput): Promise<SystemView> {
  return setArchived(ctx, input, true);
}

export async function unarchiveSystem(ctx: Ctx, input: ArchiveSystemInput): Promise<SystemView> {
  return setArchived(ctx, input, false);
}

async function setArchived(ctx: Ctx, input: ArchiveSystemInput, archive: boolean): Promise<SystemView> {
  const reason = checkReason(input.reason, false);
  return inTransaction(ctx, async (tx) => {
    const row = await loadEditable(tx, input.organisationId, input.ref, { allowArchived: true });
    if (archive && row.archived_at) throw new AppError('conflict', 'system.already_archived', `"${row.name}" is already archived.`);
    if (!archive && !row.archived_at) throw new AppError('conflict', 'system.not_archived', `"${row.name}" is not archived.`);
    if (archive && !isArchivableStage(row.lifecycle)) {
      throw new AppError(
        'conflict',
        'system.archive_not_allowed',
        `A system that is ${row.lifecycle} stays in the inventory; only systems that are ${ARCHIVABLE_STAGES.join(', ')} can be archived.`,
      );
    }
    const now = new Date();
    const updated = await tx.db
      .updateTable('ai_system')
      .set({ archived_at: archive ? now : null, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertVersion(tx.db, tx.actor, { row: updated, kind: archive ? 'archived' : 'unarchived', changedFields: ['archivedAt'], reason });
    const diff = diffFields(snapshotOf(row), snapshotOf(updated));
    await recordAudit(tx, {
      organisationId: row.organisation_id,
      action: archive ? 'system.archived' : 'system.unarchived',
      entityType: 'ai_system',
      entityId: row.id,
      before: diff.before,
      after: { ...diff.after, version: updated.version, ...(reason !== null && { reason }) },
    });
    return viewOf(tx, updated);
  });
}

