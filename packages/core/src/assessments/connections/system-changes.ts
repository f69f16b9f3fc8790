/**
 * What the inventory and the screening tell the assessments (issue #4 point 6, Reassessment
 * `onMaterialChange`): when a material field of a system changes (MATERIAL_FIELDS), or a new
 * screening changes its EU AI Act tier, OMB determination or organisation tier, or the facts the
 * assessment rules read (whether it affects people, its decision role, personal data) even with the
 * tiers unchanged, its checklist is rebuilt and its approved assessments are marked due for
 * reassessment, with the reason. A change the fields cannot show is recorded by hand
 * (material-change.service.ts).
 */
import type { ClassificationResult } from '../../classification/classification-result.schemas.js';
import type { Ctx } from '../../context.js';
import type { AiSystem } from '../../db/schema.js';
import { markReassessmentDue } from '../reassessment-due.js';
import { resyncAndRecord } from './resync.js';
import { recentScreeningResults } from './needs.js';

/**
 * Inventory fields (SystemFields names) whose change is material: it alters which assessments a
 * system needs or what an approved one examined. Decision role, personal data and sourcing feed the
 * assessment rules; purpose and affected people are what every impact assessment starts from; the
 * data categories are what a data protection screening and a FRIA weigh; the human oversight is a
 * safeguard the FRIA and the AIA score; a new supplier voids the vendor review. Name, description,
 * unit, owner, tags and visibility are not material.
 */
export const MATERIAL_FIELDS: Readonly<Record<string, string>> = {
  purpose: 'purpose',
  affectedPeople: 'affected people',
  decisionRole: 'decision role',
  personalData: 'use of personal data',
  dataCategories: 'data categories',
  humanOversight: 'human oversight',
  sourcing: 'sourcing',
  supplier: 'supplier',
};

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

const yesNo = (v: boolean): string => (v ? 'yes' : 'no');

/** The facts of the two latest screenings (the one just stored first), in one statement. */
async function lastTwoScreeningFacts(tx: Ctx, system: Pick<AiSystem, 'id' | 'organisation_id'>): Promise<Array<ClassificationResult['facts'] | undefined>> {
  // Results stored before facts were recorded have none.
  return (await recentScreeningResults(tx.db, system, 2)).map((r) => (r as Partial<ClassificationResult>).facts);
}

/**
 * Called after a screening is stored: a changed classification, or changed facts the assessment
 * rules read (affects people, decision role, personal data), make approved assessments due again.
 */
export async function onSystemRescreened(tx: Ctx, before: Classification & Pick<AiSystem, 'id' | 'organisation_id'>, after: Classification): Promise<void> {
  if (before.screened_at === null) return;
  const changes: string[] = [];
  if (before.eu_tier !== after.eu_tier) changes.push(`EU AI Act tier ${before.eu_tier ?? 'none'} → ${after.eu_tier ?? 'none'}`);
  if (before.omb_high_impact !== after.omb_high_impact) changes.push(`OMB high-impact ${before.omb_high_impact ?? 'none'} → ${after.omb_high_impact ?? 'none'}`);
  if (before.org_tier !== after.org_tier) changes.push(`organisation tier ${before.org_tier ?? 'none'} → ${after.org_tier ?? 'none'}`);
  const factChanges: string[] = [];
  const [now, previous] = await lastTwoScreeningFacts(tx, before);
  if (now && previous) {
    if (now.affectsPeople !== previous.affectsPeople) factChanges.push(`affects people ${yesNo(previous.affectsPeople)} → ${yesNo(now.affectsPeople)}`);
    if (now.decisionRole !== previous.decisionRole) factChanges.push(`decision role ${previous.decisionRole} → ${now.decisionRole}`);
    if (now.personalData !== previous.personalData) factChanges.push(`personal data ${yesNo(previous.personalData)} → ${yesNo(now.personalData)}`);
  }
  if (changes.length + factChanges.length === 0) return;
  const reason = [
    ...(changes.length > 0 ? [`A new screening changed the classification: ${changes.join('; ')}.`] : []),
    ...(factChanges.length > 0 ? [`A new screening changed the facts that decide which assessments the system needs: ${factChanges.join('; ')}.`] : []),
  ].join(' ');
  await markReassessmentDue(tx, { organisationId: before.organisation_id, systemId: before.id, reason });
}
