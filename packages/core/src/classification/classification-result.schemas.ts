/**
 * The classification result as it is stored with each screening and returned by the API, with
 * compile-time proof that whatever the rules return fits it.
 */
import { z } from 'zod';
import type { EuClassification, ObligationTemplate, OmbClassification } from '@glassbox/rules';
import { DECISION_ROLE_VALUES, EU_TIER_VALUES, OMB_HIGH_IMPACT_VALUES, type ScreeningFacts } from './classification.schemas.js';

/** Compile-time proof that a zod schema and a rules type describe the same values (both ways). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(proof: Same<A, B>): Same<A, B> => proof;

const decisionRole = z.enum(DECISION_ROLE_VALUES);

const dutyDetermination = z.object({ status: z.enum(['required', 'not_required', 'undetermined']), provision: z.string(), explanation: z.string() });
const openQuestion = z.object({ id: z.string(), provision: z.string(), question: z.string() });
const phase = z.enum(['before_deployment', 'in_operation']);

export const euClassificationSchema = z.object({
  tier: z.enum(EU_TIER_VALUES),
  establishedTier: z.enum(['prohibited', 'high', 'limited', 'minimal']),
  bases: z.array(
    z.object({
      provision: z.string(),
      effect: z.enum(['prohibited', 'exception', 'high', 'not_high', 'override', 'limited', 'exempt', 'minimal']),
      explanation: z.string(),
    }),
  ),
  transparencyDuties: z.array(
    z.object({ id: z.enum(['art50.1', 'art50.2', 'art50.3', 'art50.4.deep-fake', 'art50.4.text']), provision: z.string(), addressee: z.enum(['provider', 'deployer']), explanation: z.string() }),
  ),
  friaRequired: dutyDetermination,
  registrationRequired: dutyDetermination,
  restrictedSection: dutyDetermination,
  deployerDuties: z.array(z.object({ id: z.string(), provision: z.string(), reason: z.string() })),
  highRiskAnnexIII: z.array(z.string()),
  openQuestions: z.array(openQuestion.extend({ couldRaiseTierTo: z.enum(['prohibited', 'high', 'limited', 'minimal']).optional() })),
});

export const ombClassificationSchema = z.object({
  determination: z.enum(['high-impact', 'presumed-determined-not-high-impact', 'not-high-impact', 'undetermined']),
  highImpact: z.boolean(),
  inventoryValue: z.enum(['High-impact', 'Presumed high-impact, but determined not high impact', 'Not high-impact']).nullable(),
  categories: z.array(z.enum(['rights', 'safety'])),
  presumed: z.array(z.object({ category: z.string(), label: z.string() })),
  bases: z.array(z.object({ provision: z.string(), explanation: z.string() })),
  minimumPractices: z.array(
    z.object({ id: z.string(), reference: z.string(), title: z.string(), description: z.string(), phase, status: z.enum(['required', 'waived', 'pilot_exempt']) }),
  ),
  pilot: z.object({ status: z.enum(['not_a_pilot', 'exempt', 'not_exempt']), explanation: z.string() }),
  waivers: z.array(z.object({ practice: z.string(), valid: z.boolean(), explanation: z.string() })),
  openQuestions: z.array(openQuestion),
});

export const obligationTemplateSchema = z.object({
  key: z.string(),
  framework: z.enum(['eu-ai-act', 'us-omb', 'org-policy', 'assessment']),
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  phase,
  recurrenceMonths: z.number().int().optional(),
});

export const orgTierResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** The policy rule that placed the system, or null when the default tier applied. */
  ruleId: z.string().nullable(),
  explanation: z.string(),
  requirements: z.array(z.object({ key: z.string(), title: z.string(), description: z.string().optional(), phase, recurrenceMonths: z.number().int().optional() })),
});

/** What the system's columns (and the inventory list filters) get from a classification. */
export const classificationSummarySchema = z.object({
  euTier: z.enum(EU_TIER_VALUES).nullable(),
  ombHighImpact: z.enum(OMB_HIGH_IMPACT_VALUES).nullable(),
  orgTier: z.string(),
  friaRequired: z.boolean().nullable(),
  euRegistrationRequired: z.boolean().nullable(),
});

export const classificationResultSchema = z.object({
  rulesVersion: z.string(),
  facts: z.object({ decisionRole, personalData: z.boolean(), affectsPeople: z.boolean() }),
  summary: classificationSummarySchema,
  eu: euClassificationSchema.nullable(),
  omb: ombClassificationSchema.nullable(),
  orgTier: orgTierResultSchema,
  obligations: z.array(obligationTemplateSchema),
});

export type ClassificationSummary = z.infer<typeof classificationSummarySchema>;
export type OrgTierResultView = z.infer<typeof orgTierResultSchema>;
export type ClassificationResult = {
  rulesVersion: string;
  facts: ScreeningFacts;
  summary: ClassificationSummary;
  eu: EuClassification | null;
  omb: OmbClassification | null;
  orgTier: OrgTierResultView;
  obligations: ObligationTemplate[];
};

/** The rules' result types fit the response schema (so nothing the rules return is refused or lost silently). */
const _resultSchemaAcceptsRules = [
  same<EuClassification, EuClassification & z.input<typeof euClassificationSchema>>(true),
  same<OmbClassification, OmbClassification & z.input<typeof ombClassificationSchema>>(true),
  same<ObligationTemplate, ObligationTemplate & z.input<typeof obligationTemplateSchema>>(true),
] as const;
