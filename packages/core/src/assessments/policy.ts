/**
 * Who may do what with an assessment (issue #4 point 5, DESIGN §7). Plain functions, called in the
 * assessment service so the API, the CLI and the demo seed get the same answers.
 *
 * - Read: every member of the organisation (auditors and staff too) and read tokens; a token limited
 *   to one AI system reads only that system's assessments (never organisation-level ones).
 * - Fill in (start, save answers, submit, attach, reassess): whoever may edit the system
 *   (canEditSystem: admins, governance officers, the system's owner, write tokens reaching the
 *   system). Organisation-level assessments (readiness): admins, governance officers and write
 *   tokens of the whole organisation.
 * - Comment: whoever may fill it in or review it.
 * - Review (approve, return): admins and governance officers, never a token (an approval is a
 *   person's accountable decision), and never the person who submitted it (four-eyes).
 * - The operator at a terminal (CLI, demo seed) may do everything.
 */
import type { Actor } from '../context.js';
import { canEditSystem, canReadSystem, type SystemSubject } from '../inventory/policy.js';
import { hasAnyRole, type Role } from '../roles.js';

/** What the policies need to know about an assessment. */
export type AssessmentSubject = {
  organisationId: string;
  /** null for an organisation-level assessment. */
  system: SystemSubject | null;
  /** The person who submitted it last (null: not submitted, or submitted by a token or the operator). */
  submittedBy: string | null;
};

const GOVERNORS: readonly Role[] = ['admin', 'governance_officer'];

const rolesIn = (actor: Actor, organisationId: string): readonly Role[] =>
  actor.kind === 'user' && actor.organisationId === organisationId ? actor.roles : [];

export function canReadAssessment(actor: Actor, a: AssessmentSubject): boolean {
  if (a.system) return canReadSystem(actor, a.system);
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === a.organisationId && actor.systemId === null;
  return rolesIn(actor, a.organisationId).length > 0;
}

/** Start, save answers, submit, attach files, reassess. */
export function canEditAssessment(actor: Actor, a: AssessmentSubject): boolean {
  if (a.system) return canEditSystem(actor, a.system);
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === a.organisationId && actor.scope === 'write' && actor.systemId === null;
  return hasAnyRole(rolesIn(actor, a.organisationId), GOVERNORS);
}

/** Holds a role that may approve or return assessments in this organisation (four-eyes aside). */
export function isAssessmentReviewer(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return false;
  return hasAnyRole(rolesIn(actor, organisationId), GOVERNORS);
}

/** Four-eyes: the person who submitted an assessment does not approve or return it. */
export function isSubmitter(actor: Actor, a: AssessmentSubject): boolean {
  return actor.kind === 'user' && a.submittedBy !== null && actor.userId === a.submittedBy;
}

/** Approve or return: a reviewer who is not the submitter. */
export function canReviewAssessment(actor: Actor, a: AssessmentSubject): boolean {
  return isAssessmentReviewer(actor, a.organisationId) && !isSubmitter(actor, a);
}

export function canCommentOnAssessment(actor: Actor, a: AssessmentSubject): boolean {
  return canEditAssessment(actor, a) || isAssessmentReviewer(actor, a.organisationId);
}
