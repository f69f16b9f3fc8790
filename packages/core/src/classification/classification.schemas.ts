/**
 * The zod shapes of screening: the answers a person gives (mirroring the answer types of
 * @glassbox/rules, checked at compile time below) and the organisation's tier policy as admins
 * edit it (the result is in classification-result.schemas.ts). The service validates with the
 * same schemas the HTTP routes declare, so the CLI gets the same answers as the API.
 */
import { z } from 'zod';
import {
  ANNEX_III_POINTS,
  OMB_MINIMUM_PRACTICES,
  OMB_PRESUMED_CATEGORIES,
  type AnnexIIIPoint,
  type Art63Condition,
  type BiometricCategorisationException,
  type DecisionRole,
  type DeployerKind,
  type EuScreeningAnswers,
  type OmbAnswers,
  type OmbPracticeId,
  type OmbPresumedCategory,
  type OrgTierPolicy,
  type RbiAuthorisation,
  type RbiObjective,
} from '@glassbox/rules';

/** Compile-time proof that a zod schema and a rules type describe the same values (both ways). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(proof: Same<A, B>): Same<A, B> => proof;

const tuple = <T extends string>(values: readonly T[]): [T, ...T[]] => {
  const [first, ...rest] = values;
  if (first === undefined) throw new Error('empty enum');
  return [first, ...rest];
};

export const ANSWERS = ['yes', 'no', 'unsure'] as const;
export const DECISION_ROLE_VALUES = ['informs', 'recommends', 'decides'] as const satisfies readonly DecisionRole[];
export const ANNEX_III_POINT_VALUES = Object.keys(ANNEX_III_POINTS) as AnnexIIIPoint[];
export const OMB_PRESUMED_CATEGORY_VALUES = Object.keys(OMB_PRESUMED_CATEGORIES) as OmbPresumedCategory[];
export const OMB_PRACTICE_VALUES: readonly OmbPracticeId[] = OMB_MINIMUM_PRACTICES.map((p) => p.id);
export const DEPLOYER_KINDS: readonly DeployerKind[] = [
  'public_authority',
  'eu_institution',
  'body_governed_by_public_law',
  'private_entity_providing_public_services',
  'private_entity',
  'unsure',
];
export const RBI_OBJECTIVES: readonly RbiObjective[] = ['victims_or_missing_persons', 'imminent_threat_or_terrorism', 'serious_crime_suspect', 'none', 'unsure'];
export const RBI_AUTHORISATIONS: readonly RbiAuthorisation[] = ['prior', 'urgency_requested_within_24h', 'refused', 'none', 'unsure'];
export const BIOMETRIC_CATEGORISATION_EXCEPTIONS: readonly BiometricCategorisationException[] = [
  'lawful_dataset_labelling_or_filtering',
  'law_enforcement_categorisation',
  'none',
  'unsure',
];
export const ART_6_3_CONDITION_VALUES: readonly Art63Condition[] = ['a', 'b', 'c', 'd'];
export const EU_TIER_VALUES = ['prohibited', 'high', 'limited', 'minimal', 'undetermined'] as const;
export const OMB_HIGH_IMPACT_VALUES = ['yes', 'no', 'undetermined'] as const;

const answer = z.enum(ANSWERS);
const decisionRole = z.enum(DECISION_ROLE_VALUES);

/** EU AI Act screening (Regulation (EU) 2024/1689): the rules' `EuScreeningAnswers`. */
export const euAnswersSchema = z
  .object({
    prohibited: z
      .object({
        manipulation: answer,
        exploitationOfVulnerabilities: answer,
        socialScoring: answer,
        crimeRiskProfiling: z.object({ practice: answer, supportsHumanAssessmentOnObjectiveFacts: answer.optional() }).strict(),
        untargetedFacialScraping: answer,
        emotionRecognitionAtWorkOrEducation: z.object({ practice: answer, medicalOrSafetyReasons: answer.optional() }).strict(),
        sensitiveBiometricCategorisation: z.object({ practice: answer, exception: z.enum(tuple(BIOMETRIC_CATEGORISATION_EXCEPTIONS)).optional() }).strict(),
        realTimeRemoteBiometricIdentification: z
          .object({
            practice: answer,
            objective: z.enum(tuple(RBI_OBJECTIVES)).optional(),
            nationalLawProvidesForUse: answer.optional(),
            authorisation: z.enum(tuple(RBI_AUTHORISATIONS)).optional(),
          })
          .strict(),
      })
      .strict(),
    annexI: z.object({ productOrSafetyComponent: answer, thirdPartyConformityAssessment: answer.optional() }).strict(),
    annexIII: z
      .object({
        points: z.array(z.enum(tuple(ANNEX_III_POINT_VALUES))).max(ANNEX_III_POINT_VALUES.length),
        unsure: z.boolean().optional(),
      })
      .strict(),
    derogation: z
      .object({
        claimed: answer,
        conditions: z.array(z.enum(tuple(ART_6_3_CONDITION_VALUES))).max(4).optional(),
        profilesNaturalPersons: answer,
      })
      .strict(),
    transparency: z
      .object({
        interactsWithNaturalPersons: answer,
        interactionObvious: answer.optional(),
        generatesSyntheticContent: answer,
        assistiveOrNoSubstantialAlteration: answer.optional(),
        emotionRecognition: answer,
        biometricCategorisation: answer,
        deepFake: answer,
        evidentlyArtisticOrSatirical: answer.optional(),
        publicInterestText: answer,
        humanReviewWithEditorialResponsibility: answer.optional(),
        authorisedByLawForCriminalOffences: answer.optional(),
        availableToPublicToReportCrime: answer.optional(),
      })
      .strict(),
    deployer: z.object({ kind: z.enum(tuple(DEPLOYER_KINDS)), actsOnBehalfOfPublicAuthority: answer.optional() }).strict(),
    context: z.object({ lawEnforcement: answer, migrationAsylumBorder: answer, workplace: answer.optional() }).strict(),
  })
  .strict();

/** US OMB M-25-21 high-impact determination: the rules' `OmbAnswers`. */
export const ombAnswersSchema = z
  .object({
    principalBasis: answer,
    rightsEffect: answer,
    safetyEffect: answer,
    presumedCategories: z.array(z.enum(tuple(OMB_PRESUMED_CATEGORY_VALUES))).max(OMB_PRESUMED_CATEGORY_VALUES.length),
    presumedCategoriesUnsure: z.boolean().optional(),
    notHighImpactDetermination: z.object({ documentedToCaio: z.boolean(), justification: z.string().trim().max(5000) }).strict().optional(),
    pilot: z.object({ limitedScaleAndDuration: answer, caioCertifiedAndTracked: answer, optInOutOfferedWherePossible: answer }).strict().optional(),
    waivers: z
      .array(z.object({ practice: z.enum(tuple(OMB_PRACTICE_VALUES)), caioWrittenRiskDetermination: answer }).strict())
      .max(OMB_PRACTICE_VALUES.length)
      .optional(),
  })
  .strict();

/**
 * Facts about the system the organisation's tier policy and the obligations look at. For a saved
 * system, decisionRole and personalData default to the system record (and must agree with it).
 */
export const screeningFactsSchema = z
  .object({
    decisionRole: decisionRole.optional(),
    personalData: z.boolean().optional(),
    /** The output is about, or affects, natural persons (residents, staff, applicants). */
    affectsPeople: z.boolean(),
  })
  .strict();

/**
 * Everything a screening is given. `eu` or `omb` is null when that framework does not apply to the
 * organisation (a US agency is not screened under the EU AI Act, nor a European city under OMB).
 */
export const screeningAnswersSchema = z
  .object({
    eu: euAnswersSchema.nullable(),
    omb: ombAnswersSchema.nullable(),
    facts: screeningFactsSchema,
  })
  .strict();

export type ScreeningAnswersInput = z.infer<typeof screeningAnswersSchema>;
export type ScreeningFacts = { decisionRole: DecisionRole; personalData: boolean; affectsPeople: boolean };
/** Answers as stored: the facts complete. */
export type ScreeningAnswers = { eu: EuScreeningAnswers | null; omb: OmbAnswers | null; facts: ScreeningFacts };

const _answerSchemasMatchRules = [
  same<z.infer<typeof euAnswersSchema>, EuScreeningAnswers>(true),
  same<z.infer<typeof ombAnswersSchema>, OmbAnswers>(true),
] as const;

// ---- the organisation's tier policy, as an admin sends it (validateOrgPolicy checks the meaning)

export const TIER_POLICY_LIMITS = { tiers: 20, rules: 100, requirements: 50, id: 60, label: 100, title: 200, description: 2000, recurrenceMonths: 120 } as const;

const L = TIER_POLICY_LIMITS;
export const tierPolicySchema = z
  .object({
    tiers: z
      .array(
        z
          .object({
            id: z.string().trim().min(1).max(L.id),
            label: z.string().trim().min(1).max(L.label),
            requirements: z
              .array(
                z
                  .object({
                    key: z.string().trim().min(1).max(L.id),
                    title: z.string().trim().min(1).max(L.title),
                    description: z.string().trim().max(L.description).optional(),
                    phase: z.enum(['before_deployment', 'in_operation']),
                    recurrenceMonths: z.number().int().min(1).max(L.recurrenceMonths).optional(),
                  })
                  .strict(),
              )
              .max(L.requirements),
          })
          .strict(),
      )
      .min(1)
      .max(L.tiers),
    rules: z
      .array(
        z
          .object({
            id: z.string().trim().min(1).max(L.id),
            when: z
              .object({
                euTier: z.array(z.enum(EU_TIER_VALUES)).max(EU_TIER_VALUES.length).optional(),
                ombHighImpact: z.boolean().optional(),
                decisionRole: z.array(decisionRole).max(3).optional(),
                personalData: z.boolean().optional(),
                affectsPeople: z.boolean().optional(),
              })
              .strict(),
            tier: z.string().trim().min(1).max(L.id),
          })
          .strict(),
      )
      .max(L.rules),
    defaultTier: z.string().trim().min(1).max(L.id),
  })
  .strict();

const _tierPolicySchemaMatchesRules = same<z.infer<typeof tierPolicySchema>, OrgTierPolicy>(true);

export const isEuTier = (value: string): value is (typeof EU_TIER_VALUES)[number] => (EU_TIER_VALUES as readonly string[]).includes(value);
