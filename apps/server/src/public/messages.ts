/**
 * Every visible string of the public site, in English, Spanish and French. English is the reference:
 * Spanish and French must have exactly its keys (a missing one is a type error) and the same
 * {placeholders} (checked by i18n.test.ts). Plain language, short sentences; Spanish uses "usted",
 * French puts a non-breaking space before ":".
 */

import { registerEn, registerEs, registerFr } from './register.messages.js';
import { citizenEn, citizenEs, citizenFr } from './citizen.messages.js';
import { engagementEn, engagementEs, engagementFr } from './engagement.messages.js';

const baseEn = {
  pageTitle: '{title} – Glassbox',
  skipLink: 'Skip to main content',
  languageNav: 'Language',
  footerPublishedBy:
    '{name} publishes this site with Glassbox, open-source software that helps public bodies govern the AI they use and explain it to the public.',
  footerGeneric: 'This site runs on Glassbox, open-source software that helps public bodies govern the AI they use and explain it to the public.',

  homeTitle: 'Public records of AI use',
  homeIntro: 'These public bodies explain here how they use artificial intelligence (AI). Choose one to see what it has published.',
  homeEmpty: 'No organisation has published anything here yet.',

  aboutHeading: 'What this site is for',
  aboutIntro: 'This site is the public record of the artificial intelligence (AI) tools that {name} uses. It is here to tell you:',
  aboutTools: 'which AI tools {name} uses, and what each one does',
  aboutOversight: 'how people stay in charge of decisions that affect you',
  aboutRights: 'what your rights are, and how to ask a question or make a complaint',

  contactHeading: 'Contact',
  contactIntro: 'To ask a question about how {name} uses AI, or to make a complaint, use these contact details:',
  contactEmail: 'Email:',
  contactPage: 'Contact page:',

  notFoundTitle: 'Page not found',
  notFoundBody: 'We could not find this page. If you typed the address, check that it is correct.',
  notFoundHome: 'Go to the home page',
  errorTitle: 'Something went wrong',
  errorBody: 'Sorry, there is a problem on our side. Please try again later.',
  errorReference: 'If you contact us about this, quote this reference: {id}',
  badRequestTitle: 'We could not handle this request',
  badRequestBody: 'Check the address and try again.',
} as const;

/** Feature catalogues (register.messages.ts, citizen.messages.ts) follow the same rules and are merged here. */
export const en = { ...baseEn, ...registerEn, ...citizenEn, ...engagementEn } as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
type BaseMessages = Record<keyof typeof baseEn, string>;

const baseEs: BaseMessages = {
  pageTitle: '{title} – Glassbox',
  skipLink: 'Saltar al contenido principal',
  languageNav: 'Idioma',
  footerPublishedBy:
    '{name} publica este sitio con Glassbox, un programa de código abierto que ayuda a los organismos públicos a supervisar la IA que usan y a explicarla a la ciudadanía.',
  footerGeneric:
    'Este sitio funciona con Glassbox, un programa de código abierto que ayuda a los organismos públicos a supervisar la IA que usan y a explicarla a la ciudadanía.',

  homeTitle: 'Registros públicos del uso de la IA',
  homeIntro: 'Estos organismos públicos explican aquí cómo usan la inteligencia artificial (IA). Elija uno para ver lo que ha publicado.',
  homeEmpty: 'Todavía ningún organismo ha publicado nada aquí.',

  aboutHeading: 'Para qué sirve este sitio',
  aboutIntro: 'Este sitio es el registro público de las herramientas de inteligencia artificial (IA) que usa {name}. Sirve para explicarle:',
  aboutTools: 'qué herramientas de IA usa {name} y qué hace cada una',
  aboutOversight: 'cómo las personas mantienen el control de las decisiones que le afectan',
  aboutRights: 'cuáles son sus derechos y cómo hacer una pregunta o presentar una queja',

  contactHeading: 'Contacto',
  contactIntro: 'Para hacer una pregunta sobre el uso de la IA en {name}, o para presentar una queja, use estos datos de contacto:',
  contactEmail: 'Correo electrónico:',
  contactPage: 'Página de contacto:',

  notFoundTitle: 'Página no encontrada',
  notFoundBody: 'No hemos encontrado esta página. Si escribió la dirección, compruebe que es correcta.',
  notFoundHome: 'Ir a la página de inicio',
  errorTitle: 'Algo ha fallado',
  errorBody: 'Lo sentimos, hay un problema por nuestra parte. Vuelva a intentarlo más tarde.',
  errorReference: 'Si nos contacta por este problema, indique esta referencia: {id}',
  badRequestTitle: 'No hemos podido atender esta solicitud',
  badRequestBody: 'Compruebe la dirección y vuelva a intentarlo.',
};

const baseFr: BaseMessages = {
  pageTitle: '{title} – Glassbox',
  skipLink: 'Aller au contenu principal',
  languageNav: 'Langue',
  footerPublishedBy:
    '{name} publie ce site avec Glassbox, un logiciel libre qui aide les organismes publics à encadrer l’IA qu’ils utilisent et à l’expliquer au public.',
  footerGeneric: 'Ce site fonctionne avec Glassbox, un logiciel libre qui aide les organismes publics à encadrer l’IA qu’ils utilisent et à l’expliquer au public.',

  homeTitle: 'Registres publics de l’usage de l’IA',
  homeIntro: 'Ces organismes publics expliquent ici comment ils utilisent l’intelligence artificielle (IA). Choisissez-en un pour voir ce qu’il a publié.',
  homeEmpty: 'Aucun organisme n’a encore rien publié ici.',

  aboutHeading: 'À quoi sert ce site',
  aboutIntro: 'Ce site est le registre public des outils d’intelligence artificielle (IA) qu’utilise {name}. Il vous explique\u00a0:',
  aboutTools: 'quels outils d’IA {name} utilise, et ce que fait chacun d’eux',
  aboutOversight: 'comment des personnes gardent la maîtrise des décisions qui vous concernent',
  aboutRights: 'quels sont vos droits, et comment poser une question ou faire une réclamation',

  contactHeading: 'Contact',
  contactIntro: 'Pour poser une question sur l’usage de l’IA par {name}, ou pour faire une réclamation, utilisez ces coordonnées\u00a0:',
  contactEmail: 'Adresse e-mail\u00a0:',
  contactPage: 'Page de contact\u00a0:',

  notFoundTitle: 'Page introuvable',
  notFoundBody: 'Nous n’avons pas trouvé cette page. Si vous avez saisi l’adresse, vérifiez qu’elle est correcte.',
  notFoundHome: 'Aller à la page d’accueil',
  errorTitle: 'Un problème est survenu',
  errorBody: 'Désolés, nous rencontrons un problème. Veuillez réessayer plus tard.',
  errorReference: 'Si vous nous contactez à ce sujet, indiquez cette référence\u00a0: {id}',
  badRequestTitle: 'Nous n’avons pas pu traiter cette demande',
  badRequestBody: 'Vérifiez l’adresse et réessayez.',
};

export const es: Messages = { ...baseEs, ...registerEs, ...citizenEs, ...engagementEs };
export const fr: Messages = { ...baseFr, ...registerFr, ...citizenFr, ...engagementFr };
