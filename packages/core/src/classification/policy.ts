/**
 * Who may screen, classify and change the organisation's tier policy (DESIGN §7). Screening a
 * system is a change to it, so it follows canEditSystem (inventory/policy.ts): admins, governance
 * officers, the system's owner and write tokens that reach the system.
 */
import type { Actor } from '../context.js';
import { canListSystems } from '../inventory/policy.js';

/** Run the rules without saving anything, and read the tier policy: any member, any token of the organisation. */
export function canClassify(actor: Actor, organisationId: string): boolean {
  return canListSystems(actor, organisationId);
}

/** Change the organisation's tier policy: administrators only (never a token: it re-grades every system). */
export function canChangeTierPolicy(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'user' && actor.organisationId === organisationId && actor.roles.includes('admin');
}
