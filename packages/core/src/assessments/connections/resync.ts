/**
 * One place that rebuilds a system's checklist from everything that asks for obligations: the
 * latest screening (generateObligations, stored in the screening's result) plus the assessments
 * (needs.ts). Every path that changes one of them — a screening, an approved assessment, a material
 * edit of the system, a lifecycle move, a change of the organisation's assessment rules — calls this, so none of
 * them retires what another added (syncObligations retires every key not asked for).
 */
import type { AssessmentNeedRule, ObligationTemplate } from '@glassbox/rules';
import { recordAudit } from '../../audit/audit.service.js';
import type { ClassificationResult } from '../../classification/classification-result.schemas.js';
import type { Ctx } from '../../context.js';
import type { AiSystem } from '../../db/schema.js';
import { syncObligations, type ObligationChanges } from '../../obligations/obligation-sync.js';
import { assessmentObligations, assessmentRulesFor, latestApprovedAiaLevel, latestScreeningResult, levelObligations, neededFor, templateTitles } from './needs.js';

const NONE: ObligationChanges = { added: [], restored: [], retired: [] };

/**
 * Regenerates the system's obligations inside the caller's transaction. `screening` is the result
 * the caller has just stored (saves reading it back); `rules` the organisation's assessment rules
 * when the caller has them (a batch loads them once). A system never screened has no checklist: the
 * screening is what first creates it, so nothing is written then.
 */
export async function resyncSystemObligations(
  tx: Ctx,
  system: AiSystem,
  now: Date,
  opts: { screening?: ClassificationResult; rules?: readonly AssessmentNeedRule[] } = {},
): Promise<ObligationChanges> {
  const screening = opts.screening ?? (await latestScreeningResult(tx.db, system));
  if (!screening) return NONE;
  const fromScreening: ObligationTemplate[] = screening.obligations;
  const needed = neededFor(system, screening, opts.rules ?? (await assessmentRulesFor(tx.db, system.organisation_id)).rules);
  const titles = await templateTitles(tx.db, system.organisation_id, needed.map((a) => a.templateKey));
  const screeningKeys = new Set(fromScreening.map((o) => o.key));
  const fromAssessments = [...assessmentObligations(needed, screeningKeys, titles), ...levelObligations(await latestApprovedAiaLevel(tx.db, system))];
  return syncObligations(tx, system, [...fromScreening, ...fromAssessments.filter((o) => !screeningKeys.has(o.key))], now);
}

/** Resyncs and, when anything changed, writes the `obligations.regenerated` audit event naming the cause. */
export async function resyncAndRecord(
  tx: Ctx,
  system: AiSystem,
  now: Date,
  cause: Record<string, unknown>,
  opts: { rules?: readonly AssessmentNeedRule[] } = {},
): Promise<ObligationChanges> {
  const changes = await resyncSystemObligations(tx, system, now, opts);
  const { added, restored, retired } = changes;
  if (added.length + restored.length + retired.length > 0) {
    await recordAudit(tx, {
      organisationId: system.organisation_id,
      action: 'obligations.regenerated',
      entityType: 'ai_system',
      entityId: system.id,
      after: { ...cause, added: added.length, restored: restored.length, retired: retired.length, addedKeys: added, restoredKeys: restored, retiredKeys: retired },
    });
  }
  return changes;
}
