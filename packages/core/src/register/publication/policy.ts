/**
 * Who may work on the public register (DESIGN §7, issue #5 point 2). Plain functions called inside
 * the publication services, so the HTTP API, the CLI and the demo seed get the same answers.
 *
 * - Every member (and read tokens) reads drafts, previews and the publication history.
 * - The draft of a system's entry is a change to that system: admins, governance officers, the
 *   system's owner and write tokens that reach the system (canEditSystem).
 * - Publishing, withdrawing and the organisation's register settings (formats) are governance
 *   decisions made by a person: admins and governance officers, never an API token.
 * - The operator at a terminal (system actor: CLI, demo seed) may do everything.
 */
import type { Actor } from '../../context.js';
import { canEditSystem, type SystemSubject } from '../../inventory/policy.js';
import { hasAnyRole, type Role } from '../../roles.js';

const GOVERNORS: readonly Role[] = ['admin', 'governance_officer'];

export function canEditRegisterDraft(actor: Actor, system: SystemSubject): boolean {
  return canEditSystem(actor, system);
}

export function canPublishRegisterEntry(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.kind === 'user' && actor.organisationId === organisationId && hasAnyRole(actor.roles, GOVERNORS);
}

export const canManageRegisterSettings = canPublishRegisterEntry;
