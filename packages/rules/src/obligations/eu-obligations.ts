/**
 * Turns an EU AI Act classification into deployer obligation templates: Art. 4, the Art. 5(2)-(4)
 * conditions, Art. 6(4), the Art. 26 points, the Art. 27 assessment, Art. 26(8)/49 registration and
 * the Art. 50 duties. A prohibited use gets one obligation: do not use it.
 */
import type { ObligationPhase } from '../common.js';
import type { EuClassification, EuDeployerDutyId, TransparencyDutyId } from '../eu-ai-act/classification.js';
import type { ObligationTemplate } from './template.js';

type Text = { key: string; title: string; description: string; phase: ObligationPhase; recurrenceMonths?: number };

const DEPLOYER_TEXTS: Record<EuDeployerDutyId, Text[]> = {
  art4: [
    {
      key: 'eu.art4.ai-literacy',
      title: 'Make sure staff understand the AI they use',
      description: 'Give the people who operate or use the system enough knowledge of how it works, its limits and its risks, suited to their role and to the people it affects.',
      phase: 'before_deployment',
    },
  ],
  'art5.2': [
    {
      key: 'eu.art5.2.rbi-limits',
      title: 'Keep each identification within its authorised limits',
      description: 'Use the system only to confirm the identity of the specifically targeted person, within the limits of time, place and persons set by national law and by the authorisation.',
      phase: 'in_operation',
    },
  ],
  'art5.3': [
    {
      key: 'eu.art5.3.rbi-authorisation',
      title: 'Have every use authorised',
      description:
        'Get each use authorised beforehand by a judicial or independent administrative authority; in a duly justified urgency, request it within 24 hours. If it is refused, stop at once and delete all data, results and outputs. No decision with adverse legal effect may rest on the output alone.',
      phase: 'in_operation',
    },
  ],
  'art5.4': [
    {
      key: 'eu.art5.4.rbi-notify-each-use',
      title: 'Notify every use to the authorities',
      description: 'Report each use to the market surveillance authority and the national data protection authority, without sensitive operational data.',
      phase: 'in_operation',
    },
  ],
  'art6.4': [
    {
      key: 'eu.art6.4.derogation-file',
      title: 'Keep the provider’s “not high-risk” assessment on file',
      description:
        'The system is listed in Annex III but relies on the Art. 6(3) derogation. Obtain the provider’s documented assessment (or write it, if you built the system) and check it is registered in the EU database; re-check if the use changes, in particular if it starts profiling people.',
      phase: 'before_deployment',
    },
  ],
  'art26.1': [
    {
      key: 'eu.art26.1.use-per-instructions',
      title: 'Use the system as the provider’s instructions say',
      description: 'Put technical and organisational measures in place so the system is used only as its instructions for use describe.',
      phase: 'before_deployment',
    },
  ],
  'art26.2': [
    {
      key: 'eu.art26.2.human-oversight',
      title: 'Assign trained people to oversee the system',
      description: 'Name the people who oversee the system and make sure they have the competence, training, authority and support to question and override it.',
      phase: 'before_deployment',
    },
  ],
  'art26.4': [
    {
      key: 'eu.art26.4.input-data',
      title: 'Keep input data relevant and representative',
      description: 'Where you control the data fed into the system, check that it is relevant and representative enough for the purpose.',
      phase: 'in_operation',
    },
  ],
  'art26.5': [
    {
      key: 'eu.art26.5.monitor-and-report',
      title: 'Monitor the system and report problems',
      description:
        'Follow how the system works in practice. If it may present a risk, tell the provider and the market surveillance authority and suspend use; report serious incidents to the provider first, then the authorities.',
      phase: 'in_operation',
    },
  ],
  'art26.6': [
    {
      key: 'eu.art26.6.keep-logs',
      title: 'Keep the system’s logs for at least six months',
      description: 'Keep the logs the system generates, as far as they are under your control, for at least six months unless other law (such as data protection law) says otherwise.',
      phase: 'in_operation',
    },
  ],
  'art26.7': [
    {
      key: 'eu.art26.7.inform-workers',
      title: 'Inform workers and their representatives',
      description: 'Before using the system at work, tell the workers’ representatives and the affected staff that it will be used on them, following national rules on informing workers.',
      phase: 'before_deployment',
    },
  ],
  'art26.8': [
    {
      key: 'eu.art26.8.provider-registered',
      title: 'Check the provider registered the system',
      description: 'Do not use a high-risk system the provider has not registered in the EU database; if it is missing, tell the provider or distributor.',
      phase: 'before_deployment',
    },
  ],
  'art26.9': [
    {
      key: 'eu.art26.9.dpia',
      title: 'Use the provider’s information in the data protection impact assessment',
      description: 'Where a data protection impact assessment is required (GDPR Art. 35 or LED Art. 27), base it on the information the provider must give under Art. 13.',
      phase: 'before_deployment',
    },
  ],
  'art26.10': [
    {
      key: 'eu.art26.10.post-rbi-authorisation',
      title: 'Authorise each post-remote biometric identification',
      description:
        'In a criminal investigation, request authorisation before each use or within 48 hours, tie it to a specific offence, record it in the police file, stop and delete the data if refused, and never decide against someone on the output alone.',
      phase: 'in_operation',
    },
    {
      key: 'eu.art26.10.annual-report',
      title: 'Report yearly on post-remote biometric identification',
      description: 'Send the market surveillance and data protection authorities an annual report on the use, without sensitive operational data.',
      phase: 'in_operation',
      recurrenceMonths: 12,
    },
  ],
  'art26.11': [
    {
      key: 'eu.art26.11.inform-affected-persons',
      title: 'Tell people the system is used in decisions about them',
      description: 'Inform the people about whom the system makes or helps make decisions that it is used on them (for law enforcement, as LED Art. 13 provides).',
      phase: 'before_deployment',
    },
  ],
  'art26.12': [
    {
      key: 'eu.art26.12.cooperate-with-authorities',
      title: 'Cooperate with the competent authorities',
      description: 'Support the competent authorities in any action they take about the system.',
      phase: 'in_operation',
    },
  ],
};

const TRANSPARENCY_TEXTS: Record<TransparencyDutyId, Text> = {
  'art50.1': {
    key: 'eu.art50.1.inform-interaction',
    title: 'Tell people they are dealing with an AI system',
    description:
      'Make sure people who interact with the system are told, clearly and at the latest at their first interaction, that it is an AI system. This is built in by the provider: require it from the vendor or build it yourself.',
    phase: 'before_deployment',
  },
  'art50.2': {
    key: 'eu.art50.2.mark-synthetic-content',
    title: 'Mark generated content as AI-generated',
    description: 'Make sure generated audio, images, video or text carry a machine-readable mark that shows they are AI-generated. This is the provider’s duty: require it from the vendor or build it yourself.',
    phase: 'before_deployment',
  },
  'art50.3': {
    key: 'eu.art50.3.inform-exposed-persons',
    title: 'Tell people exposed to emotion recognition or biometric categorisation',
    description: 'Inform the people exposed to the system that it is operating, at the latest when they are first exposed, in an accessible way, and process their data under data protection law.',
    phase: 'before_deployment',
  },
  'art50.4.deep-fake': {
    key: 'eu.art50.4.disclose-deep-fake',
    title: 'Disclose deep fakes',
    description: 'Label images, audio or video the system generates or manipulates to look real as artificially generated or manipulated (in artistic or satirical work, in a way that does not spoil it).',
    phase: 'before_deployment',
  },
  'art50.4.text': {
    key: 'eu.art50.4.disclose-ai-text',
    title: 'Disclose AI-generated public information texts',
    description: 'Say that texts published to inform the public were AI-generated, unless a person reviews them and someone takes editorial responsibility for publication.',
    phase: 'before_deployment',
  },
};

const make = (reference: string, text: Text): ObligationTemplate => ({
  key: text.key,
  framework: 'eu-ai-act',
  reference,
  title: text.title,
  description: text.description,
  phase: text.phase,
  ...(text.recurrenceMonths !== undefined ? { recurrenceMonths: text.recurrenceMonths } : {}),
});

/** Obligation templates for a deployer under the EU AI Act (Art. 4, 5, 6(4), 26, 27, 49, 50). */
export function euObligations(eu: EuClassification): ObligationTemplate[] {
  const out: ObligationTemplate[] = [];
  if (eu.openQuestions.length > 0)
    out.push(
      make(eu.openQuestions.map((q) => q.provision).filter((p, i, all) => all.indexOf(p) === i).join('; '), {
        key: 'eu.screening.resolve-open-questions',
        title: 'Answer the open EU AI Act screening questions',
        description: `The screening left ${eu.openQuestions.length} question(s) open. Answer them and classify again before the system is used; until then the stricter reading applies.`,
        phase: 'before_deployment',
      }),
    );
  if (eu.establishedTier === 'prohibited') {
    const provisions = eu.bases.filter((b) => b.effect === 'prohibited').map((b) => b.provision);
    out.push(
      make(provisions.join('; '), {
        key: 'eu.art5.do-not-use',
        title: 'Do not use this system: the practice is prohibited',
        description: 'The EU AI Act prohibits this use. Stop or do not start it, and delete data gathered through it where the Act requires. No assessment or approval can make it lawful.',
        phase: 'before_deployment',
      }),
    );
    return out;
  }
  for (const duty of eu.deployerDuties) for (const text of DEPLOYER_TEXTS[duty.id]) out.push(make(duty.provision, text));
  if (eu.friaRequired.status === 'required') {
    out.push(
      make(eu.friaRequired.provision, {
        key: 'eu.art27.fria',
        title: 'Carry out a fundamental rights impact assessment',
        description:
          'Before first use, describe the process the system serves, how long and how often it is used, who is affected, the specific risks of harm to them, the human oversight in place, and what you do if the risks materialise (governance, complaints). Update it when any of this changes.',
        phase: 'before_deployment',
      }),
      make('Art. 27(3)', {
        key: 'eu.art27.3.notify-fria',
        title: 'Send the assessment results to the market surveillance authority',
        description: 'Notify the results of the fundamental rights impact assessment to the market surveillance authority using the AI Office template.',
        phase: 'before_deployment',
      }),
    );
  }
  if (eu.registrationRequired.status === 'required') {
    const restricted = eu.restrictedSection.status === 'required';
    out.push(
      make(restricted ? `${eu.registrationRequired.provision} + Art. 49(4)` : eu.registrationRequired.provision, {
        key: 'eu.art49.registration',
        title: restricted ? 'Register the use in the secure non-public section of the EU database' : 'Register the use in the EU database',
        description: restricted
          ? 'Before use, register your organisation and this use in the secure non-public section of the EU database, giving only your identity, contact details and the provider’s entry (Annex VIII C.1-C.3).'
          : 'Before use, register your organisation, select the system and register this use in the EU database, including a summary of the fundamental rights and data protection impact assessments (Annex VIII Section C).',
        phase: 'before_deployment',
      }),
    );
  }
  for (const duty of eu.transparencyDuties) out.push(make(duty.provision, TRANSPARENCY_TEXTS[duty.id]));
  return out;
}
