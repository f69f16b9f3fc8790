/**
 * The facts the assessment rules (@glassbox/rules requiredAssessments) read for one system: the
 * classification its latest screening stored, and the inventory record as it is now (decision role,
 * personal data, sourcing, lifecycle). Also the assessment-derived obligation templates:
 * `assessment.<template key>` for a needed assessment no screening obligation covers, and
 * `aia.<requirement>` for the level of the latest approved Canadian AIA. The rules are the
 * organisation's own when it stored some (assessment-rules.service.ts), else Glassbox's defaults.
 */
import type { Kysely } from 'kysely';
import {
  DEFAULT_ASSESSMENT_RULES,
  requiredAssessments,
  type AssessmentNeedFacts,
  type AssessmentNeedRule,
  type LevelRequirement,
  type ObligationTemplate,
  type RequiredAssessment,
  type TemplateDocument,
} from '@glassbox/rules';
import type { ClassificationResult } from '../../classification/classification-result.schemas.js';
import type { AiSystem, DB } from '../../db/schema.js';

/** The Canadian AIA's template key; its level's requirements become obligations. */
export const AIA_TEMPLATE_KEY = 'canada-aia';

export type AssessmentRulesInForce = {
  rules: readonly AssessmentNeedRule[];
  /** True when the organisation has not set its own rules and Glassbox's defaults apply. */
  isDefault: boolean;
  updatedAt: Date | null;
};

/** The stored column (null: none stored) as the rules in force. The service validated it on the way in. */
export const rulesFromColumn = (stored: unknown): readonly AssessmentNeedRule[] => (Array.isArray(stored) ? (stored as AssessmentNeedRule[]) : DEFAULT_ASSESSMENT_RULES);

/**
 * The rules in force for the organisation: its own (organisation_assessment_rules) or Glassbox's
 * defaults (one statement). Callers load them once per request or batch and pass them to neededFor.
 */
export async function assessmentRulesFor(db: Kysely<DB>, organisationId: string): Promise<AssessmentRulesInForce> {
  const row = await db.selectFrom('organisation_assessment_rules').select(['rules', 'updated_at']).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) return { rules: DEFAULT_ASSESSMENT_RULES, isDefault: true, updatedAt: null };
  return { rules: rulesFromColumn(row.rules), isDefault: false, updatedAt: row.updated_at };
}

/** The system's latest screening results, newest first, at most `count` (one statement). */
export async function recentScreeningResults(db: Kysely<DB>, system: Pick<AiSystem, 'id' | 'organisation_id'>, count: number): Promise<ClassificationResult[]> {
  const rows = await db
    .selectFrom('system_screening')
    .select('result')
    .where('organisation_id', '=', system.organisation_id)
    .where('system_id', '=', system.id)
    .orderBy('seq', 'desc')
    .limit(count)
    .execute();
  return rows.map((r) => r.result as ClassificationResult);
}

/** The latest screening's result, or null when the system was never screened (one statement). */
export async function latestScreeningResult(db: Kysely<DB>, system: Pick<AiSystem, 'id' | 'organisation_id'>): Promise<ClassificationResult | null> {
  return (await recentScreeningResults(db, system, 1))[0] ?? null;
}

/** The facts for the rules; without a screening only the inventory record speaks. */
export function needFactsOf(system: AiSystem, screening: ClassificationResult | null): AssessmentNeedFacts {
  const s = screening?.summary;
  return {
    ...(s?.euTier != null && { euTier: s.euTier }),
    ...(s?.friaRequired != null && { friaRequired: s.friaRequired }),
    // As the organisation's tier does: an undetermined OMB determination counts as high-impact.
    ...(s?.ombHighImpact != null && { ombHighImpact: s.ombHighImpact !== 'no' }),
    ...(screening && { orgTierId: screening.orgTier.id }),
    orgTierRequirementKeys: screening ? screening.orgTier.requirements.map((r) => r.key) : [],
    decisionRole: system.decision_role,
    affectsPeople: screening ? screening.facts.affectsPeople : system.affected_people.trim() !== '',
    personalData: system.personal_data,
    sourcing: system.sourcing,
    lifecycle: system.lifecycle,
  };
}

/** What the system needs under the given rules (the organisation's, from assessmentRulesFor). */
export const neededFor = (system: AiSystem, screening: ClassificationResult | null, rules: readonly AssessmentNeedRule[]): RequiredAssessment[] =>
  requiredAssessments(needFactsOf(system, screening), rules);

/** Template titles by key, the organisation's own before the built-in ones (one statement). */
export async function templateTitles(db: Kysely<DB>, organisationId: string, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('assessment_template')
    .select(['key', 'title', 'organisation_id'])
    .where('key', 'in', [...keys])
    .where((eb) => eb.or([eb('organisation_id', '=', organisationId), eb('organisation_id', 'is', null)]))
    .where('archived_at', 'is', null)
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (r.organisation_id !== null || !out.has(r.key)) out.set(r.key, r.title);
  return out;
}

/** Titles of Glassbox's built-in templates, for when the template is not (yet) installed in the database. */
const BUILTIN_TITLES: Record<string, string> = {
  fria: 'Fundamental rights impact assessment',
  'canada-aia': 'Algorithmic impact assessment (Canada)',
  'necessity-review': 'Necessity, proportionality and redress review',
  'workforce-impact': 'Workforce impact assessment',
  'data-protection-screening': 'Data protection screening',
  'vendor-prepurchase': 'Vendor pre-purchase review',
  readiness: 'Organisational AI readiness',
};

/** Whether Glassbox ships a template with this key (installed at start-up, so usable in every organisation). */
export const isBuiltinTemplateKey = (key: string): boolean => Object.hasOwn(BUILTIN_TITLES, key);

export const templateTitle = (titles: ReadonlyMap<string, string>, key: string): string => titles.get(key) ?? BUILTIN_TITLES[key] ?? key;

/** `assessment.<key>` for every needed assessment that no obligation of the screening already stands for. */
export function assessmentObligations(needed: readonly RequiredAssessment[], screeningKeys: ReadonlySet<string>, titles: ReadonlyMap<string, string>): ObligationTemplate[] {
  return needed
    .filter((a) => !a.meets.some((k) => screeningKeys.has(k)))
    .map((a) => {
      const title = templateTitle(titles, a.templateKey);
      return {
        key: `assessment.${a.templateKey}`,
        framework: 'assessment' as const,
        reference: [...new Set(a.reasons.map((r) => r.source))].join('; ').slice(0, 1000),
        title: `Complete and approve: ${title}`.slice(0, 300),
        description: a.reasons.map((r) => r.text).join(' ').slice(0, 5000),
        phase: 'before_deployment' as const,
      };
    });
}

export type ApprovedLevel = { assessmentId: string; level: string; label: string; requirements: LevelRequirement[] };

/** The level of the system's latest approved Canadian AIA and what it requires, or null (one statement). */
export async function latestApprovedAiaLevel(db: Kysely<DB>, system: Pick<AiSystem, 'id' | 'organisation_id'>): Promise<ApprovedLevel | null> {
  const row = await db
    .selectFrom('assessment as a')
    .innerJoin('assessment_template_version as v', 'v.id', 'a.template_version_id')
    .select(['a.id', 'a.level', 'v.document'])
    .where('a.organisation_id', '=', system.organisation_id)
    .where('a.system_id', '=', system.id)
    .where('a.template_key', '=', AIA_TEMPLATE_KEY)
    .where('a.status', '=', 'approved')
    .orderBy('a.round', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row?.level) return null;
  const level = (row.document as TemplateDocument).scoring?.levels?.list.find((l) => l.id === row.level);
  if (!level) return null;
  return { assessmentId: row.id, level: level.id, label: level.label.en, requirements: level.requirements ?? [] };
}

/** `aia.<requirement key>` for each requirement of the approved level. */
export const levelObligations = (approved: ApprovedLevel | null): ObligationTemplate[] =>
  (approved?.requirements ?? []).map((r) => ({
    key: `aia.${r.key}`,
    framework: 'assessment' as const,
    reference: `Canada AIA level ${approved?.level ?? ''}`.trim(),
    title: r.title.en.slice(0, 300),
    description: r.description.en.slice(0, 5000),
    phase: r.phase,
  }));
