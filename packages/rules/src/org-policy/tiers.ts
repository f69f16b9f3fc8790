/**
 * The organisation's own risk tiers (graduated governance, DESIGN R-GRAD): an admin-configurable
 * list of tiers, each with its requirements, and ordered rules that map a system's facts (EU tier,
 * OMB high-impact, decision role, personal data, people affected) to a tier. First match wins;
 * otherwise the default tier applies. The policy is data; this module only evaluates and checks it.
 */
import type { DecisionRole, ObligationPhase } from '../common.js';
import type { EuTier } from '../eu-ai-act/classification.js';

export type OrgTierRequirement = {
  /** Stable within the tier, kebab-case, e.g. `committee-approval`. */
  key: string;
  title: string;
  description?: string;
  phase: ObligationPhase;
  /** Repeats every N months while in operation (e.g. a bias audit every 6 months). */
  recurrenceMonths?: number;
};

export type OrgTier = { id: string; label: string; requirements: OrgTierRequirement[] };

/** All listed fields must match (AND); a list matches any of its values (OR). An empty condition matches everything. */
export type OrgTierCondition = {
  euTier?: Array<EuTier | 'undetermined'>;
  ombHighImpact?: boolean;
  decisionRole?: DecisionRole[];
  personalData?: boolean;
  affectsPeople?: boolean;
};

export type OrgTierRule = { id: string; when: OrgTierCondition; tier: string };

export type OrgTierPolicy = {
  /** Ordered from the most to the least demanding tier. */
  tiers: OrgTier[];
  /** Evaluated in order; the first rule whose condition matches decides. */
  rules: OrgTierRule[];
  defaultTier: string;
};

/** What the policy looks at. `euTier` is absent where the EU AI Act does not apply; `ombHighImpact` where OMB does not. */
export type OrgTierFacts = {
  euTier?: EuTier | 'undetermined';
  ombHighImpact?: boolean;
  decisionRole: DecisionRole;
  personalData: boolean;
  affectsPeople: boolean;
};

export type OrgTierResult = {
  tier: OrgTier;
  /** The rule that matched, or null when the default tier applied. */
  rule: OrgTierRule | null;
  explanation: string;
};

/**
 * A starting policy admins can adapt: high (committee approval, impact assessment, bias audit every
 * 6 months, published register entry, annual review), medium, and low (owner sign-off). Anything the
 * EU AI Act calls prohibited, high-risk or not yet determined, OMB high-impact uses and systems that
 * decide about people are high.
 */
export const DEFAULT_ORG_POLICY: OrgTierPolicy = {
  tiers: [
    {
      id: 'high',
      label: 'High',
      requirements: [
        { key: 'committee-approval', title: 'Approval by the AI review committee', phase: 'before_deployment' },
        {
          key: 'fria',
          title: 'Fundamental rights impact assessment',
          description: 'Assess the effects on the rights of the people concerned, using the organisation’s template, even where the law does not require it.',
          phase: 'before_deployment',
        },
        {
          key: 'bias-audit',
          title: 'Bias audit',
          description: 'Compare outcomes and error rates across groups of affected people and publish the results.',
          phase: 'in_operation',
          recurrenceMonths: 6,
        },
        { key: 'register-entry', title: 'Published entry in the public algorithm register', phase: 'before_deployment' },
        { key: 'annual-review', title: 'Annual review by the AI review committee', phase: 'in_operation', recurrenceMonths: 12 },
      ],
    },
    {
      id: 'medium',
      label: 'Medium',
      requirements: [
        { key: 'impact-assessment', title: 'Algorithmic impact assessment', phase: 'before_deployment' },
        { key: 'governance-approval', title: 'Approval by the governance officer', phase: 'before_deployment' },
        { key: 'register-entry', title: 'Published entry in the public algorithm register', phase: 'before_deployment' },
        { key: 'annual-review', title: 'Annual review by the system owner', phase: 'in_operation', recurrenceMonths: 12 },
      ],
    },
    {
      id: 'low',
      label: 'Low',
      requirements: [
        { key: 'owner-sign-off', title: 'Sign-off by the system owner', phase: 'before_deployment' },
        { key: 'periodic-check', title: 'Check that the use has not changed', phase: 'in_operation', recurrenceMonths: 24 },
      ],
    },
  ],
  rules: [
    { id: 'eu-prohibited-high-or-undetermined', when: { euTier: ['prohibited', 'high', 'undetermined'] }, tier: 'high' },
    { id: 'omb-high-impact', when: { ombHighImpact: true }, tier: 'high' },
    { id: 'decides-about-people', when: { decisionRole: ['decides'], affectsPeople: true }, tier: 'high' },
    { id: 'eu-limited', when: { euTier: ['limited'] }, tier: 'medium' },
    { id: 'recommends-about-people', when: { decisionRole: ['recommends'], affectsPeople: true }, tier: 'medium' },
    { id: 'personal-data-about-people', when: { personalData: true, affectsPeople: true }, tier: 'medium' },
  ],
  defaultTier: 'low',
};

/** Whether a rule's condition holds for the facts (R-GRAD: every listed field must match). */
export function matchesCondition(when: OrgTierCondition, facts: OrgTierFacts): boolean {
  if (when.euTier !== undefined && (facts.euTier === undefined || !when.euTier.includes(facts.euTier))) return false;
  if (when.ombHighImpact !== undefined && (facts.ombHighImpact ?? false) !== when.ombHighImpact) return false;
  if (when.decisionRole !== undefined && !when.decisionRole.includes(facts.decisionRole)) return false;
  if (when.personalData !== undefined && facts.personalData !== when.personalData) return false;
  if (when.affectsPeople !== undefined && facts.affectsPeople !== when.affectsPeople) return false;
  return true;
}

/**
 * The organisation's own tier for a system (graduated governance, R-GRAD): the first rule that
 * matches decides, otherwise the default. Throws when the policy is invalid (see validateOrgPolicy),
 * since a misconfigured policy must not silently place systems.
 */
export function orgTier(policy: OrgTierPolicy, facts: OrgTierFacts): OrgTierResult {
  const problems = validateOrgPolicy(policy);
  if (problems.length > 0) throw new Error(`invalid organisation tier policy: ${problems.map((p) => p.message).join('; ')}`);
  const byId = new Map(policy.tiers.map((t) => [t.id, t]));
  const rule = policy.rules.find((r) => matchesCondition(r.when, facts)) ?? null;
  const tierId = rule ? rule.tier : policy.defaultTier;
  const tier = byId.get(tierId);
  if (!tier) throw new Error(`unknown tier ${tierId}`); // unreachable after validation
  return {
    tier,
    rule,
    explanation: rule ? `Rule "${rule.id}" matched: tier ${tier.label}.` : `No rule matched: the default tier ${tier.label} applies.`,
  };
}

export type OrgPolicyProblem = { code: string; path: string; message: string };

const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks an admin-edited policy: tiers present, ids and keys unique and well-formed, every tier reference known, recurrences positive, no rule hidden behind a catch-all. */
export function validateOrgPolicy(policy: OrgTierPolicy): OrgPolicyProblem[] {
  const problems: OrgPolicyProblem[] = [];
  const add = (code: string, path: string, message: string) => problems.push({ code, path, message });
  if (policy.tiers.length === 0) add('tiers.empty', 'tiers', 'The policy has no tiers.');
  const ids = new Set<string>();
  policy.tiers.forEach((tier, i) => {
    if (!KEY_PATTERN.test(tier.id)) add('tier.id_invalid', `tiers[${i}].id`, `Tier id "${tier.id}" must be kebab-case.`);
    if (ids.has(tier.id)) add('tier.id_duplicate', `tiers[${i}].id`, `Tier id "${tier.id}" is used twice.`);
    ids.add(tier.id);
    if (tier.label.trim() === '') add('tier.label_empty', `tiers[${i}].label`, `Tier "${tier.id}" has no label.`);
    const keys = new Set<string>();
    tier.requirements.forEach((req, j) => {
      const path = `tiers[${i}].requirements[${j}]`;
      if (!KEY_PATTERN.test(req.key)) add('requirement.key_invalid', `${path}.key`, `Requirement key "${req.key}" must be kebab-case.`);
      if (keys.has(req.key)) add('requirement.key_duplicate', `${path}.key`, `Requirement key "${req.key}" is used twice in tier "${tier.id}".`);
      keys.add(req.key);
      if (req.title.trim() === '') add('requirement.title_empty', `${path}.title`, `Requirement "${req.key}" has no title.`);
      if (req.recurrenceMonths !== undefined && !(Number.isInteger(req.recurrenceMonths) && req.recurrenceMonths > 0))
        add('requirement.recurrence_invalid', `${path}.recurrenceMonths`, `Requirement "${req.key}" must recur after a whole, positive number of months.`);
    });
  });
  if (!ids.has(policy.defaultTier)) add('default.unknown_tier', 'defaultTier', `Default tier "${policy.defaultTier}" does not exist.`);
  const ruleIds = new Set<string>();
  let catchAll: string | null = null;
  policy.rules.forEach((rule, i) => {
    if (ruleIds.has(rule.id)) add('rule.id_duplicate', `rules[${i}].id`, `Rule id "${rule.id}" is used twice.`);
    ruleIds.add(rule.id);
    if (!ids.has(rule.tier)) add('rule.unknown_tier', `rules[${i}].tier`, `Rule "${rule.id}" points to unknown tier "${rule.tier}".`);
    if (catchAll !== null) add('rule.unreachable', `rules[${i}]`, `Rule "${rule.id}" can never match: rule "${catchAll}" before it matches everything.`);
    const w = rule.when;
    const isCatchAll =
      w.euTier === undefined && w.ombHighImpact === undefined && w.decisionRole === undefined && w.personalData === undefined && w.affectsPeople === undefined;
    if (isCatchAll && catchAll === null) catchAll = rule.id;
    if ((w.euTier !== undefined && w.euTier.length === 0) || (w.decisionRole !== undefined && w.decisionRole.length === 0))
      add('rule.never_matches', `rules[${i}].when`, `Rule "${rule.id}" has an empty list and can never match.`);
  });
  return problems;
}
