/**
 * Checks on what a person sends through a public form. Errors are codes, not sentences, so the
 * public site can say them in the person's language next to the field; the API gets English.
 */
import {
  CONCERN_CATEGORIES,
  REDRESS_KINDS,
  type CitizenLocale,
  type ConcernCategory,
  type RedressKind,
} from '../db/schema-citizen.js';

export type FieldProblem = 'required' | 'too_long' | 'invalid_email' | 'invalid_choice' | 'contact_required' | 'invalid_text';
export type FieldProblems = Record<string, FieldProblem>;

export const CITIZEN_LIMITS = {
  description: 5000,
  name: 200,
  email: 320,
  phone: 50,
  postalAddress: 1000,
  decisionReference: 200,
} as const;

export const PROBLEM_MESSAGES: Record<FieldProblem, string> = {
  required: 'Required.',
  too_long: 'Too long.',
  invalid_email: 'Enter an email address like name@example.org.',
  invalid_choice: 'Choose one of the options.',
  contact_required: 'Give an email address or a postal address so we can answer you.',
  invalid_text: 'Remove the control characters.',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Control characters other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(problems: FieldProblems, field: string, value: unknown, max: number, required: boolean): string | null {
  const v = typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';
  if (v.length === 0) {
    if (required) problems[field] = 'required';
    return null;
  }
  if (CONTROL.test(v)) problems[field] = 'invalid_text';
  else if (v.length > max) problems[field] = 'too_long';
  return v;
}

function email(problems: FieldProblems, field: string, value: unknown): string | null {
  const v = text(problems, field, value, CITIZEN_LIMITS.email, false);
  if (v !== null && !problems[field] && !EMAIL.test(v)) problems[field] = 'invalid_email';
  return v;
}

function choice<T extends string>(problems: FieldProblems, field: string, value: unknown, allowed: readonly T[]): T | null {
  if (typeof value !== 'string' || value === '') {
    problems[field] = 'required';
    return null;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    problems[field] = 'invalid_choice';
    return null;
  }
  return value as T;
}

export type ConcernInput = {
  category?: unknown;
  description?: unknown;
  contactName?: unknown;
  contactEmail?: unknown;
  contactPhone?: unknown;
};

export type CheckedConcern = {
  category: ConcernCategory;
  description: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
};

export function checkConcern(input: ConcernInput): { value: CheckedConcern; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const category = choice(problems, 'category', input.category, CONCERN_CATEGORIES);
  const description = text(problems, 'description', input.description, CITIZEN_LIMITS.description, true);
  const contactName = text(problems, 'contactName', input.contactName, CITIZEN_LIMITS.name, false);
  const contactEmail = email(problems, 'contactEmail', input.contactEmail);
  const contactPhone = text(problems, 'contactPhone', input.contactPhone, CITIZEN_LIMITS.phone, false);
  return { value: { category: category ?? 'other', description: description ?? '', contactName, contactEmail, contactPhone }, problems };
}

export type RedressInput = {
  kind?: unknown;
  decisionReference?: unknown;
  description?: unknown;
  contactName?: unknown;
  contactEmail?: unknown;
  postalAddress?: unknown;
};

export type CheckedRedress = {
  kind: RedressKind;
  decisionReference: string | null;
  description: string;
  contactName: string;
  contactEmail: string | null;
  postalAddress: string | null;
};

export function checkRedress(input: RedressInput): { value: CheckedRedress; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const kind = choice(problems, 'kind', input.kind, REDRESS_KINDS);
  const decisionReference = text(problems, 'decisionReference', input.decisionReference, CITIZEN_LIMITS.decisionReference, false);
  const description = text(problems, 'description', input.description, CITIZEN_LIMITS.description, true);
  const contactName = text(problems, 'contactName', input.contactName, CITIZEN_LIMITS.name, true);
  const contactEmail = email(problems, 'contactEmail', input.contactEmail);
  const postalAddress = text(problems, 'postalAddress', input.postalAddress, CITIZEN_LIMITS.postalAddress, false);
  if (contactEmail === null && postalAddress === null && !problems.contactEmail && !problems.postalAddress) problems.contactEmail = 'contact_required';
  return {
    value: { kind: kind ?? 'explanation', decisionReference, description: description ?? '', contactName: contactName ?? '', contactEmail, postalAddress },
    problems,
  };
}

export const isCitizenLocale = (value: unknown): value is CitizenLocale => value === 'en' || value === 'es' || value === 'fr';
