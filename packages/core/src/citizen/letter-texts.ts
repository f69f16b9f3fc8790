/**
 * The words of the answer letter to a redress request (R-REDRESS), for people who gave a postal
 * address, in Glassbox's own words in English, Spanish and French. The staff answer and everything
 * the person wrote are inserted as written (and escaped by the renderer). French puts a
 * non-breaking space (U+00A0) before ":", "?", "!" and ";".
 */
import type { CitizenLocale, RedressKind, RedressOutcome } from '../db/schema-citizen.js';

export type LetterTextParams = { org: string; system: string; kind: string };

export type LetterTexts = {
  title: string;
  referenceLine: (reference: string) => string;
  kindLine: (kind: string) => string;
  systemLine: (system: string) => string;
  decisionLine: (reference: string) => string;
  greeting: (name: string) => string;
  intro: (p: LetterTextParams) => string;
  /** The request type as a name ("Human review") and inside a sentence ("a human review"). */
  kinds: Record<RedressKind, { name: string; inSentence: string }>;
  outcomeHeading: string;
  outcomeLine: (outcome: string) => string;
  outcomes: Record<RedressOutcome, { name: string; meaning: string }>;
  answerLead: string;
  followHeading: string;
  followReference: (reference: string) => string;
  followWays: string;
  contactEmail: string;
  contactWebsite: string;
  contactPhone: string;
  contactPost: string;
  /** The private status link is stored only as a hash: it cannot be printed again. */
  followNoLink: string;
  rightsHeading: string;
  rights: Record<RedressKind, string[]>;
  /** After the rights of an explanation or a review: how to ask for the next step. */
  howToAsk: string;
  complain: string;
  closing: string;
  producedOn: (date: string) => string;
};

const NB = '\u00a0';

const TEXTS: Record<CitizenLocale, LetterTexts> = {
  en: {
    title: 'Our answer to your request',
    referenceLine: (ref) => `Your reference number: ${ref}`,
    kindLine: (kind) => `Your request: ${kind}`,
    systemLine: (system) => `AI system: ${system}`,
    decisionLine: (ref) => `Decision reference: ${ref}`,
    greeting: (name) => `Dear ${name},`,
    intro: (p) => `You asked ${p.org} for ${p.kind} of a decision in which the AI system “${p.system}” took part. We have looked at your request, and this letter gives you our answer.`,
    kinds: {
      explanation: { name: 'Explanation', inSentence: 'an explanation' },
      human_review: { name: 'Human review', inSentence: 'a human review' },
      appeal: { name: 'Appeal', inSentence: 'an appeal' },
    },
    outcomeHeading: 'Our answer',
    outcomeLine: (outcome) => `Outcome: ${outcome}`,
    outcomes: {
      upheld: { name: 'Upheld', meaning: 'We agree with your request.' },
      partly_upheld: { name: 'Partly upheld', meaning: 'We agree with part of your request.' },
      not_upheld: { name: 'Not upheld', meaning: 'We do not agree with your request: the decision stays as it was.' },
      explanation_given: { name: 'Explanation given', meaning: 'We have explained the decision below.' },
    },
    answerLead: 'This is what the person who handled your request wrote:',
    followHeading: 'Following your request',
    followReference: (ref) => `Please give your reference number (${ref}) whenever you contact us about this request.`,
    followWays: 'You can reach us:',
    contactEmail: 'Email:',
    contactWebsite: 'Website:',
    contactPhone: 'Telephone:',
    contactPost: 'Post:',
    followNoLink:
      'If you were given a private link to follow your request online, we cannot send it again: for your security we do not keep a copy of it. Contact us with your reference number and we will tell you where your request stands.',
    rightsHeading: 'What you can do next',
    rights: {
      explanation: [
        'If this explanation does not satisfy you, or you disagree with the decision, you can ask for a human review: a person who was not involved the first time looks at your case again.',
        'You can also appeal against the decision, within the time limit given in your decision letter.',
      ],
      human_review: ['If you disagree with the result of this review, you can appeal against the decision, within the time limit given in your decision letter.'],
      appeal: ['This letter answers your appeal. If you still disagree, you may be able to take the matter to a court or tribunal; time limits may apply, so do not wait too long.'],
    },
    howToAsk: 'To do so, contact us in one of the ways above and give your reference number. Asking is free.',
    complain: 'If you are not satisfied with how we handled your request, you can complain to an independent body, such as the data protection authority or the ombudsman.',
    closing: 'Yours sincerely,',
    producedOn: (date) => `Letter produced on ${date}.`,
  },
  es: {
    title: 'Nuestra respuesta a su solicitud',
    referenceLine: (ref) => `Su número de referencia: ${ref}`,
    kindLine: (kind) => `Su solicitud: ${kind}`,
    systemLine: (system) => `Sistema de IA: ${system}`,
    decisionLine: (ref) => `Referencia de la decisión: ${ref}`,
    greeting: (name) => `Estimado/a ${name}:`,
    intro: (p) => `Usted pidió a ${p.org} ${p.kind} de una decisión en la que intervino el sistema de IA «${p.system}». Hemos examinado su solicitud y en esta carta le damos nuestra respuesta.`,
    kinds: {
      explanation: { name: 'Explicación', inSentence: 'una explicación' },
      human_review: { name: 'Revisión humana', inSentence: 'una revisión humana' },
      appeal: { name: 'Recurso', inSentence: 'la revisión, mediante recurso,' },
    },
    outcomeHeading: 'Nuestra respuesta',
    outcomeLine: (outcome) => `Resultado: ${outcome}`,
    outcomes: {
      upheld: { name: 'Estimada', meaning: 'Estamos de acuerdo con su solicitud.' },
      partly_upheld: { name: 'Estimada en parte', meaning: 'Estamos de acuerdo con una parte de su solicitud.' },
      not_upheld: { name: 'Desestimada', meaning: 'No estamos de acuerdo con su solicitud: la decisión se mantiene.' },
      explanation_given: { name: 'Explicación dada', meaning: 'Le explicamos la decisión a continuación.' },
    },
    answerLead: 'Esto es lo que escribió la persona que se ocupó de su solicitud:',
    followHeading: 'Seguimiento de su solicitud',
    followReference: (ref) => `Indique su número de referencia (${ref}) siempre que se ponga en contacto con nosotros sobre esta solicitud.`,
    followWays: 'Puede contactarnos por:',
    contactEmail: 'Correo electrónico:',
    contactWebsite: 'Página web:',
    contactPhone: 'Teléfono:',
    contactPost: 'Correo postal:',
    followNoLink:
      'Si recibió un enlace privado para seguir su solicitud en internet, no podemos enviárselo de nuevo: por su seguridad no guardamos una copia. Póngase en contacto con nosotros con su número de referencia y le diremos en qué punto está su solicitud.',
    rightsHeading: 'Qué puede hacer ahora',
    rights: {
      explanation: [
        'Si esta explicación no le satisface, o no está de acuerdo con la decisión, puede pedir una revisión humana: una persona que no intervino la primera vez vuelve a examinar su caso.',
        'También puede recurrir la decisión, dentro del plazo indicado en la carta de la decisión.',
      ],
      human_review: ['Si no está de acuerdo con el resultado de esta revisión, puede recurrir la decisión, dentro del plazo indicado en la carta de la decisión.'],
      appeal: ['Esta carta responde a su recurso. Si sigue sin estar de acuerdo, puede que pueda llevar el asunto ante un tribunal; puede haber plazos, así que no espere demasiado.'],
    },
    howToAsk: 'Para ello, contáctenos de una de las formas indicadas arriba e indique su número de referencia. Pedirlo es gratuito.',
    complain: 'Si no está satisfecho/a con cómo tratamos su solicitud, puede presentar una queja ante un organismo independiente, como la autoridad de protección de datos o el defensor del pueblo.',
    closing: 'Atentamente,',
    producedOn: (date) => `Carta emitida el ${date}.`,
  },
  fr: {
    title: 'Notre réponse à votre demande',
    referenceLine: (ref) => `Votre numéro de référence${NB}: ${ref}`,
    kindLine: (kind) => `Votre demande${NB}: ${kind}`,
    systemLine: (system) => `Système d’IA${NB}: ${system}`,
    decisionLine: (ref) => `Référence de la décision${NB}: ${ref}`,
    greeting: (name) => `Madame, Monsieur ${name},`,
    intro: (p) =>
      `Vous avez demandé à ${p.org} ${p.kind} d’une décision à laquelle le système d’IA «${NB}${p.system}${NB}» a participé. Nous avons examiné votre demande et cette lettre vous apporte notre réponse.`,
    kinds: {
      explanation: { name: 'Explication', inSentence: 'une explication' },
      human_review: { name: 'Réexamen humain', inSentence: 'un réexamen humain' },
      appeal: { name: 'Recours', inSentence: 'le réexamen, par un recours,' },
    },
    outcomeHeading: 'Notre réponse',
    outcomeLine: (outcome) => `Résultat${NB}: ${outcome}`,
    outcomes: {
      upheld: { name: 'Demande acceptée', meaning: 'Nous sommes d’accord avec votre demande.' },
      partly_upheld: { name: 'Demande acceptée en partie', meaning: 'Nous sommes d’accord avec une partie de votre demande.' },
      not_upheld: { name: 'Demande rejetée', meaning: `Nous ne sommes pas d’accord avec votre demande${NB}: la décision reste inchangée.` },
      explanation_given: { name: 'Explication donnée', meaning: 'Nous vous expliquons la décision ci-dessous.' },
    },
    answerLead: `Voici ce qu’a écrit la personne qui a traité votre demande${NB}:`,
    followHeading: 'Suivre votre demande',
    followReference: (ref) => `Indiquez votre numéro de référence (${ref}) chaque fois que vous nous contactez au sujet de cette demande.`,
    followWays: `Vous pouvez nous joindre${NB}:`,
    contactEmail: `Courriel${NB}:`,
    contactWebsite: `Site web${NB}:`,
    contactPhone: `Téléphone${NB}:`,
    contactPost: `Courrier${NB}:`,
    followNoLink: `Si vous avez reçu un lien privé pour suivre votre demande en ligne, nous ne pouvons pas vous le renvoyer${NB}: pour votre sécurité, nous n’en gardons pas de copie. Contactez-nous avec votre numéro de référence et nous vous dirons où en est votre demande.`,
    rightsHeading: 'Ce que vous pouvez faire ensuite',
    rights: {
      explanation: [
        `Si cette explication ne vous satisfait pas, ou si vous n’êtes pas d’accord avec la décision, vous pouvez demander un réexamen humain${NB}: une personne qui n’est pas intervenue la première fois examine à nouveau votre dossier.`,
        'Vous pouvez aussi contester la décision, dans le délai indiqué dans votre lettre de décision.',
      ],
      human_review: ['Si vous n’êtes pas d’accord avec le résultat de ce réexamen, vous pouvez contester la décision, dans le délai indiqué dans votre lettre de décision.'],
      appeal: [`Cette lettre répond à votre recours. Si vous n’êtes toujours pas d’accord, vous pourrez peut-être saisir un tribunal${NB}; des délais peuvent s’appliquer, n’attendez donc pas trop.`],
    },
    howToAsk: 'Pour cela, contactez-nous par l’un des moyens ci-dessus en indiquant votre numéro de référence. La demande est gratuite.',
    complain: 'Si vous n’êtes pas satisfait(e) de la façon dont nous avons traité votre demande, vous pouvez saisir un organisme indépendant, comme l’autorité de protection des données ou le médiateur.',
    closing: 'Veuillez agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
    producedOn: (date) => `Lettre établie le ${date}.`,
  },
};

export const letterTexts = (locale: CitizenLocale): LetterTexts => TEXTS[locale];
