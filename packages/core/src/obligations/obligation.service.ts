/**
 * A system's obligations: the checklist generated from its screenings (obligation-sync.ts), read
 * with its evidence, and worked through — status (not applicable needs a reason), owner, due date.
 * Every change writes its audit event in the same transaction.
 */
import { diffFields, recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import type { AiSystem, Obligation, ObligationStatus } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, notFound } from '../errors.js';
import { findSystemRow, isMember } from '../inventory/inventory.repository.js';
import { checkReadable, findReadableSystem, subject } from '../inventory/system-loader.js';
import { dateText, presentObligation, todayUtc, type ObligationView } from './obligation.presenter.js';
import { findObligationRow, findObligationWithEvidence, listObligationRows } from './obligation.repository.js';
import { canUpdateObligation } from './policy.js';

export const OBLIGATION_LIMITS = { naReason: 2000, title: 200, url: 2000 } as const;

/** A system's obligations with their evidence: two statements (the system, the checklist) whatever their number. */
export async function listObligations(
  ctx: Ctx,
  input: { organisationId: string; ref: string; retired?: boolean | 'any' | undefined },
): Promise<{ items: ObligationView[]; total: number }> {
  const system = await findReadableSystem(ctx, input.organisationId, input.ref);
  const rows = await listObligationRows(ctx.db, { organisationId: input.organisationId, systemId: system.id, retired: input.retired ?? false });
  const today = todayUtc();
  return { items: rows.map((r) => presentObligation(r, today)), total: rows.length };
}

/**
 * Loads a system's obligation for a change: the system readable by the actor (a token limited to
 * another system gets 403), not archived, the obligation locked and not retired.
 */
export async function loadObligationForChange(
  tx: Ctx,
  input: { organisationId: string; ref: string; obligationId: string },
  opts: { allowRetired?: boolean } = {},
): Promise<{ system: AiSystem; obligation: Obligation }> {
  const system = checkReadable(tx, await findSystemRow(tx.db, input.organisationId, input.ref));
  const obligation = await findObligationRow(tx.db, { organisationId: input.organisationId, systemId: system.id, obligationId: input.obligationId }, { forUpdate: true });
  if (!obligation) throw notFound('obligation');
  if (system.archived_at) throw new AppError('conflict', 'system.archived', `"${system.name}" is archived; restore it before changing it.`);
  if (obligation.retired_at && !opts.allowRetired) {
    throw new AppError('conflict', 'obligation.retired', `“${obligation.title}” is retired: the latest screening no longer asks for it. Its status and evidence are kept as they were.`);
  }
  return { system, obligation };
}

export type UpdateObligationInput = {
  organisationId: string;
  ref: string;
  obligationId: string;
  status?: ObligationStatus | undefined;
  /** Required when the status is (or becomes) not_applicable. */
  naReason?: string | null | undefined;
  ownerId?: string | undefined;
  /** YYYY-MM-DD, or null to clear. */
  dueDate?: string | null | undefined;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (d: string): boolean => DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** Changes an obligation's status, owner or due date (admins, governance officers, the system's owner). */
export async function updateObligation(ctx: Ctx, input: UpdateObligationInput): Promise<ObligationView> {
  const fields: Record<string, string> = {};
  const naReason = input.naReason === undefined ? undefined : input.naReason === null ? null : input.naReason.trim();
  if (naReason !== undefined && naReason !== null && (naReason.length < 1 || naReason.length > OBLIGATION_LIMITS.naReason)) {
    fields.naReason = `Give the reason in 1 to ${OBLIGATION_LIMITS.naReason} characters.`;
  }
  if (input.dueDate !== undefined && input.dueDate !== null && !isRealDate(input.dueDate)) fields.dueDate = 'Give a date as YYYY-MM-DD.';
  if (Object.keys(fields).length > 0) throw new AppError('bad_request', 'obligation.invalid', 'Some changes are not valid.', { fields });

  return inTransaction(ctx, async (tx) => {
    const { system, obligation } = await loadObligationForChange(tx, input);
    if (!canUpdateObligation(tx.actor, subject(system))) {
      throw new AppError('forbidden', 'obligation.forbidden', 'Only the owner of this system, a governance officer or an administrator can change its obligations.');
    }
    const status = input.status ?? obligation.status;
    let reason: string | null;
    if (status === 'not_applicable') {
      reason = naReason ?? obligation.na_reason;
      if (!reason) fields.naReason = 'Say why this obligation does not apply.';
    } else {
      if (naReason) fields.naReason = 'Only an obligation marked not applicable has a reason; leave this out.';
      reason = null;
    }
    if (input.ownerId !== undefined && input.ownerId !== obligation.owner_id && !(await isMember(tx.db, system.organisation_id, input.ownerId))) {
      fields.ownerId = 'The owner must be a member of this organisation.';
    }
    if (Object.keys(fields).length > 0) throw new AppError('bad_request', 'obligation.invalid', 'Some changes are not valid.', { fields });

    const next = {
      status,
      na_reason: reason,
      owner_id: input.ownerId ?? obligation.owner_id,
      due_date: input.dueDate === undefined ? dateText(obligation.due_date) : input.dueDate,
    };
    const before = { status: obligation.status, naReason: obligation.na_reason, ownerId: obligation.owner_id, dueDate: dateText(obligation.due_date) };
    const after = { status: next.status, naReason: next.na_reason, ownerId: next.owner_id, dueDate: next.due_date };
    const diff = diffFields(before, after);
    if (diff.after && Object.keys(diff.after).length > 0) {
      await tx.db
        .updateTable('obligation')
        .set({ ...next, updated_at: new Date() })
        .where('id', '=', obligation.id)
        .execute();
      await recordAudit(tx, {
        organisationId: system.organisation_id,
        action: 'obligation.updated',
        entityType: 'obligation',
        entityId: obligation.id,
        before: diff.before,
        after: { ...diff.after, systemId: system.id, key: obligation.key },
      });
    }
    return getObligationView(tx, system.organisation_id, obligation.id);
  });
}

/** One obligation with its owner and evidence, as the API shows it. */
export async function getObligationView(ctx: Ctx, organisationId: string, obligationId: string): Promise<ObligationView> {
  const row = await findObligationWithEvidence(ctx.db, { organisationId, obligationId });
  if (!row) throw notFound('obligation');
  return presentObligation(row, todayUtc());
}
