/**
 * US federal high-impact AI determination and its minimum risk-management practices: OMB M-25-21
 * (3 April 2025), Appendix Sections 4(b), 5 and 6, with M-24-10's "rights-impacting" and
 * "safety-impacting" language kept as categories (M-24-10 was rescinded by M-25-21). Source:
 * standards/us_omb_m24-10_m25-21_reference.json and the 2025 inventory data dictionary
 * (`is_high_impact`, `HI_justification`, `hi_*` practice fields). Practice texts are our own words.
 */
import { uniqueBy, type Answer, type ObligationPhase, type OpenQuestion } from '../common.js';
import { OMB_PRESUMED_CATEGORIES, OMB_PRESUMED_CATEGORY_ORDER, type OmbImpactKind, type OmbPresumedCategory } from './presumed.js';

export type OmbPracticeId =
  | 'pre-deployment-testing'
  | 'ai-impact-assessment'
  | 'ongoing-monitoring'
  | 'human-training'
  | 'human-oversight'
  | 'remedies-appeals'
  | 'public-feedback';

export type OmbPracticeDefinition = { id: OmbPracticeId; reference: string; title: string; description: string; phase: ObligationPhase };

/** M-25-21 Appendix Section 4(b)(i)-(vii), in order (the numbering the 2025 inventory cites for each `hi_*` field). */
export const OMB_MINIMUM_PRACTICES: readonly OmbPracticeDefinition[] = [
  {
    id: 'pre-deployment-testing',
    reference: 'M-25-21 App. §4(b)(i)',
    title: 'Test before deployment',
    description:
      'Test the AI in conditions that reflect how it will really be used, and plan how to reduce the risks found. Without access to code, model or data, test by querying the service and checking its answers, or by having the vendor run your test data.',
    phase: 'before_deployment',
  },
  {
    id: 'ai-impact-assessment',
    reference: 'M-25-21 App. §4(b)(ii)',
    title: 'Complete an AI impact assessment',
    description:
      'Before deployment, document the purpose and expected benefit, the quality and fitness of the data, the effects on privacy, civil rights and civil liberties and how they are reduced, when it will be reassessed, the costs, the result of an independent review by someone not involved in development, and a signed acceptance of the remaining risk. Keep it up to date.',
    phase: 'before_deployment',
  },
  {
    id: 'ongoing-monitoring',
    reference: 'M-25-21 App. §4(b)(iii)',
    title: 'Monitor performance and adverse impacts',
    description: 'Watch how the AI performs while in use, including effects on privacy, civil rights and security, to catch changes in the system, its data or the way it is used.',
    phase: 'in_operation',
  },
  {
    id: 'human-training',
    reference: 'M-25-21 App. §4(b)(iv)',
    title: 'Train and assess operators',
    description: 'Give the people who interpret and act on the output enough training, repeated periodically, to understand it and manage its risks.',
    phase: 'before_deployment',
  },
  {
    id: 'human-oversight',
    reference: 'M-25-21 App. §4(b)(v)',
    title: 'Provide human oversight, intervention and accountability',
    description: 'Name who oversees the AI and can intervene, and, where practicable, put a fail-safe in place that keeps the risk of significant harm low.',
    phase: 'before_deployment',
  },
  {
    id: 'remedies-appeals',
    reference: 'M-25-21 App. §4(b)(vi)',
    title: 'Offer consistent remedies or appeals',
    description: 'People affected by a decision made with the AI can get timely human review and appeal a negative outcome, where appropriate.',
    phase: 'before_deployment',
  },
  {
    id: 'public-feedback',
    reference: 'M-25-21 App. §4(b)(vii)',
    title: 'Consult end users and the public',
    description: 'Ask end users and the public for feedback on the use case and take it into account, where appropriate.',
    phase: 'before_deployment',
  },
];

export type OmbAnswers = {
  /** The AI's output serves as a principal basis for decisions or actions (whether or not a human oversees them). */
  principalBasis: Answer;
  /** Legal, material, binding or significant effect on civil rights, liberties or privacy; on access to education, housing, insurance, credit, employment or other programmes; or on access to critical government resources or services. */
  rightsEffect: Answer;
  /** Such an effect on human health and safety, critical infrastructure or public safety, or strategically important assets or resources. */
  safetyEffect: Answer;
  /** Presumed high-impact purposes (M-25-21 App. §6) the use matches. */
  presumedCategories: OmbPresumedCategory[];
  /** True when it is not yet clear whether the use matches a presumed purpose. */
  presumedCategoriesUnsure?: boolean;
  /** A written determination, documented to the CAIO, that a presumed use does not match the definition. */
  notHighImpactDetermination?: { documentedToCaio: boolean; justification: string };
  /** Present when the use is a pilot; the pilot exemption needs all three conditions. */
  pilot?: { limitedScaleAndDuration: Answer; caioCertifiedAndTracked: Answer; optInOutOfferedWherePossible: Answer };
  /** Waivers claimed for single practices. */
  waivers?: Array<{ practice: OmbPracticeId; caioWrittenRiskDetermination: Answer }>;
};

export type OmbDetermination = 'high-impact' | 'presumed-determined-not-high-impact' | 'not-high-impact' | 'undetermined';

/** The 2025 inventory `is_high_impact` values. */
export type OmbInventoryValue = 'High-impact' | 'Presumed high-impact, but determined not high impact' | 'Not high-impact';

export type OmbPracticeStatus = 'required' | 'waived' | 'pilot_exempt';

export type OmbClassification = {
  determination: OmbDetermination;
  highImpact: boolean;
  /** null while undetermined. */
  inventoryValue: OmbInventoryValue | null;
  /** M-24-10 language: which kind of impact makes it high-impact. */
  categories: OmbImpactKind[];
  presumed: Array<{ category: OmbPresumedCategory; label: string }>;
  bases: Array<{ provision: string; explanation: string }>;
  /** Empty unless high-impact. */
  minimumPractices: Array<OmbPracticeDefinition & { status: OmbPracticeStatus }>;
  pilot: { status: 'not_a_pilot' | 'exempt' | 'not_exempt'; explanation: string };
  waivers: Array<{ practice: OmbPracticeId; valid: boolean; explanation: string }>;
  openQuestions: OpenQuestion[];
};

const INVENTORY: Record<Exclude<OmbDetermination, 'undetermined'>, OmbInventoryValue> = {
  'high-impact': 'High-impact',
  'presumed-determined-not-high-impact': 'Presumed high-impact, but determined not high impact',
  'not-high-impact': 'Not high-impact',
};

/**
 * Determines whether a use is high-impact under OMB M-25-21 App. §5 (the definition) and §6
 * (presumed purposes), and which §4(b) minimum practices then apply, with the pilot exemption and
 * CAIO waivers.
 *
 * - Definition: the output is a principal basis for decisions or actions with a legal, material,
 *   binding or significant effect on rights or safety.
 * - A presumed purpose is high-impact unless an official determined in writing, documented to the
 *   CAIO with a justification, that it does not match the definition; a determination cannot stand
 *   against answers that meet the definition.
 * - Unsure answers that could meet the definition or a presumed purpose make the result
 *   `undetermined` with open questions; nothing is guessed.
 * - Pilot exemption: limited scale and duration, CAIO-certified and centrally tracked, opt-in/out
 *   offered where possible; all three must be shown. A waiver needs the CAIO's written,
 *   system-specific risk determination.
 */
export function classifyOmb(answers: OmbAnswers): OmbClassification {
  const bases: OmbClassification['bases'] = [];
  const openQuestions: OpenQuestion[] = [];
  const presumed = OMB_PRESUMED_CATEGORY_ORDER.filter((c) => answers.presumedCategories.includes(c));
  const { principalBasis, rightsEffect, safetyEffect } = answers;

  const meets = (effect: Answer) => principalBasis === 'yes' && effect === 'yes';
  const definitionMet = meets(rightsEffect) || meets(safetyEffect);
  const definitionOpen = !definitionMet && principalBasis !== 'no' && (rightsEffect !== 'no' || safetyEffect !== 'no');
  const det = answers.notHighImpactDetermination;
  const validDetermination = det !== undefined && det.documentedToCaio && det.justification.trim().length > 0;

  let determination: OmbDetermination;
  const kinds = new Set<OmbImpactKind>();
  if (definitionMet) {
    determination = 'high-impact';
    if (meets(rightsEffect)) kinds.add('rights');
    if (meets(safetyEffect)) kinds.add('safety');
    bases.push({
      provision: 'M-25-21 App. §5',
      explanation: `The output is a principal basis for decisions or actions with a legal, material, binding or significant effect on ${[...kinds].join(' and ')}.`,
    });
    if (det)
      openQuestions.push({
        id: 'omb.determination-conflict',
        provision: 'M-25-21 App. §6',
        question: 'A not-high-impact determination is on file, but the screening answers meet the high-impact definition. Which is right?',
      });
  } else if (presumed.length > 0 && validDetermination) {
    determination = 'presumed-determined-not-high-impact';
    bases.push({
      provision: 'M-25-21 App. §6',
      explanation: 'The use falls in a presumed high-impact purpose, but an official determined in writing, documented to the CAIO, that it does not meet the definition.',
    });
  } else if (presumed.length > 0) {
    determination = 'high-impact';
    for (const c of presumed) for (const k of OMB_PRESUMED_CATEGORIES[c].impacts) kinds.add(k);
    bases.push({
      provision: 'M-25-21 App. §6',
      explanation: 'The use falls in a purpose presumed to be high-impact, and no written determination to the contrary has been documented to the CAIO.',
    });
    if (det)
      openQuestions.push({
        id: 'omb.determination-incomplete',
        provision: 'M-25-21 App. §6',
        question: 'The not-high-impact determination must be in writing, documented to the CAIO, with a justification. Can it be completed?',
      });
  } else if (definitionOpen || answers.presumedCategoriesUnsure) {
    determination = 'undetermined';
  } else {
    determination = 'not-high-impact';
    bases.push({
      provision: 'M-25-21 App. §5',
      explanation: 'The output is not a principal basis for decisions or actions with a significant effect on rights or safety, and no presumed purpose applies.',
    });
  }

  if (determination === 'undetermined') {
    if (principalBasis === 'unsure')
      openQuestions.push({ id: 'omb.principal-basis', provision: 'M-25-21 App. §5', question: 'Is the AI output a principal basis for a decision or action, rather than one input among many?' });
    if (principalBasis !== 'no' && rightsEffect === 'unsure')
      openQuestions.push({
        id: 'omb.rights-effect',
        provision: 'M-25-21 App. §5',
        question: 'Could that decision or action have a legal, material, binding or significant effect on someone’s civil rights, liberties or privacy, or their access to education, housing, credit, employment or government services?',
      });
    if (principalBasis !== 'no' && safetyEffect === 'unsure')
      openQuestions.push({
        id: 'omb.safety-effect',
        provision: 'M-25-21 App. §5',
        question: 'Could it significantly affect human health or safety, critical infrastructure or public safety, or strategically important assets?',
      });
    if (answers.presumedCategoriesUnsure)
      openQuestions.push({ id: 'omb.presumed', provision: 'M-25-21 App. §6', question: 'Does the use fall in one of the purposes M-25-21 presumes to be high-impact?' });
  }

  const highImpact = determination === 'high-impact';
  const pilot = evaluatePilot(answers, highImpact, openQuestions);
  const waivers = highImpact ? evaluateWaivers(answers, openQuestions) : [];
  const waived = new Set(waivers.filter((w) => w.valid).map((w) => w.practice));
  const minimumPractices = highImpact
    ? OMB_MINIMUM_PRACTICES.map((p) => ({
        ...p,
        status: (pilot.status === 'exempt' ? 'pilot_exempt' : waived.has(p.id) ? 'waived' : 'required') as OmbPracticeStatus,
      }))
    : [];

  return {
    determination,
    highImpact,
    inventoryValue: determination === 'undetermined' ? null : INVENTORY[determination],
    categories: highImpact ? (['rights', 'safety'] as const).filter((k) => kinds.has(k)) : [],
    presumed: presumed.map((category) => ({ category, label: OMB_PRESUMED_CATEGORIES[category].label })),
    bases,
    minimumPractices,
    pilot,
    waivers,
    openQuestions: uniqueBy(openQuestions, (q) => q.id),
  };
}

/** M-25-21 App. §4 pilot exemption, as summarised in the reference file. */
function evaluatePilot(answers: OmbAnswers, highImpact: boolean, oq: OpenQuestion[]): OmbClassification['pilot'] {
  const p = answers.pilot;
  if (!p) return { status: 'not_a_pilot', explanation: 'The use is not a pilot.' };
  const conditions: Array<[Answer, string]> = [
    [p.limitedScaleAndDuration, 'limited in scale and duration'],
    [p.caioCertifiedAndTracked, 'certified by the CAIO and tracked centrally'],
    [p.optInOutOfferedWherePossible, 'offering people the choice to opt in or out where possible, with enough notice'],
  ];
  const missing = conditions.filter(([a]) => a === 'no').map(([, label]) => label);
  const open = conditions.filter(([a]) => a === 'unsure').map(([, label]) => label);
  if (highImpact && open.length > 0)
    oq.push({ id: 'omb.pilot', provision: 'M-25-21 App. §4 (pilots)', question: `Is the pilot ${open.join(', and ')}? Until shown, the minimum practices apply in full.` });
  if (missing.length === 0 && open.length === 0)
    return {
      status: 'exempt',
      explanation: 'The pilot is limited, CAIO-certified and tracked, and offers opt-in or opt-out where possible: the minimum practices apply where practicable rather than in full.',
    };
  const why = missing.length > 0 ? `It is not ${missing.join(', nor ')}.` : `It has not been shown to be ${open.join(', and ')}.`;
  return { status: 'not_exempt', explanation: `The pilot exemption does not hold. ${why}` };
}

/** M-25-21 App. §4 waivers: CAIO's written, system-specific risk determination; reported to OMB within 30 days. */
function evaluateWaivers(answers: OmbAnswers, oq: OpenQuestion[]): OmbClassification['waivers'] {
  const claimed = uniqueBy(answers.waivers ?? [], (w) => w.practice);
  return claimed.map((w) => {
    if (w.caioWrittenRiskDetermination === 'yes')
      return {
        practice: w.practice,
        valid: true,
        explanation: 'Waived by the CAIO in a written, system-specific risk determination. Report it to OMB within 30 days, publish a summary and recertify it every year.',
      };
    if (w.caioWrittenRiskDetermination === 'unsure')
      oq.push({ id: `omb.waiver.${w.practice}`, provision: 'M-25-21 App. §4 (waivers)', question: `Has the CAIO waived the "${w.practice}" practice in a written, system-specific risk determination?` });
    return { practice: w.practice, valid: false, explanation: 'A waiver needs the CAIO’s written, system-specific risk determination; until then the practice applies.' };
  });
}
