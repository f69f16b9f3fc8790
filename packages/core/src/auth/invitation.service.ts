/**
 * Invitations: an admin invites a person by email with one or more roles; the person follows a
 * one-time link (valid seven days) and sets a password, or joins with the account they already have.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, notFound } from '../errors.js';
import { queueMail } from '../mail/mail.service.js';
import { addMembership, createUser, findUserByEmail } from '../orgs/org.service.js';
import { isRole, ROLE_LABELS, type Role } from '../roles.js';
import { newSecret, sha256 } from './secrets.js';
import { hashPassword, checkPasswordRules } from './password.js';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationView = {
  id: string;
  email: string;
  roles: Role[];
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  invitedBy: string | null;
};

export async function inviteMember(
  ctx: Ctx,
  input: { organisationId: string; email: string; roles: string[]; baseUrl: string },
): Promise<{ invitation: InvitationView; link: string }> {
  const email = input.email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new AppError('bad_request', 'invitation.bad_email', `"${input.email}" is not an email address.`, { fields: { email: 'Not an email address.' } });
  }
  const roles = [...new Set(input.roles)];
  if (roles.length === 0 || !roles.every(isRole)) {
    throw new AppError('bad_request', 'invitation.bad_roles', 'Choose one or more of the listed roles.', { fields: { roles: 'Choose one or more roles.' } });
  }
  const token = newSecret();
  const link = `${input.baseUrl}/app/accept-invitation?token=${token}`;
  return inTransaction(ctx, async (tx) => {
    const org = await tx.db.selectFrom('organisation').select(['name']).where('id', '=', input.organisationId).executeTakeFirst();
    if (!org) throw notFound('organisation');
    const member = await tx.db
      .selectFrom('membership as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .select('u.id')
      .where('m.organisation_id', '=', input.organisationId)
      .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    if (member) {
      throw new AppError('conflict', 'invitation.already_member', `${email} is already a member of this organisation.`, { fields: { email: 'Already a member.' } });
    }
    const now = new Date();
    const row = await tx.db
      .insertInto('invitation')
      .values({
        id: randomUUID(),
        organisation_id: input.organisationId,
        email,
        roles,
        token_hash: sha256(token),
        invited_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: now,
        expires_at: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const inviter = ctx.actor.kind === 'user' ? ctx.actor.displayName : 'An administrator';
    await queueMail(tx, {
      organisationId: input.organisationId,
      to: email,
      subject: `You are invited to ${org.name} on Glassbox`,
      text: [
        `${inviter} has invited you to join ${org.name} on Glassbox as: ${roles.map((r) => ROLE_LABELS[r as Role]).join(', ')}.`,
        '',
        'Open this link to accept and choose your password (it works once and expires in 7 days):',
        link,
        '',
        'If you did not expect this invitation, you can ignore this message.',
      ].join('\n'),
    });
    const view = presentInvitation(row);
    await recordAudit(tx, { organisationId: input.organisationId, action: 'invitation.created', entityType: 'invitation', entityId: row.id, after: { email, roles } });
    return { invitation: view, link };
  });
}

type InvitationRow = {
  id: string;
  email: string;
  roles: string[];
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  invited_by: string | null;
};

const presentInvitation = (r: InvitationRow): InvitationView => ({
  id: r.id,
  email: r.email,
  roles: r.roles.filter(isRole),
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  revokedAt: r.revoked_at,
  invitedBy: r.invited_by,
});

export async function listInvitations(db: Kysely<DB>, organisationId: string): Promise<InvitationView[]> {
  const rows = await db.selectFrom('invitation').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').limit(500).execute();
  return rows.map(presentInvitation);
}

export async function revokeInvitation(ctx: Ctx, input: { organisationId: string; invitationId: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .updateTable('invitation')
      .set({ revoked_at: new Date() })
      .where('id', '=', input.invitationId)
      .where('organisation_id', '=', input.organisationId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning(['id', 'email'])
      .executeTakeFirst();
    if (!row) throw notFound('invitation');
    await recordAudit(tx, { organisationId: input.organisationId, action: 'invitation.revoked', entityType: 'invitation', entityId: row.id, before: { email: row.email } });
  });
}

async function findOpenInvitation(db: Kysely<DB>, token: string) {
  const row = await db
    .selectFrom('invitation as i')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select(['i.id', 'i.email', 'i.roles', 'i.organisation_id', 'i.expires_at', 'i.accepted_at', 'i.revoked_at', 'o.name as organisation_name'])
    .where('i.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.accepted_at || row.revoked_at || row.expires_at.getTime() <= Date.now()) {
    throw new AppError('not_found', 'invitation.invalid', 'This invitation link is not valid: it may have been used, withdrawn or have expired. Ask your administrator for a new one.');
  }
  return row;
}

export async function describeInvitation(db: Kysely<DB>, token: string) {
  const inv = await findOpenInvitation(db, token);
  const user = await findUserByEmail(db, inv.email);
  return {
    email: inv.email,
    organisationName: inv.organisation_name,
    roles: inv.roles.filter(isRole),
    expiresAt: inv.expires_at,
    userExists: Boolean(user?.password_hash),
  };
}

export async function acceptInvitation(
  ctx: Ctx,
  input: { token: string; displayName?: string | undefined; password?: string | undefined },
): Promise<{ userId: string; organisationId: string }> {
  const inv = await findOpenInvitation(ctx.db, input.token);
  const existing = await findUserByEmail(ctx.db, inv.email);
  const needsPassword = !existing?.password_hash;
  if (needsPassword) {
    if (!input.displayName?.trim()) {
      throw new AppError('bad_request', 'invitation.name_required', 'Tell us your name.', { fields: { displayName: 'Enter your name.' } });
    }
    checkPasswordRules(input.password ?? '');
  }
  const hash = needsPassword ? await hashPassword(input.password ?? '') : null;
  return inTransaction(ctx, async (tx) => {
    // Claim the invitation first so two clicks on the same link cannot both succeed.
    const claimed = await tx.db
      .updateTable('invitation')
      .set({ accepted_at: new Date() })
      .where('id', '=', inv.id)
      .where('accepted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw new AppError('conflict', 'invitation.invalid', 'This invitation has already been used.');
    let userId: string;
    if (!existing) {
      const created = await createUser(tx, { email: inv.email, displayName: input.displayName ?? inv.email, password: null });
      userId = created.id;
    } else {
      userId = existing.id;
    }
    if (hash) await tx.db.updateTable('app_user').set({ password_hash: hash, updated_at: new Date() }).where('id', '=', userId).execute();
    const asInvitee: Ctx = { ...tx, actor: { kind: 'user', userId, email: inv.email, displayName: input.displayName ?? inv.email, sessionId: null, roles: [], organisationId: inv.organisation_id } };
    await addMembership(asInvitee, { organisationId: inv.organisation_id, userId, roles: inv.roles });
    await recordAudit(asInvitee, { organisationId: inv.organisation_id, action: 'invitation.accepted', entityType: 'invitation', entityId: inv.id });
    return { userId, organisationId: inv.organisation_id };
  });
}
