/**
 * Art. 50 of Regulation (EU) 2024/1689: transparency duties for certain AI systems. They stack on
 * any tier (Art. 50(6): they leave Chapter III untouched), so a high-risk or even a prohibited
 * system still carries them. Exemptions are exceptions: an unsure exemption leaves the duty in
 * place and raises an open question.
 */
import { strongest, type Answer } from '../common.js';
import type { EuBasis, EuOpenQuestion, TransparencyDuty, TransparencyDutyId } from './classification.js';
import type { EuScreeningAnswers } from './screening.js';

export type TransparencyOutcome = {
  duties: TransparencyDuty[];
  bases: EuBasis[];
  openQuestions: EuOpenQuestion[];
};

type Exemption = { answer: Answer; provision: string; explanation: string; id: string; question: string };

type DutyRule = {
  id: TransparencyDutyId;
  provision: string;
  addressee: 'provider' | 'deployer';
  trigger: Answer;
  triggerQuestion: string;
  explanation: string;
  exemptions: Exemption[];
};

/**
 * Art. 50(1)-(4), with the exemptions in each paragraph: obviousness (50(1)), assistive editing
 * (50(2)), law enforcement (50(1)-(4)), human review with editorial responsibility (50(4), second
 * subparagraph). A deep fake in an evidently artistic or satirical work still needs disclosure, in
 * a form that does not spoil the work. Deep fakes and public-interest texts are synthetic content,
 * so they also bring the provider's marking duty of 50(2).
 */
export function evaluateTransparency(a: EuScreeningAnswers): TransparencyOutcome {
  const t = a.transparency;
  const le = t.authorisedByLawForCriminalOffences ?? 'no';
  const lawEnforcement = (provision: string, id: string): Exemption => ({
    answer: le,
    provision,
    id,
    explanation: 'The use is authorised by law to detect, prevent, investigate or prosecute criminal offences, which this paragraph exempts.',
    question: 'Is this use authorised by law to detect, prevent, investigate or prosecute criminal offences, with safeguards for third parties?',
  });
  // 50(1): the law-enforcement exemption falls away when the public can report crimes through the system.
  const reportChannel = t.availableToPublicToReportCrime ?? 'unsure';
  const le501: Answer = le === 'yes' ? (reportChannel === 'no' ? 'yes' : reportChannel === 'yes' ? 'no' : 'unsure') : le;

  // Only a definite deep fake, public-interest text or Art. 5 practice implies another duty; their
  // "unsure" already has its own open question.
  const yesOnly = (x: Answer): Answer => (x === 'yes' ? 'yes' : 'no');
  const synthetic = strongest(t.generatesSyntheticContent, yesOnly(t.deepFake), yesOnly(t.publicInterestText));
  const impliedSynthetic = t.generatesSyntheticContent !== 'yes' && synthetic === 'yes';
  const f = a.prohibited.emotionRecognitionAtWorkOrEducation.practice;
  const g = a.prohibited.sensitiveBiometricCategorisation.practice;
  const exposure = strongest(t.emotionRecognition, t.biometricCategorisation, yesOnly(f), yesOnly(g));
  const impliedExposure = t.emotionRecognition !== 'yes' && t.biometricCategorisation !== 'yes' && exposure === 'yes';
  const artistic = t.evidentlyArtisticOrSatirical === 'yes';

  const rules: DutyRule[] = [
    {
      id: 'art50.1',
      provision: 'Art. 50(1)',
      addressee: 'provider',
      trigger: t.interactsWithNaturalPersons,
      triggerQuestion: 'Do people (members of the public or staff) interact directly with the system, for example by chatting or talking to it?',
      explanation:
        'People interact directly with the system, so it must be built to tell them they are dealing with an AI system. This binds the provider: require it of the vendor, or build it in if you developed the system.',
      exemptions: [
        {
          answer: t.interactionObvious ?? 'no',
          provision: 'Art. 50(1)',
          id: 'art50.1.obvious',
          explanation: 'It is obvious to a reasonably well-informed, observant person in this context that they are dealing with an AI system.',
          question: 'Would a reasonably well-informed, observant person in this context see at once that they are dealing with an AI system?',
        },
        { ...lawEnforcement('Art. 50(1)', 'art50.1.law-enforcement'), answer: le501, question: 'Is this use authorised by law for criminal investigations, and is it closed to members of the public reporting a crime?' },
      ],
    },
    {
      id: 'art50.2',
      provision: 'Art. 50(2)',
      addressee: 'provider',
      trigger: synthetic,
      triggerQuestion: 'Does the system generate synthetic audio, images, video or text?',
      explanation: `The system generates synthetic audio, images, video or text${impliedSynthetic ? ' (deep fakes or published texts are such content)' : ''}, so its outputs must be marked in a machine-readable way and be detectable as AI-generated. This binds the provider: require it of the vendor, or build it in.`,
      exemptions: [
        {
          answer: t.assistiveOrNoSubstantialAlteration ?? 'no',
          provision: 'Art. 50(2)',
          id: 'art50.2.assistive',
          explanation: 'The system only assists standard editing, or does not substantially change the input or its meaning, which Art. 50(2) exempts from marking.',
          question: 'Does the system only assist standard editing (spelling, layout) or otherwise leave the input and its meaning substantially unchanged?',
        },
        lawEnforcement('Art. 50(2)', 'art50.2.law-enforcement'),
      ],
    },
    {
      id: 'art50.3',
      provision: 'Art. 50(3)',
      addressee: 'deployer',
      trigger: exposure,
      triggerQuestion: 'Does the system recognise emotions or sort people into categories from their biometric data?',
      explanation: `The system recognises emotions or categorises people from biometric data${impliedExposure ? ' (as the Art. 5 answers show)' : ''}, so the people exposed to it must be told that it operates, and their data processed under the GDPR, EUDPR or Law Enforcement Directive.`,
      exemptions: [lawEnforcement('Art. 50(3)', 'art50.3.law-enforcement')],
    },
    {
      id: 'art50.4.deep-fake',
      provision: 'Art. 50(4), first subparagraph',
      addressee: 'deployer',
      trigger: t.deepFake,
      triggerQuestion: 'Does the system produce or alter images, audio or video that resemble real people, places or events and could pass as authentic (a deep fake)?',
      explanation: artistic
        ? 'The system produces deep fakes within an evidently artistic, creative, satirical or fictional work: disclose that such content exists, in a way that does not spoil the work.'
        : 'The system produces deep fakes, so you must disclose that the content was artificially generated or manipulated.',
      exemptions: [lawEnforcement('Art. 50(4)', 'art50.4.law-enforcement')],
    },
    {
      id: 'art50.4.text',
      provision: 'Art. 50(4), second subparagraph',
      addressee: 'deployer',
      trigger: t.publicInterestText,
      triggerQuestion: 'Does the system write or alter text that you publish to inform the public on matters of public interest?',
      explanation:
        'The system writes or alters text published to inform the public on matters of public interest, and no human review with editorial responsibility has been shown, so you must disclose that the text was AI-generated or manipulated.',
      exemptions: [
        {
          answer: t.humanReviewWithEditorialResponsibility ?? 'no',
          provision: 'Art. 50(4), second subparagraph',
          id: 'art50.4.text.editorial',
          explanation:
            'The text goes through human review or editorial control and a person or organisation holds editorial responsibility for it, so no AI disclosure is required.',
          question: 'Does a person review or edit every text before publication, and does a named person or body take editorial responsibility for it?',
        },
        lawEnforcement('Art. 50(4)', 'art50.4.law-enforcement'),
      ],
    },
  ];

  const out: TransparencyOutcome = { duties: [], bases: [], openQuestions: [] };
  for (const rule of rules) applyRule(rule, out);
  return out;
}

function applyRule(rule: DutyRule, out: TransparencyOutcome): void {
  if (rule.trigger === 'no') return;
  if (rule.trigger === 'unsure') {
    out.openQuestions.push({ id: rule.id, provision: rule.provision, question: rule.triggerQuestion, couldRaiseTierTo: 'limited' });
    return;
  }
  const exempt = rule.exemptions.find((e) => e.answer === 'yes');
  if (exempt) {
    out.bases.push({ provision: exempt.provision, effect: 'exempt', explanation: exempt.explanation });
    return;
  }
  for (const e of rule.exemptions)
    if (e.answer === 'unsure') out.openQuestions.push({ id: e.id, provision: e.provision, question: `${e.question} Until this is shown the duty applies.` });
  out.bases.push({ provision: rule.provision, effect: 'limited', explanation: rule.explanation });
  out.duties.push({ id: rule.id, provision: rule.provision, addressee: rule.addressee, explanation: rule.explanation });
}
