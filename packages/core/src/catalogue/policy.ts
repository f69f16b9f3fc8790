/**
 * Who may do what with the tool catalogue (DESIGN §7, R-APPROVE). Plain functions over the actor,
 * called inside the catalogue service so the HTTP API and the CLI get the same answers.
 *
 * - Every member of the organisation reads the catalogue and asks "can I use…?": staff need it.
 * - Administrators and governance officers add, edit and archive entries: approving a tool for
 *   staff use is a governance decision.
 * - API tokens of the organisation read and check; they never change the catalogue (an approval
 *   is a person's accountable decision).
 * - The operator at a terminal (system actor: CLI, demo seed) may do everything.
 */
import type { Actor } from '../context.js';
import { hasAnyRole, type Role } from '../roles.js';

const CURATORS: readonly Role[] = ['admin', 'governance_officer'];

const rolesIn = (actor: Actor, organisationId: string): readonly Role[] =>
  actor.kind === 'user' && actor.organisationId === organisationId ? actor.roles : [];

export function canReadCatalogue(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId;
  return rolesIn(actor, organisationId).length > 0;
}

export function canManageCatalogue(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return false;
  return hasAnyRole(rolesIn(actor, organisationId), CURATORS);
}
