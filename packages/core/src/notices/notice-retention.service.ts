/**
 * How long the case details (case reference, person's name) of a system's notices are kept: the
 * system's own retention when one is set, else the organisation's (citizen_settings). A change
 * applies to notices produced afterwards, as a change of the organisation's setting does.
 *
 * Who: admins and governance officers set or clear a system's retention; everyone who may list
 * notices reads it.
 */
import { recordAudit } from '../audit/audit.service.js';
import { getCitizenSettings } from '../citizen/settings.service.js';
import type { Actor, Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { hasAnyRole } from '../roles.js';
import { canListNotices } from './notice.service.js';

export const NOTICE_RETENTION_LIMITS = { min: 1, max: 3650 } as const;

export function canSetNoticeRetention(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'user' && actor.organisationId === organisationId && hasAnyRole(actor.roles, ['admin', 'governance_officer']);
}

export type NoticeRetention = {
  /** The system's own retention in days, or null when the organisation's applies. */
  systemDays: number | null;
  organisationDays: number;
  /** What notices produced now use. */
  effectiveDays: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findSystemId(ctx: Ctx, organisationId: string, ref: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('ai_system')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where(UUID.test(ref) ? 'id' : 'slug', '=', ref)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'system.not_found', 'No such AI system in this organisation.');
  return row.id;
}

/** The retention notices of this system get (no permission check: the caller has one). */
export async function noticeRetentionFor(ctx: Ctx, organisationId: string, systemId: string): Promise<NoticeRetention> {
  const [row, settings] = await Promise.all([
    ctx.db.selectFrom('system_notice_settings').select('notice_retention_days').where('system_id', '=', systemId).where('organisation_id', '=', organisationId).executeTakeFirst(),
    getCitizenSettings(ctx, organisationId),
  ]);
  const systemDays = row?.notice_retention_days ?? null;
  return { systemDays, organisationDays: settings.noticeRetentionDays, effectiveDays: systemDays ?? settings.noticeRetentionDays };
}

export async function getNoticeRetention(ctx: Ctx, input: { organisationId: string; systemId: string }): Promise<NoticeRetention> {
  if (!canListNotices(ctx.actor, input.organisationId) && !canSetNoticeRetention(ctx.actor, input.organisationId)) {
    throw new AppError('forbidden', 'notice.forbidden', 'You cannot see the notice settings of this system.');
  }
  return noticeRetentionFor(ctx, input.organisationId, await findSystemId(ctx, input.organisationId, input.systemId));
}

/** Sets (days) or clears (null) a system's own notice retention; audit-logged with before and after. */
export async function setNoticeRetention(ctx: Ctx, input: { organisationId: string; systemId: string; days: number | null }): Promise<NoticeRetention> {
  if (!canSetNoticeRetention(ctx.actor, input.organisationId)) {
    throw new AppError('forbidden', 'notice.forbidden', 'Only administrators and governance officers can change how long case details are kept.');
  }
  const { days } = input;
  if (days !== null && (!Number.isInteger(days) || days < NOTICE_RETENTION_LIMITS.min || days > NOTICE_RETENTION_LIMITS.max)) {
    throw new AppError('bad_request', 'notice.invalid', 'Some settings need changing.', {
      fields: { days: `Enter a whole number of days from ${NOTICE_RETENTION_LIMITS.min} to ${NOTICE_RETENTION_LIMITS.max}, or none to use the organisation's.` },
    });
  }
  return inTransaction(ctx, async (tx) => {
    const systemId = await findSystemId(tx, input.organisationId, input.systemId);
    const before = await noticeRetentionFor(tx, input.organisationId, systemId);
    if (days === null) {
      await tx.db.deleteFrom('system_notice_settings').where('system_id', '=', systemId).execute();
    } else {
      const now = new Date();
      await tx.db
        .insertInto('system_notice_settings')
        .values({ system_id: systemId, organisation_id: input.organisationId, notice_retention_days: days, updated_at: now })
        .onConflict((oc) => oc.column('system_id').doUpdateSet({ notice_retention_days: days, updated_at: now }))
        .execute();
    }
    const after: NoticeRetention = { systemDays: days, organisationDays: before.organisationDays, effectiveDays: days ?? before.organisationDays };
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'notice.retention_updated',
      entityType: 'ai_system',
      entityId: systemId,
      before: { noticeRetentionDays: before.systemDays },
      after: { noticeRetentionDays: after.systemDays },
    });
    return after;
  });
}
