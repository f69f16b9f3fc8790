/**
 * Who may work on a system's obligations (DESIGN §7). Changing an obligation (status, owner, due
 * date) is a change to the system: admins, governance officers, the system's owner and write tokens
 * that reach the system (canEditSystem). Adding or removing evidence is also open to the person who
 * owns the obligation, who may hold any role (a data protection officer, a caseworker lead).
 */
import type { Actor } from '../context.js';
import { canEditSystem, type SystemSubject } from '../inventory/policy.js';

export function canUpdateObligation(actor: Actor, system: SystemSubject): boolean {
  return canEditSystem(actor, system);
}

export function canManageEvidence(actor: Actor, system: SystemSubject, obligationOwnerId: string): boolean {
  if (canEditSystem(actor, system)) return true;
  return actor.kind === 'user' && actor.organisationId === system.organisationId && actor.roles.length > 0 && actor.userId === obligationOwnerId;
}
