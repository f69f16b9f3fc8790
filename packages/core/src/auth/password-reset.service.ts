/**
 * Password reset by email: a one-time link valid for one hour. The request answers the same way
 * whether or not the address has an account, so it cannot be used to find out who has one.
 */
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { queueMail } from '../mail/mail.service.js';
import { findUserByEmail } from '../orgs/org.service.js';
import { checkPasswordRules, hashPassword } from './password.js';
import { newSecret, sha256 } from './secrets.js';

export const RESET_TTL_MS = 60 * 60 * 1000;

export async function requestPasswordReset(ctx: Ctx, input: { email: string; baseUrl: string }): Promise<void> {
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user || user.disabled_at) return;
  const token = newSecret();
  await inTransaction(ctx, async (tx) => {
    const now = new Date();
    const id = randomUUID();
    await tx.db
      .insertInto('password_reset')
      .values({ id, user_id: user.id, token_hash: sha256(token), created_at: now, expires_at: new Date(now.getTime() + RESET_TTL_MS) })
      .execute();
    // The mail belongs to the person, not to one organisation; file it under each of theirs so
    // every admin area that could help them can see it was sent.
    const orgs = await tx.db.selectFrom('membership').select('organisation_id').where('user_id', '=', user.id).execute();
    const text = [
      'Someone asked to reset the password of your Glassbox account.',
      '',
      'Open this link within one hour to choose a new password (it works once):',
      `${input.baseUrl}/app/reset-password?token=${token}`,
      '',
      'If it was not you, ignore this message: your password stays as it is.',
    ].join('\n');
    await queueMail(tx, { organisationId: orgs[0]?.organisation_id ?? null, to: user.email, subject: 'Reset your Glassbox password', text });
    await recordAudit(tx, { organisationId: null, action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id, anonymous: true });
  });
}

export async function completePasswordReset(ctx: Ctx, input: { token: string; newPassword: string }): Promise<void> {
  checkPasswordRules(input.newPassword, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .updateTable('password_reset')
      .set({ used_at: new Date() })
      .where('token_hash', '=', sha256(input.token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .returning('user_id')
      .executeTakeFirst();
    if (!row) {
      throw new AppError('bad_request', 'auth.reset_invalid', 'This reset link is not valid: it may have been used or have expired. Ask for a new one.', {
        fields: { token: 'Invalid or expired.' },
      });
    }
    await tx.db
      .updateTable('app_user')
      .set({ password_hash: hash, failed_sign_ins: 0, locked_until: null, updated_at: new Date() })
      .where('id', '=', row.user_id)
      .execute();
    await tx.db.deleteFrom('session').where('user_id', '=', row.user_id).execute();
    await recordAudit(tx, { organisationId: null, action: 'auth.password_reset', entityType: 'user', entityId: row.user_id, anonymous: true });
  });
}
