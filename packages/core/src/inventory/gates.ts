/**
 * Gates on the lifecycle: conditions that must hold before a system may be approved or put into
 * service (DESIGN §4). The rules that decide a tier live in packages/rules; the gates read what the
 * latest screening stored (the system's classification columns, system_screening, obligation).
 *
 * The gates, in order:
 * 0. approved and in_service: not while the system was never screened — governance needs its
 *    EU AI Act tier (and OMB determination) known before anyone approves or deploys it;
 * 1. approved and in_service: not while the latest screening found a prohibited practice (EU AI Act
 *    Art. 5, R-PROHIB) — no approval, assessment or registration makes it lawful;
 * 2. approved and in_service: not while the EU AI Act tier is undetermined — an open question
 *    could still make it prohibited or high-risk, so it must be answered and the system screened
 *    again first;
 * 3. approved and in_service: not while the system's decision role or personal-data flag differs
 *    from what its latest screening was told — the classification describes another system; screen
 *    it again;
 * 4. in_service: not while any current (not retired) before-deployment obligation is neither met
 *    nor marked not applicable with a reason (R-GRAD, R-NOHUMANLESS: e.g. the FRIA of Art. 27, the
 *    OMB pre-deployment practices, the organisation's tier requirements).
 *
 * Gate 0 comes first and alone: without a screening there is no classification for gates 1-3 and no
 * obligations for gate 4, so "screen it first" is the one thing to say. Imports never set the
 * lifecycle (every imported record starts as an idea), so every approval passes through here.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import type { AiSystem } from '../db/schema.js';
import type { Lifecycle } from './lifecycle.js';

/** One unmet condition that blocks a move, named so the person can act on it. */
export type GateBlockingItem = {
  /** Dotted code, e.g. `gate.prohibited_practice`, `gate.obligation_open`. */
  code: string;
  /** What is missing, in plain words. */
  message: string;
  /** For an open obligation: which one. */
  obligation?: { id: string; key: string; title: string; status: string };
};

type ScreenedFacts = { decisionRole?: unknown; personalData?: unknown };

/** Gate 0: a system must have been screened before it is approved or put into service. */
function screeningGate(system: AiSystem): GateBlockingItem[] {
  if (system.screened_at !== null) return [];
  return [
    {
      code: 'gate.not_screened',
      message: 'The system has never been screened: screen the system first, so its EU AI Act tier and obligations are known before it is approved or used.',
    },
  ];
}

/** Gates 1-3: what the latest screening says about the system. */
async function classificationGates(tx: Ctx, system: AiSystem): Promise<GateBlockingItem[]> {
  const items: GateBlockingItem[] = [];
  if (system.eu_tier === 'prohibited') {
    items.push({
      code: 'gate.prohibited_practice',
      message: 'The latest screening found a practice prohibited by Art. 5 of the EU AI Act: a prohibited system can be neither approved nor used.',
    });
  }
  if (system.eu_tier === 'undetermined') {
    items.push({
      code: 'gate.eu_tier_undetermined',
      message: 'The EU AI Act tier is undetermined: answer the open questions of the latest screening and screen the system again.',
    });
  }
  const latest = await tx.db
    .selectFrom('system_screening')
    .select(sql<ScreenedFacts | null>`answers -> 'facts'`.as('facts'))
    .where('organisation_id', '=', system.organisation_id)
    .where('system_id', '=', system.id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const facts = latest?.facts;
  if (facts && (facts.decisionRole !== system.decision_role || facts.personalData !== system.personal_data)) {
    items.push({
      code: 'gate.screening_outdated',
      message: 'The system’s decision role or use of personal data changed after its latest screening: screen it again.',
    });
  }
  return items;
}

/** Gate 4: before-deployment obligations still to do. */
async function obligationGate(tx: Ctx, system: AiSystem): Promise<GateBlockingItem[]> {
  const open = await tx.db
    .selectFrom('obligation')
    .select(['id', 'key', 'title', 'status'])
    .where('organisation_id', '=', system.organisation_id)
    .where('system_id', '=', system.id)
    .where('phase', '=', 'before_deployment')
    .where('retired_at', 'is', null)
    .where('status', 'not in', ['met', 'not_applicable'])
    .orderBy('key')
    .execute();
  return open.map((o) => ({
    code: 'gate.obligation_open',
    message: `Before deployment: “${o.title}” (${o.key}) is ${o.status.replace('_', ' ')}.`,
    obligation: { id: o.id, key: o.key, title: o.title, status: o.status },
  }));
}

/**
 * Returns what blocks `system` from entering `to`; an empty list lets the move go ahead. The
 * inventory service calls it inside the transition's transaction, before every move to `approved`
 * or `in_service` (GATED_STAGES in lifecycle.ts), and refuses the move with 409
 * `system.gates_unmet` (the items in `details.blocking`) when anything is returned. Only reads, so
 * a caller may catch the refusal and carry on in the same transaction.
 */
export async function checkGates(tx: Ctx, system: AiSystem, to: Lifecycle): Promise<GateBlockingItem[]> {
  if (to !== 'approved' && to !== 'in_service') return [];
  const unscreened = screeningGate(system);
  if (unscreened.length > 0) return unscreened;
  const items = await classificationGates(tx, system);
  if (to === 'in_service') items.push(...(await obligationGate(tx, system)));
  return items;
}
