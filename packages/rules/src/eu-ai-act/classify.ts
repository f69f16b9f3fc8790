/**
 * EU AI Act classification of one system: puts Art. 5 (prohibited.ts), Art. 6 (high-risk.ts),
 * Art. 50 (transparency.ts) and the deployer duties (deployer.ts) together and applies the
 * precedence prohibited > high > limited > minimal.
 *
 * Law implemented: Regulation (EU) 2024/1689 as published in OJ L of 12 July 2024. The reference
 * file (standards/eu_ai_act_2024_1689_public_sector_reference.json) notes the "Digital Omnibus on
 * AI": a community consolidation says it was adopted as Regulation (EU) 2026/1744 and that Art.
 * 6(3)-(4), 26, 27, 49 and 50 read the same afterwards; its application dates and other changes
 * (new Art. 4a, 60a, 75a-75d; the proposal also recast the Art. 4 AI-literacy duty and moved
 * high-risk application dates) were not checked. Nothing here depends on dates; confirm the
 * amended text on EUR-Lex before relying on Art. 4 or on when Chapter III applies.
 */
import { uniqueBy } from '../common.js';
import { EU_TIER_RANK, tierOfEffect, type EuBasis, type EuClassification, type EuTier } from './classification.js';
import { evaluateDeployerDuties } from './deployer.js';
import { evaluateHighRisk } from './high-risk.js';
import { evaluateProhibitedPractices } from './prohibited.js';
import type { EuScreeningAnswers } from './screening.js';
import { evaluateTransparency } from './transparency.js';

/**
 * Classifies a system under the EU AI Act (Art. 5, 6, 50; duties under Art. 4, 26, 27, 49).
 *
 * - Every applicable basis is listed, even when a higher one decides the tier; precedence is
 *   prohibited (Art. 5) > high (Art. 6(1), Art. 6(2) + Annex III) > limited (Art. 50) > minimal.
 * - Art. 50 duties stack on any tier.
 * - The profiling rule (Art. 6(3), third subparagraph) overrides every Art. 6(3) derogation.
 * - A practice inside an Art. 5 exception (for 5(1)(h): an allowed objective, national rules under
 *   Art. 5(5) and prior authorisation or the 24-hour urgency request of Art. 5(3)) is high-risk
 *   under Annex III (1(a), 1(b), 1(c) or 6(d)), not prohibited; without them it stays prohibited.
 * - "unsure": where the answer decides whether a rule applies, an open question is listed and the
 *   tier is `undetermined` if the answer could raise it; where it decides whether an exception,
 *   authorisation, derogation or exemption holds, the exception is treated as not established
 *   (the stricter outcome stands) until the open question is answered, because the one relying on
 *   an exception must show it (Art. 5(3), Art. 6(4)).
 */
export function classifyEuAiAct(answers: EuScreeningAnswers): EuClassification {
  const art5 = evaluateProhibitedPractices(answers);
  const hr = evaluateHighRisk(answers, art5);
  const art50 = evaluateTransparency(answers);

  const bases: EuBasis[] = [...art5.bases, ...hr.bases, ...art50.bases];
  const establishedTier = bases.reduce<EuTier>((acc, b) => {
    const t = tierOfEffect(b.effect);
    return t !== null && EU_TIER_RANK[t] > EU_TIER_RANK[acc] ? t : acc;
  }, 'minimal');
  if (establishedTier === 'minimal')
    bases.push({
      provision: 'Art. 4 + Art. 95',
      effect: 'minimal',
      explanation:
        'No prohibited practice, no high-risk ground and no transparency duty applies: minimal risk. Only the AI-literacy duty of Art. 4 applies; voluntary codes of conduct (Art. 95) are encouraged.',
    });

  const deployer = evaluateDeployerDuties(answers, establishedTier, art5, hr);
  const openQuestions = uniqueBy([...art5.openQuestions, ...hr.openQuestions, ...art50.openQuestions, ...deployer.openQuestions], (q) => q.id);
  const couldRise = openQuestions.some((q) => q.couldRaiseTierTo !== undefined && EU_TIER_RANK[q.couldRaiseTierTo] > EU_TIER_RANK[establishedTier]);

  return {
    tier: couldRise ? 'undetermined' : establishedTier,
    establishedTier,
    bases,
    transparencyDuties: art50.duties,
    friaRequired: deployer.friaRequired,
    registrationRequired: deployer.registrationRequired,
    restrictedSection: deployer.restrictedSection,
    deployerDuties: deployer.deployerDuties,
    highRiskAnnexIII: hr.annexIII,
    openQuestions,
  };
}
