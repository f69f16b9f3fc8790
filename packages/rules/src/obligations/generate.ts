/**
 * Generates the checklist of obligation templates for one system from its classifications:
 * EU AI Act deployer duties, OMB minimum practices when high-impact, the organisation's rule that no
 * final decision about people is taken without human oversight (R-NOHUMANLESS), and the
 * requirements of the organisation's own tier. Pure: owners, due dates and evidence belong to the
 * service layer.
 */
import type { DecisionRole } from '../common.js';
import { uniqueBy } from '../common.js';
import type { EuClassification } from '../eu-ai-act/classification.js';
import type { OrgTier } from '../org-policy/tiers.js';
import type { OmbClassification } from '../us-omb/high-impact.js';
import { euObligations } from './eu-obligations.js';
import { ombObligations } from './omb-obligations.js';
import type { ObligationTemplate } from './template.js';

export type GenerateObligationsInput = {
  /** Absent when the EU AI Act does not apply to the organisation. */
  eu?: EuClassification;
  /** Absent when OMB policy does not apply. */
  omb?: OmbClassification;
  /** The organisation's tier for the system (from `orgTier`). */
  orgTier?: OrgTier;
  decisionRole: DecisionRole;
  affectsPeople: boolean;
};

/**
 * The obligation templates for one system, in a fixed order (EU AI Act by article, OMB by
 * M-25-21 section, the AI use policy, the organisation's tier) with unique keys.
 *
 * Sources: EU AI Act Art. 4, 5(2)-(4), 6(4), 26, 27, 49, 50; OMB M-25-21 App. §4-6; the
 * organisation's AI use policy (R-NOHUMANLESS: a system that decides about people needs human
 * review of each final decision before it is deployed — for high-risk systems also Art. 14 and
 * Art. 26(2) of the EU AI Act, for high-impact ones M-25-21 App. §4(b)(v)); the organisation's tier
 * policy (R-GRAD).
 */
export function generateObligations(input: GenerateObligationsInput): ObligationTemplate[] {
  const out: ObligationTemplate[] = [];
  if (input.eu) out.push(...euObligations(input.eu));
  if (input.omb) out.push(...ombObligations(input.omb));
  if (input.decisionRole === 'decides' && input.affectsPeople) out.push(noHumanlessDecision(input));
  if (input.orgTier) {
    const tier = input.orgTier;
    for (const req of tier.requirements)
      out.push({
        key: `org.${tier.id}.${req.key}`,
        framework: 'org-policy',
        reference: `Organisation AI policy, tier “${tier.label}”`,
        title: req.title,
        description: req.description ?? req.title,
        phase: req.phase,
        ...(req.recurrenceMonths !== undefined ? { recurrenceMonths: req.recurrenceMonths } : {}),
      });
  }
  return uniqueBy(out, (o) => o.key);
}

/** R-NOHUMANLESS: no final decision on eligibility or care without human oversight. */
function noHumanlessDecision(input: GenerateObligationsInput): ObligationTemplate {
  const refs = ['AI use policy: no final decision about people without human oversight'];
  if (input.eu?.establishedTier === 'high') refs.push('EU AI Act Art. 14, Art. 26(2)');
  if (input.eu) refs.push('GDPR Art. 22');
  if (input.omb?.highImpact) refs.push('M-25-21 App. §4(b)(v)');
  return {
    key: 'policy.no-humanless-decision',
    framework: 'org-policy',
    reference: refs.join('; '),
    title: 'Put a person in charge of every final decision about people',
    description:
      'The system is set up to decide about people on its own. Before it is used, change the process so that a trained person reviews each decision and can change it, and record who decided. It may then inform or recommend, not decide.',
    phase: 'before_deployment',
  };
}
