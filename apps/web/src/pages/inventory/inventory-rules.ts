/**
 * The server's inventory rules, mirrored only to decide what to offer (which buttons and choices to
 * show). The server stays the authority and refuses anything else; keep this in step with
 * packages/core/src/inventory/{lifecycle,policy}.ts.
 */
import type { AiSystemSummary, Lifecycle, Role } from '../../api';
import { hasAnyRole } from '../../roles';

/** Who may register systems (policy.ts canCreateSystem). */
export const SYSTEM_WRITER_ROLES: readonly Role[] = ['admin', 'governance_officer', 'system_owner'];
const GOVERNORS: readonly Role[] = ['admin', 'governance_officer'];

/** The moves the lifecycle allows (lifecycle.ts LIFECYCLE_TRANSITIONS); the server also sends them per system. */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<Lifecycle, readonly Lifecycle[]>> = {
  idea: ['proposed'],
  proposed: ['in_review', 'idea', 'rejected'],
  in_review: ['approved', 'rejected', 'proposed'],
  approved: ['in_service', 'in_review', 'retired'],
  in_service: ['suspended', 'retired'],
  suspended: ['in_service', 'in_review', 'retired'],
  rejected: ['proposed'],
  retired: [],
};

/** Approval decisions: governance officers and administrators only (lifecycle.ts DECISION_STAGES). */
const DECISION_STAGES: readonly Lifecycle[] = ['approved', 'rejected'];

/** Stages from which a system may be archived (lifecycle.ts ARCHIVABLE_STAGES). */
export const ARCHIVABLE_STAGES: readonly Lifecycle[] = ['idea', 'proposed', 'rejected', 'retired'];

export const canCreateSystems = (roles: readonly string[]): boolean => hasAnyRole(roles, SYSTEM_WRITER_ROLES);

export const isGovernor = (roles: readonly string[]): boolean => hasAnyRole(roles, GOVERNORS);

/** Edit, archive and move (policy.ts canEditSystem): governors any system, system owners their own. */
export function canEditSystem(roles: readonly string[], userId: string, system: Pick<AiSystemSummary, 'owner'>): boolean {
  if (isGovernor(roles)) return true;
  return roles.includes('system_owner') && system.owner.id === userId;
}

/**
 * The stages this person may move the system to: what the server says the lifecycle allows
 * (falling back to the mirrored table), less the approval decisions they may not take.
 */
export function offeredMoves(roles: readonly string[], system: { lifecycle: Lifecycle; allowedTransitions?: readonly Lifecycle[] }): Lifecycle[] {
  const allowed = system.allowedTransitions ?? LIFECYCLE_TRANSITIONS[system.lifecycle];
  return allowed.filter((to) => !DECISION_STAGES.includes(to) || isGovernor(roles));
}

export const isArchivable = (stage: Lifecycle): boolean => ARCHIVABLE_STAGES.includes(stage);

/** What each move means, in the words of lifecycle.ts, so the person knows what they are choosing. */
export function moveDescription(from: Lifecycle, to: Lifecycle): string {
  switch (to) {
    case 'idea':
      return 'Take it back for more drafting before anyone reviews it.';
    case 'proposed':
      if (from === 'idea') return 'Put the idea forward as a proposal.';
      if (from === 'rejected') return 'Resubmit a changed proposal. The rejection stays in the history.';
      return 'Send it back for changes, or withdraw it, without a decision.';
    case 'in_review':
      if (from === 'proposed') return 'Submit it to the governance officer or the review committee.';
      if (from === 'suspended') return 'Send it back through review and approval before it may run again.';
      return 'Reopen the review because something material has changed.';
    case 'approved':
      return 'Record the decision to approve it. Assessments and other conditions are checked first.';
    case 'rejected':
      return from === 'proposed' ? 'Screen it out without a full review, for example because it is a prohibited practice.' : 'Record the decision to reject it.';
    case 'in_service':
      return from === 'suspended' ? 'The problem is fixed and it may run again.' : 'It has been deployed and is in use.';
    case 'suspended':
      return 'Stop it because of an incident, a complaint or a failing audit.';
    case 'retired':
      return 'Take it out of use for good. This cannot be undone.';
  }
}

/**
 * The path shown in the step indicator: the usual road from idea to retirement, with the side
 * roads (rejected, suspended) put in where the system actually is on one of them.
 */
export function lifecyclePath(current: Lifecycle): Lifecycle[] {
  if (current === 'rejected') return ['idea', 'proposed', 'in_review', 'rejected'];
  if (current === 'suspended') return ['idea', 'proposed', 'in_review', 'approved', 'in_service', 'suspended', 'retired'];
  return ['idea', 'proposed', 'in_review', 'approved', 'in_service', 'retired'];
}
