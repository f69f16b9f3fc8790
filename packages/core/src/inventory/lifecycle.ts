/**
 * The lifecycle of an AI system (DESIGN §4) and the moves allowed between its stages. Pure data and
 * functions, no I/O: the service enforces this table, the staff app shows it, a reviewer reads it.
 *
 *   idea → proposed → in_review → approved → in_service ⇄ suspended → retired
 *                         ↘ rejected → proposed (resubmission)
 */

export const LIFECYCLE_STAGES = ['idea', 'proposed', 'in_review', 'approved', 'in_service', 'suspended', 'retired', 'rejected'] as const;

export type Lifecycle = (typeof LIFECYCLE_STAGES)[number];

/**
 * Allowed moves, from → to. Anything not listed is refused (including "to the same stage").
 *
 * - idea → proposed: an idea becomes a proposal once someone puts it forward. An idea that goes
 *   nowhere is archived, not rejected: nobody decided against it.
 * - proposed → in_review: submitted to the governance officer or review committee.
 *   proposed → idea: taken back for more drafting before anyone reviews it.
 *   proposed → rejected: screened out without a full review (e.g. a prohibited practice, R-PROHIB).
 * - in_review → approved | rejected: the review's decision (R-APPROVE).
 *   in_review → proposed: sent back for changes, or withdrawn by the owner, without a decision.
 * - approved → in_service: deployment; gated (assessments, register entry — see gates.ts).
 *   approved → in_review: reopened before deployment because something material changed.
 *   approved → retired: approved but never deployed (the project was dropped).
 * - in_service → suspended: stopped for an incident, a complaint or a failing audit (R-INCIDENT).
 *   in_service → retired: taken out of use for good.
 *   There is no in_service → in_review: re-reviewing a running system does not stop it (that is the
 *   review module's job, R-CONT); if it has to stop while reviewed, suspend it first.
 * - suspended → in_service: the problem was fixed and the gates still hold.
 *   suspended → in_review: the suspension showed a real problem, so the system goes back through
 *   review and approval before it may run again.
 *   suspended → retired: it will not come back.
 * - rejected → proposed: resubmission of a changed proposal; the rejection stays in the history.
 * - retired: terminal. Bringing a retired system back is a new proposal, with a new record, so the
 *   register never shows a retired system silently returning.
 */
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

/** Stages that record an approval decision: only a governance officer or an administrator moves a system there (DESIGN §7). */
export const DECISION_STAGES: readonly Lifecycle[] = ['approved', 'rejected'];

/** Stages a system may only enter when no gate blocks it (DESIGN §4: "cannot enter in_service while a gate is unmet"). */
export const GATED_STAGES: readonly Lifecycle[] = ['approved', 'in_service'];

/**
 * Stages from which a system may be archived (hidden from the default inventory list). A system
 * that is being reviewed, is approved, or is or may again be in use stays visible: it has to be
 * retired (or withdrawn) first, so the inventory never hides a system that affects people.
 */
export const ARCHIVABLE_STAGES: readonly Lifecycle[] = ['idea', 'proposed', 'rejected', 'retired'];

export const isLifecycle = (value: string): value is Lifecycle => (LIFECYCLE_STAGES as readonly string[]).includes(value);

/** The stages a system in `from` may move to. */
export const lifecycleTargets = (from: Lifecycle): readonly Lifecycle[] => LIFECYCLE_TRANSITIONS[from];

export const isAllowedLifecycleMove = (from: Lifecycle, to: Lifecycle): boolean => LIFECYCLE_TRANSITIONS[from].includes(to);

export const isDecisionStage = (to: Lifecycle): boolean => DECISION_STAGES.includes(to);

export const isGatedStage = (to: Lifecycle): boolean => GATED_STAGES.includes(to);

export const isArchivableStage = (stage: Lifecycle): boolean => ARCHIVABLE_STAGES.includes(stage);
