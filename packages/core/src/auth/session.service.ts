/**
 * Sign-in, sessions and passwords. A session is a random cookie value; the database keeps only its
 * HMAC, with a CSRF token, the current organisation and idle/absolute expiry. Five wrong passwords in
 * a row lock the account for fifteen minutes.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { isRole, type Role } from '../roles.js';
import { checkPasswordRules, hashPassword, verifyPassword } from './password.js';
import { hmac, newSecret } from './secrets.js';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export type OrganisationChoice = { id: string; slug: string; name: string; roles: Role[] };

/** What every request needs to know about its session: one statement to load. */
export type SessionInfo = {
  sessionId: string;
  csrfToken: string;
  user: { id: string; email: string; displayName: string };
  currentOrganisationId: string | null;
};

export type SessionView = {
  sessionId: string;
  csrfToken: string;
  user: { id: string; email: string; displayName: string };
  organisations: OrganisationChoice[];
  currentOrganisation: OrganisationChoice | null;
};

export const sessionIdFor = (secret: string, cookieValue: string): string => hmac(secret, cookieValue);

const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export async function listUserOrganisations(db: Kysely<DB>, userId: string): Promise<OrganisationChoice[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.slug', 'o.name', 'm.roles'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, roles: r.roles.filter(isRole) }));
}

export type SignInInput = { email: string; password: string; secret: string; userAgent: string | null };

/** Checks the password and opens a session. Returns the cookie value to set, shown only here. */
export async function signIn(ctx: Ctx, input: SignInInput): Promise<{ cookieValue: string; view: SessionView }> {
  const email = normaliseEmail(input.email);
  const user = await ctx.db
    .selectFrom('app_user')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .executeTakeFirst();
  const now = new Date();

  if (user?.locked_until && user.locked_until > now) {
    throw new AppError(
      'locked',
      'auth.locked',
      `Too many wrong passwords. This account is locked until ${user.locked_until.toISOString()}; try again then or reset your password.`,
      { lockedUntil: user.locked_until.toISOString() },
    );
  }

  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || user.disabled_at) {
    if (user) await recordFailedSignIn(ctx, user.id, user.failed_sign_ins, now);
    throw new AppError('unauthenticated', 'auth.invalid_credentials', 'The email address or password is not right.');
  }

  const organisations = await listUserOrganisations(ctx.db, user.id);
  const cookieValue = newSecret();
  const sessionId = sessionIdFor(input.secret, cookieValue);
  const csrfToken = newSecret(24);
  const current = organisations[0] ?? null;

  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto('session')
      .values({
        id: sessionId,
        user_id: user.id,
        organisation_id: current?.id ?? null,
        csrf_token: csrfToken,
        ip: ctx.request.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      })
      .execute();
    await tx.db
      .updateTable('app_user')
      .set({ failed_sign_ins: 0, locked_until: null, last_sign_in_at: now })
      .where('id', '=', user.id)
      .execute();
    const actorCtx: Ctx = {
      ...tx,
      actor: {
        kind: 'user',
        userId: user.id,
        email: user.email,
        displayName: user.display_name,
        sessionId,
        roles: [],
        organisationId: null,
      },
    };
    await recordAudit(actorCtx, {
      organisationId: null,
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
    });
  });

  return {
    cookieValue,
    view: {
      sessionId,
      csrfToken,
      user: { id: user.id, email: user.email, displayName: user.display_name },
      organisations,
      currentOrganisation: current,
    },
  };
}

async function recordFailedSignIn(ctx: Ctx, userId: string, failedBefore: number, now: Date): Promise<void> {
  const failed = failedBefore + 1;
  const lock = failed >= MAX_FAILED_SIGN_INS;
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('app_user')
      .set({
        failed_sign_ins: lock ? 0 : failed,
        locked_until: lock ? new Date(now.getTime() + LOCKOUT_MS) : null,
      })
      .where('id', '=', userId)
      .execute();
    await recordAudit(tx, {
      organisationId: null,
      action: lock ? 'auth.locked' : 'auth.sign_in_failed',
      entityType: 'user',
      entityId: userId,
      after: { failedSignIns: failed },
      anonymous: true,
    });
  });
}

/** Looks a session up by its cookie value; null when unknown, expired or idle too long. */
export async function loadSession(db: Kysely<DB>, secret: string, cookieValue: string): Promise<SessionInfo | null> {
  const sessionId = sessionIdFor(secret, cookieValue);
  const row = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.csrf_token',
      's.organisation_id',
      's.last_seen_at',
      's.expires_at',
      'u.id as user_id',
      'u.email',
      'u.display_name',
      'u.disabled_at',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  const now = Date.now();
  if (!row || row.disabled_at || row.expires_at.getTime() <= now || row.last_seen_at.getTime() + SESSION_IDLE_MS <= now) {
    return null;
  }
  if (row.last_seen_at.getTime() + TOUCH_EVERY_MS <= now) {
    await db.updateTable('session').set({ last_seen_at: new Date(now) }).where('id', '=', sessionId).execute();
  }
  return {
    sessionId,
    csrfToken: row.csrf_token,
    user: { id: row.user_id, email: row.email, displayName: row.display_name },
    currentOrganisationId: row.organisation_id,
  };
}

/** The session with the person's organisations, for the staff app's start-up and switcher. */
export async function describeSession(db: Kysely<DB>, info: SessionInfo): Promise<SessionView> {
  const organisations = await listUserOrganisations(db, info.user.id);
  return {
    sessionId: info.sessionId,
    csrfToken: info.csrfToken,
    user: info.user,
    organisations,
    currentOrganisation: organisations.find((o) => o.id === info.currentOrganisationId) ?? organisations[0] ?? null,
  };
}

export async function signOut(ctx: Ctx, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const gone = await tx.db.deleteFrom('session').where('id', '=', sessionId).returning('user_id').executeTakeFirst();
    if (gone) {
      await recordAudit(tx, { organisationId: null, action: 'auth.sign_out', entityType: 'user', entityId: gone.user_id });
    }
  });
}

export async function switchOrganisation(ctx: Ctx, input: { sessionId: string; userId: string; slug: string }): Promise<void> {
  const orgs = await listUserOrganisations(ctx.db, input.userId);
  const target = orgs.find((o) => o.slug === input.slug);
  if (!target) {
    throw new AppError('forbidden', 'auth.not_a_member', 'You are not a member of that organisation.', {
      fields: { organisation: 'Not one of your organisations.' },
    });
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('session').set({ organisation_id: target.id }).where('id', '=', input.sessionId).execute();
    await recordAudit(tx, { organisationId: target.id, action: 'auth.organisation_switched', entityType: 'user', entityId: input.userId });
  });
}

/** Changes the signed-in person's password and ends their other sessions. */
export async function changePassword(
  ctx: Ctx,
  input: { userId: string; sessionId: string | null; currentPassword: string; newPassword: string },
): Promise<void> {
  checkPasswordRules(input.newPassword, 'newPassword');
  const user = await ctx.db.selectFrom('app_user').select(['password_hash']).where('id', '=', input.userId).executeTakeFirst();
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('bad_request', 'auth.wrong_password', 'Your current password is not right.', {
      fields: { currentPassword: 'This is not your current password.' },
    });
  }
  const hash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('app_user').set({ password_hash: hash, updated_at: new Date() }).where('id', '=', input.userId).execute();
    let others = tx.db.deleteFrom('session').where('user_id', '=', input.userId);
    if (input.sessionId) others = others.where('id', '!=', input.sessionId);
    await others.execute();
    await recordAudit(tx, {
      organisationId: null,
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: input.userId,
    });
  });
}
