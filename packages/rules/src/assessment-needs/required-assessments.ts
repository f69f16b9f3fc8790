/**
 * Which assessments a system needs (issue #4 point 6): a short, ordered list of rules that map a
 * system's classification and facts to assessment templates, each with the reason and its source,
 * and the obligation keys an approved assessment of that template satisfies. The rules are data, so
 * an organisation could replace them (validateAssessmentRules checks such a list); this module only
 * evaluates and checks them.
 */
import type { DecisionRole } from '../common.js';
import type { EuTier } from '../eu-ai-act/classification.js';

export type SystemSourcing = 'in_house' | 'procured' | 'general_purpose_tool';

/** What the rules look at: the latest screening's summary and facts, and the inventory record. */
export type AssessmentNeedFacts = {
  /** Absent where the EU AI Act does not apply (or the system was never screened). */
  euTier?: EuTier | 'undetermined';
  /** Art. 27: the latest screening says a fundamental rights impact assessment is (or may be) required. */
  friaRequired?: boolean;
  /** OMB M-25-21 high-impact (an undetermined determination counts as true, as the org tier does). */
  ombHighImpact?: boolean;
  /** The organisation's tier for the system, e.g. `high`. */
  orgTierId?: string;
  /** The requirement keys of that tier, e.g. `fria`, `impact-assessment`. */
  orgTierRequirementKeys: string[];
  decisionRole: DecisionRole;
  affectsPeople: boolean;
  personalData: boolean;
  sourcing: SystemSourcing;
  /** The system's lifecycle stage; absent = treated as past the idea stage. */
  lifecycle?: string;
};

/** All listed fields must hold (AND); a list matches any of its values (OR). */
export type AssessmentNeedCondition = {
  euTier?: Array<EuTier | 'undetermined'>;
  friaRequired?: boolean;
  ombHighImpact?: boolean;
  orgTier?: string[];
  /** The organisation's tier asks for any of these requirement keys. */
  orgTierRequires?: string[];
  decisionRole?: DecisionRole[];
  affectsPeople?: boolean;
  personalData?: boolean;
  sourcing?: SystemSourcing[];
  /** The system is in one of these lifecycle stages. */
  lifecycle?: string[];
};

/**
 * An obligation an approved assessment satisfies: a fixed key (e.g. `eu.art27.fria`), optionally only
 * when a condition holds, or a requirement of the organisation's tier (`org.<tier>.<key>`) when the
 * system's tier has it.
 */
export type AssessmentMeets = { obligation: string; when?: AssessmentNeedCondition } | { orgTierRequirement: string };

export type AssessmentNeedRule = {
  /** Unique, kebab-case, e.g. `fria-art27`. */
  id: string;
  /** The template the rule asks for, e.g. `fria`. */
  templateKey: string;
  when: AssessmentNeedCondition;
  /** Why, in plain words, shown next to the assessment. */
  reason: string;
  /** The legal or policy source, e.g. `EU AI Act Art. 27(1)`. */
  source: string;
  meets?: AssessmentMeets[];
};

export type AssessmentNeedReason = { text: string; source: string; ruleId: string };

export type RequiredAssessment = {
  templateKey: string;
  reasons: AssessmentNeedReason[];
  /** Obligation keys an approved assessment of this template satisfies. */
  meets: string[];
};

const PAST_IDEA = ['proposed', 'in_review', 'approved', 'in_service', 'suspended'];

/**
 * Glassbox's default rules, in the order their assessments are listed:
 * - `fria-art27`: EU AI Act Art. 27(1) — a deployer that is a body governed by public law (or
 *   provides public services) using a high-risk system of Annex III assesses its impact on
 *   fundamental rights before first use. Meets `eu.art27.fria`.
 * - `fria-org-tier`: the organisation's tier asks for a FRIA even where the law does not (the
 *   default policy's `high` tier, R-GRAD). Meets `org.<tier>.fria`.
 * - `canada-aia-decisions`: Canada's Directive on Automated Decision-Making (s. 6.1) asks for an
 *   algorithmic impact assessment for any system that makes or supports an administrative decision
 *   about people; Glassbox takes that as the default test for every organisation (R-IA). Meets the
 *   tier's `impact-assessment` requirement (the default policy's `medium` tier).
 * - `necessity-review`: R-FRAME — every deployment answers necessity, proportionality,
 *   transparency, accountability and redress, so every system past the idea stage. Meets OMB
 *   M-25-21 §4(b)(ii) (AI impact assessment) for high-impact uses and the tier's
 *   `impact-assessment` requirement.
 * - `workforce-impact-*`: R-WORKER — worker and union voice from design to review, when the system
 *   shapes staff's work: it recommends or decides, or the organisation's tier is `high`.
 * - `data-protection-screening`: R-CONSENT and EU AI Act Art. 26(9) (the deployer's data protection
 *   impact assessment under GDPR Art. 35 uses the provider's information) — whenever personal data
 *   is processed. The screening says whether a full DPIA is needed; it does not replace one, so it
 *   meets no obligation on its own.
 * - `vendor-prepurchase`: procurement due diligence (R-BEYOND) for systems bought in or used as a
 *   general-purpose tool.
 */
export const DEFAULT_ASSESSMENT_RULES: readonly AssessmentNeedRule[] = [
  {
    id: 'fria-art27',
    templateKey: 'fria',
    when: { friaRequired: true },
    reason: 'The latest screening found that the EU AI Act requires a fundamental rights impact assessment before first use.',
    source: 'EU AI Act Art. 27(1)',
    meets: [{ obligation: 'eu.art27.fria' }],
  },
  {
    id: 'fria-org-tier',
    templateKey: 'fria',
    when: { orgTierRequires: ['fria'] },
    reason: 'The organisation’s tier for this system asks for a fundamental rights impact assessment.',
    source: 'Organisation AI policy (tiers)',
    meets: [{ orgTierRequirement: 'fria' }],
  },
  {
    id: 'canada-aia-decisions',
    templateKey: 'canada-aia',
    when: { decisionRole: ['recommends', 'decides'], affectsPeople: true },
    reason: 'The system makes or supports decisions about people, so its algorithmic impact and the safeguards its impact level calls for are assessed.',
    source: 'Directive on Automated Decision-Making (Government of Canada), s. 6.1',
    meets: [{ orgTierRequirement: 'impact-assessment' }],
  },
  {
    id: 'necessity-review',
    templateKey: 'necessity-review',
    when: { lifecycle: PAST_IDEA },
    reason: 'Every system past the idea stage answers why AI is needed, whether it is proportionate, and how it is explained, overseen and challenged.',
    source: 'Glassbox R-FRAME; OMB M-25-21 App. §4(b)(ii) where high-impact',
    meets: [{ obligation: 'omb.m25-21.4b.ai-impact-assessment', when: { ombHighImpact: true } }, { orgTierRequirement: 'impact-assessment' }],
  },
  {
    id: 'workforce-impact-role',
    templateKey: 'workforce-impact',
    when: { decisionRole: ['recommends', 'decides'] },
    reason: 'The system recommends or decides, so it changes how staff do their work; workers and their representatives are consulted.',
    source: 'Glassbox R-WORKER; EU AI Act Art. 26(7)',
  },
  {
    id: 'workforce-impact-tier',
    templateKey: 'workforce-impact',
    when: { orgTier: ['high'] },
    reason: 'The system is in the organisation’s high tier, so its effect on staff’s work is assessed with them.',
    source: 'Glassbox R-WORKER',
  },
  {
    id: 'data-protection-screening',
    templateKey: 'data-protection-screening',
    when: { personalData: true },
    reason: 'The system processes personal data: screen whether a full data protection impact assessment is needed and how consent is handled.',
    source: 'Glassbox R-CONSENT; EU AI Act Art. 26(9); GDPR Art. 35',
  },
  {
    id: 'vendor-prepurchase',
    templateKey: 'vendor-prepurchase',
    when: { sourcing: ['procured', 'general_purpose_tool'] },
    reason: 'The system is bought in or used as a general-purpose tool: check the supplier before buying or before use.',
    source: 'Glassbox R-BEYOND (procurement due diligence)',
  },
];

const inList = <T>(list: readonly T[] | undefined, value: T | undefined): boolean => list === undefined || (value !== undefined && list.includes(value));

/** Whether a condition holds for the facts: every listed field must match. */
export function matchesNeedCondition(when: AssessmentNeedCondition, facts: AssessmentNeedFacts): boolean {
  if (!inList(when.euTier, facts.euTier)) return false;
  if (when.friaRequired !== undefined && (facts.friaRequired ?? false) !== when.friaRequired) return false;
  if (when.ombHighImpact !== undefined && (facts.ombHighImpact ?? false) !== when.ombHighImpact) return false;
  if (!inList(when.orgTier, facts.orgTierId)) return false;
  if (when.orgTierRequires !== undefined && !when.orgTierRequires.some((k) => facts.orgTierRequirementKeys.includes(k))) return false;
  if (!inList(when.decisionRole, facts.decisionRole)) return false;
  if (when.affectsPeople !== undefined && facts.affectsPeople !== when.affectsPeople) return false;
  if (when.personalData !== undefined && facts.personalData !== when.personalData) return false;
  if (!inList(when.sourcing, facts.sourcing)) return false;
  if (when.lifecycle !== undefined && facts.lifecycle !== undefined && !when.lifecycle.includes(facts.lifecycle)) return false;
  return true;
}

function meetsKeys(meets: readonly AssessmentMeets[], facts: AssessmentNeedFacts): string[] {
  const out: string[] = [];
  for (const m of meets) {
    if ('orgTierRequirement' in m) {
      if (facts.orgTierId !== undefined && facts.orgTierRequirementKeys.includes(m.orgTierRequirement)) out.push(`org.${facts.orgTierId}.${m.orgTierRequirement}`);
    } else if (m.when === undefined || matchesNeedCondition(m.when, facts)) {
      out.push(m.obligation);
    }
  }
  return out;
}

/**
 * The assessments a system needs, one entry per template in the order of the rules' first match,
 * with every reason that asks for it and the obligation keys its approval satisfies.
 */
export function requiredAssessments(facts: AssessmentNeedFacts, rules: readonly AssessmentNeedRule[] = DEFAULT_ASSESSMENT_RULES): RequiredAssessment[] {
  const byKey = new Map<string, RequiredAssessment>();
  for (const rule of rules) {
    if (!matchesNeedCondition(rule.when, facts)) continue;
    let entry = byKey.get(rule.templateKey);
    if (!entry) {
      entry = { templateKey: rule.templateKey, reasons: [], meets: [] };
      byKey.set(rule.templateKey, entry);
    }
    entry.reasons.push({ text: rule.reason, source: rule.source, ruleId: rule.id });
    for (const key of meetsKeys(rule.meets ?? [], facts)) if (!entry.meets.includes(key)) entry.meets.push(key);
  }
  return [...byKey.values()];
}

export type AssessmentRuleProblem = { code: string; path: string; message: string };

const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OBLIGATION_KEY = /^[a-z0-9][a-z0-9.-]{0,199}$/;

/** Checks a replacement rule list: ids unique and kebab-case, template keys well-formed, reasons and sources present, no empty lists, obligation keys well-formed. */
export function validateAssessmentRules(rules: readonly AssessmentNeedRule[]): AssessmentRuleProblem[] {
  const problems: AssessmentRuleProblem[] = [];
  const add = (code: string, path: string, message: string) => problems.push({ code, path, message });
  const ids = new Set<string>();
  rules.forEach((rule, i) => {
    const path = `[${i}]`;
    if (!KEY_PATTERN.test(rule.id)) add('rule.id_invalid', `${path}.id`, `Rule id "${rule.id}" must be kebab-case.`);
    if (ids.has(rule.id)) add('rule.id_duplicate', `${path}.id`, `Rule id "${rule.id}" is used twice.`);
    ids.add(rule.id);
    if (!KEY_PATTERN.test(rule.templateKey)) add('rule.template_invalid', `${path}.templateKey`, `Template key "${rule.templateKey}" must be kebab-case.`);
    if (rule.reason.trim() === '') add('rule.reason_empty', `${path}.reason`, `Rule "${rule.id}" gives no reason.`);
    if (rule.source.trim() === '') add('rule.source_empty', `${path}.source`, `Rule "${rule.id}" names no source.`);
    const w = rule.when;
    for (const field of ['euTier', 'orgTier', 'orgTierRequires', 'decisionRole', 'sourcing', 'lifecycle'] as const) {
      const list = w[field];
      if (list !== undefined && list.length === 0) add('rule.never_matches', `${path}.when.${field}`, `Rule "${rule.id}" has an empty list and can never match.`);
    }
    (rule.meets ?? []).forEach((m, j) => {
      if ('orgTierRequirement' in m) {
        if (!KEY_PATTERN.test(m.orgTierRequirement)) add('meets.invalid', `${path}.meets[${j}].orgTierRequirement`, `"${m.orgTierRequirement}" must be kebab-case.`);
      } else if (!OBLIGATION_KEY.test(m.obligation)) {
        add('meets.invalid', `${path}.meets[${j}].obligation`, `"${m.obligation}" is not an obligation key.`);
      }
    });
  });
  return problems;
}
