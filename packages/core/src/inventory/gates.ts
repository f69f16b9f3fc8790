/**
 * Gates on the lifecycle: conditions that must hold before a system may be approved or put into
 * service (DESIGN §4). The extension point only, for now: no gate exists yet, and none is faked.
 */
import type { Ctx } from '../context.js';
import type { AiSystem } from '../db/schema.js';
import type { Lifecycle } from './lifecycle.js';

/** One unmet condition that blocks a move, named so the person can act on it. */
export type GateBlockingItem = {
  /** Dotted code, e.g. `gate.prohibited_practice`, `gate.assessment_missing`. */
  code: string;
  /** What is missing, in plain words. */
  message: string;
};

/**
 * Returns what blocks `system` from entering `to`; an empty list lets the move go ahead. The
 * inventory service calls it inside the transition's transaction, before every move to `approved`
 * or `in_service` (GATED_STAGES in lifecycle.ts), and refuses the move with 409
 * `system.gates_unmet` when anything is returned.
 *
 * This is where the classification and obligation gates plug in, as each arrives: a practice
 * screened as prohibited (EU AI Act Art. 5) blocks both stages; a required assessment (FRIA under
 * Art. 27, the Canadian AIA, the organisation's own templates) not completed, an obligation of the
 * system's tier still open, a missing approval, or an unpublished register entry for a
 * public-facing high-risk system blocks `in_service`. Each gate reads its own tables through
 * `tx.db` (the open transaction) and appends its items; the rules themselves belong in
 * packages/rules.
 */
export async function checkGates(tx: Ctx, system: AiSystem, to: Lifecycle): Promise<GateBlockingItem[]> {
  void tx;
  void system;
  void to;
  return [];
}
