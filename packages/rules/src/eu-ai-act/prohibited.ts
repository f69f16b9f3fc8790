/**
 * Art. 5 of Regulation (EU) 2024/1689: prohibited AI practices and their narrow exceptions. A
 * practice inside an exception (with the authorisation the Act demands, for 5(1)(h)) is not
 * prohibited; it is then the Annex III use the legislature regulates as high-risk, which this module
 * reports as an implied Annex III point for high-risk.ts to pick up.
 */
import type { EuBasis, EuOpenQuestion, EuTier } from './classification.js';
import type { AnnexIIIPoint, EuScreeningAnswers } from './screening.js';

/** An Annex III point that follows from an answer elsewhere in the screening. */
export type ImpliedAnnexIII = { point: AnnexIIIPoint; via: string };

export type ProhibitionOutcome = {
  bases: EuBasis[];
  openQuestions: EuOpenQuestion[];
  /** Annex III points that follow from a practice inside an Art. 5 exception. */
  impliedAnnexIII: ImpliedAnnexIII[];
  /** Annex III points that would follow if an unsure practice turns out to be used. */
  possibleAnnexIII: AnnexIIIPoint[];
  /** Art. 5(1)(h) used inside the exception: the conditions of Art. 5(2)-(4) then bind the deployer. */
  realTimeRbiPermitted: { urgency: boolean } | null;
};

type SimplePractice = {
  key: 'manipulation' | 'exploitationOfVulnerabilities' | 'socialScoring' | 'untargetedFacialScraping';
  provision: string;
  id: string;
  explanation: string;
  question: string;
};

/** Art. 5(1)(a), (b), (c) and (e): no exception in the Act. */
const SIMPLE_PRACTICES: readonly SimplePractice[] = [
  {
    key: 'manipulation',
    provision: 'Art. 5(1)(a)',
    id: 'art5.1.a',
    explanation:
      'The system uses techniques below conscious awareness, or deliberately manipulative or deceptive techniques, that distort what people do and cause or are likely to cause significant harm. The Act allows no exception.',
    question:
      'Could the system steer people into decisions they would not otherwise take, through techniques they cannot perceive or through deliberate manipulation or deception, in a way that causes or is likely to cause significant harm?',
  },
  {
    key: 'exploitationOfVulnerabilities',
    provision: 'Art. 5(1)(b)',
    id: 'art5.1.b',
    explanation:
      'The system exploits a vulnerability linked to age, disability or a specific social or economic situation, distorting behaviour in a way that causes or is likely to cause significant harm. The Act allows no exception.',
    question:
      'Does the system exploit the age, disability or social or economic situation of people (for example people in debt or in precarious housing) to change their behaviour in a way that could seriously harm them or others?',
  },
  {
    key: 'socialScoring',
    provision: 'Art. 5(1)(c)',
    id: 'art5.1.c',
    explanation:
      'The system scores or ranks people over time on their social behaviour or personal characteristics, and the score leads to worse treatment in unrelated contexts or treatment out of proportion to what they did. The Act allows no exception, for public and private bodies alike.',
    question:
      'Does the system rate people over time on their behaviour or personal traits, and can that rating lead to worse treatment in a context unrelated to where the data came from, or to treatment out of proportion to the behaviour?',
  },
  {
    key: 'untargetedFacialScraping',
    provision: 'Art. 5(1)(e)',
    id: 'art5.1.e',
    explanation:
      'The system creates or expands a facial recognition database by collecting facial images from the internet or CCTV footage without a specific target. The Act allows no exception.',
    question:
      'Does the system collect facial images from the internet or CCTV footage in bulk, without a specific target, to build or grow a face recognition database?',
  },
];

const RBI_OBJECTIVE_POINT = {
  victims_or_missing_persons: 'i',
  imminent_threat_or_terrorism: 'ii',
  serious_crime_suspect: 'iii',
} as const;

/**
 * Applies Art. 5(1)(a)-(h) with the exceptions in 5(1)(d), (f), (g) and (h), and the conditions of
 * Art. 5(2), 5(3) and 5(5) for (h). An exception whose answer is unsure is treated as not
 * established (the practice stays prohibited) and listed as an open question.
 */
export function evaluateProhibitedPractices(a: EuScreeningAnswers): ProhibitionOutcome {
  const out: ProhibitionOutcome = {
    bases: [],
    openQuestions: [],
    impliedAnnexIII: [],
    possibleAnnexIII: [],
    realTimeRbiPermitted: null,
  };

  for (const p of SIMPLE_PRACTICES) {
    const answer = a.prohibited[p.key];
    if (answer === 'yes') out.bases.push({ provision: p.provision, effect: 'prohibited', explanation: p.explanation });
    else if (answer === 'unsure')
      out.openQuestions.push({ id: p.id, provision: p.provision, question: p.question, couldRaiseTierTo: 'prohibited' });
  }

  crimeRiskProfiling(a, out);
  emotionRecognitionAtWork(a, out);
  sensitiveBiometricCategorisation(a, out);
  realTimeRemoteBiometricIdentification(a, out);

  out.bases.sort((x, y) => x.provision.localeCompare(y.provision));
  return out;
}

/** Art. 5(1)(d); the exception leads to Annex III 6(d) when the system serves law enforcement. */
function crimeRiskProfiling(a: EuScreeningAnswers, out: ProhibitionOutcome): void {
  const d = a.prohibited.crimeRiskProfiling;
  const exception = d.supportsHumanAssessmentOnObjectiveFacts ?? 'no';
  const lawEnforcement = a.context.lawEnforcement;
  if (d.practice === 'yes') {
    if (exception === 'yes') {
      const annexNote =
        lawEnforcement === 'yes'
          ? ' Used for law enforcement, it is the high-risk use in Annex III 6(d).'
          : lawEnforcement === 'unsure'
            ? ''
            : ' Annex III 6 covers such tools only when used by or for law enforcement authorities; check the other Annex III points.';
      out.bases.push({
        provision: 'Art. 5(1)(d)',
        effect: 'exception',
        explanation: `The system assesses the risk of someone committing a crime, but only to support a human assessment already based on objective, verifiable facts directly linked to a criminal activity, so the prohibition does not apply.${annexNote}`,
      });
      if (lawEnforcement === 'yes') out.impliedAnnexIII.push({ point: '6(d)', via: 'Art. 5(1)(d)' });
      if (lawEnforcement === 'unsure') {
        out.possibleAnnexIII.push('6(d)');
        out.openQuestions.push({
          id: 'art5.1.d.law-enforcement',
          provision: 'Annex III 6(d)',
          question: 'Is the crime-risk tool used by or on behalf of a law enforcement authority? If so it is high-risk under Annex III 6(d).',
          couldRaiseTierTo: 'high',
        });
      }
      return;
    }
    out.bases.push({
      provision: 'Art. 5(1)(d)',
      effect: 'prohibited',
      explanation:
        'The system predicts whether a person will commit a crime from profiling or personality traits alone. That is prohibited unless it only supports a human assessment already grounded in objective, verifiable facts linked to a crime, which has not been shown.',
    });
    if (exception === 'unsure')
      out.openQuestions.push({
        id: 'art5.1.d.exception',
        provision: 'Art. 5(1)(d)',
        question:
          'Does the system only support a human assessment of someone’s involvement in a crime that is already based on objective and verifiable facts directly linked to that crime? Until this is shown the use counts as prohibited.',
      });
    return;
  }
  if (d.practice === 'unsure') {
    const raise: EuTier | undefined = exception === 'yes' ? (lawEnforcement === 'no' ? undefined : 'high') : 'prohibited';
    if (exception === 'yes' && lawEnforcement !== 'no') out.possibleAnnexIII.push('6(d)');
    out.openQuestions.push({
      id: 'art5.1.d',
      provision: 'Art. 5(1)(d)',
      question:
        'Does the system assess or predict the risk that a particular person will commit a criminal offence from a profile of that person or from their personality traits?',
      ...(raise ? { couldRaiseTierTo: raise } : {}),
    });
  }
}

/** Art. 5(1)(f); the medical-or-safety exception leads to Annex III 1(c). */
function emotionRecognitionAtWork(a: EuScreeningAnswers, out: ProhibitionOutcome): void {
  const f = a.prohibited.emotionRecognitionAtWorkOrEducation;
  const exception = f.medicalOrSafetyReasons ?? 'no';
  if (f.practice === 'yes') {
    if (exception === 'yes') {
      out.bases.push({
        provision: 'Art. 5(1)(f)',
        effect: 'exception',
        explanation:
          'The system infers emotions of people at work or in education, but it is put in place for medical or safety reasons, so the prohibition does not apply. It remains an emotion recognition system, high-risk under Annex III 1(c).',
      });
      out.impliedAnnexIII.push({ point: '1(c)', via: 'Art. 5(1)(f)' });
      return;
    }
    out.bases.push({
      provision: 'Art. 5(1)(f)',
      effect: 'prohibited',
      explanation:
        'The system infers the emotions of people at the workplace or in an education institution. That is prohibited unless it serves medical or safety reasons, which has not been shown.',
    });
    if (exception === 'unsure')
      out.openQuestions.push({
        id: 'art5.1.f.exception',
        provision: 'Art. 5(1)(f)',
        question:
          'Is the emotion recognition put in place for a medical or safety reason (for example detecting a driver’s fatigue)? Until this is shown the use counts as prohibited.',
      });
    return;
  }
  if (f.practice === 'unsure') {
    if (exception === 'yes') out.possibleAnnexIII.push('1(c)');
    out.openQuestions.push({
      id: 'art5.1.f',
      provision: 'Art. 5(1)(f)',
      question: 'Does the system infer the emotions or intentions of workers, pupils or students from their biometric data (face, voice, gestures)?',
      couldRaiseTierTo: exception === 'yes' ? 'high' : 'prohibited',
    });
  }
}

/** Art. 5(1)(g); the dataset-labelling and law-enforcement exceptions lead to Annex III 1(b). */
function sensitiveBiometricCategorisation(a: EuScreeningAnswers, out: ProhibitionOutcome): void {
  const g = a.prohibited.sensitiveBiometricCategorisation;
  const exception = g.exception ?? 'none';
  const lawEnforcement = a.context.lawEnforcement;
  const holds =
    exception === 'lawful_dataset_labelling_or_filtering' ||
    (exception === 'law_enforcement_categorisation' && lawEnforcement === 'yes');
  const unsure = exception === 'unsure' || (exception === 'law_enforcement_categorisation' && lawEnforcement === 'unsure');
  if (g.practice === 'yes') {
    if (holds) {
      const which =
        exception === 'lawful_dataset_labelling_or_filtering'
          ? 'it only labels or filters a lawfully acquired biometric dataset'
          : 'it categorises biometric data in the area of law enforcement';
      out.bases.push({
        provision: 'Art. 5(1)(g)',
        effect: 'exception',
        explanation: `The system sorts people by sensitive traits inferred from biometric data, but ${which}, which the prohibition does not cover. It remains biometric categorisation by sensitive attributes, high-risk under Annex III 1(b).`,
      });
      out.impliedAnnexIII.push({ point: '1(b)', via: 'Art. 5(1)(g)' });
      return;
    }
    const leNote =
      exception === 'law_enforcement_categorisation' && lawEnforcement === 'no'
        ? ' The law-enforcement exception was claimed, but the system is not used for law enforcement.'
        : '';
    out.bases.push({
      provision: 'Art. 5(1)(g)',
      effect: 'prohibited',
      explanation: `The system categorises individual people from their biometric data to deduce their race, political opinions, trade union membership, religious or philosophical beliefs, sex life or sexual orientation.${leNote}`,
    });
    if (unsure)
      out.openQuestions.push({
        id: 'art5.1.g.exception',
        provision: 'Art. 5(1)(g)',
        question:
          'Does the system only label or filter a lawfully acquired biometric dataset, or categorise biometric data for a law enforcement authority? Until this is shown the use counts as prohibited.',
      });
    return;
  }
  if (g.practice === 'unsure') {
    if (holds) out.possibleAnnexIII.push('1(b)');
    out.openQuestions.push({
      id: 'art5.1.g',
      provision: 'Art. 5(1)(g)',
      question:
        'Does the system use faces, voices or other biometric data to deduce a person’s race, political opinions, union membership, religion or beliefs, sex life or sexual orientation?',
      couldRaiseTierTo: holds ? 'high' : 'prohibited',
    });
  }
}

/**
 * Art. 5(1)(h) with Art. 5(2), (3) and (5): real-time remote biometric identification in publicly
 * accessible spaces for law enforcement is allowed only for objectives (i)-(iii), where national law
 * provides for it, and with prior authorisation by a judicial or binding independent administrative
 * authority, or, in duly justified urgency, with that authorisation requested within 24 hours. A
 * refused authorisation ends the use and the data must be deleted.
 */
function realTimeRemoteBiometricIdentification(a: EuScreeningAnswers, out: ProhibitionOutcome): void {
  const h = a.prohibited.realTimeRemoteBiometricIdentification;
  const objective = h.objective ?? 'none';
  const nationalLaw = h.nationalLawProvidesForUse ?? 'no';
  const authorisation = h.authorisation ?? 'none';
  const failures: string[] = [];
  const questions: EuOpenQuestion[] = [];

  const objectivePoint =
    objective === 'none' || objective === 'unsure' ? null : RBI_OBJECTIVE_POINT[objective];
  if (objective === 'none')
    failures.push(
      'it does not serve one of the three objectives the Act allows (searching for victims or missing persons; preventing an imminent threat to life or a terrorist attack; locating a suspect of a serious Annex II offence)',
    );
  if (objective === 'unsure')
    questions.push({
      id: 'art5.1.h.objective',
      provision: 'Art. 5(1)(h)(i)-(iii)',
      question:
        'Is each use strictly necessary for one of: a targeted search for specific victims or a missing person; preventing a specific, substantial and imminent threat to life or a terrorist attack; or locating or identifying a suspect of an Annex II offence punishable by at least four years?',
    });
  if (nationalLaw === 'no') failures.push('the national law of the Member State does not provide for authorising such use (Art. 5(5))');
  if (nationalLaw === 'unsure')
    questions.push({
      id: 'art5.1.h.national-law',
      provision: 'Art. 5(5)',
      question: 'Has your Member State adopted national rules that allow real-time remote biometric identification for this objective?',
    });
  if (authorisation === 'none')
    failures.push(
      'no judicial or independent administrative authority authorised it beforehand, and no authorisation was requested within 24 hours in a duly justified urgency (Art. 5(3))',
    );
  if (authorisation === 'refused')
    failures.push(
      'the authorisation was refused, so the use must stop at once and all data, results and outputs must be discarded and deleted (Art. 5(3))',
    );
  if (authorisation === 'unsure')
    questions.push({
      id: 'art5.1.h.authorisation',
      provision: 'Art. 5(3)',
      question:
        'Was each use authorised beforehand by a judicial authority or an independent administrative authority whose decision is binding, or, in a duly justified urgency, was that authorisation requested within 24 hours?',
    });

  const permitted = failures.length === 0 && questions.length === 0 && objectivePoint !== null;
  const urgency = authorisation === 'urgency_requested_within_24h';

  if (h.practice === 'yes') {
    if (permitted) {
      const urgencyNote = urgency
        ? ' It started under the urgency procedure: if the authorisation is refused, the use must stop at once and its data and results must be deleted.'
        : '';
      out.bases.push({
        provision: `Art. 5(1)(h)(${objectivePoint})`,
        effect: 'exception',
        explanation: `Real-time remote biometric identification in public spaces for law enforcement, used for an objective the Act allows, under national rules and with the required authorisation (Art. 5(2), 5(3), 5(5)). It is not prohibited but is a high-risk system under Annex III 1(a); it may be used only to confirm the identity of the specifically targeted person, after a fundamental rights impact assessment and registration in the EU database.${urgencyNote}`,
      });
      out.impliedAnnexIII.push({ point: '1(a)', via: `Art. 5(1)(h)(${objectivePoint})` });
      out.realTimeRbiPermitted = { urgency };
      return;
    }
    const reasons = failures.length > 0 ? ` Here ${failures.join('; ')}.` : '';
    const pending = questions.length > 0 ? ' Until the open questions are answered, the use counts as prohibited.' : '';
    out.bases.push({
      provision: 'Art. 5(1)(h)',
      effect: 'prohibited',
      explanation: `Real-time remote biometric identification in publicly accessible spaces for law enforcement is prohibited outside the narrow exceptions of Art. 5(1)(h) and the conditions of Art. 5(2)-(5).${reasons}${pending}`,
    });
    out.openQuestions.push(...questions);
    return;
  }
  if (h.practice === 'unsure') {
    if (permitted) out.possibleAnnexIII.push('1(a)');
    out.openQuestions.push({
      id: 'art5.1.h',
      provision: 'Art. 5(1)(h)',
      question:
        'Will law enforcement use the system to identify people at a distance, live (without significant delay), in places open to the public, by comparing their biometric data with a reference database?',
      couldRaiseTierTo: permitted ? 'high' : 'prohibited',
    });
  }
}

