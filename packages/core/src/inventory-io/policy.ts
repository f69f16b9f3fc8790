/**
 * Who may export and import the inventory. Export: whoever may list the inventory (policy.ts of the
 * inventory; a token limited to one system exports only that system). Import registers many systems
 * at once under owners the file names, so it is kept to the people who may name any owner:
 * administrators and governance officers, write tokens of the organisation that are not limited to
 * one system, and the operator at a terminal.
 */
import type { Actor } from '../context.js';
import { canListSystems } from '../inventory/policy.js';
import { hasAnyRole } from '../roles.js';

export const canExportInventory = (actor: Actor, organisationId: string): boolean => canListSystems(actor, organisationId);

export function canImportInventory(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId && actor.scope === 'write' && actor.systemId === null;
  return actor.organisationId === organisationId && hasAnyRole(actor.roles, ['admin', 'governance_officer']);
}
