/**
 * Public-site strings for the public register: system list, system pages, open data links, in English, Spanish and French. Same rules as messages.ts (which
 * merges this catalogue): Spanish and French have exactly the English keys and placeholders.
 */

export const registerEn = {} as const;

type RegisterMessages = Record<keyof typeof registerEn, string>;

export const registerEs: RegisterMessages = {};

export const registerFr: RegisterMessages = {};
