/**
 * Public-site strings for citizen services: concerns, redress requests, consultations, notices, in English, Spanish and French. Same rules as messages.ts (which
 * merges this catalogue): Spanish and French have exactly the English keys and placeholders.
 */

export const citizenEn = {} as const;

type CitizenMessages = Record<keyof typeof citizenEn, string>;

export const citizenEs: CitizenMessages = {};

export const citizenFr: CitizenMessages = {};
