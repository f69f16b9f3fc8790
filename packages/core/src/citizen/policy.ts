/**
 * Who may see and handle concerns and redress requests (DESIGN §7; what people send is personal
 * data, so fewer people see it than see the inventory):
 * - admin, governance_officer: the triage team — see everything, assign, answer, decide, close,
 *   change the organisation's deadlines.
 * - system_owner: sees and works on the cases about the systems they own (they know the system
 *   best), but cannot change deadlines.
 * - auditor: reads every case, without the person's contact details.
 * - reviewer, caseworker, staff: nothing (cases reach them through the triage team).
 * - API tokens: read-scope tokens list and read cases without contact details (reporting); nothing
 *   else. Answering a person is a person's job.
 * - the operator at a terminal (system actor): everything.
 */
import type { Actor } from '../context.js';
import { hasAnyRole, type Role } from '../roles.js';

const TRIAGE: readonly Role[] = ['admin', 'governance_officer'];

const rolesIn = (actor: Actor, organisationId: string): readonly Role[] =>
  actor.kind === 'user' && actor.organisationId === organisationId ? actor.roles : [];

export type CaseSubject = { organisationId: string; systemOwnerId: string | null };

/** See the queue at all (each row is then filtered by canReadCase). */
export function canListCases(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId && actor.systemId === null;
  return hasAnyRole(rolesIn(actor, organisationId), [...TRIAGE, 'system_owner', 'auditor']);
}

/** Whether the queue is limited to the actor's own systems. */
export function listsOnlyOwnSystems(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  const roles = rolesIn(actor, organisationId);
  return !hasAnyRole(roles, [...TRIAGE, 'auditor']) && hasAnyRole(roles, ['system_owner']);
}

export function canReadCase(actor: Actor, subject: CaseSubject): boolean {
  if (!canListCases(actor, subject.organisationId)) return false;
  if (listsOnlyOwnSystems(actor, subject.organisationId)) return actor.kind === 'user' && subject.systemOwnerId === actor.userId;
  return true;
}

/** Contact details: only those who may answer the person. */
export function canSeeContact(actor: Actor, subject: CaseSubject): boolean {
  return canHandleCase(actor, subject);
}

export function canHandleCase(actor: Actor, subject: CaseSubject): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const roles = rolesIn(actor, subject.organisationId);
  if (hasAnyRole(roles, TRIAGE)) return true;
  return hasAnyRole(roles, ['system_owner']) && subject.systemOwnerId === actor.userId;
}

export function canChangeCitizenSettings(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  return hasAnyRole(rolesIn(actor, organisationId), TRIAGE);
}
