/**
 * Loading a system for a read or a change, with the permission checks every inventory operation
 * starts with. Internal to the inventory module (not exported from the package).
 */
import type { Ctx } from '../context.js';
import type { AiSystem } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { presentSystem, type SystemView } from './inventory.presenter.js';
import { findSystemRow, findSystemWithNames } from './inventory.repository.js';
import { canEditSystem, canReadSystem, type SystemSubject } from './policy.js';

export const subject = (row: AiSystem): SystemSubject => ({ id: row.id, organisationId: row.organisation_id, ownerId: row.owner_id });

/** The answer after a change: the system as stored, with unit and owner names. */
export async function viewOf(tx: Ctx, row: AiSystem): Promise<SystemView> {
  const named = await findSystemWithNames(tx.db, row.organisation_id, row.id);
  if (!named) throw notFound('system');
  return presentSystem(named);
}

/** 404 when there is no such system in the organisation; 403 for a token limited to another system. */
export function checkReadable<T extends AiSystem>(ctx: Ctx, row: T | undefined): T {
  if (!row) throw notFound('system');
  if (!canReadSystem(ctx.actor, subject(row))) {
    throw new AppError('forbidden', 'auth.token_system_scope', 'This token is limited to another AI system.');
  }
  return row;
}

/** A system (by id or slug) the actor may read. */
export async function findReadableSystem(ctx: Ctx, organisationId: string, ref: string): Promise<AiSystem> {
  return checkReadable(ctx, await findSystemRow(ctx.db, organisationId, ref));
}

/**
 * Loads a system for a change: locked until the transaction ends, the actor allowed to edit it
 * (canEditSystem), and not archived unless the change is about archiving.
 */
export async function loadEditable(tx: Ctx, organisationId: string, ref: string, opts: { allowArchived?: boolean } = {}): Promise<AiSystem> {
  const row = checkReadable(tx, await findSystemRow(tx.db, organisationId, ref, { forUpdate: true }));
  if (!canEditSystem(tx.actor, subject(row))) {
    throw new AppError('forbidden', 'system.forbidden', 'Only the owner of this system, a governance officer or an administrator can change it.');
  }
  if (row.archived_at && !opts.allowArchived) {
    throw new AppError('conflict', 'system.archived', `"${row.name}" is archived; restore it before changing it.`);
  }
  return row;
}
