/**
 * What the inventory and the screening tell the assessments (issue #4 point 6, Reassessment
 * `onMaterialChange`): when a system's decision role, personal data or sourcing changes, or a new
 * screening changes its EU AI Act tier, OMB determination or organisation tier, its checklist is
 * rebuilt and its approved assessments are marked due for reassessment, with the reason.
 */
import type { Ctx } from '../../context.js';
import type { AiSystem } from '../../db/schema.js';
import { markReassessmentDue } from '../reassessment-due.js';
import { resyncAndRecord } from './resync.js';

/** Inventory fields (SystemFields names) whose change alters which assessments a system needs. */
const MATERIAL_FIELDS: Record<string, string> = { decisionRole: 'decision role', personalData: 'use of personal data', sourcing: 'sourcing' };

/** Called by updateSystem, in its transaction, with the updated row and the changed field names. */
export async function onSystemFieldsChanged(tx: Ctx, system: AiSystem, changedFields: readonly string[]): Promise<void> {
  const material = changedFields.filter((f) => f in MATERIAL_FIELDS);
  if (material.length === 0) return;
  await resyncAndRecord(tx, system, new Date(), { cause: 'system.updated', fields: material });
  const what = material.map((f) => MATERIAL_FIELDS[f]).join(', ');
  await markReassessmentDue(tx, { organisationId: system.organisation_id, systemId: system.id, reason: `The system’s ${what} changed.` });
}

/** Called by transitionSystem, in its transaction: some assessments depend on the lifecycle stage (e.g. past the idea stage). */
export async function onSystemTransitioned(tx: Ctx, system: AiSystem, from: string): Promise<void> {
  await resyncAndRecord(tx, system, new Date(), { cause: 'system.transitioned', from, to: system.lifecycle });
}

type Classification = Pick<AiSystem, 'eu_tier' | 'omb_high_impact' | 'org_tier' | 'screened_at'>;

/** Called after a screening is stored: a changed classification makes approved assessments due again. */
export async function onSystemRescreened(tx: Ctx, before: Classification & Pick<AiSystem, 'id' | 'organisation_id'>, after: Classification): Promise<void> {
  if (before.screened_at === null) return;
  const changes: string[] = [];
  if (before.eu_tier !== after.eu_tier) changes.push(`EU AI Act tier ${before.eu_tier ?? 'none'} → ${after.eu_tier ?? 'none'}`);
  if (before.omb_high_impact !== after.omb_high_impact) changes.push(`OMB high-impact ${before.omb_high_impact ?? 'none'} → ${after.omb_high_impact ?? 'none'}`);
  if (before.org_tier !== after.org_tier) changes.push(`organisation tier ${before.org_tier ?? 'none'} → ${after.org_tier ?? 'none'}`);
  if (changes.length === 0) return;
  await markReassessmentDue(tx, { organisationId: before.organisation_id, systemId: before.id, reason: `A new screening changed the classification: ${changes.join('; ')}.` });
}
