import { describe, expect, it } from 'vitest';
import { screening, type DeepPartial } from '../testing/fixtures.js';
import { EU_TIER_RANK, tierOfEffect, type DutyStatus, type EuDeployerDutyId, type EuTier, type TransparencyDutyId } from './classification.js';
import { classifyEuAiAct } from './classify.js';
import type { AnnexIIIPoint, EuScreeningAnswers } from './screening.js';

type Expectation = {
  tier: EuTier | 'undetermined';
  /** Defaults to `tier` when that is not `undetermined`. */
  established?: EuTier;
  /** Provisions that must be among the bases. */
  bases?: string[];
  /** Provisions that must not be among the bases. */
  notBases?: string[];
  /** Defaults: not_required. */
  fria?: DutyStatus;
  registration?: DutyStatus;
  restricted?: DutyStatus;
  /** Exact set of Art. 50 duties; default none. */
  duties?: TransparencyDutyId[];
  /** Exact set of open question ids; default none. */
  open?: string[];
};

type Row = { provision: string; case: string; answers: DeepPartial<EuScreeningAnswers>; expect: Expectation };

const LE = { lawEnforcement: 'yes' } as const;
const RBI_OK = { practice: 'yes', nationalLawProvidesForUse: 'yes', authorisation: 'prior' } as const;
const annex = (...points: AnnexIIIPoint[]) => ({ annexIII: { points } });

const rows: Row[] = [
  // ---- Art. 5: every point, every exception with and without its condition ----
  { provision: 'Art. 5(1)(a)', case: 'voice assistant using cues below awareness to push residents into costly subscriptions', answers: { prohibited: { manipulation: 'yes' } }, expect: { tier: 'prohibited', bases: ['Art. 5(1)(a)'] } },
  { provision: 'Art. 5(1)(b)', case: 'collection nudges aimed at residents in debt, exploiting their economic situation', answers: { prohibited: { exploitationOfVulnerabilities: 'yes' } }, expect: { tier: 'prohibited', bases: ['Art. 5(1)(b)'] } },
  { provision: 'Art. 5(1)(c)', case: 'social scoring by a municipality leading to detrimental treatment', answers: { prohibited: { socialScoring: 'yes' } }, expect: { tier: 'prohibited', bases: ['Art. 5(1)(c)'] } },
  {
    provision: 'Art. 5(1)(c) + Art. 50(1)',
    case: 'social-scoring chatbot: transparency duty still listed on a prohibited system',
    answers: { prohibited: { socialScoring: 'yes' }, transparency: { interactsWithNaturalPersons: 'yes' } },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(c)', 'Art. 50(1)'], duties: ['art50.1'] },
  },
  { provision: 'Art. 5(1)(d)', case: 'predictive policing of individuals on profile and personality alone', answers: { prohibited: { crimeRiskProfiling: { practice: 'yes' } }, context: LE }, expect: { tier: 'prohibited', bases: ['Art. 5(1)(d)'] } },
  {
    provision: 'Art. 5(1)(d) exception + Annex III 6(d)',
    case: 'police tool supporting a detective’s assessment already based on objective, verifiable facts',
    answers: { prohibited: { crimeRiskProfiling: { practice: 'yes', supportsHumanAssessmentOnObjectiveFacts: 'yes' } }, context: LE },
    expect: { tier: 'high', bases: ['Art. 5(1)(d)', 'Art. 6(2) + Annex III 6(d)'], fria: 'required', registration: 'required', restricted: 'required' },
  },
  {
    provision: 'Art. 5(1)(d) exception unsure',
    case: 'crime-risk tool whose reliance on objective facts is not yet shown stays prohibited',
    answers: { prohibited: { crimeRiskProfiling: { practice: 'yes', supportsHumanAssessmentOnObjectiveFacts: 'unsure' } }, context: LE },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(d)'], open: ['art5.1.d.exception'] },
  },
  { provision: 'Art. 5(1)(e)', case: 'scraping faces from social media and CCTV to grow a police face database', answers: { prohibited: { untargetedFacialScraping: 'yes' } }, expect: { tier: 'prohibited', bases: ['Art. 5(1)(e)'] } },
  {
    provision: 'Art. 5(1)(f)',
    case: 'emotion recognition of call-centre staff to rate their friendliness',
    answers: { prohibited: { emotionRecognitionAtWorkOrEducation: { practice: 'yes' } }, context: { workplace: 'yes' } },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(f)', 'Art. 50(3)'], duties: ['art50.3'] },
  },
  {
    provision: 'Art. 5(1)(f) exception (safety) + Annex III 1(c)',
    case: 'fatigue detection for municipal bus drivers, put in place for safety',
    answers: { prohibited: { emotionRecognitionAtWorkOrEducation: { practice: 'yes', medicalOrSafetyReasons: 'yes' } }, context: { workplace: 'yes' } },
    expect: { tier: 'high', bases: ['Art. 5(1)(f)', 'Art. 6(2) + Annex III 1(c)', 'Art. 50(3)'], fria: 'required', registration: 'required', duties: ['art50.3'] },
  },
  {
    provision: 'Art. 5(1)(f) exception unsure',
    case: 'classroom attention tracking said to be “for wellbeing”: exception not shown',
    answers: { prohibited: { emotionRecognitionAtWorkOrEducation: { practice: 'yes', medicalOrSafetyReasons: 'unsure' } } },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(f)'], duties: ['art50.3'], open: ['art5.1.f.exception'] },
  },
  {
    provision: 'Art. 5(1)(g)',
    case: 'inferring religion and sexual orientation from CCTV images',
    answers: { prohibited: { sensitiveBiometricCategorisation: { practice: 'yes' } } },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(g)'], duties: ['art50.3'] },
  },
  {
    provision: 'Art. 5(1)(g) exception (dataset labelling) + Annex III 1(b)',
    case: 'labelling a lawfully acquired archive image dataset by sensitive traits',
    answers: { prohibited: { sensitiveBiometricCategorisation: { practice: 'yes', exception: 'lawful_dataset_labelling_or_filtering' } } },
    expect: { tier: 'high', bases: ['Art. 5(1)(g)', 'Art. 6(2) + Annex III 1(b)'], fria: 'required', registration: 'required', duties: ['art50.3'] },
  },
  {
    provision: 'Art. 5(1)(g) exception (law enforcement) + Art. 49(4)',
    case: 'police categorising seized biometric data, authorised by law (50(3) exempt)',
    answers: {
      prohibited: { sensitiveBiometricCategorisation: { practice: 'yes', exception: 'law_enforcement_categorisation' } },
      transparency: { authorisedByLawForCriminalOffences: 'yes' },
      context: LE,
    },
    expect: { tier: 'high', bases: ['Art. 5(1)(g)', 'Art. 6(2) + Annex III 1(b)', 'Art. 50(3)'], fria: 'required', registration: 'required', restricted: 'required' },
  },
  {
    provision: 'Art. 5(1)(g) law-enforcement exception outside law enforcement',
    case: 'a city department claiming the law-enforcement exception',
    answers: { prohibited: { sensitiveBiometricCategorisation: { practice: 'yes', exception: 'law_enforcement_categorisation' } } },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(g)'], duties: ['art50.3'] },
  },
  {
    provision: 'Art. 5(1)(h)(i) + Art. 5(3) prior authorisation',
    case: 'live face search for an abducted child with prior judicial authorisation',
    answers: { prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'victims_or_missing_persons' } }, context: LE },
    expect: { tier: 'high', bases: ['Art. 5(1)(h)(i)', 'Art. 6(2) + Annex III 1(a)'], fria: 'required', registration: 'required', restricted: 'required' },
  },
  {
    provision: 'Art. 5(1)(h)(ii) + Art. 5(3) urgency',
    case: 'imminent terrorist threat: use started, authorisation requested within 24 hours',
    answers: { prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'imminent_threat_or_terrorism', authorisation: 'urgency_requested_within_24h' } }, context: LE },
    expect: { tier: 'high', bases: ['Art. 5(1)(h)(ii)', 'Art. 6(2) + Annex III 1(a)'], fria: 'required', registration: 'required', restricted: 'required' },
  },
  {
    provision: 'Art. 5(1)(h)(iii)',
    case: 'locating a murder suspect (Annex II offence, ≥ 4 years) with prior authorisation',
    answers: { prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'serious_crime_suspect' } }, context: LE },
    expect: { tier: 'high', bases: ['Art. 5(1)(h)(iii)', 'Art. 6(2) + Annex III 1(a)'], fria: 'required', registration: 'required', restricted: 'required' },
  },
  {
    provision: 'Art. 5(1)(h) objective outside (i)-(iii)',
    case: 'live face recognition to catch shoplifters',
    answers: { prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'none' } }, context: LE },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(h)'], notBases: ['Art. 6(2) + Annex III 1(a)'] },
  },
  {
    provision: 'Art. 5(1)(h) + Art. 5(3) no authorisation',
    case: 'missing-person search without any authorisation or urgency request',
    answers: { prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'victims_or_missing_persons', authorisation: 'none' } }, context: LE },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(h)'] },
  },
  {
    provision: 'Art. 5(1)(h) + Art. 5(3) authorisation refused',
    case: 'urgency use whose authorisation the court refused',
    answers: { prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'imminent_threat_or_terrorism', authorisation: 'refused' } }, context: LE },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(h)'] },
  },
  {
    provision: 'Art. 5(1)(h) + Art. 5(5) no national law',
    case: 'Member State has not legislated for real-time identification',
    answers: { prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'serious_crime_suspect', nationalLawProvidesForUse: 'no' } }, context: LE },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(h)'] },
  },
  {
    provision: 'Art. 5(1)(h) + Art. 5(3) authorisation unsure',
    case: 'authorisation status unknown: prohibited until shown',
    answers: { prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'serious_crime_suspect', authorisation: 'unsure' } }, context: LE },
    expect: { tier: 'prohibited', bases: ['Art. 5(1)(h)'], open: ['art5.1.h.authorisation'] },
  },
  {
    provision: 'Art. 5(1)(h) practice unsure',
    case: 'camera analytics whose use for live identification is unclear',
    answers: { prohibited: { realTimeRemoteBiometricIdentification: { practice: 'unsure' } } },
    expect: { tier: 'undetermined', established: 'minimal', open: ['art5.1.h'] },
  },
  {
    provision: 'Art. 5(1)(c) practice unsure',
    case: 'household risk ranking that might amount to social scoring',
    answers: { prohibited: { socialScoring: 'unsure' }, ...annex('5(a)') },
    expect: { tier: 'undetermined', established: 'high', bases: ['Art. 6(2) + Annex III 5(a)'], fria: 'required', registration: 'required', open: ['art5.1.c'] },
  },

  // ---- Annex III, areas 1-8 ----
  {
    provision: 'Art. 6(2) + Annex III 1(a) + Art. 49(4)',
    case: 'police post-event face identification on CCTV footage',
    answers: { ...annex('1(a)'), context: LE },
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 1(a)'], fria: 'required', registration: 'required', restricted: 'required' },
  },
  {
    provision: 'Art. 6(2) + Annex III 1(a), public section',
    case: 'remote identification enforcing stadium bans for a city (not law enforcement)',
    answers: annex('1(a)'),
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 1(a)'], fria: 'required', registration: 'required', restricted: 'not_required' },
  },
  {
    provision: 'Art. 49(4) context unsure',
    case: 'biometric identification whose law-enforcement use is unclear',
    answers: { ...annex('1(a)'), context: { lawEnforcement: 'unsure' } },
    expect: { tier: 'high', fria: 'required', registration: 'required', restricted: 'undetermined', open: ['art49.4.context'] },
  },
  {
    provision: 'Annex III 1(c) + Art. 50(3)',
    case: 'emotion analysis of callers to a city helpline (not work or school)',
    answers: { transparency: { emotionRecognition: 'yes' } },
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 1(c)', 'Art. 50(3)'], fria: 'required', registration: 'required', duties: ['art50.3'] },
  },
  {
    provision: 'Art. 6(2) + Annex III 2',
    case: 'AI safety component in municipal traffic-light control',
    answers: annex('2'),
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 2'], fria: 'not_required', registration: 'not_required' },
  },
  { provision: 'Art. 6(2) + Annex III 3(a)', case: 'allocating pupils to secondary schools', answers: annex('3(a)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 3(a)'], fria: 'required', registration: 'required' } },
  { provision: 'Art. 6(2) + Annex III 3(b)', case: 'automated grading of final exams', answers: annex('3(b)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 3(b)'], fria: 'required', registration: 'required' } },
  { provision: 'Art. 6(2) + Annex III 3(c)', case: 'placing adult learners in a course level', answers: annex('3(c)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 3(c)'], fria: 'required', registration: 'required' } },
  { provision: 'Art. 6(2) + Annex III 3(d)', case: 'online proctoring of state exams', answers: annex('3(d)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 3(d)'], fria: 'required', registration: 'required' } },
  { provision: 'Art. 6(2) + Annex III 4(a)', case: 'ministry screening CVs of job applicants', answers: annex('4(a)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 4(a)'], fria: 'required', registration: 'required' } },
  { provision: 'Art. 6(2) + Annex III 4(b)', case: 'allocating shifts to staff by monitored performance', answers: annex('4(b)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 4(b)'], fria: 'required', registration: 'required' } },
  { provision: 'Art. 6(2) + Annex III 5(a)', case: 'municipal benefits eligibility assessment', answers: annex('5(a)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 5(a)'], fria: 'required', registration: 'required' } },
  { provision: 'Art. 6(2) + Annex III 5(b)', case: 'municipal loan fund scoring creditworthiness of residents', answers: annex('5(b)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 5(b)'], fria: 'required', registration: 'required' } },
  {
    provision: 'Art. 27(1) 5(b), private deployer',
    case: 'private bank credit scoring: FRIA for every 5(b) deployer, no public registration',
    answers: { ...annex('5(b)'), deployer: { kind: 'private_entity' } },
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 5(b)'], fria: 'required', registration: 'not_required' },
  },
  {
    provision: 'Art. 27(1) 5(c), private deployer',
    case: 'private insurer pricing health insurance',
    answers: { ...annex('5(c)'), deployer: { kind: 'private_entity' } },
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 5(c)'], fria: 'required', registration: 'not_required' },
  },
  { provision: 'Art. 6(2) + Annex III 5(d)', case: 'triage of 112 emergency calls', answers: annex('5(d)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 5(d)'], fria: 'required', registration: 'required' } },
  { provision: 'Art. 6(2) + Annex III 6(a)', case: 'police assessing the risk of domestic-violence victimisation', answers: { ...annex('6(a)'), context: LE }, expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 6(a)'], fria: 'required', registration: 'required', restricted: 'required' } },
  { provision: 'Art. 6(2) + Annex III 6(b)', case: 'voice-stress “lie detection” in police interviews', answers: { ...annex('6(b)'), context: LE }, expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 6(b)'], fria: 'required', registration: 'required', restricted: 'required' } },
  { provision: 'Art. 6(2) + Annex III 6(c)', case: 'rating the reliability of evidence in investigations', answers: { ...annex('6(c)'), context: LE }, expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 6(c)'], fria: 'required', registration: 'required', restricted: 'required' } },
  { provision: 'Art. 6(2) + Annex III 6(e)', case: 'profiling suspects in a fraud investigation', answers: { ...annex('6(e)'), context: LE }, expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 6(e)'], fria: 'required', registration: 'required', restricted: 'required' } },
  { provision: 'Art. 6(2) + Annex III 7(b)', case: 'risk flags on travellers at the border', answers: { ...annex('7(b)'), context: { migrationAsylumBorder: 'yes' } }, expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 7(b)'], fria: 'required', registration: 'required', restricted: 'required' } },
  { provision: 'Art. 6(2) + Annex III 7(c)', case: 'assisting the examination of asylum applications', answers: { ...annex('7(c)'), context: { migrationAsylumBorder: 'yes' } }, expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 7(c)'], fria: 'required', registration: 'required', restricted: 'required' } },
  { provision: 'Art. 6(2) + Annex III 8(a)', case: 'case-law research assistant for judges applying law to facts', answers: annex('8(a)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 8(a)'], fria: 'required', registration: 'required' } },
  { provision: 'Art. 6(2) + Annex III 8(b)', case: 'personalised messages designed to change how people vote in a referendum', answers: annex('8(b)'), expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 8(b)'], fria: 'required', registration: 'required' } },
  { provision: 'Art. 6(2) + Annex III 6(d)', case: 'probation service assessing re-offending risk, not solely by profiling', answers: { ...annex('6(d)'), context: LE }, expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 6(d)'], fria: 'required', registration: 'required', restricted: 'required' } },
  { provision: 'Art. 6(2) + Annex III 7(d)', case: 'recognising people crossing the border outside checkpoints', answers: { ...annex('7(d)'), context: { migrationAsylumBorder: 'yes' } }, expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 7(d)'], fria: 'required', registration: 'required', restricted: 'required' } },
  {
    provision: 'Art. 49(4) biometrics in migration',
    case: 'face matching of visa applicants by the migration service',
    answers: { ...annex('1(a)'), context: { migrationAsylumBorder: 'yes' } },
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 1(a)'], fria: 'required', registration: 'required', restricted: 'required' },
  },
  {
    provision: 'Annex III unsure',
    case: 'purpose not yet clear enough to place in Annex III',
    answers: { annexIII: { points: [], unsure: true } },
    expect: { tier: 'undetermined', established: 'minimal', fria: 'undetermined', registration: 'undetermined', restricted: 'undetermined', open: ['annex-iii'] },
  },

  // ---- Art. 6(3): each derogation accepted, and overridden by profiling ----
  {
    provision: 'Art. 6(3)(a)',
    case: 'sorting incoming benefit documents into the right case folder (narrow procedural task)',
    answers: { ...annex('5(a)'), derogation: { claimed: 'yes', conditions: ['a'] } },
    expect: { tier: 'minimal', bases: ['Art. 6(3)(a)', 'Art. 4 + Art. 95'], notBases: ['Art. 6(2) + Annex III 5(a)'] },
  },
  {
    provision: 'Art. 6(3)(b)',
    case: 'polishing the wording of a teacher’s completed written assessment',
    answers: { ...annex('3(b)'), derogation: { claimed: 'yes', conditions: ['b'] } },
    expect: { tier: 'minimal', bases: ['Art. 6(3)(b)'], notBases: ['Art. 6(2) + Annex III 3(b)'] },
  },
  {
    provision: 'Art. 6(3)(c)',
    case: 'flagging deviations in examiners’ grading patterns for human review',
    answers: { ...annex('3(b)'), derogation: { claimed: 'yes', conditions: ['c'] } },
    expect: { tier: 'minimal', bases: ['Art. 6(3)(c)'], notBases: ['Art. 6(2) + Annex III 3(b)'] },
  },
  {
    provision: 'Art. 6(3)(d)',
    case: 'translating applicants’ documents before a caseworker assesses eligibility (preparatory task)',
    answers: { ...annex('5(a)'), derogation: { claimed: 'yes', conditions: ['d'] } },
    expect: { tier: 'minimal', bases: ['Art. 6(3)(d)'], notBases: ['Art. 6(2) + Annex III 5(a)'] },
  },
  {
    provision: 'Art. 6(3)(a) overridden by profiling',
    case: 'CV parser called procedural but building candidate profiles',
    answers: { ...annex('4(a)'), derogation: { claimed: 'yes', conditions: ['a'], profilesNaturalPersons: 'yes' } },
    expect: { tier: 'high', bases: ['Art. 6(3), third subparagraph', 'Art. 6(2) + Annex III 4(a)'], notBases: ['Art. 6(3)(a)'], fria: 'required', registration: 'required' },
  },
  {
    provision: 'Art. 6(3)(b) overridden by profiling',
    case: 'improving caseworker decisions using a profile of the applicant',
    answers: { ...annex('5(a)'), derogation: { claimed: 'yes', conditions: ['b'], profilesNaturalPersons: 'yes' } },
    expect: { tier: 'high', bases: ['Art. 6(3), third subparagraph', 'Art. 6(2) + Annex III 5(a)'], notBases: ['Art. 6(3)(b)'], fria: 'required', registration: 'required' },
  },
  {
    provision: 'Art. 6(3)(c) overridden by profiling',
    case: 'pattern detection that profiles individual students',
    answers: { ...annex('3(b)'), derogation: { claimed: 'yes', conditions: ['c'], profilesNaturalPersons: 'yes' } },
    expect: { tier: 'high', bases: ['Art. 6(3), third subparagraph', 'Art. 6(2) + Annex III 3(b)'], notBases: ['Art. 6(3)(c)'], fria: 'required', registration: 'required' },
  },
  {
    provision: 'Art. 6(3)(d) overridden by profiling',
    case: 'fraud-risk pre-scoring of benefit applicants before caseworker review',
    answers: { ...annex('5(a)'), derogation: { claimed: 'yes', conditions: ['d'], profilesNaturalPersons: 'yes' } },
    expect: { tier: 'high', bases: ['Art. 6(3), third subparagraph', 'Art. 6(2) + Annex III 5(a)'], notBases: ['Art. 6(3)(d)'], fria: 'required', registration: 'required' },
  },
  {
    provision: 'Art. 6(3) + Art. 6(4) derogation unsure',
    case: 'vendor has not said whether it relies on the derogation',
    answers: { ...annex('5(a)'), derogation: { claimed: 'unsure' } },
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 5(a)'], fria: 'required', registration: 'required', open: ['art6.3.claimed'] },
  },
  {
    provision: 'Art. 6(3), third subparagraph, profiling unsure',
    case: 'derogation (a) claimed but profiling not ruled out',
    answers: { ...annex('5(a)'), derogation: { claimed: 'yes', conditions: ['a'], profilesNaturalPersons: 'unsure' } },
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 5(a)'], notBases: ['Art. 6(3)(a)'], fria: 'required', registration: 'required', open: ['art6.3.profiling'] },
  },
  {
    provision: 'Art. 6(3) without a condition',
    case: 'derogation claimed without naming (a)-(d)',
    answers: { ...annex('4(b)'), derogation: { claimed: 'yes', conditions: [] } },
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 4(b)'], fria: 'required', registration: 'required', open: ['art6.3.conditions'] },
  },

  // ---- Art. 6(1) + Annex I ----
  {
    provision: 'Art. 6(1) + Annex I',
    case: 'AI safety component of lifts in council housing (third-party conformity assessment)',
    answers: { annexI: { productOrSafetyComponent: 'yes', thirdPartyConformityAssessment: 'yes' } },
    expect: { tier: 'high', bases: ['Art. 6(1) + Annex I'], fria: 'not_required', registration: 'not_required' },
  },
  {
    provision: 'Art. 6(1)(b) not met',
    case: 'Annex I product with self-assessed conformity only',
    answers: { annexI: { productOrSafetyComponent: 'yes', thirdPartyConformityAssessment: 'no' } },
    expect: { tier: 'minimal', bases: ['Art. 6(1)(b)', 'Art. 4 + Art. 95'] },
  },
  {
    provision: 'Art. 6(1)(b) unsure',
    case: 'medical software whose conformity route is unknown',
    answers: { annexI: { productOrSafetyComponent: 'yes' } },
    expect: { tier: 'undetermined', established: 'minimal', open: ['art6.1.b'] },
  },
  {
    provision: 'Art. 6(1) + Art. 6(3)(a)',
    case: 'derogation removes the Annex III ground but not the Annex I ground; no FRIA (Art. 27 covers 6(2) only)',
    answers: { annexI: { productOrSafetyComponent: 'yes', thirdPartyConformityAssessment: 'yes' }, ...annex('5(d)'), derogation: { claimed: 'yes', conditions: ['a'] } },
    expect: { tier: 'high', bases: ['Art. 6(1) + Annex I', 'Art. 6(3)(a)'], notBases: ['Art. 6(2) + Annex III 5(d)'], fria: 'not_required', registration: 'not_required' },
  },

  // ---- Art. 50 alone (limited) and stacked ----
  { provision: 'Art. 50(1)', case: 'chatbot answering residents’ questions on the city website', answers: { transparency: { interactsWithNaturalPersons: 'yes' } }, expect: { tier: 'limited', bases: ['Art. 50(1)'], duties: ['art50.1'] } },
  {
    provision: 'Art. 50(1) obvious',
    case: 'talking robot mascot whose artificial nature is obvious',
    answers: { transparency: { interactsWithNaturalPersons: 'yes', interactionObvious: 'yes' } },
    expect: { tier: 'minimal', bases: ['Art. 50(1)', 'Art. 4 + Art. 95'] },
  },
  { provision: 'Art. 50(2)', case: 'image generator used by the communications team', answers: { transparency: { generatesSyntheticContent: 'yes' } }, expect: { tier: 'limited', bases: ['Art. 50(2)'], duties: ['art50.2'] } },
  {
    provision: 'Art. 50(4), first subparagraph',
    case: 'campaign video with a synthetic voice of the mayor (deep fake)',
    answers: { transparency: { deepFake: 'yes' } },
    expect: { tier: 'limited', bases: ['Art. 50(4), first subparagraph', 'Art. 50(2)'], duties: ['art50.2', 'art50.4.deep-fake'] },
  },
  {
    provision: 'Art. 50(4), first subparagraph, artistic',
    case: 'satirical festival film using a deep fake: disclosure limited, not removed',
    answers: { transparency: { deepFake: 'yes', evidentlyArtisticOrSatirical: 'yes' } },
    expect: { tier: 'limited', bases: ['Art. 50(4), first subparagraph'], duties: ['art50.2', 'art50.4.deep-fake'] },
  },
  {
    provision: 'Art. 50(4), first subparagraph, unsure',
    case: 'avatar videos that may pass as real footage',
    answers: { transparency: { deepFake: 'unsure' } },
    expect: { tier: 'undetermined', established: 'minimal', open: ['art50.4.deep-fake'] },
  },
  {
    provision: 'Art. 50(4), second subparagraph',
    case: 'AI-written public notices published without human review',
    answers: { transparency: { publicInterestText: 'yes', humanReviewWithEditorialResponsibility: 'no' } },
    expect: { tier: 'limited', bases: ['Art. 50(4), second subparagraph', 'Art. 50(2)'], duties: ['art50.2', 'art50.4.text'] },
  },
  {
    provision: 'Art. 50(4), second subparagraph, editorial exemption',
    case: 'AI-drafted press releases reviewed by an editor who takes responsibility (marking under 50(2) stays)',
    answers: { transparency: { publicInterestText: 'yes', humanReviewWithEditorialResponsibility: 'yes' } },
    expect: { tier: 'limited', bases: ['Art. 50(4), second subparagraph', 'Art. 50(2)'], duties: ['art50.2'] },
  },
  {
    provision: 'Art. 50(4), second subparagraph, review unsure',
    case: 'newsletter texts whose editorial review is not settled',
    answers: { transparency: { publicInterestText: 'yes', humanReviewWithEditorialResponsibility: 'unsure' } },
    expect: { tier: 'limited', duties: ['art50.2', 'art50.4.text'], open: ['art50.4.text.editorial'] },
  },
  {
    provision: 'Art. 6(2) + Annex III 5(a) + Art. 50(1)',
    case: 'benefits chatbot that also assesses eligibility: Art. 50 stacks on high',
    answers: { ...annex('5(a)'), transparency: { interactsWithNaturalPersons: 'yes' } },
    expect: { tier: 'high', bases: ['Art. 6(2) + Annex III 5(a)', 'Art. 50(1)'], fria: 'required', registration: 'required', duties: ['art50.1'] },
  },
  {
    provision: 'Art. 50(1) law-enforcement exemption',
    case: 'internal police assistant authorised by law, closed to the public',
    answers: { transparency: { interactsWithNaturalPersons: 'yes', authorisedByLawForCriminalOffences: 'yes', availableToPublicToReportCrime: 'no' } },
    expect: { tier: 'minimal', bases: ['Art. 50(1)'] },
  },
  {
    provision: 'Art. 50(1) law-enforcement exemption lost',
    case: 'police chatbot the public uses to report crimes',
    answers: { transparency: { interactsWithNaturalPersons: 'yes', authorisedByLawForCriminalOffences: 'yes', availableToPublicToReportCrime: 'yes' } },
    expect: { tier: 'limited', bases: ['Art. 50(1)'], duties: ['art50.1'] },
  },
  {
    provision: 'Art. 50(1) unsure',
    case: 'tool that may or may not talk with residents',
    answers: { transparency: { interactsWithNaturalPersons: 'unsure' } },
    expect: { tier: 'undetermined', established: 'minimal', open: ['art50.1'] },
  },

  // ---- minimal ----
  { provision: 'minimal', case: 'spam filter on the council mailbox', answers: {}, expect: { tier: 'minimal', bases: ['Art. 4 + Art. 95'] } },
  {
    provision: 'Art. 50(1)-(2) exemptions: minimal',
    case: 'machine translation tool for staff, output checked before use',
    answers: { transparency: { interactsWithNaturalPersons: 'yes', interactionObvious: 'yes', generatesSyntheticContent: 'yes', assistiveOrNoSubstantialAlteration: 'yes' } },
    expect: { tier: 'minimal', bases: ['Art. 50(1)', 'Art. 50(2)', 'Art. 4 + Art. 95'] },
  },
  {
    provision: 'Art. 50(4), second subparagraph, translation',
    case: 'machine-translated public notices published unreviewed',
    answers: { transparency: { generatesSyntheticContent: 'yes', assistiveOrNoSubstantialAlteration: 'yes', publicInterestText: 'yes' } },
    expect: { tier: 'limited', bases: ['Art. 50(2)', 'Art. 50(4), second subparagraph'], duties: ['art50.4.text'] },
  },

  // ---- FRIA and registration by kind of deployer ----
  {
    provision: 'Art. 27(1) + Art. 49(3) on behalf',
    case: 'housing association allocating social housing on behalf of the city',
    answers: { ...annex('5(a)'), deployer: { kind: 'private_entity_providing_public_services', actsOnBehalfOfPublicAuthority: 'yes' } },
    expect: { tier: 'high', fria: 'required', registration: 'required' },
  },
  {
    provision: 'Art. 27(1) private public service, Art. 49(3) not',
    case: 'private hospital triaging emergency patients on its own account',
    answers: { ...annex('5(d)'), deployer: { kind: 'private_entity_providing_public_services', actsOnBehalfOfPublicAuthority: 'no' } },
    expect: { tier: 'high', fria: 'required', registration: 'not_required' },
  },
  {
    provision: 'Art. 49(3) body governed by public law',
    case: 'public university admissions: FRIA yes, registration depends on national law',
    answers: { ...annex('3(a)'), deployer: { kind: 'body_governed_by_public_law' } },
    expect: { tier: 'high', fria: 'required', registration: 'undetermined', open: ['art49.3.public-authority'] },
  },
  {
    provision: 'Art. 27(1) + Art. 49(3) deployer unsure',
    case: 'benefits tool whose deploying organisation is not yet known',
    answers: { ...annex('5(a)'), deployer: { kind: 'unsure' } },
    expect: { tier: 'high', fria: 'undetermined', registration: 'undetermined', open: ['deployer.kind'] },
  },
  {
    provision: 'Art. 27(1) private deployer, Annex III 4(a)',
    case: 'private company screening job applicants',
    answers: { ...annex('4(a)'), deployer: { kind: 'private_entity' } },
    expect: { tier: 'high', fria: 'not_required', registration: 'not_required' },
  },
  {
    provision: 'Art. 27(1) + Art. 49(3) private entity on behalf',
    case: 'IT contractor running benefit eligibility checks for the city',
    answers: { ...annex('5(a)'), deployer: { kind: 'private_entity', actsOnBehalfOfPublicAuthority: 'yes' } },
    expect: { tier: 'high', fria: 'required', registration: 'required' },
  },
  {
    provision: 'Art. 49(3) Union body',
    case: 'EU agency screening job applicants',
    answers: { ...annex('4(a)'), deployer: { kind: 'eu_institution' } },
    expect: { tier: 'high', fria: 'required', registration: 'required' },
  },
  {
    provision: 'Art. 49(3) on behalf unsure',
    case: 'contractor running a benefits desk, contract terms unclear',
    answers: { ...annex('5(a)'), deployer: { kind: 'private_entity_providing_public_services', actsOnBehalfOfPublicAuthority: 'unsure' } },
    expect: { tier: 'high', fria: 'required', registration: 'undetermined', open: ['art49.3.on-behalf'] },
  },
];

describe('classifyEuAiAct: legal cases', () => {
  it('holds at least 40 distinct legal cases', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.case)).size).toBe(rows.length);
  });

  it.each(rows)('$provision — $case', (row) => {
    const result = classifyEuAiAct(screening(row.answers));
    const e = row.expect;
    const provisions = result.bases.map((b) => b.provision);
    expect(result.tier).toBe(e.tier);
    expect(result.establishedTier).toBe(e.established ?? e.tier);
    for (const p of e.bases ?? []) expect(provisions).toContain(p);
    for (const p of e.notBases ?? []) expect(provisions).not.toContain(p);
    expect(result.friaRequired.status).toBe(e.fria ?? 'not_required');
    expect(result.registrationRequired.status).toBe(e.registration ?? 'not_required');
    expect(result.restrictedSection.status).toBe(e.restricted ?? 'not_required');
    expect(result.transparencyDuties.map((d) => d.id).sort()).toEqual([...(e.duties ?? [])].sort());
    expect(result.openQuestions.map((q) => q.id).sort()).toEqual([...(e.open ?? [])].sort());
  });

  it.each(rows)('every basis is explained and the tier follows precedence — $case', (row) => {
    const result = classifyEuAiAct(screening(row.answers));
    expect(result.bases.length).toBeGreaterThan(0);
    for (const b of result.bases) {
      expect(b.provision).toMatch(/^Art\. \d/);
      expect(b.explanation.length).toBeGreaterThan(20);
    }
    const top = result.bases.map((b) => tierOfEffect(b.effect)).reduce<EuTier>((acc, t) => (t && EU_TIER_RANK[t] > EU_TIER_RANK[acc] ? t : acc), 'minimal');
    expect(result.establishedTier).toBe(top);
    for (const q of result.openQuestions) expect(q.question).toMatch(/\?/);
  });
});

describe('classifyEuAiAct: precedence and stacking', () => {
  it('lists every applicable basis even when a prohibition wins', () => {
    const result = classifyEuAiAct(
      screening({ prohibited: { socialScoring: 'yes' }, ...annex('5(a)'), transparency: { interactsWithNaturalPersons: 'yes' } }),
    );
    expect(result.tier).toBe('prohibited');
    expect(result.bases.map((b) => b.effect)).toEqual(expect.arrayContaining(['prohibited', 'high', 'limited']));
    expect(result.deployerDuties).toEqual([]);
    expect(result.friaRequired.status).toBe('not_required');
  });

  it('keeps the tier at high when a higher tier is only possible, but marks it undetermined', () => {
    const result = classifyEuAiAct(screening({ prohibited: { manipulation: 'unsure' }, ...annex('4(a)') }));
    expect(result.tier).toBe('undetermined');
    expect(result.establishedTier).toBe('high');
    expect(result.openQuestions[0]?.couldRaiseTierTo).toBe('prohibited');
  });

  it('does not mark the tier undetermined when an open question could only lower it', () => {
    const result = classifyEuAiAct(screening({ ...annex('5(a)'), derogation: { claimed: 'unsure' } }));
    expect(result.tier).toBe('high');
    expect(result.openQuestions.every((q) => q.couldRaiseTierTo === undefined)).toBe(true);
  });

  it('explains the urgency procedure of Art. 5(3)', () => {
    const result = classifyEuAiAct(
      screening({ prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'imminent_threat_or_terrorism', authorisation: 'urgency_requested_within_24h' } }, context: LE }),
    );
    const exception = result.bases.find((b) => b.effect === 'exception');
    expect(exception?.explanation).toMatch(/refused/);
    expect(result.deployerDuties.find((d) => d.id === 'art5.3')?.reason).toMatch(/24 hours/);
  });

  it('says which failed condition keeps real-time identification prohibited', () => {
    const result = classifyEuAiAct(
      screening({ prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'victims_or_missing_persons', authorisation: 'refused' } }, context: LE }),
    );
    expect(result.bases[0]?.explanation).toMatch(/deleted/);
  });

  it('limits the deep-fake duty, not removes it, for satirical work', () => {
    const result = classifyEuAiAct(screening({ transparency: { deepFake: 'yes', evidentlyArtisticOrSatirical: 'yes' } }));
    expect(result.transparencyDuties.find((d) => d.id === 'art50.4.deep-fake')?.explanation).toMatch(/does not spoil/);
  });

  it('names the addressee of each Art. 50 duty', () => {
    const result = classifyEuAiAct(
      screening({ transparency: { interactsWithNaturalPersons: 'yes', emotionRecognition: 'yes', publicInterestText: 'yes' } }),
    );
    const by = Object.fromEntries(result.transparencyDuties.map((d) => [d.id, d.addressee]));
    expect(by).toEqual({ 'art50.1': 'provider', 'art50.2': 'provider', 'art50.3': 'deployer', 'art50.4.text': 'deployer' });
  });

  it('is deterministic', () => {
    const answers = screening({ ...annex('6(e)', '1(a)'), context: LE, transparency: { interactsWithNaturalPersons: 'yes' } });
    expect(classifyEuAiAct(answers)).toEqual(classifyEuAiAct(answers));
    expect(classifyEuAiAct(answers).highRiskAnnexIII).toEqual(['1(a)', '6(e)']);
    expect(classifyEuAiAct(screening(annex('8(b)', '2', '1(c)'))).highRiskAnnexIII).toEqual(['1(c)', '2', '8(b)']);
  });
});

describe('classifyEuAiAct: deployer duties', () => {
  const duties = (patch: DeepPartial<EuScreeningAnswers>): EuDeployerDutyId[] => classifyEuAiAct(screening(patch)).deployerDuties.map((d) => d.id);

  it.each<[string, DeepPartial<EuScreeningAnswers>, EuDeployerDutyId[]]>([
    ['Art. 4 only for a minimal system', {}, ['art4']],
    ['Art. 4 for a limited system', { transparency: { interactsWithNaturalPersons: 'yes' } }, ['art4']],
    ['Art. 6(4) when relying on a derogation', { ...annex('5(a)'), derogation: { claimed: 'yes', conditions: ['a'] } }, ['art4', 'art6.4']],
    [
      'Art. 26 for a public authority using an Annex III system',
      annex('5(a)'),
      ['art4', 'art26.1', 'art26.2', 'art26.4', 'art26.5', 'art26.6', 'art26.8', 'art26.9', 'art26.11', 'art26.12'],
    ],
    ['Art. 26(7) for employment uses', annex('4(b)'), ['art4', 'art26.1', 'art26.2', 'art26.4', 'art26.5', 'art26.6', 'art26.7', 'art26.8', 'art26.9', 'art26.11', 'art26.12']],
    ['no Art. 26(8) or 26(11) for critical infrastructure (point 2)', annex('2'), ['art4', 'art26.1', 'art26.2', 'art26.4', 'art26.5', 'art26.6', 'art26.9', 'art26.12']],
    [
      'Art. 26(10) for post-remote biometric identification by the police',
      { ...annex('1(a)'), context: LE },
      ['art4', 'art26.1', 'art26.2', 'art26.4', 'art26.5', 'art26.6', 'art26.8', 'art26.9', 'art26.10', 'art26.11', 'art26.12'],
    ],
    [
      'Art. 5(2)-(4), not 26(10), for real-time identification inside the exception',
      { prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'serious_crime_suspect' } }, context: LE },
      ['art4', 'art5.2', 'art5.3', 'art5.4', 'art26.1', 'art26.2', 'art26.4', 'art26.5', 'art26.6', 'art26.8', 'art26.9', 'art26.11', 'art26.12'],
    ],
    ['Art. 26 but no registration duty for an Annex I product', { annexI: { productOrSafetyComponent: 'yes', thirdPartyConformityAssessment: 'yes' } }, ['art4', 'art26.1', 'art26.2', 'art26.4', 'art26.5', 'art26.6', 'art26.9', 'art26.12']],
    ['nothing for a prohibited practice', { prohibited: { untargetedFacialScraping: 'yes' } }, []],
  ])('%s', (_name, patch, expected) => {
    expect(duties(patch)).toEqual(expected);
  });

  it('asks about the workplace and plans to inform workers when unsure (Art. 26(7))', () => {
    const result = classifyEuAiAct(screening({ ...annex('5(a)'), context: { workplace: 'unsure' } }));
    expect(result.deployerDuties.map((d) => d.id)).toContain('art26.7');
    expect(result.openQuestions.map((q) => q.id)).toContain('art26.7.workplace');
  });

  it('cites Art. 5(2) for the assessment and registration of real-time identification', () => {
    const result = classifyEuAiAct(screening({ prohibited: { realTimeRemoteBiometricIdentification: { ...RBI_OK, objective: 'serious_crime_suspect' } }, context: LE }));
    expect(result.friaRequired.provision).toBe('Art. 5(2) + Art. 27');
    expect(result.registrationRequired.provision).toBe('Art. 5(2) + Art. 26(8) + Art. 49(3)');
  });
});
