/**
 * The emails a person gets about their concern or request, in their language. Plain text, short,
 * in Glassbox's own words. Nothing here repeats what the person wrote.
 */
import type { CitizenLocale } from '../db/schema-citizen.js';

type Texts = {
  concernReceivedSubject: string;
  concernReceived: string;
  redressReceivedSubject: string;
  redressReceived: string;
  answeredSubject: string;
  answered: string;
  escalatedSubject: string;
};

const TEXTS: Record<CitizenLocale, Texts> = {
  en: {
    concernReceivedSubject: 'We received your report {reference}',
    concernReceived:
      'Thank you. {org} received your report about its use of AI.\n\nYour reference number: {reference}\n\nYou can check what happens to it here:\n{link}\n\nKeep this link private: anyone who has it can see your report.',
    redressReceivedSubject: 'We received your request {reference}',
    redressReceived:
      'Thank you. {org} received your request.\n\nYour reference number: {reference}\nWe will answer by: {due}\n\nYou can check what happens to it here:\n{link}\n\nKeep this link private: anyone who has it can see your request.',
    answeredSubject: 'There is an answer about {reference}',
    answered: '{org} has answered about {reference}:\n\n{answer}\n\nYou can read it again with the private link we sent you when you wrote to us.',
    escalatedSubject: 'Overdue: request {reference} passed its deadline',
  },
  es: {
    concernReceivedSubject: 'Hemos recibido su aviso {reference}',
    concernReceived:
      'Gracias. {org} ha recibido su aviso sobre su uso de la IA.\n\nSu número de referencia: {reference}\n\nPuede ver qué pasa con él aquí:\n{link}\n\nNo comparta este enlace: quien lo tenga puede ver su aviso.',
    redressReceivedSubject: 'Hemos recibido su solicitud {reference}',
    redressReceived:
      'Gracias. {org} ha recibido su solicitud.\n\nSu número de referencia: {reference}\nLe responderemos antes del: {due}\n\nPuede ver qué pasa con ella aquí:\n{link}\n\nNo comparta este enlace: quien lo tenga puede ver su solicitud.',
    answeredSubject: 'Hay una respuesta sobre {reference}',
    answered: '{org} ha respondido sobre {reference}:\n\n{answer}\n\nPuede volver a leerla con el enlace privado que le enviamos cuando nos escribió.',
    escalatedSubject: 'Vencida: la solicitud {reference} superó su plazo',
  },
  fr: {
    concernReceivedSubject: 'Nous avons reçu votre signalement {reference}',
    concernReceived:
      'Merci. {org} a reçu votre signalement sur son usage de l’IA.\n\nVotre numéro de référence : {reference}\n\nVous pouvez suivre son traitement ici :\n{link}\n\nGardez ce lien pour vous : toute personne qui l’a peut voir votre signalement.',
    redressReceivedSubject: 'Nous avons reçu votre demande {reference}',
    redressReceived:
      'Merci. {org} a reçu votre demande.\n\nVotre numéro de référence : {reference}\nNous vous répondrons au plus tard le : {due}\n\nVous pouvez suivre son traitement ici :\n{link}\n\nGardez ce lien pour vous : toute personne qui l’a peut voir votre demande.',
    answeredSubject: 'Il y a une réponse pour {reference}',
    answered: '{org} a répondu au sujet de {reference} :\n\n{answer}\n\nVous pouvez la relire avec le lien privé que nous vous avons envoyé quand vous nous avez écrit.',
    escalatedSubject: 'En retard : la demande {reference} a dépassé son délai',
  },
};

export function mailText(locale: CitizenLocale, key: keyof Texts, params: Record<string, string>): string {
  return TEXTS[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

export const mailTextKeys = (locale: CitizenLocale): string[] => Object.keys(TEXTS[locale]);
export const mailTemplate = (locale: CitizenLocale, key: keyof Texts): string => TEXTS[locale][key];
