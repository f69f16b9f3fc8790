/**
 * The EU AI Act screening questionnaire as data: what a system owner answers about a system so that
 * `classifyEuAiAct` can place it (Regulation (EU) 2024/1689, Art. 5, 6, 26, 27, 49, 50 and Annex III).
 * Labels are short paraphrases in our own words, checked against
 * standards/eu_ai_act_2024_1689_public_sector_reference.json; they are not the legal text.
 *
 * How "unsure" is read (the classifier's JSDoc repeats this):
 * - unsure whether a rule applies at all (an Art. 5 practice, an Annex III point, an Annex I
 *   product, an Art. 50 situation): no guess; an open question is listed and, when the answer could
 *   raise the tier, the tier is `undetermined`.
 * - unsure whether an exception or derogation holds (Art. 5 exceptions and authorisations,
 *   Art. 6(3) conditions and the profiling rule, Art. 50 exemptions): the exception is treated as
 *   not established, because whoever relies on it must show it (Art. 6(4) makes the provider
 *   document a derogation; Art. 5 exceptions are narrow and need authorisation). The stricter
 *   outcome stands until the open question is answered.
 * - an optional exception field left out means the exception is not claimed.
 */
import type { Answer } from '../common.js';

/** Annex III high-risk areas (paraphrased). Areas 1, 6 and 7 are listed "where permitted" by law. */
export const ANNEX_III_AREAS = {
  '1': 'Biometrics',
  '2': 'Critical infrastructure',
  '3': 'Education and vocational training',
  '4': 'Employment, workers management and access to self-employment',
  '5': 'Access to essential private services and essential public services and benefits',
  '6': 'Law enforcement',
  '7': 'Migration, asylum and border control management',
  '8': 'Administration of justice and democratic processes',
} as const;

export type AnnexIIIArea = keyof typeof ANNEX_III_AREAS;

/** Annex III points (paraphrased), in the order of the Annex. Point 2 has no sub-points. */
export const ANNEX_III_POINTS = {
  '1(a)': 'remote biometric identification of people (mere verification that someone is who they claim to be is excluded)',
  '1(b)': 'biometric categorisation of people by sensitive or protected attributes inferred from their biometric data',
  '1(c)': 'emotion recognition',
  '2': 'safety component in the management or operation of critical digital infrastructure, road traffic, or the supply of water, gas, heating or electricity',
  '3(a)': 'deciding access or admission to education and training institutions, or assigning people to them',
  '3(b)': 'evaluating learning outcomes, including when the results steer the learning process',
  '3(c)': 'assessing the level of education a person will receive or be able to access',
  '3(d)': 'monitoring and detecting prohibited behaviour of students during tests',
  '4(a)': 'recruitment and selection: placing targeted job adverts, filtering applications, evaluating candidates',
  '4(b)': 'decisions on terms of work, promotion or termination, allocating tasks on the basis of behaviour or traits, monitoring and evaluating workers',
  '5(a)': 'a public authority (or someone on its behalf) assessing eligibility for essential public assistance benefits and services, including healthcare, or granting, reducing, revoking or reclaiming them',
  '5(b)': 'assessing the creditworthiness of people or setting their credit score (detecting financial fraud is excluded)',
  '5(c)': 'risk assessment and pricing for individuals in life and health insurance',
  '5(d)': 'evaluating and classifying emergency calls, dispatching or prioritising emergency first response, or emergency patient triage',
  '6(a)': 'law enforcement: assessing the risk that a person becomes the victim of a crime',
  '6(b)': 'law enforcement: polygraphs and similar tools',
  '6(c)': 'law enforcement: evaluating the reliability of evidence',
  '6(d)': 'law enforcement: assessing the risk of a person offending or re-offending (not solely by profiling), or assessing personality traits or past criminal behaviour',
  '6(e)': 'law enforcement: profiling people in the detection, investigation or prosecution of crime',
  '7(a)': 'migration and border control: polygraphs and similar tools',
  '7(b)': 'migration and border control: assessing security, irregular-migration or health risks posed by people entering or who have entered',
  '7(c)': 'examining applications for asylum, visas or residence permits and related complaints, including the reliability of evidence',
  '7(d)': 'migration and border control: detecting, recognising or identifying people (verification of travel documents is excluded)',
  '8(a)': 'assisting a judicial authority, or alternative dispute resolution, in researching and interpreting facts and law and applying the law to facts',
  '8(b)': 'influencing the outcome of an election or referendum or how people vote (back-office campaign tools people are not directly exposed to are excluded)',
} as const;

export type AnnexIIIPoint = keyof typeof ANNEX_III_POINTS;

/**
 * The canonical order of Annex III points, used to keep every result deterministic. (Sorted
 * explicitly: JavaScript lists the integer-like key '2' before all others.)
 */
export const ANNEX_III_POINT_ORDER: readonly AnnexIIIPoint[] = (Object.keys(ANNEX_III_POINTS) as AnnexIIIPoint[]).sort((x, y) =>
  x.localeCompare(y),
);

/** The Annex III area ('1'..'8') a point belongs to. */
export function annexIIIArea(point: AnnexIIIPoint): AnnexIIIArea {
  return point.charAt(0) as AnnexIIIArea;
}

/** Art. 5(1)(h)(i)-(iii): the only objectives for which real-time remote biometric identification may be used. */
export type RbiObjective =
  | 'victims_or_missing_persons' // (i) targeted search for victims of abduction, trafficking or sexual exploitation, or for missing persons
  | 'imminent_threat_or_terrorism' // (ii) specific, substantial and imminent threat to life or safety, or a terrorist attack
  | 'serious_crime_suspect' // (iii) locating or identifying a suspect of an Annex II offence punishable by at least four years
  | 'none'
  | 'unsure';

/** Art. 5(3): the authorisation each use of real-time remote biometric identification needs. */
export type RbiAuthorisation =
  | 'prior' // granted beforehand by a judicial authority or an independent administrative authority whose decision is binding
  | 'urgency_requested_within_24h' // duly justified urgency: use began, authorisation requested without undue delay and within 24 hours, not yet refused
  | 'refused'
  | 'none'
  | 'unsure';

/** Art. 5(1)(g), last sentence: what the prohibition on sensitive biometric categorisation does not cover. */
export type BiometricCategorisationException =
  | 'lawful_dataset_labelling_or_filtering'
  | 'law_enforcement_categorisation'
  | 'none'
  | 'unsure';

/** Art. 6(3), second subparagraph, points (a)-(d). */
export type Art63Condition = 'a' | 'b' | 'c' | 'd';

/** Art. 6(3)(a)-(d), paraphrased. */
export const ART_6_3_CONDITIONS: Record<Art63Condition, string> = {
  a: 'performs a narrow procedural task',
  b: 'improves the result of a human activity already completed',
  c: 'detects decision-making patterns or deviations from earlier patterns, without replacing or influencing the completed human assessment absent proper human review',
  d: 'performs a preparatory task to an assessment relevant to an Annex III use case',
};

/**
 * Who deploys the system. Art. 27(1) names bodies governed by public law and private entities
 * providing public services; Art. 26(8) and 49(3) name public authorities, Union institutions,
 * bodies, offices or agencies, and persons acting on their behalf.
 */
export type DeployerKind =
  | 'public_authority' // state, regional or local authority, ministry, agency
  | 'eu_institution' // Union institution, body, office or agency
  | 'body_governed_by_public_law' // e.g. a public hospital or university set up under public law that is not itself an authority
  | 'private_entity_providing_public_services' // e.g. a contractor running a public service, a housing association
  | 'private_entity'
  | 'unsure';

export type EuScreeningAnswers = {
  /** Art. 5(1): prohibited practices. */
  prohibited: {
    /** 5(1)(a) subliminal, purposefully manipulative or deceptive techniques distorting behaviour and causing (likely) significant harm. */
    manipulation: Answer;
    /** 5(1)(b) exploiting vulnerabilities due to age, disability or a specific social or economic situation. */
    exploitationOfVulnerabilities: Answer;
    /** 5(1)(c) social scoring leading to detrimental treatment in unrelated contexts or out of proportion. */
    socialScoring: Answer;
    /** 5(1)(d) predicting the risk of a person committing a crime solely from profiling or personality traits. */
    crimeRiskProfiling: {
      practice: Answer;
      /** The exception: it only supports a human assessment already based on objective, verifiable facts linked to a crime. */
      supportsHumanAssessmentOnObjectiveFacts?: Answer;
    };
    /** 5(1)(e) building or expanding facial recognition databases by untargeted scraping from the internet or CCTV. */
    untargetedFacialScraping: Answer;
    /** 5(1)(f) inferring emotions of people at the workplace or in education institutions. */
    emotionRecognitionAtWorkOrEducation: {
      practice: Answer;
      /** The exception: the system is put in place for medical or safety reasons. */
      medicalOrSafetyReasons?: Answer;
    };
    /** 5(1)(g) biometric categorisation deducing race, political opinions, union membership, beliefs, sex life or orientation. */
    sensitiveBiometricCategorisation: {
      practice: Answer;
      exception?: BiometricCategorisationException;
    };
    /** 5(1)(h) real-time remote biometric identification in publicly accessible spaces for law enforcement. */
    realTimeRemoteBiometricIdentification: {
      practice: Answer;
      objective?: RbiObjective;
      /** Art. 5(5): the Member State's national law provides for authorising such use. */
      nationalLawProvidesForUse?: Answer;
      authorisation?: RbiAuthorisation;
    };
  };
  /** Art. 6(1) + Annex I: safety component of a product (or the product itself) under Union harmonisation legislation. */
  annexI: {
    productOrSafetyComponent: Answer;
    /** Art. 6(1)(b): that product must undergo a third-party conformity assessment. Left out = not yet known. */
    thirdPartyConformityAssessment?: Answer;
  };
  /** Art. 6(2) + Annex III: the points the intended purpose falls under. */
  annexIII: {
    points: AnnexIIIPoint[];
    /** True when it is not yet clear whether (another) Annex III point applies. */
    unsure?: boolean;
  };
  /** Art. 6(3): derogation for Annex III systems that pose no significant risk, and the profiling rule. */
  derogation: {
    claimed: Answer;
    conditions?: Art63Condition[];
    /** Art. 6(3), third subparagraph: profiling of natural persons (GDPR Art. 4(4)) always keeps the system high-risk. */
    profilesNaturalPersons: Answer;
  };
  /** Art. 50: transparency situations. */
  transparency: {
    /** 50(1) intended to interact directly with natural persons (staff or public). */
    interactsWithNaturalPersons: Answer;
    /** 50(1) exemption: it is obvious to a reasonably well-informed, observant person that they deal with an AI system. */
    interactionObvious?: Answer;
    /** 50(2) generates synthetic audio, image, video or text. */
    generatesSyntheticContent: Answer;
    /** 50(2) exemption: only an assistive function for standard editing, or no substantial change to the input or its meaning. */
    assistiveOrNoSubstantialAlteration?: Answer;
    /** 50(3) an emotion recognition system. (Also Annex III 1(c).) */
    emotionRecognition: Answer;
    /** 50(3) a biometric categorisation system. */
    biometricCategorisation: Answer;
    /** 50(4), first subparagraph: generates or manipulates image, audio or video content that is a deep fake. */
    deepFake: Answer;
    /** 50(4), first subparagraph: the deep fake is part of an evidently artistic, creative, satirical or fictional work. */
    evidentlyArtisticOrSatirical?: Answer;
    /** 50(4), second subparagraph: generates or manipulates text published to inform the public on matters of public interest. */
    publicInterestText: Answer;
    /** 50(4), second subparagraph exemption: human review or editorial control, and a person holds editorial responsibility. */
    humanReviewWithEditorialResponsibility?: Answer;
    /** 50(1)-(4) exemption: use authorised (or permitted) by law to detect, prevent, investigate or prosecute criminal offences. */
    authorisedByLawForCriminalOffences?: Answer;
    /** 50(1): the law-enforcement exemption does not hold when the public can use the system to report a crime. */
    availableToPublicToReportCrime?: Answer;
  };
  deployer: {
    kind: DeployerKind;
    /** Art. 49(3): the deployer acts on behalf of a public authority or Union body. */
    actsOnBehalfOfPublicAuthority?: Answer;
  };
  /** Art. 49(4): context that decides whether a registration goes to the secure non-public section. */
  context: {
    lawEnforcement: Answer;
    migrationAsylumBorder: Answer;
    /** Art. 26(7): used at the workplace, on the deployer's own workers. */
    workplace?: Answer;
  };
};
