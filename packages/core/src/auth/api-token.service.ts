/**
 * API tokens for machines (a case-management system, a script). Created by an admin and shown once;
 * stored as a SHA-256 hash; scoped to one organisation, optionally to one system, and to read or
 * write; revocable; the last use is recorded (at most once a minute, to keep reads cheap).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx, TokenActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, notFound } from '../errors.js';
import { newSecret, sha256 } from './secrets.js';

const TOKEN_PREFIX = 'gbx_';
const LAST_USED_EVERY_MS = 60 * 1000;

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  scope: 'read' | 'write';
  systemId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

type Row = {
  id: string;
  name: string;
  prefix: string;
  scope: 'read' | 'write';
  system_id: string | null;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

const present = (r: Row): ApiTokenView => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scope: r.scope,
  systemId: r.system_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export async function createApiToken(
  ctx: Ctx,
  input: { organisationId: string; name: string; scope: 'read' | 'write'; systemId?: string | null | undefined; expiresAt?: Date | null | undefined },
): Promise<{ token: string; item: ApiTokenView }> {
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError('bad_request', 'token.expiry_in_past', 'The expiry date must be in the future.', { fields: { expiresAt: 'Must be in the future.' } });
  }
  const secret = newSecret();
  const token = `${TOKEN_PREFIX}${secret}`;
  return inTransaction(ctx, async (tx) => {
    if (input.systemId) {
      const system = await tx.db.selectFrom('ai_system').select('id').where('id', '=', input.systemId).where('organisation_id', '=', input.organisationId).executeTakeFirst();
      if (!system) {
        throw new AppError('bad_request', 'token.unknown_system', 'There is no AI system with this id in the organisation.', { fields: { systemId: 'Not a system of this organisation.' } });
      }
    }
    const row = await tx.db
      .insertInto('api_token')
      .values({
        id: randomUUID(),
        organisation_id: input.organisationId,
        name: input.name.trim(),
        token_hash: sha256(token),
        prefix: token.slice(0, 10),
        scope: input.scope,
        system_id: input.systemId ?? null,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: new Date(),
        expires_at: input.expiresAt ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const item = present(row);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: item.name, scope: item.scope, systemId: item.systemId, expiresAt: item.expiresAt },
    });
    return { token, item };
  });
}

export async function listApiTokens(db: Kysely<DB>, organisationId: string): Promise<ApiTokenView[]> {
  const rows = await db.selectFrom('api_token').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').limit(500).execute();
  return rows.map(present);
}

export async function revokeApiToken(ctx: Ctx, input: { organisationId: string; tokenId: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .updateTable('api_token')
      .set({ revoked_at: new Date() })
      .where('id', '=', input.tokenId)
      .where('organisation_id', '=', input.organisationId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!row) throw notFound('api_token');
    await recordAudit(tx, { organisationId: input.organisationId, action: 'api_token.revoked', entityType: 'api_token', entityId: row.id, before: { name: row.name } });
  });
}

/** Resolves a bearer token to its actor, or null when it is unknown, revoked or expired. */
export async function authenticateApiToken(db: Kysely<DB>, token: string): Promise<TokenActor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.selectFrom('api_token').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  const now = Date.now();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at.getTime() <= now)) return null;
  if (!row.last_used_at || row.last_used_at.getTime() + LAST_USED_EVERY_MS <= now) {
    await db.updateTable('api_token').set({ last_used_at: new Date(now) }).where('id', '=', row.id).execute();
  }
  return {
    kind: 'token',
    tokenId: row.id,
    tokenName: row.name,
    organisationId: row.organisation_id,
    scope: row.scope,
    systemId: row.system_id,
  };
}
