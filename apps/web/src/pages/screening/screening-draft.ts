/**
 * The questionnaire's state and its translation to and from the answers the server takes
 * (packages/core classification.schemas.ts). Every one-choice answer is kept under its server
 * path (`eu.prohibited.socialScoring`), so a server field error (`answers.eu.prohibited.socialScoring`)
 * lands on the question that caused it. Follow-up questions are sent only while the question they
 * follow is answered "Yes" or "Not sure": that is how the screening narrows a "Not sure".
 */
import type { Answer, DecisionRole, EuAnswers, OmbAnswers, ScreeningAnswers } from '../../api';
import { radioId } from '../../components/radio-fieldset';
import { PRACTICES } from './screening-labels';

export type ListKey = 'eu.annexIII.points' | 'eu.derogation.conditions' | 'omb.presumedCategories' | 'omb.waivers';
export type Draft = { values: Readonly<Record<string, string>>; lists: Readonly<Record<ListKey, readonly string[]>> };

/** Questions that are not answers: whether each framework applies, and whether the use is a pilot. */
export const EU_APPLIES = 'frameworks.eu';
export const OMB_APPLIES = 'frameworks.omb';
export const OMB_PILOT = 'omb.isPilot';
/** OMB M-25-21 App. §6: a written determination, documented to the CAIO, that a presumed use is not high-impact. */
export const NOT_HIGH_IMPACT = 'omb.notHighImpactDetermination.documentedToCaio';
export const NOT_HIGH_IMPACT_WHY = 'omb.notHighImpactDetermination.justification';

const LIST_KEYS: readonly ListKey[] = ['eu.annexIII.points', 'eu.derogation.conditions', 'omb.presumedCategories', 'omb.waivers'];
const emptyLists: Draft['lists'] = { 'eu.annexIII.points': [], 'eu.derogation.conditions': [], 'omb.presumedCategories': [], 'omb.waivers': [] };

export function emptyDraft(facts: { decisionRole?: DecisionRole; personalData?: boolean }): Draft {
  const values: Record<string, string> = {};
  if (facts.decisionRole) values['facts.decisionRole'] = facts.decisionRole;
  if (facts.personalData !== undefined) values['facts.personalData'] = facts.personalData ? 'yes' : 'no';
  return { values, lists: emptyLists };
}

/** Pre-fills the questionnaire from an earlier screening. */
export function draftFromAnswers(answers: ScreeningAnswers): Draft {
  const values: Record<string, string> = {};
  const flatten = (prefix: string, value: unknown) => {
    if (typeof value === 'string') values[prefix] = value;
    else if (typeof value === 'boolean') values[prefix] = value ? 'yes' : 'no';
    else if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v);
  };
  flatten('eu', answers.eu);
  flatten('facts', answers.facts);
  values[EU_APPLIES] = answers.eu ? 'yes' : 'no';
  values[OMB_APPLIES] = answers.omb ? 'yes' : 'no';
  const lists: Record<ListKey, string[]> = { ...emptyLists, 'eu.annexIII.points': [], 'eu.derogation.conditions': [], 'omb.presumedCategories': [], 'omb.waivers': [] };
  if (answers.eu) {
    lists['eu.annexIII.points'] = [...answers.eu.annexIII.points];
    lists['eu.derogation.conditions'] = [...(answers.eu.derogation.conditions ?? [])];
  }
  const omb = answers.omb;
  if (omb) {
    const { presumedCategories, waivers, pilot, ...rest } = omb;
    flatten('omb', rest);
    lists['omb.presumedCategories'] = [...presumedCategories];
    if (pilot) {
      values[OMB_PILOT] = 'yes';
      flatten('omb.pilot', pilot);
    } else values[OMB_PILOT] = 'no';
    for (const w of waivers ?? []) values[`omb.waivers.${w.practice}`] = w.caioWrittenRiskDetermination;
    lists['omb.waivers'] = (waivers ?? []).map((w) => w.practice);
  }
  return { values, lists };
}

/** "Yes" or "Not sure": the answers that open a follow-up question. */
export const opensFollowUp = (value: string | undefined): boolean => value === 'yes' || value === 'unsure';

const answerOf = (v: Readonly<Record<string, string>>, key: string): Answer => {
  const value = v[key];
  return value === 'yes' || value === 'no' || value === 'unsure' ? value : 'no';
};
/** An optional answer: left out when not given. */
const optional = <K extends string>(v: Readonly<Record<string, string>>, key: string, name: K): Partial<Record<K, Answer>> => {
  const value = v[key];
  return value === 'yes' || value === 'no' || value === 'unsure' ? ({ [name]: value } as Record<K, Answer>) : {};
};
const optionalText = <K extends string>(v: Readonly<Record<string, string>>, key: string, name: K): Partial<Record<K, string>> =>
  v[key] ? ({ [name]: v[key] } as Record<K, string>) : {};

function euAnswers(draft: Draft): EuAnswers {
  const v = draft.values;
  const p = 'eu.prohibited';
  const practice = (name: string) => answerOf(v, `${p}.${name}.practice`);
  const ifOpen = <T extends object>(name: string, extra: () => T): Partial<T> => (opensFollowUp(v[`${p}.${name}.practice`]) ? extra() : {});
  const t = 'eu.transparency';
  const transparencyAny = ['interactsWithNaturalPersons', 'generatesSyntheticContent', 'emotionRecognition', 'biometricCategorisation', 'deepFake', 'publicInterestText'].some((k) =>
    opensFollowUp(v[`${t}.${k}`]),
  );
  const annexIIIUnsure = v['eu.annexIII.unsure'] === 'yes';
  const derogationOpen = opensFollowUp(v['eu.derogation.claimed']);
  const kind = v['eu.deployer.kind'] ?? 'unsure';
  return {
    prohibited: {
      manipulation: answerOf(v, `${p}.manipulation`),
      exploitationOfVulnerabilities: answerOf(v, `${p}.exploitationOfVulnerabilities`),
      socialScoring: answerOf(v, `${p}.socialScoring`),
      crimeRiskProfiling: {
        practice: practice('crimeRiskProfiling'),
        ...ifOpen('crimeRiskProfiling', () => optional(v, `${p}.crimeRiskProfiling.supportsHumanAssessmentOnObjectiveFacts`, 'supportsHumanAssessmentOnObjectiveFacts')),
      },
      untargetedFacialScraping: answerOf(v, `${p}.untargetedFacialScraping`),
      emotionRecognitionAtWorkOrEducation: {
        practice: practice('emotionRecognitionAtWorkOrEducation'),
        ...ifOpen('emotionRecognitionAtWorkOrEducation', () => optional(v, `${p}.emotionRecognitionAtWorkOrEducation.medicalOrSafetyReasons`, 'medicalOrSafetyReasons')),
      },
      sensitiveBiometricCategorisation: {
        practice: practice('sensitiveBiometricCategorisation'),
        ...ifOpen('sensitiveBiometricCategorisation', () => optionalText(v, `${p}.sensitiveBiometricCategorisation.exception`, 'exception')),
      },
      realTimeRemoteBiometricIdentification: {
        practice: practice('realTimeRemoteBiometricIdentification'),
        ...ifOpen('realTimeRemoteBiometricIdentification', () => ({
          ...optionalText(v, `${p}.realTimeRemoteBiometricIdentification.objective`, 'objective'),
          ...optional(v, `${p}.realTimeRemoteBiometricIdentification.nationalLawProvidesForUse`, 'nationalLawProvidesForUse'),
          ...optionalText(v, `${p}.realTimeRemoteBiometricIdentification.authorisation`, 'authorisation'),
        })),
      },
    },
    annexI: {
      productOrSafetyComponent: answerOf(v, 'eu.annexI.productOrSafetyComponent'),
      ...(opensFollowUp(v['eu.annexI.productOrSafetyComponent']) ? optional(v, 'eu.annexI.thirdPartyConformityAssessment', 'thirdPartyConformityAssessment') : {}),
    },
    annexIII: { points: [...draft.lists['eu.annexIII.points']], ...(annexIIIUnsure && { unsure: true }) },
    derogation: {
      claimed: answerOf(v, 'eu.derogation.claimed'),
      ...(derogationOpen && { conditions: [...draft.lists['eu.derogation.conditions']] }),
      profilesNaturalPersons: answerOf(v, 'eu.derogation.profilesNaturalPersons'),
    },
    transparency: {
      interactsWithNaturalPersons: answerOf(v, `${t}.interactsWithNaturalPersons`),
      ...(opensFollowUp(v[`${t}.interactsWithNaturalPersons`]) ? optional(v, `${t}.interactionObvious`, 'interactionObvious') : {}),
      generatesSyntheticContent: answerOf(v, `${t}.generatesSyntheticContent`),
      ...(opensFollowUp(v[`${t}.generatesSyntheticContent`]) ? optional(v, `${t}.assistiveOrNoSubstantialAlteration`, 'assistiveOrNoSubstantialAlteration') : {}),
      emotionRecognition: answerOf(v, `${t}.emotionRecognition`),
      biometricCategorisation: answerOf(v, `${t}.biometricCategorisation`),
      deepFake: answerOf(v, `${t}.deepFake`),
      ...(opensFollowUp(v[`${t}.deepFake`]) ? optional(v, `${t}.evidentlyArtisticOrSatirical`, 'evidentlyArtisticOrSatirical') : {}),
      publicInterestText: answerOf(v, `${t}.publicInterestText`),
      ...(opensFollowUp(v[`${t}.publicInterestText`]) ? optional(v, `${t}.humanReviewWithEditorialResponsibility`, 'humanReviewWithEditorialResponsibility') : {}),
      ...(transparencyAny ? optional(v, `${t}.authorisedByLawForCriminalOffences`, 'authorisedByLawForCriminalOffences') : {}),
      ...(transparencyAny && opensFollowUp(v[`${t}.authorisedByLawForCriminalOffences`]) && opensFollowUp(v[`${t}.interactsWithNaturalPersons`])
        ? optional(v, `${t}.availableToPublicToReportCrime`, 'availableToPublicToReportCrime')
        : {}),
    },
    deployer: { kind, ...(asksOnBehalf(kind) ? optional(v, 'eu.deployer.actsOnBehalfOfPublicAuthority', 'actsOnBehalfOfPublicAuthority') : {}) },
    context: {
      lawEnforcement: answerOf(v, 'eu.context.lawEnforcement'),
      migrationAsylumBorder: answerOf(v, 'eu.context.migrationAsylumBorder'),
      ...optional(v, 'eu.context.workplace', 'workplace'),
    },
  };
}

/** Private organisations and the unsure are asked whether they act for a public authority (Art. 49(3)). */
export const asksOnBehalf = (kind: string | undefined): boolean => kind === 'private_entity' || kind === 'private_entity_providing_public_services' || kind === 'unsure';

function ombAnswers(draft: Draft): OmbAnswers {
  const v = draft.values;
  const waived = draft.lists['omb.waivers'];
  return {
    principalBasis: answerOf(v, 'omb.principalBasis'),
    rightsEffect: answerOf(v, 'omb.rightsEffect'),
    safetyEffect: answerOf(v, 'omb.safetyEffect'),
    presumedCategories: [...draft.lists['omb.presumedCategories']],
    ...(v['omb.presumedCategoriesUnsure'] === 'yes' && { presumedCategoriesUnsure: true }),
    ...(draft.lists['omb.presumedCategories'].length > 0 &&
      v[NOT_HIGH_IMPACT] === 'yes' && {
        notHighImpactDetermination: { documentedToCaio: true, justification: (v[NOT_HIGH_IMPACT_WHY] ?? '').trim() },
      }),
    ...(v[OMB_PILOT] === 'yes' && {
      pilot: {
        limitedScaleAndDuration: answerOf(v, 'omb.pilot.limitedScaleAndDuration'),
        caioCertifiedAndTracked: answerOf(v, 'omb.pilot.caioCertifiedAndTracked'),
        optInOutOfferedWherePossible: answerOf(v, 'omb.pilot.optInOutOfferedWherePossible'),
      },
    }),
    ...(waived.length > 0 && { waivers: waived.map((practice) => ({ practice, caioWrittenRiskDetermination: answerOf(v, `omb.waivers.${practice}`) })) }),
  };
}

/** The request body's `answers`: frameworks that do not apply are sent as null. */
export function answersFromDraft(draft: Draft): ScreeningAnswers {
  const v = draft.values;
  const role = v['facts.decisionRole'];
  return {
    eu: v[EU_APPLIES] === 'no' ? null : euAnswers(draft),
    omb: v[OMB_APPLIES] === 'no' ? null : ombAnswers(draft),
    facts: {
      affectsPeople: v['facts.affectsPeople'] === 'yes',
      ...(role === 'informs' || role === 'recommends' || role === 'decides' ? { decisionRole: role } : {}),
      ...(v['facts.personalData'] ? { personalData: v['facts.personalData'] === 'yes' } : {}),
    },
  };
}

export type Section = { id: string; title: string; required: Array<[key: string, message: string]> };

/** The sections of the questionnaire and the questions in each that must be answered, given the answers so far. */
export function sectionsOf(draft: Draft): Section[] {
  const v = draft.values;
  const eu = v[EU_APPLIES] !== 'no';
  const omb = v[OMB_APPLIES] !== 'no';
  const sections: Section[] = [
    {
      id: 'organisation',
      title: 'Your organisation',
      required: [
        [EU_APPLIES, 'Say whether the EU AI Act applies to your organisation.'],
        [OMB_APPLIES, 'Say whether US federal AI policy (OMB M-25-21) applies to your organisation.'],
        ...(eu ? [['eu.deployer.kind', 'Say what kind of organisation uses the system.'] as [string, string]] : []),
      ],
    },
  ];
  if (eu) {
    sections.push(
      {
        id: 'prohibited',
        title: 'Prohibited practices',
        required: PRACTICES.map((p) => [p.nested ? `eu.prohibited.${p.key}.practice` : `eu.prohibited.${p.key}`, `Answer the question on ${p.provision}.`]),
      },
      {
        id: 'high-risk',
        title: 'High-risk uses',
        required: [
          ['eu.annexI.productOrSafetyComponent', 'Say whether the system is a product, or a safety component of a product, covered by EU product-safety law.'],
          ['eu.derogation.claimed', 'Say whether you rely on the exception for systems that pose no significant risk.'],
          ['eu.derogation.profilesNaturalPersons', 'Say whether the system profiles people.'],
        ],
      },
      {
        id: 'transparency',
        title: 'Transparency',
        required: [
          ['eu.transparency.interactsWithNaturalPersons', 'Say whether people interact with the system directly.'],
          ['eu.transparency.generatesSyntheticContent', 'Say whether the system generates text, images, audio or video.'],
          ['eu.transparency.emotionRecognition', 'Say whether the system recognises emotions.'],
          ['eu.transparency.biometricCategorisation', 'Say whether the system categorises people by biometric data.'],
          ['eu.transparency.deepFake', 'Say whether the system makes deep fakes.'],
          ['eu.transparency.publicInterestText', 'Say whether the system writes text published to inform the public.'],
        ],
      },
      {
        id: 'context',
        title: 'Where it is used',
        required: [
          ['eu.context.lawEnforcement', 'Say whether the system is used for law enforcement.'],
          ['eu.context.migrationAsylumBorder', 'Say whether the system is used for migration, asylum or border control.'],
        ],
      },
    );
  }
  if (omb) {
    sections.push({
      id: 'omb',
      title: 'US federal AI policy',
      required: [
        ['omb.principalBasis', 'Say whether the output is a principal basis for decisions or actions.'],
        ['omb.rightsEffect', 'Say whether decisions made with it affect people’s rights or access to services.'],
        ['omb.safetyEffect', 'Say whether decisions made with it affect health or safety.'],
        ...(draft.lists['omb.presumedCategories'].length > 0 && v[NOT_HIGH_IMPACT] === 'yes'
          ? ([[NOT_HIGH_IMPACT_WHY, 'Give the justification of the determination that the use is not high-impact.']] as Array<[string, string]>)
          : []),
        [OMB_PILOT, 'Say whether the use is a pilot.'],
        ...(v[OMB_PILOT] === 'yes'
          ? ([
              ['omb.pilot.limitedScaleAndDuration', 'Say whether the pilot is limited in scale and time.'],
              ['omb.pilot.caioCertifiedAndTracked', 'Say whether the Chief AI Officer certified and tracks the pilot.'],
              ['omb.pilot.optInOutOfferedWherePossible', 'Say whether people can opt in or out where possible.'],
            ] as Array<[string, string]>)
          : []),
        ...draft.lists['omb.waivers'].map((practice): [string, string] => [`omb.waivers.${practice}`, 'Say whether the Chief AI Officer made a written risk determination for each waiver.']),
      ],
    });
  }
  sections.push({
    id: 'facts',
    title: 'About the people affected',
    required: [
      ['facts.affectsPeople', 'Say whether the system’s output is about, or affects, people.'],
      ['facts.decisionRole', 'Say what part the system plays in decisions.'],
      ['facts.personalData', 'Say whether the system uses personal data.'],
    ],
  });
  return sections;
}

/** The unanswered required questions, keyed by their path, with a message for the error summary. */
export function missingAnswers(draft: Draft): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const section of sectionsOf(draft)) for (const [key, message] of section.required) if (!draft.values[key]) missing[key] = message;
  return missing;
}

/** Server paths (`answers.eu.prohibited.socialScoring`) as questionnaire keys. */
export function errorsByKey(fields: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) out[path.replace(/^answers\./, '')] = message;
  return out;
}

/** Where the error summary should take the person: a list's fieldset, or the first choice of the question. */
export function fieldIdOf(key: string): string {
  const list = LIST_KEYS.find((l) => key === l || (key.startsWith(`${l}.`) && l !== 'omb.waivers'));
  if (list) return list;
  if (/^omb\.waivers\.\d/.test(key)) return 'omb.waivers';
  if (key === NOT_HIGH_IMPACT_WHY) return key;
  if (key === NOT_HIGH_IMPACT) return NOT_HIGH_IMPACT;
  if (key === 'facts.decisionRole') return radioId(key, 'informs');
  if (key === 'eu.deployer.kind') return radioId(key, 'public_authority');
  if (key === 'eu.prohibited.sensitiveBiometricCategorisation.exception') return radioId(key, 'lawful_dataset_labelling_or_filtering');
  if (key === 'eu.prohibited.realTimeRemoteBiometricIdentification.objective') return radioId(key, 'victims_or_missing_persons');
  if (key === 'eu.prohibited.realTimeRemoteBiometricIdentification.authorisation') return radioId(key, 'prior');
  return radioId(key, 'yes');
}
