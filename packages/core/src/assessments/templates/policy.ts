/**
 * Who may read and manage assessment templates (issue #4 point 8, DESIGN §7). Every member of an
 * organisation (and its API tokens) reads the built-in templates and the organisation's own;
 * administrators and governance officers import, clone, edit, publish and archive them. The operator
 * at a terminal (CLI, start-up) may do everything.
 */
import type { Actor } from '../../context.js';
import { hasAnyRole, type Role } from '../../roles.js';

export const TEMPLATE_MANAGERS: readonly Role[] = ['admin', 'governance_officer'];

export function canReadTemplates(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId;
  return actor.organisationId === organisationId && actor.roles.length > 0;
}

export function canManageTemplates(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return false;
  return actor.organisationId === organisationId && hasAnyRole(actor.roles, TEMPLATE_MANAGERS);
}
