/**
 * What every service function receives: the database (or the open transaction), who is acting,
 * and where the request came from (for the audit trail).
 */
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import type { Role } from './roles.js';

export type UserActor = {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  sessionId: string | null;
  /** Roles in the organisation the current request is about, when there is one. */
  roles: Role[];
  organisationId: string | null;
};

export type TokenActor = {
  kind: 'token';
  tokenId: string;
  tokenName: string;
  organisationId: string;
  scope: 'read' | 'write';
  systemId: string | null;
};

/** The operator at a terminal, or start-up code such as the demo seed. */
export type SystemActor = { kind: 'system'; name: string };

export type Actor = UserActor | TokenActor | SystemActor;

export type RequestInfo = { id: string | null; ip: string | null };

export type Ctx = {
  db: Kysely<DB>;
  actor: Actor;
  request: RequestInfo;
  /**
   * The organisation's audit chain head as read at the start of the request (HTTP sets it), so
   * version-keyed caches need not read it again. Never newer than the data the request then reads.
   */
  dataVersion?: { organisationId: string; seq: number };
};

export const systemCtx = (db: Kysely<DB>, name = 'cli'): Ctx => ({
  db,
  actor: { kind: 'system', name },
  request: { id: null, ip: null },
});

export const actorId = (actor: Actor): string | null =>
  actor.kind === 'user' ? actor.userId : actor.kind === 'token' ? actor.tokenId : null;

export const actorLabel = (actor: Actor): string =>
  actor.kind === 'user' ? actor.email : actor.kind === 'token' ? `token:${actor.tokenName}` : `system:${actor.name}`;
