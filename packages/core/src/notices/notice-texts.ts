/**
 * The words of the "AI assisted in your case" notice (R-NOTICE), in Glassbox's own words, in
 * English, Spanish and French, each in a standard and an easy-read variant. Easy read: short
 * sentences, one idea per line, everyday words, the most important thing first.
 *
 * Spanish and French say exactly what English says; French puts a non-breaking space (U+00A0)
 * before ":", "?", "!" and ";". Staff-written texts (what the system does, what the person does)
 * are inserted as the organisation wrote them.
 */
import type { CitizenLocale, NoticeVariant } from '../db/schema-citizen.js';

export type NoticeTextParams = {
  org: string;
  system: string;
};

export type NoticeTexts = {
  /** Document title and main heading. */
  title: string;
  greeting: (name: string) => string;
  caseLine: (reference: string) => string;
  decisionLine: (date: string) => string;
  intro: (p: NoticeTextParams) => string[];
  whatHeading: string;
  /** Lead-in before the organisation's own description of the system. */
  whatLead: (p: NoticeTextParams) => string;
  humanHeading: string;
  human: string[];
  humanLead: string;
  rightsHeading: string;
  rightsLead: string;
  rights: string[];
  askHeading: string;
  askLead: string;
  askOnline: string;
  askEmail: string;
  askWebsite: string;
  askPhone: string;
  askPost: string;
  askReference: (reference: string) => string;
  askFree: string[];
  moreHeading: string;
  moreRegister: string;
  generatedOn: (date: string) => string;
};

const NB = '\u00a0';

const en: Record<NoticeVariant, NoticeTexts> = {
  standard: {
    title: 'An AI system helped with your case',
    greeting: (name) => `Dear ${name},`,
    caseLine: (ref) => `Your case reference: ${ref}`,
    decisionLine: (date) => `Date of the decision: ${date}`,
    intro: (p) => [
      `${p.org} used a computer system called “${p.system}” while handling your case. It is an AI system: software that finds patterns in information and suggests an outcome or a next step.`,
      'This notice tells you what the system did, who made the decision, and what you can do if you have questions or disagree.',
    ],
    whatHeading: 'What the system did',
    whatLead: (p) => `This is how ${p.org} describes the system:`,
    humanHeading: 'A person made the decision',
    human: [
      'A trained member of staff looked at your case before any decision was made. They saw what the system suggested, checked it against the facts of your case, and could set it aside.',
      'The system did not make the decision on its own.',
    ],
    humanLead: 'What the member of staff does:',
    rightsHeading: 'Your rights',
    rightsLead: 'Because an AI system was used in your case, you can:',
    rights: [
      'ask for an explanation of the role the system played and of the main reasons for the decision;',
      'ask for your case to be looked at again by a person who was not involved the first time (a human review);',
      'appeal against the decision, within the time limit given in your decision letter;',
      'see the personal information we hold about you, and ask us to correct it if it is wrong;',
      'complain to an independent body, such as the data protection authority or the ombudsman, if you are not satisfied with our answer.',
    ],
    askHeading: 'How to ask for an explanation, a human review or an appeal',
    askLead: 'You can use any of these ways:',
    askOnline: 'Online form:',
    askEmail: 'Email:',
    askWebsite: 'Contact page:',
    askPhone: 'Telephone:',
    askPost: 'Post:',
    askReference: (ref) => `Please give your case reference (${ref}) so we can find your case quickly.`,
    askFree: ['Asking is free. It will not count against you, and it will not change the decision without a person looking at it again.'],
    moreHeading: 'More about this system',
    moreRegister: 'You can read more about the system, and how it is checked, in our public register of AI systems:',
    generatedOn: (date) => `Notice produced on ${date}.`,
  },
  easy_read: {
    title: 'A computer helped with your case',
    greeting: (name) => `Dear ${name},`,
    caseLine: (ref) => `Your case number: ${ref}`,
    decisionLine: (date) => `We decided on: ${date}`,
    intro: (p) => [`${p.org} used a computer program on your case.`, `The program is called “${p.system}”.`, 'This letter tells you what it did.', 'It tells you what you can do.'],
    whatHeading: 'What the computer did',
    whatLead: () => 'We say it like this:',
    humanHeading: 'A person decided',
    human: ['A person from our staff looked at your case.', 'The person is trained to do this.', 'The person made the decision.', 'The computer did not decide.'],
    humanLead: 'What the person does:',
    rightsHeading: 'What you can do',
    rightsLead: 'You can:',
    rights: ['ask us why we decided this;', 'ask a different person to look at your case again;', 'appeal if you think the decision is wrong;', 'ask to see what we know about you;', 'complain to someone outside our organisation.'],
    askHeading: 'How to ask',
    askLead: 'Use one of these ways:',
    askOnline: 'Online:',
    askEmail: 'Email:',
    askWebsite: 'Website:',
    askPhone: 'Phone:',
    askPost: 'Letter:',
    askReference: (ref) => `Tell us your case number: ${ref}.`,
    askFree: ['Asking is free.', 'Asking will not get you into trouble.'],
    moreHeading: 'Find out more',
    moreRegister: 'Read more about the computer program here:',
    generatedOn: (date) => `Letter made on ${date}.`,
  },
};

const es: Record<NoticeVariant, NoticeTexts> = {
  standard: {
    title: 'Un sistema de IA ayudó en su caso',
    greeting: (name) => `Estimado/a ${name}:`,
    caseLine: (ref) => `Referencia de su caso: ${ref}`,
    decisionLine: (date) => `Fecha de la decisión: ${date}`,
    intro: (p) => [
      `${p.org} utilizó un sistema informático llamado «${p.system}» al tramitar su caso. Es un sistema de IA: un programa que encuentra patrones en la información y sugiere un resultado o un paso siguiente.`,
      'Este aviso le explica qué hizo el sistema, quién tomó la decisión y qué puede hacer si tiene preguntas o no está de acuerdo.',
    ],
    whatHeading: 'Qué hizo el sistema',
    whatLead: (p) => `Así describe ${p.org} el sistema:`,
    humanHeading: 'Una persona tomó la decisión',
    human: [
      'Una persona de nuestro personal, con la formación necesaria, examinó su caso antes de tomar cualquier decisión. Vio lo que sugería el sistema, lo comparó con los hechos de su caso y podía descartarlo.',
      'El sistema no tomó la decisión por sí solo.',
    ],
    humanLead: 'Lo que hace la persona de nuestro personal:',
    rightsHeading: 'Sus derechos',
    rightsLead: 'Como en su caso se utilizó un sistema de IA, usted puede:',
    rights: [
      'pedir una explicación del papel que tuvo el sistema y de los motivos principales de la decisión;',
      'pedir que una persona que no intervino la primera vez vuelva a examinar su caso (revisión humana);',
      'recurrir la decisión, dentro del plazo indicado en la carta de la decisión;',
      'consultar los datos personales que tenemos sobre usted y pedir que los corrijamos si son erróneos;',
      'presentar una queja ante un organismo independiente, como la autoridad de protección de datos o el defensor del pueblo, si no está satisfecho/a con nuestra respuesta.',
    ],
    askHeading: 'Cómo pedir una explicación, una revisión humana o presentar un recurso',
    askLead: 'Puede hacerlo de cualquiera de estas formas:',
    askOnline: 'Formulario en línea:',
    askEmail: 'Correo electrónico:',
    askWebsite: 'Página de contacto:',
    askPhone: 'Teléfono:',
    askPost: 'Correo postal:',
    askReference: (ref) => `Indique la referencia de su caso (${ref}) para que podamos encontrarlo rápidamente.`,
    askFree: ['Pedirlo es gratuito. No le perjudicará, y la decisión no cambiará sin que una persona vuelva a examinarla.'],
    moreHeading: 'Más información sobre este sistema',
    moreRegister: 'Puede leer más sobre el sistema, y sobre cómo se controla, en nuestro registro público de sistemas de IA:',
    generatedOn: (date) => `Aviso emitido el ${date}.`,
  },
  easy_read: {
    title: 'Un ordenador ayudó en su caso',
    greeting: (name) => `Hola, ${name}:`,
    caseLine: (ref) => `Su número de caso: ${ref}`,
    decisionLine: (date) => `Decidimos el día: ${date}`,
    intro: (p) => [`${p.org} usó un programa de ordenador en su caso.`, `El programa se llama «${p.system}».`, 'Esta carta le cuenta qué hizo.', 'También le cuenta qué puede hacer usted.'],
    whatHeading: 'Qué hizo el ordenador',
    whatLead: () => 'Lo contamos así:',
    humanHeading: 'Una persona decidió',
    human: ['Una persona de nuestro personal miró su caso.', 'Esa persona sabe hacer este trabajo.', 'Esa persona tomó la decisión.', 'El ordenador no decidió.'],
    humanLead: 'Lo que hace la persona:',
    rightsHeading: 'Lo que usted puede hacer',
    rightsLead: 'Usted puede:',
    rights: ['preguntarnos por qué decidimos esto;', 'pedir que otra persona mire su caso otra vez;', 'recurrir si cree que la decisión está mal;', 'pedir ver lo que sabemos de usted;', 'quejarse ante alguien de fuera de nuestra organización.'],
    askHeading: 'Cómo pedirlo',
    askLead: 'Use una de estas formas:',
    askOnline: 'En internet:',
    askEmail: 'Correo electrónico:',
    askWebsite: 'Página web:',
    askPhone: 'Teléfono:',
    askPost: 'Carta:',
    askReference: (ref) => `Díganos su número de caso: ${ref}.`,
    askFree: ['Pedirlo es gratis.', 'Pedirlo no le causará problemas.'],
    moreHeading: 'Saber más',
    moreRegister: 'Lea más sobre el programa aquí:',
    generatedOn: (date) => `Carta hecha el ${date}.`,
  },
};

const fr: Record<NoticeVariant, NoticeTexts> = {
  standard: {
    title: 'Un système d’IA a aidé à traiter votre dossier',
    greeting: (name) => `Madame, Monsieur ${name},`,
    caseLine: (ref) => `Référence de votre dossier${NB}: ${ref}`,
    decisionLine: (date) => `Date de la décision${NB}: ${date}`,
    intro: (p) => [
      `${p.org} a utilisé un système informatique appelé «${NB}${p.system}${NB}» pour traiter votre dossier. C’est un système d’IA${NB}: un logiciel qui repère des régularités dans des informations et propose un résultat ou une étape suivante.`,
      'Cet avis vous explique ce que le système a fait, qui a pris la décision et ce que vous pouvez faire si vous avez des questions ou si vous n’êtes pas d’accord.',
    ],
    whatHeading: 'Ce que le système a fait',
    whatLead: (p) => `Voici comment ${p.org} décrit le système${NB}:`,
    humanHeading: 'Une personne a pris la décision',
    human: [
      'Un agent formé à cette tâche a examiné votre dossier avant toute décision. Il a vu ce que proposait le système, l’a comparé aux faits de votre dossier et pouvait l’écarter.',
      'Le système n’a pas pris la décision seul.',
    ],
    humanLead: `Ce que fait l’agent${NB}:`,
    rightsHeading: 'Vos droits',
    rightsLead: `Comme un système d’IA a été utilisé pour votre dossier, vous pouvez${NB}:`,
    rights: [
      `demander une explication du rôle joué par le système et des principales raisons de la décision${NB};`,
      `demander qu’une personne qui n’est pas intervenue la première fois réexamine votre dossier (réexamen humain)${NB};`,
      `contester la décision, dans le délai indiqué dans votre lettre de décision${NB};`,
      `consulter les données personnelles que nous détenons sur vous et demander leur correction si elles sont inexactes${NB};`,
      'vous plaindre auprès d’un organisme indépendant, comme l’autorité de protection des données ou le médiateur, si notre réponse ne vous satisfait pas.',
    ],
    askHeading: 'Comment demander une explication, un réexamen humain ou faire un recours',
    askLead: `Vous pouvez utiliser l’un de ces moyens${NB}:`,
    askOnline: `Formulaire en ligne${NB}:`,
    askEmail: `Courriel${NB}:`,
    askWebsite: `Page de contact${NB}:`,
    askPhone: `Téléphone${NB}:`,
    askPost: `Courrier${NB}:`,
    askReference: (ref) => `Indiquez la référence de votre dossier (${ref}) pour que nous le retrouvions rapidement.`,
    askFree: ['La demande est gratuite. Elle ne vous sera pas reprochée, et la décision ne changera pas sans qu’une personne la réexamine.'],
    moreHeading: 'En savoir plus sur ce système',
    moreRegister: `Vous pouvez en lire davantage sur le système, et sur la façon dont il est contrôlé, dans notre registre public des systèmes d’IA${NB}:`,
    generatedOn: (date) => `Avis établi le ${date}.`,
  },
  easy_read: {
    title: 'Un ordinateur a aidé pour votre dossier',
    greeting: (name) => `Bonjour ${name},`,
    caseLine: (ref) => `Votre numéro de dossier${NB}: ${ref}`,
    decisionLine: (date) => `Nous avons décidé le${NB}: ${date}`,
    intro: (p) => [`${p.org} a utilisé un programme d’ordinateur pour votre dossier.`, `Le programme s’appelle «${NB}${p.system}${NB}».`, 'Cette lettre dit ce qu’il a fait.', 'Elle dit aussi ce que vous pouvez faire.'],
    whatHeading: 'Ce que l’ordinateur a fait',
    whatLead: () => `Nous le disons ainsi${NB}:`,
    humanHeading: 'Une personne a décidé',
    human: ['Une personne de notre équipe a regardé votre dossier.', 'Cette personne sait faire ce travail.', 'Cette personne a pris la décision.', 'L’ordinateur n’a pas décidé.'],
    humanLead: `Ce que fait la personne${NB}:`,
    rightsHeading: 'Ce que vous pouvez faire',
    rightsLead: `Vous pouvez${NB}:`,
    rights: [
      `nous demander pourquoi nous avons décidé cela${NB};`,
      `demander qu’une autre personne regarde encore votre dossier${NB};`,
      `faire un recours si vous pensez que la décision est fausse${NB};`,
      `demander à voir ce que nous savons sur vous${NB};`,
      'vous plaindre auprès de quelqu’un qui ne travaille pas chez nous.',
    ],
    askHeading: 'Comment demander',
    askLead: `Utilisez un de ces moyens${NB}:`,
    askOnline: `Sur internet${NB}:`,
    askEmail: `Courriel${NB}:`,
    askWebsite: `Site web${NB}:`,
    askPhone: `Téléphone${NB}:`,
    askPost: `Lettre${NB}:`,
    askReference: (ref) => `Donnez-nous votre numéro de dossier${NB}: ${ref}.`,
    askFree: ['Demander est gratuit.', 'Demander ne vous causera pas de problème.'],
    moreHeading: 'En savoir plus',
    moreRegister: `Lisez plus sur le programme ici${NB}:`,
    generatedOn: (date) => `Lettre faite le ${date}.`,
  },
};

const ALL: Record<CitizenLocale, Record<NoticeVariant, NoticeTexts>> = { en, es, fr };

export const noticeTexts = (language: CitizenLocale, variant: NoticeVariant): NoticeTexts => ALL[language][variant];
