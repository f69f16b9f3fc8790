/**
 * The fields of a tool catalogue entry: allowed values, limits (the migration's checks say the
 * same), how input is tidied (trimmed, uses de-duplicated), and the checks that name the field at
 * fault. Pure: the service and the HTTP schemas both read these.
 */
import { AppError } from '../errors.js';

export const CATALOGUE_STATUSES = ['approved', 'approved_with_conditions', 'not_approved', 'under_review'] as const;
/** What may go into a tool, from least to most sensitive. */
export const DATA_ALLOWED = ['none_personal', 'anonymised', 'personal_with_dpa'] as const;
/** What a person says they would put into a tool when they ask "can I use it?". */
export const DATA_KINDS = ['none_personal', 'anonymised', 'personal'] as const;
export const PRICING = ['free', 'paid'] as const;

export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];
export type DataAllowed = (typeof DATA_ALLOWED)[number];
export type DataKind = (typeof DATA_KINDS)[number];
export type Pricing = (typeof PRICING)[number];

/** Lengths in characters and list sizes. */
export const CATALOGUE_LIMITS = {
  name: 200,
  vendor: 200,
  description: 5000,
  use: 300,
  uses: 50,
  conditions: 5000,
  dataProtectionTerms: 10_000,
  contact: 300,
  reason: 2000,
  /** The free-text "what do you want to use it for?" of a check. */
  question: 1000,
  questionMin: 3,
} as const;

/** Statuses under which staff may use the tool, so the approval needs a date to be re-checked by. */
export const APPROVED_STATUSES: readonly CatalogueStatus[] = ['approved', 'approved_with_conditions'];

/** The fields a person edits (archiving has its own operation). */
export type CatalogueFields = {
  name: string;
  vendor: string;
  description: string;
  status: CatalogueStatus;
  permittedUses: string[];
  prohibitedUses: string[];
  conditions: string;
  dataAllowed: DataAllowed;
  pricing: Pricing;
  dataProtectionTerms: string;
  dpaInPlace: boolean;
  /** YYYY-MM-DD. */
  reviewDate: string | null;
  contact: string;
  /** The tool's record in the AI-system inventory. */
  systemId: string | null;
};

export type FieldErrors = Record<string, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): value is T => typeof value === 'string' && (allowed as readonly string[]).includes(value);

function text(errors: FieldErrors, field: string, value: unknown, max: number, min = 0): string {
  if (typeof value !== 'string') {
    errors[field] = 'Enter text.';
    return '';
  }
  const v = value.trim();
  if (v.includes('\u0000')) errors[field] = 'Remove the NUL character.';
  else if (v.length < min) errors[field] = 'Required.';
  else if (v.length > max) errors[field] = `Enter at most ${max} characters.`;
  return v;
}

/** A list of uses: trimmed, empty lines dropped, duplicates (ignoring case) dropped. */
function uses(errors: FieldErrors, field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    errors[field] = 'Give a list of uses.';
    return [];
  }
  const seen = new Map<string, string>();
  for (const raw of value as string[]) {
    const v = raw.trim();
    if (v.length === 0) continue;
    if (v.length > CATALOGUE_LIMITS.use || v.includes('\u0000')) {
      errors[field] = `Write each use in at most ${CATALOGUE_LIMITS.use} characters.`;
      continue;
    }
    if (!seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  }
  if (seen.size > CATALOGUE_LIMITS.uses) errors[field] = `List at most ${CATALOGUE_LIMITS.uses} uses.`;
  return [...seen.values()];
}

/**
 * Tidies and checks the fields present in `input` (a create or an edit) and returns them in stored
 * form; problems are collected per field. Cross-field rules run on the whole result (checkEntry).
 */
export function normaliseCatalogueFields(input: Partial<Record<keyof CatalogueFields, unknown>>, errors: FieldErrors): Partial<CatalogueFields> {
  const out: Partial<CatalogueFields> = {};
  if (input.name !== undefined) out.name = text(errors, 'name', input.name, CATALOGUE_LIMITS.name, 1);
  if (input.vendor !== undefined) out.vendor = text(errors, 'vendor', input.vendor, CATALOGUE_LIMITS.vendor, 1);
  if (input.description !== undefined) out.description = text(errors, 'description', input.description, CATALOGUE_LIMITS.description);
  if (input.conditions !== undefined) out.conditions = text(errors, 'conditions', input.conditions, CATALOGUE_LIMITS.conditions);
  if (input.dataProtectionTerms !== undefined) {
    out.dataProtectionTerms = text(errors, 'dataProtectionTerms', input.dataProtectionTerms, CATALOGUE_LIMITS.dataProtectionTerms);
  }
  if (input.contact !== undefined) out.contact = text(errors, 'contact', input.contact, CATALOGUE_LIMITS.contact);
  if (input.status !== undefined) {
    if (oneOf(CATALOGUE_STATUSES, input.status)) out.status = input.status;
    else errors.status = `Choose one of: ${CATALOGUE_STATUSES.join(', ')}.`;
  }
  if (input.dataAllowed !== undefined) {
    if (oneOf(DATA_ALLOWED, input.dataAllowed)) out.dataAllowed = input.dataAllowed;
    else errors.dataAllowed = `Choose one of: ${DATA_ALLOWED.join(', ')}.`;
  }
  if (input.pricing !== undefined) {
    if (oneOf(PRICING, input.pricing)) out.pricing = input.pricing;
    else errors.pricing = `Choose one of: ${PRICING.join(', ')}.`;
  }
  if (input.dpaInPlace !== undefined) {
    if (typeof input.dpaInPlace === 'boolean') out.dpaInPlace = input.dpaInPlace;
    else errors.dpaInPlace = 'Answer yes (true) or no (false).';
  }
  if (input.reviewDate !== undefined) {
    if (input.reviewDate === null) out.reviewDate = null;
    else if (typeof input.reviewDate === 'string' && isIsoDate(input.reviewDate)) out.reviewDate = input.reviewDate;
    else errors.reviewDate = 'Give a date as YYYY-MM-DD.';
  }
  if (input.systemId !== undefined) {
    if (input.systemId === null) out.systemId = null;
    else if (typeof input.systemId === 'string' && isUuid(input.systemId)) out.systemId = input.systemId.toLowerCase();
    else errors.systemId = 'Choose an AI system of this organisation.';
  }
  if (input.permittedUses !== undefined) out.permittedUses = uses(errors, 'permittedUses', input.permittedUses);
  if (input.prohibitedUses !== undefined) out.prohibitedUses = uses(errors, 'prohibitedUses', input.prohibitedUses);
  return out;
}

/** Rules that look at several fields at once, on the state a change would produce. */
export function checkEntry(fields: CatalogueFields, errors: FieldErrors): void {
  if (APPROVED_STATUSES.includes(fields.status) && fields.reviewDate === null && !errors.reviewDate) {
    errors.reviewDate = 'An approved tool needs a date by which its approval is checked again.';
  }
  if (fields.status === 'approved_with_conditions' && fields.conditions === '' && !errors.conditions) {
    errors.conditions = 'Say what the conditions are, so staff know what they must do.';
  }
  const clash = fields.permittedUses.find((u) => fields.prohibitedUses.some((p) => p.toLowerCase() === u.toLowerCase()));
  if (clash && !errors.prohibitedUses) errors.prohibitedUses = `“${clash}” is listed as both permitted and prohibited.`;
}

export function throwIfInvalid(errors: FieldErrors): void {
  const names = Object.keys(errors);
  if (names.length === 0) return;
  throw new AppError('bad_request', 'catalogue_entry.invalid', `Some details of the tool are not valid: check ${names.join(', ')}.`, { fields: errors });
}

/** The state an audit event records: the editable fields plus archiving. */
export type CatalogueSnapshot = CatalogueFields & { archivedAt: string | null };
