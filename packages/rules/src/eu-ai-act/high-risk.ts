/**
 * Art. 6 of Regulation (EU) 2024/1689: when a system is high-risk. Art. 6(1) + Annex I (safety
 * component of a product needing third-party conformity assessment), Art. 6(2) + Annex III (listed
 * uses), the Art. 6(3) derogation (a)-(d), and the profiling rule of Art. 6(3), third
 * subparagraph, which overrides every derogation.
 */
import type { EuBasis, EuOpenQuestion } from './classification.js';
import type { ProhibitionOutcome } from './prohibited.js';
import {
  ANNEX_III_POINT_ORDER,
  ANNEX_III_POINTS,
  ART_6_3_CONDITIONS,
  annexIIIArea,
  type AnnexIIIPoint,
  type Art63Condition,
  type EuScreeningAnswers,
} from './screening.js';

export type HighRiskOutcome = {
  bases: EuBasis[];
  openQuestions: EuOpenQuestion[];
  /** High-risk under Art. 6(1) + Annex I. */
  annexI: boolean;
  /** Annex III points that make the system high-risk after the Art. 6(3) check, in Annex order. */
  annexIII: AnnexIIIPoint[];
  /** Annex III points an open question could still add; 'any' when the Annex III answer itself is unsure. */
  possibleAnnexIII: AnnexIIIPoint[] | 'any';
  /** A derogation under Art. 6(3) is relied on (the provider must have documented it, Art. 6(4)). */
  derogationRelied: boolean;
};

const WHERE_PERMITTED = new Set(['1', '6', '7']);

/**
 * Art. 6(1)-(3). Annex III points come from the answers, from an emotion recognition system
 * (always Annex III 1(c)) and from practices inside an Art. 5 exception. An unsure derogation
 * condition or an unsure profiling answer leaves the system high-risk: Art. 6(4) puts the burden of
 * showing the derogation on the provider.
 */
export function evaluateHighRisk(a: EuScreeningAnswers, art5: ProhibitionOutcome): HighRiskOutcome {
  const bases: EuBasis[] = [];
  const openQuestions: EuOpenQuestion[] = [];

  const annexI = evaluateAnnexI(a, bases, openQuestions);

  const sources = new Map<AnnexIIIPoint, string>();
  for (const p of a.annexIII.points) sources.set(p, 'the intended purpose falls under this point');
  if (a.transparency.emotionRecognition === 'yes' && !sources.has('1(c)'))
    sources.set('1(c)', 'every emotion recognition system is listed here');
  for (const implied of art5.impliedAnnexIII)
    if (!sources.has(implied.point)) sources.set(implied.point, `this follows from the exception under ${implied.via}`);
  const candidates = ANNEX_III_POINT_ORDER.filter((p) => sources.has(p));

  const possible = new Set<AnnexIIIPoint>(art5.possibleAnnexIII);
  if (a.transparency.emotionRecognition === 'unsure') possible.add('1(c)');
  if (a.annexIII.unsure)
    openQuestions.push({
      id: 'annex-iii',
      provision: 'Art. 6(2) + Annex III',
      question:
        'Which Annex III use, if any, matches the intended purpose (biometrics; critical infrastructure; education; employment; essential public and private services such as benefits, credit, insurance or emergency calls; law enforcement; migration and border control; justice and elections)?',
      couldRaiseTierTo: 'high',
    });

  const derogation = evaluateDerogation(a, candidates.length > 0, bases, openQuestions);
  const annexIII = derogation.accepted ? [] : candidates;
  for (const point of annexIII) {
    const whereNote = WHERE_PERMITTED.has(annexIIIArea(point))
      ? ' This area is listed in so far as Union or national law permits the use at all.'
      : '';
    bases.push({
      provision: `Art. 6(2) + Annex III ${point}`,
      effect: 'high',
      explanation: `High-risk: ${ANNEX_III_POINTS[point]}; ${sources.get(point) ?? ''}.${whereNote}${derogation.note}`,
    });
  }

  return {
    bases,
    openQuestions,
    annexI,
    annexIII,
    possibleAnnexIII: a.annexIII.unsure ? 'any' : ANNEX_III_POINT_ORDER.filter((p) => possible.has(p) && !sources.has(p)),
    derogationRelied: derogation.accepted,
  };
}

/** Art. 6(1)(a) and (b): both conditions must hold. */
function evaluateAnnexI(a: EuScreeningAnswers, bases: EuBasis[], openQuestions: EuOpenQuestion[]): boolean {
  const product = a.annexI.productOrSafetyComponent;
  if (product === 'unsure') {
    openQuestions.push({
      id: 'art6.1',
      provision: 'Art. 6(1) + Annex I',
      question:
        'Is the system a safety component of a product (or itself a product) covered by the EU product laws listed in Annex I, such as machinery, lifts, medical devices, toys or vehicles?',
      couldRaiseTierTo: 'high',
    });
    return false;
  }
  if (product === 'no') return false;
  const thirdParty = a.annexI.thirdPartyConformityAssessment ?? 'unsure';
  if (thirdParty === 'yes') {
    bases.push({
      provision: 'Art. 6(1) + Annex I',
      effect: 'high',
      explanation:
        'High-risk: the system is a safety component of a product (or itself a product) under the EU product laws of Annex I, and that product must pass a third-party conformity assessment. The Art. 6(3) derogation does not apply to this route.',
    });
    return true;
  }
  if (thirdParty === 'no') {
    bases.push({
      provision: 'Art. 6(1)(b)',
      effect: 'not_high',
      explanation:
        'The product falls under Annex I legislation but does not need a third-party conformity assessment, so Art. 6(1) does not make the system high-risk.',
    });
    return false;
  }
  openQuestions.push({
    id: 'art6.1.b',
    provision: 'Art. 6(1)(b)',
    question: 'Must the product pass a third-party conformity assessment (by a notified body) under its Annex I legislation?',
    couldRaiseTierTo: 'high',
  });
  return false;
}

/** Art. 6(3): the derogation and the profiling rule (third subparagraph). */
function evaluateDerogation(
  a: EuScreeningAnswers,
  hasAnnexIII: boolean,
  bases: EuBasis[],
  openQuestions: EuOpenQuestion[],
): { accepted: boolean; note: string } {
  const d = a.derogation;
  if (!hasAnnexIII || d.claimed === 'no') return { accepted: false, note: '' };
  if (d.claimed === 'unsure') {
    openQuestions.push({
      id: 'art6.3.claimed',
      provision: 'Art. 6(3)',
      question:
        'Does the provider rely on the Art. 6(3) derogation, and has it documented why the system poses no significant risk (Art. 6(4))? Until then the system is treated as high-risk.',
    });
    return { accepted: false, note: ' Whether the Art. 6(3) derogation applies is still open, so it is treated as high-risk.' };
  }
  const conditions = [...new Set(d.conditions ?? [])].sort() as Art63Condition[];
  if (conditions.length === 0) {
    openQuestions.push({
      id: 'art6.3.conditions',
      provision: 'Art. 6(3)(a)-(d)',
      question:
        'Which Art. 6(3) condition does the derogation rest on: (a) a narrow procedural task, (b) improving a completed human activity, (c) detecting patterns without replacing human assessment, or (d) a preparatory task?',
    });
    return { accepted: false, note: ' A derogation was claimed without naming an Art. 6(3) condition, so it does not hold.' };
  }
  const claimed = conditions.map((c) => `(${c})`).join(', ');
  if (d.profilesNaturalPersons === 'yes') {
    bases.push({
      provision: 'Art. 6(3), third subparagraph',
      effect: 'override',
      explanation: `The system profiles natural persons, so it is always high-risk: the profiling rule sets aside the derogation claimed under Art. 6(3)${claimed}.`,
    });
    return { accepted: false, note: ' The claimed derogation is overridden by the profiling rule.' };
  }
  if (d.profilesNaturalPersons === 'unsure') {
    openQuestions.push({
      id: 'art6.3.profiling',
      provision: 'Art. 6(3), third subparagraph',
      question:
        'Does the system profile people, that is, evaluate personal aspects such as work performance, economic situation, health, preferences, reliability, behaviour or location? If it does, the derogation cannot apply.',
    });
    return { accepted: false, note: ' The derogation is not established while it is unclear whether the system profiles people.' };
  }
  for (const c of conditions)
    bases.push({
      provision: `Art. 6(3)(${c})`,
      effect: 'not_high',
      explanation: `Although listed in Annex III, the system is not high-risk: it ${ART_6_3_CONDITIONS[c]}, does not profile people, and so does not materially influence decisions. The provider must document this before placing it on the market and register it (Art. 6(4), 49(2)).`,
    });
  return { accepted: true, note: '' };
}
