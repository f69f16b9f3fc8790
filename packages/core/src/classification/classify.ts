/**
 * Runs the rules of @glassbox/rules over one set of screening answers: the EU AI Act tier, the US
 * OMB determination, the organisation's own tier under its policy, and the obligation templates
 * that follow. No rule is decided here; this module only feeds the rules and maps their answers
 * onto the columns the inventory filters on. No I/O.
 */
import { classifyEuAiAct, classifyOmb, generateObligations, orgTier, type EuClassification, type OmbClassification, type OrgTierPolicy } from '@glassbox/rules';
import type { ClassificationResult, ClassificationSummary } from './classification-result.schemas.js';
import type { ScreeningAnswers } from './classification.schemas.js';

/**
 * Which version of the rules answered, stored with every screening so a result can be traced to
 * the rules that produced it. Follows the version of the @glassbox/rules package; raise it with
 * every change to a rule or an obligation template.
 */
export const RULES_VERSION = '@glassbox/rules@0.1.0';

/**
 * The column values of a classification. Where a duty is `undetermined`, the column says true:
 * plan for the assessment or the registration until the open questions show it is not needed (the
 * rules treat unproven exceptions the same way). The full determination stays in the result.
 */
export function summarise(eu: EuClassification | null, omb: OmbClassification | null, orgTierId: string): ClassificationSummary {
  return {
    euTier: eu ? eu.tier : null,
    ombHighImpact: omb ? (omb.determination === 'undetermined' ? 'undetermined' : omb.highImpact ? 'yes' : 'no') : null,
    orgTier: orgTierId,
    friaRequired: eu ? eu.friaRequired.status !== 'not_required' : null,
    euRegistrationRequired: eu ? eu.registrationRequired.status !== 'not_required' : null,
  };
}

/**
 * Classifies one system (or a proposal) under every framework the answers cover and the
 * organisation's tier policy, and lists the obligations that follow.
 *
 * An OMB determination that is still undetermined counts as high-impact for the organisation's own
 * tier, the way DEFAULT_ORG_POLICY places an undetermined EU tier in its highest tier: the
 * stricter placement stands until the open questions are answered.
 */
export function classifyAnswers(answers: ScreeningAnswers, policy: OrgTierPolicy): ClassificationResult {
  const eu = answers.eu ? classifyEuAiAct(answers.eu) : null;
  const omb = answers.omb ? classifyOmb(answers.omb) : null;
  const { decisionRole, personalData, affectsPeople } = answers.facts;
  const placed = orgTier(policy, {
    ...(eu && { euTier: eu.tier }),
    ...(omb && { ombHighImpact: omb.highImpact || omb.determination === 'undetermined' }),
    decisionRole,
    personalData,
    affectsPeople,
  });
  const obligations = generateObligations({
    ...(eu && { eu }),
    ...(omb && { omb }),
    orgTier: placed.tier,
    decisionRole,
    affectsPeople,
  });
  return {
    rulesVersion: RULES_VERSION,
    facts: { decisionRole, personalData, affectsPeople },
    summary: summarise(eu, omb, placed.tier.id),
    eu,
    omb,
    orgTier: {
      id: placed.tier.id,
      label: placed.tier.label,
      ruleId: placed.rule ? placed.rule.id : null,
      explanation: placed.explanation,
      requirements: placed.tier.requirements,
    },
    obligations,
  };
}
