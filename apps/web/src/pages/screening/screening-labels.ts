/**
 * The questionnaire's words: each question in plain language with a hint and an example. Annex III,
 * Art. 6(3) and OMB labels come from @glassbox/rules (pure constants), so the screen and the rules
 * never drift apart; the rest paraphrase the JSDoc of packages/rules/src/eu-ai-act/screening.ts.
 */
import { ANNEX_III_AREAS, ANNEX_III_POINT_ORDER, ANNEX_III_POINTS, ART_6_3_CONDITIONS, OMB_MINIMUM_PRACTICES, OMB_PRESUMED_CATEGORIES, OMB_PRESUMED_CATEGORY_ORDER } from '@glassbox/rules';
import type { Answer } from '../../api';

export { ANNEX_III_AREAS, ANNEX_III_POINTS, ART_6_3_CONDITIONS, OMB_MINIMUM_PRACTICES, OMB_PRESUMED_CATEGORIES };

export const ANSWER_CHOICES: ReadonlyArray<{ value: Answer; label: string }> = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unsure', label: 'Not sure' },
];

/** Annex III points grouped by their area, in the order of the Annex. */
export const ANNEX_III_GROUPS: ReadonlyArray<{ area: string; label: string; points: Array<{ point: string; label: string }> }> = Object.entries(ANNEX_III_AREAS).map(
  ([area, label]) => ({
    area,
    label,
    points: ANNEX_III_POINT_ORDER.filter((p) => p.charAt(0) === area).map((point) => ({ point, label: ANNEX_III_POINTS[point] })),
  }),
);

export const OMB_CATEGORY_LIST: ReadonlyArray<{ id: string; label: string }> = OMB_PRESUMED_CATEGORY_ORDER.map((id) => ({ id, label: OMB_PRESUMED_CATEGORIES[id].label }));

export const DEPLOYER_KIND_CHOICES = [
  { value: 'public_authority', label: 'A public authority', description: 'A state, regional or local authority, a ministry or an agency.' },
  { value: 'eu_institution', label: 'An EU institution, body, office or agency' },
  { value: 'body_governed_by_public_law', label: 'A body governed by public law', description: 'For example a public hospital or university set up under public law that is not itself an authority.' },
  { value: 'private_entity_providing_public_services', label: 'A private organisation providing public services', description: 'For example a contractor running a public service, or a housing association.' },
  { value: 'private_entity', label: 'Another private organisation' },
  { value: 'unsure', label: 'Not sure' },
] as const;

/** The simple Art. 5(1) practices: one yes / no / not sure each. */
export type SimplePractice = 'manipulation' | 'exploitationOfVulnerabilities' | 'socialScoring' | 'untargetedFacialScraping';
/** The practices with an exception asked about in a follow-up. */
export type NestedPractice = 'crimeRiskProfiling' | 'emotionRecognitionAtWorkOrEducation' | 'sensitiveBiometricCategorisation' | 'realTimeRemoteBiometricIdentification';

export type PracticeText = { question: string; provision: string; hint: string; example: string };

export const PRACTICES: ReadonlyArray<{ key: SimplePractice | NestedPractice; nested: boolean } & PracticeText> = [
  {
    key: 'manipulation',
    nested: false,
    provision: 'Art. 5(1)(a)',
    question: 'Does the system use subliminal, manipulative or deceptive techniques that distort people’s behaviour in a way likely to cause significant harm?',
    hint: 'Techniques people cannot notice, or that trick them into choices they would not otherwise make.',
    example: 'Example: a chatbot that hides the cost of a service to push residents into signing up.',
  },
  {
    key: 'exploitationOfVulnerabilities',
    nested: false,
    provision: 'Art. 5(1)(b)',
    question: 'Does it exploit people’s vulnerabilities because of their age, disability or social or economic situation, in a way likely to cause significant harm?',
    hint: 'Targeting people because they are less able to resist or understand.',
    example: 'Example: messages designed to pressure people in debt into a harmful repayment plan.',
  },
  {
    key: 'socialScoring',
    nested: false,
    provision: 'Art. 5(1)(c)',
    question: 'Does it score people on their social behaviour or personal traits, leading to worse treatment in unrelated situations or out of proportion?',
    hint: 'A general score of trustworthiness or behaviour used to treat people differently.',
    example: 'Example: lowering someone’s housing priority because of unpaid parking fines or social-media posts.',
  },
  {
    key: 'crimeRiskProfiling',
    nested: true,
    provision: 'Art. 5(1)(d)',
    question: 'Does it predict whether a person will commit a crime, based only on profiling or their personality traits?',
    hint: 'Predictions about individuals that are not grounded in facts linked to a crime.',
    example: 'Example: flagging residents as likely offenders because of where they live and their age.',
  },
  {
    key: 'untargetedFacialScraping',
    nested: false,
    provision: 'Art. 5(1)(e)',
    question: 'Does it build or expand a facial recognition database by collecting facial images from the internet or CCTV without a specific target?',
    hint: 'Mass collection of faces, rather than images of specific people for a specific reason.',
    example: 'Example: a tool that harvests photos from social media to identify people later.',
  },
  {
    key: 'emotionRecognitionAtWorkOrEducation',
    nested: true,
    provision: 'Art. 5(1)(f)',
    question: 'Does it infer the emotions of people at work or in education?',
    hint: 'Reading feelings from faces, voices or behaviour of staff, pupils or students.',
    example: 'Example: rating call-centre staff on how happy they sound.',
  },
  {
    key: 'sensitiveBiometricCategorisation',
    nested: true,
    provision: 'Art. 5(1)(g)',
    question: 'Does it sort people by their biometric data to deduce their race, political opinions, trade-union membership, religious beliefs, sex life or sexual orientation?',
    hint: 'Biometric data includes faces, fingerprints, voices and the way someone walks.',
    example: 'Example: guessing religion from photos of visitors.',
  },
  {
    key: 'realTimeRemoteBiometricIdentification',
    nested: true,
    provision: 'Art. 5(1)(h)',
    question: 'Is it used for real-time remote biometric identification of people in publicly accessible spaces for law enforcement?',
    hint: 'Identifying people from a distance, live, for example by matching faces in a crowd against a watch list.',
    example: 'Example: live facial recognition on street cameras used by the police.',
  },
];

export const RBI_OBJECTIVE_CHOICES = [
  { value: 'victims_or_missing_persons', label: 'A targeted search for victims of abduction, trafficking or sexual exploitation, or for missing persons' },
  { value: 'imminent_threat_or_terrorism', label: 'Preventing a specific, substantial and imminent threat to life or safety, or a terrorist attack' },
  { value: 'serious_crime_suspect', label: 'Locating or identifying a suspect of a serious crime punishable by at least four years' },
  { value: 'none', label: 'None of these' },
  { value: 'unsure', label: 'Not sure' },
] as const;

export const RBI_AUTHORISATION_CHOICES = [
  { value: 'prior', label: 'Authorised beforehand by a judge or an independent authority whose decision is binding' },
  { value: 'urgency_requested_within_24h', label: 'Urgent use: authorisation was requested within 24 hours and has not been refused' },
  { value: 'refused', label: 'Authorisation was refused' },
  { value: 'none', label: 'No authorisation' },
  { value: 'unsure', label: 'Not sure' },
] as const;

export const BIOMETRIC_EXCEPTION_CHOICES = [
  { value: 'lawful_dataset_labelling_or_filtering', label: 'It only labels or filters lawfully acquired biometric datasets' },
  { value: 'law_enforcement_categorisation', label: 'It categorises biometric data in the area of law enforcement' },
  { value: 'none', label: 'Neither of these' },
  { value: 'unsure', label: 'Not sure' },
] as const;

export const FRAMEWORK_LABELS: Record<'eu-ai-act' | 'us-omb' | 'org-policy', string> = {
  'eu-ai-act': 'EU AI Act',
  'us-omb': 'US OMB M-25-21',
  'org-policy': 'Organisation policy',
};

export const PHASE_LABELS: Record<'before_deployment' | 'in_operation', string> = {
  before_deployment: 'Before deployment',
  in_operation: 'While in use',
};

export const OMB_DETERMINATION_LABELS: Record<'high-impact' | 'presumed-determined-not-high-impact' | 'not-high-impact' | 'undetermined', string> = {
  'high-impact': 'High-impact',
  'presumed-determined-not-high-impact': 'Presumed high-impact, determined not high-impact',
  'not-high-impact': 'Not high-impact',
  undetermined: 'Not yet determined',
};

export const DUTY_LABELS: Record<'required' | 'not_required' | 'undetermined', string> = {
  required: 'Required',
  not_required: 'Not required',
  undetermined: 'Not yet determined',
};
