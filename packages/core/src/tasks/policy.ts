/**
 * Who may work on organisation tasks (issue #4 point 6): every member and read token reads them;
 * admins, governance officers, org-wide write tokens and the operator add and change them; the
 * person a task is assigned to may move its status (start it, finish it, dismiss it with a reason).
 */
import type { Actor } from '../context.js';
import { hasAnyRole } from '../roles.js';

const rolesIn = (actor: Actor, organisationId: string): readonly string[] =>
  actor.kind === 'user' && actor.organisationId === organisationId ? actor.roles : [];

export function canReadTasks(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId && actor.systemId === null;
  return rolesIn(actor, organisationId).length > 0;
}

/** Add tasks, and change anything about any task. */
export function canManageTasks(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId && actor.systemId === null && actor.scope === 'write';
  return hasAnyRole(rolesIn(actor, organisationId), ['admin', 'governance_officer']);
}

/** Change the status of this task (its owner, when a member). */
export function canUpdateTaskStatus(actor: Actor, organisationId: string, ownerId: string | null): boolean {
  if (canManageTasks(actor, organisationId)) return true;
  return actor.kind === 'user' && ownerId !== null && actor.userId === ownerId && rolesIn(actor, organisationId).length > 0;
}
