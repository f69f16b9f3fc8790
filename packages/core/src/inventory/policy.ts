/**
 * Who may do what with an AI system (DESIGN §7). Plain functions over the actor and the system,
 * called inside the inventory service so the HTTP API, the CLI and jobs get the same answers.
 *
 * People (roles in the system's organisation):
 * - admin, governance_officer: read, create, edit, archive and move any system, including the
 *   approval decisions (→ approved, → rejected), and name anyone as owner.
 * - system_owner: read everything; create systems, which they then own; edit, archive and move the
 *   systems they own, except the approval decisions; they cannot hand a system to someone else
 *   (moving accountability is a governance decision).
 * - reviewer, caseworker, auditor, staff: read only.
 *
 * API tokens (machines, no person behind them), decided conservatively:
 * - read scope: read.
 * - write scope: read, create, edit, archive and the non-decision moves (e.g. a monitoring job
 *   suspending a system), never approve or reject: an approval is a person's accountable decision.
 *   A token has no person to default to as owner, so it must name one when it creates a system,
 *   and it cannot change the owner afterwards.
 * - a token limited to one system (api_token.system_id) reads and writes only that system and
 *   cannot create systems.
 *
 * The operator at a terminal (system actor: CLI, demo seed) may do everything.
 */
import type { Actor } from '../context.js';
import { hasAnyRole, type Role } from '../roles.js';
import { isDecisionStage, type Lifecycle } from './lifecycle.js';

/** What the policies need to know about a system. */
export type SystemSubject = { id: string; organisationId: string; ownerId: string };

const GOVERNORS: readonly Role[] = ['admin', 'governance_officer'];

/** Roles the actor holds in this organisation; none when the actor's roles are for another one. */
const rolesIn = (actor: Actor, organisationId: string): readonly Role[] =>
  actor.kind === 'user' && actor.organisationId === organisationId ? actor.roles : [];

const tokenReaches = (actor: Actor, organisationId: string, systemId: string | null): boolean =>
  actor.kind === 'token' && actor.organisationId === organisationId && (actor.systemId === null || actor.systemId === systemId);

/** List the organisation's inventory (a token limited to one system sees only that one in it). */
export function canListSystems(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId;
  return rolesIn(actor, organisationId).length > 0;
}

export function canReadSystem(actor: Actor, system: SystemSubject): boolean {
  if (actor.kind === 'token') return tokenReaches(actor, system.organisationId, system.id);
  return canListSystems(actor, system.organisationId);
}

export function canCreateSystem(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId && actor.scope === 'write' && actor.systemId === null;
  return hasAnyRole(rolesIn(actor, organisationId), [...GOVERNORS, 'system_owner']);
}

/** Edit fields, archive, unarchive and make the lifecycle moves that are not approval decisions. */
export function canEditSystem(actor: Actor, system: SystemSubject): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.scope === 'write' && tokenReaches(actor, system.organisationId, system.id);
  const roles = rolesIn(actor, system.organisationId);
  if (hasAnyRole(roles, GOVERNORS)) return true;
  return roles.includes('system_owner') && system.ownerId === actor.userId;
}

/** Approve or reject (DESIGN §7: governance officer or administrator; never a token). */
export function canDecideApproval(actor: Actor, system: SystemSubject): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return false;
  return hasAnyRole(rolesIn(actor, system.organisationId), GOVERNORS);
}

export function canTransitionSystem(actor: Actor, system: SystemSubject, to: Lifecycle): boolean {
  return canEditSystem(actor, system) && (!isDecisionStage(to) || canDecideApproval(actor, system));
}

/**
 * Whether the actor may make `ownerId` the owner: when creating a system (`creating`), or by
 * changing the owner of an existing one.
 */
export function canAssignOwner(actor: Actor, organisationId: string, ownerId: string, creating: boolean): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return creating && actor.organisationId === organisationId && actor.scope === 'write' && actor.systemId === null;
  const roles = rolesIn(actor, organisationId);
  if (hasAnyRole(roles, GOVERNORS)) return true;
  return creating && roles.includes('system_owner') && ownerId === actor.userId;
}
