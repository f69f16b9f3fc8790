/**
 * The history of a system: every change made a version with the full snapshot (inventory.service.ts,
 * lifecycle.service.ts); here they are listed, and two of them compared field by field.
 */
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { changedFields, type SystemSnapshot } from './system-fields.js';
import { findReadableSystem } from './system-loader.js';

export type SystemVersionView = {
  version: number;
  kind: 'created' | 'updated' | 'transitioned' | 'archived' | 'unarchived';
  changedFields: string[];
  reason: string | null;
  actor: { type: 'user' | 'token' | 'system'; id: string | null; name: string };
  createdAt: Date;
  /** The whole system after this change. Versions written before a field existed lack that field. */
  snapshot: Partial<SystemSnapshot>;
};

/** One page of a system's versions, newest first, with the total: two statements whatever the size. */
export async function listSystemVersions(
  ctx: Ctx,
  input: { organisationId: string; ref: string; limit: number; offset: number },
): Promise<{ items: SystemVersionView[]; total: number }> {
  const system = await findReadableSystem(ctx, input.organisationId, input.ref);
  const rows = await ctx.db
    .selectFrom('ai_system_version')
    .selectAll()
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .where('system_id', '=', system.id)
    .where('organisation_id', '=', input.organisationId)
    .orderBy('version', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  // Versions are numbered 1..n without gaps, so the current number is the total.
  const total = rows[0] ? Number(rows[0].total) : system.version;
  return {
    total,
    items: rows.map((r) => ({
      version: r.version,
      kind: r.kind,
      changedFields: r.changed_fields,
      reason: r.reason,
      actor: { type: r.actor_type, id: r.actor_id, name: r.actor_name },
      createdAt: r.created_at,
      snapshot: r.snapshot as Partial<SystemSnapshot>,
    })),
  };
}

export type SystemDiffView = {
  from: number;
  to: number;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
};

/** What changed between two versions (either order; the same version gives no changes). */
export async function diffSystemVersions(ctx: Ctx, input: { organisationId: string; ref: string; from: number; to: number }): Promise<SystemDiffView> {
  const system = await findReadableSystem(ctx, input.organisationId, input.ref);
  const rows = await ctx.db
    .selectFrom('ai_system_version')
    .select(['version', 'snapshot'])
    .where('system_id', '=', system.id)
    .where('organisation_id', '=', input.organisationId)
    .where('version', 'in', [input.from, input.to])
    .execute();
  const snapshotOf = (n: number) => rows.find((r) => r.version === n)?.snapshot as Record<string, unknown> | undefined;
  const before = snapshotOf(input.from);
  const after = snapshotOf(input.to);
  if (!before || !after) {
    const missing = [!before && `from=${input.from}`, !after && `to=${input.to}`].filter(Boolean).join(' and ');
    throw new AppError('not_found', 'system_version.not_found', `"${system.name}" has versions 1 to ${system.version}; there is no ${missing}.`, {
      fields: Object.fromEntries([...(before ? [] : [['from', 'No such version.']]), ...(after ? [] : [['to', 'No such version.']])]),
    });
  }
  return {
    from: input.from,
    to: input.to,
    changes: changedFields(before, after).map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null })),
  };
}
