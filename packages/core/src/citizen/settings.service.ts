/**
 * An organisation's settings for citizen services: the days it gives itself to answer each type of
 * redress request, and how long case details sent with a generated notice are kept. Without a row
 * the defaults apply (deadlines.ts; 365 days for notices).
 */
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { DEFAULT_DEADLINES, type DeadlineSettings } from './deadlines.js';
import { canChangeCitizenSettings, canListCases } from './policy.js';

export type CitizenSettings = DeadlineSettings & { noticeRetentionDays: number };

export const DEFAULT_CITIZEN_SETTINGS: CitizenSettings = { ...DEFAULT_DEADLINES, noticeRetentionDays: 365 };

export async function getCitizenSettings(ctx: Ctx, organisationId: string): Promise<CitizenSettings> {
  const row = await ctx.db.selectFrom('citizen_settings').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) return { ...DEFAULT_CITIZEN_SETTINGS };
  return {
    explanationDays: row.explanation_days,
    humanReviewDays: row.human_review_days,
    appealDays: row.appeal_days,
    noticeRetentionDays: row.notice_retention_days,
  };
}

/** For the settings screen: members who see the queues may read them. */
export async function readCitizenSettings(ctx: Ctx, organisationId: string): Promise<CitizenSettings> {
  if (!canListCases(ctx.actor, organisationId) && !canChangeCitizenSettings(ctx.actor, organisationId)) {
    throw new AppError('forbidden', 'citizen_settings.forbidden', 'You cannot see these settings.');
  }
  return getCitizenSettings(ctx, organisationId);
}

const LIMITS: Record<keyof CitizenSettings, [number, number]> = {
  explanationDays: [1, 365],
  humanReviewDays: [1, 365],
  appealDays: [1, 365],
  noticeRetentionDays: [1, 3650],
};

export async function updateCitizenSettings(ctx: Ctx, input: { organisationId: string } & Partial<CitizenSettings>): Promise<CitizenSettings> {
  if (!canChangeCitizenSettings(ctx.actor, input.organisationId)) {
    throw new AppError('forbidden', 'citizen_settings.forbidden', 'Only administrators and governance officers can change deadlines.');
  }
  const errors: Record<string, string> = {};
  for (const [key, [min, max]] of Object.entries(LIMITS) as Array<[keyof CitizenSettings, [number, number]]>) {
    const v = input[key];
    if (v !== undefined && (!Number.isInteger(v) || v < min || v > max)) errors[key] = `Enter a whole number of days from ${min} to ${max}.`;
  }
  if (Object.keys(errors).length) throw new AppError('bad_request', 'citizen_settings.invalid', 'Some settings need changing.', { fields: errors });
  return inTransaction(ctx, async (tx) => {
    const before = await getCitizenSettings(tx, input.organisationId);
    const after: CitizenSettings = {
      explanationDays: input.explanationDays ?? before.explanationDays,
      humanReviewDays: input.humanReviewDays ?? before.humanReviewDays,
      appealDays: input.appealDays ?? before.appealDays,
      noticeRetentionDays: input.noticeRetentionDays ?? before.noticeRetentionDays,
    };
    const row = {
      explanation_days: after.explanationDays,
      human_review_days: after.humanReviewDays,
      appeal_days: after.appealDays,
      notice_retention_days: after.noticeRetentionDays,
      updated_at: new Date(),
    };
    await tx.db
      .insertInto('citizen_settings')
      .values({ organisation_id: input.organisationId, ...row })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(row))
      .execute();
    await recordAudit(tx, { organisationId: input.organisationId, action: 'citizen_settings.updated', entityType: 'organisation', entityId: input.organisationId, before, after });
    return after;
  });
}
