/**
 * Screening AI systems (R-PROHIB, R-TIER, R-GRAD): record a screening of a system, screen a product
 * under consideration (and, if wanted, propose it as a new system), or just run the rules. A saved
 * screening writes, in one transaction, the screening row (append-only), the system's
 * classification columns, the regenerated checklist (obligation-sync.ts) and the audit events.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor, Ctx } from '../context.js';
import type { AiSystem, DB, SystemScreening } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, forbidden } from '../errors.js';
import { createSystem, type CreateSystemInput } from '../inventory/inventory.service.js';
import { transitionSystem } from '../inventory/lifecycle.service.js';
import { canCreateSystem } from '../inventory/policy.js';
import { findReadableSystem, loadEditable } from '../inventory/system-loader.js';
import { onSystemRescreened } from '../assessments/connections/system-changes.js';
import { resyncSystemObligations } from '../assessments/connections/resync.js';
import type { ObligationChanges } from '../obligations/obligation-sync.js';
import { presentClassification, type SystemClassificationView } from './classification.presenter.js';
import type { ClassificationResult } from './classification-result.schemas.js';
import { screeningAnswersSchema, type ScreeningAnswers, type ScreeningAnswersInput, type ScreeningFacts } from './classification.schemas.js';
import { classifyAnswers, RULES_VERSION } from './classify.js';
import { canClassify } from './policy.js';
import { loadTierPolicy } from './tier-policy.service.js';
import { fieldErrorsOf } from './validation.js';

export type ScreeningView = {
  id: string;
  /** Null for a quick screen that was not saved as a system. */
  systemId: string | null;
  answers: ScreeningAnswers;
  result: ClassificationResult;
  rulesVersion: string;
  createdBy: { id: string | null; label: string };
  createdAt: Date;
};

/** The system after a screening: enough to link to it and show its new classification. */
export type ScreenedSystemView = {
  id: string;
  slug: string;
  name: string;
  lifecycle: AiSystem['lifecycle'];
  classification: SystemClassificationView | null;
};

export type ScreeningOutcome = { screening: ScreeningView; system: ScreenedSystemView; obligations: ObligationChanges };

const presentScreening = (r: SystemScreening): ScreeningView => ({
  id: r.id,
  systemId: r.system_id,
  answers: r.answers as ScreeningAnswers,
  result: r.result as ClassificationResult,
  rulesVersion: r.rules_version,
  createdBy: { id: r.created_by, label: r.created_by_label },
  createdAt: r.created_at,
});

const presentScreenedSystem = (r: AiSystem): ScreenedSystemView => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  lifecycle: r.lifecycle,
  classification: presentClassification(r),
});

const actorName = (actor: Actor): string =>
  actor.kind === 'user' ? actor.displayName : actor.kind === 'token' ? `API token "${actor.tokenName}"` : `Glassbox (${actor.name})`;

/** Checks the answers against the schema (the HTTP route did already; the CLI and jobs may not have). */
function parseAnswers(answers: unknown): ScreeningAnswersInput {
  const parsed = screeningAnswersSchema.safeParse(answers);
  if (!parsed.success) throw new AppError('bad_request', 'screening.invalid_answers', 'The screening answers are not valid.', { fields: fieldErrorsOf(parsed.error, 'answers') });
  return parsed.data;
}

type KnownFacts = { decisionRole: ScreeningFacts['decisionRole']; personalData: boolean; source: string };

/**
 * Completes the facts: decisionRole and personalData come from the record (the system, or the
 * proposal) when left out, and must agree with it when given, so the inventory and its
 * classification never describe two different systems.
 */
function completeFacts(given: ScreeningAnswersInput['facts'], known: KnownFacts | null): ScreeningFacts {
  const fields: Record<string, string> = {};
  const pick = <K extends 'decisionRole' | 'personalData'>(key: K): KnownFacts[K] | undefined => {
    const value: unknown = given[key];
    if (known && value !== undefined && value !== known[key]) {
      fields[`answers.facts.${key}`] = `The ${known.source} says ${String(known[key])}; change the ${known.source} first, or leave this out.`;
    }
    const out = value ?? known?.[key];
    if (out === undefined) fields[`answers.facts.${key}`] = 'Required.';
    return out as KnownFacts[K] | undefined;
  };
  const decisionRole = pick('decisionRole');
  const personalData = pick('personalData');
  if (Object.keys(fields).length > 0 || decisionRole === undefined || personalData === undefined) {
    throw new AppError('bad_request', 'screening.facts_mismatch', 'The facts of the screening are missing or disagree with the record.', { fields });
  }
  return { decisionRole, personalData, affectsPeople: given.affectsPeople };
}

const completeAnswers = (a: ScreeningAnswersInput, known: KnownFacts | null): ScreeningAnswers => ({ eu: a.eu, omb: a.omb, facts: completeFacts(a.facts, known) });

/** Runs the rules with the organisation's tier policy; saves nothing (any member, any token). */
export async function classifyScreening(ctx: Ctx, input: { organisationId: string; answers: unknown }): Promise<ClassificationResult> {
  if (!canClassify(ctx.actor, input.organisationId)) throw forbidden();
  const answers = completeAnswers(parseAnswers(input.answers), null);
  const { policy } = await loadTierPolicy(ctx.db, input.organisationId);
  return classifyAnswers(answers, policy);
}

async function insertScreening(tx: Ctx, organisationId: string, systemId: string | null, answers: ScreeningAnswers, result: ClassificationResult, now: Date): Promise<SystemScreening> {
  return tx.db
    .insertInto('system_screening')
    .values({
      id: randomUUID(),
      organisation_id: organisationId,
      system_id: systemId,
      answers: JSON.stringify(answers),
      result: JSON.stringify(result),
      rules_version: RULES_VERSION,
      created_by: tx.actor.kind === 'user' ? tx.actor.userId : null,
      created_by_label: actorName(tx.actor).slice(0, 300),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The classification a system had before this screening, for the audit event (null: never screened). */
const summaryOf = (s: AiSystem): Record<string, unknown> | null =>
  s.screened_at === null
    ? null
    : { euTier: s.eu_tier, ombHighImpact: s.omb_high_impact, orgTier: s.org_tier, friaRequired: s.fria_required, euRegistrationRequired: s.eu_registration_required };

/** Screens a locked, editable system inside an open transaction. */
async function screenSystem(tx: Ctx, system: AiSystem, answersIn: ScreeningAnswersInput): Promise<ScreeningOutcome> {
  const answers = completeAnswers(answersIn, { decisionRole: system.decision_role, personalData: system.personal_data, source: 'system record' });
  const { policy } = await loadTierPolicy(tx.db, system.organisation_id);
  const result = classifyAnswers(answers, policy);
  const now = new Date();
  const screening = await insertScreening(tx, system.organisation_id, system.id, answers, result, now);
  const s = result.summary;
  const updated = await tx.db
    .updateTable('ai_system')
    .set({
      eu_tier: s.euTier,
      omb_high_impact: s.ombHighImpact,
      org_tier: s.orgTier,
      fria_required: s.friaRequired,
      eu_registration_required: s.euRegistrationRequired,
      screened_at: now,
    })
    .where('id', '=', system.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // The screening's obligations together with those of the assessments (approved AIA level, needed assessments), so neither retires the other's.
  const obligations = await resyncSystemObligations(tx, updated, now, { screening: result });
  await onSystemRescreened(tx, system, updated);

  await recordAudit(tx, {
    organisationId: system.organisation_id,
    action: 'screening.recorded',
    entityType: 'system_screening',
    entityId: screening.id,
    before: summaryOf(system),
    after: { systemId: system.id, rulesVersion: RULES_VERSION, ...s },
  });
  const { added, restored, retired } = obligations;
  if (added.length + restored.length + retired.length > 0) {
    await recordAudit(tx, {
      organisationId: system.organisation_id,
      action: 'obligations.regenerated',
      entityType: 'ai_system',
      entityId: system.id,
      after: { screeningId: screening.id, added: added.length, restored: restored.length, retired: retired.length, addedKeys: added, restoredKeys: restored, retiredKeys: retired },
    });
  }
  return { screening: presentScreening(screening), system: presentScreenedSystem(updated), obligations };
}

/**
 * Records a screening of a system: validates the answers, runs the rules, stores the screening,
 * updates the system's classification and regenerates its obligations, in one transaction. Admins,
 * governance officers, the system's owner and write tokens that reach the system (canEditSystem).
 */
export async function recordScreening(ctx: Ctx, input: { organisationId: string; ref: string; answers: unknown }): Promise<ScreeningOutcome> {
  const answers = parseAnswers(input.answers);
  return inTransaction(ctx, async (tx) => screenSystem(tx, await loadEditable(tx, input.organisationId, input.ref), answers));
}

export type ProposalInput = Pick<CreateSystemInput, 'name' | 'purpose' | 'sourcing' | 'supplier' | 'decisionRole' | 'personalData' | 'ownerId'>;

export type QuickScreenOutcome = {
  result: ClassificationResult;
  screening: ScreeningView;
  /** The proposed system, when a proposal was given. */
  system: ScreenedSystemView | null;
  obligations: ObligationChanges | null;
};

/**
 * Screens a product under consideration. Without a proposal, the screening is kept (system_id
 * null) so the organisation can show what it checked; with one, the product is registered, moved
 * to `proposed` and screened, all in one transaction (so a failed screening leaves no half-made
 * system behind). Those who may register systems may do this.
 */
export async function quickScreen(ctx: Ctx, input: { organisationId: string; answers: unknown; proposal?: ProposalInput | undefined }): Promise<QuickScreenOutcome> {
  if (!canCreateSystem(ctx.actor, input.organisationId)) {
    throw new AppError('forbidden', 'screening.forbidden', 'Only system owners, governance officers and administrators can screen a product under consideration.');
  }
  const given = parseAnswers(input.answers);
  const proposal = input.proposal;
  if (!proposal) {
    const answers = completeAnswers(given, null);
    return inTransaction(ctx, async (tx) => {
      const { policy } = await loadTierPolicy(tx.db, input.organisationId);
      const result = classifyAnswers(answers, policy);
      const screening = await insertScreening(tx, input.organisationId, null, answers, result, new Date());
      await recordAudit(tx, {
        organisationId: input.organisationId,
        action: 'screening.recorded',
        entityType: 'system_screening',
        entityId: screening.id,
        after: { systemId: null, quick: true, rulesVersion: RULES_VERSION, ...result.summary },
      });
      return { result, screening: presentScreening(screening), system: null, obligations: null };
    });
  }
  // Checked before anything is written, so a disagreement is a 400 rather than a rolled-back system.
  completeFacts(given.facts, { decisionRole: proposal.decisionRole, personalData: proposal.personalData, source: 'proposal' });
  return inTransaction(ctx, async (tx) => {
    const created = await createSystem(tx, { organisationId: input.organisationId, ...proposal });
    await transitionSystem(tx, { organisationId: input.organisationId, ref: created.id, to: 'proposed', reason: 'Proposed after a quick screening.' });
    const outcome = await screenSystem(tx, await loadEditable(tx, input.organisationId, created.id), given);
    return { result: outcome.screening.result, screening: outcome.screening, system: outcome.system, obligations: outcome.obligations };
  });
}

async function readableSystemId(ctx: Ctx, organisationId: string, ref: string): Promise<string> {
  return (await findReadableSystem(ctx, organisationId, ref)).id;
}

/** A system's screenings, newest first, with the total: two statements whatever the page size. */
export async function listScreenings(ctx: Ctx, input: { organisationId: string; ref: string; limit: number; offset: number }): Promise<{ items: ScreeningView[]; total: number }> {
  const systemId = await readableSystemId(ctx, input.organisationId, input.ref);
  const rows = await ctx.db
    .selectFrom('system_screening')
    .selectAll()
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .where('organisation_id', '=', input.organisationId)
    .where('system_id', '=', systemId)
    .orderBy('seq', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && input.offset > 0) total = await countScreenings(ctx.db, input.organisationId, systemId);
  return { items: rows.map(({ total: _t, ...r }) => presentScreening(r)), total };
}

async function countScreenings(db: Kysely<DB>, organisationId: string, systemId: string): Promise<number> {
  const row = await db
    .selectFrom('system_screening')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('system_id', '=', systemId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The screening that set the system's current classification; 404 when it was never screened. */
export async function getLatestScreening(ctx: Ctx, input: { organisationId: string; ref: string }): Promise<ScreeningView> {
  const systemId = await readableSystemId(ctx, input.organisationId, input.ref);
  const row = await ctx.db
    .selectFrom('system_screening')
    .selectAll()
    .where('organisation_id', '=', input.organisationId)
    .where('system_id', '=', systemId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'screening.not_found', 'This system has not been screened yet.');
  return presentScreening(row);
}

