/**
 * The fields of an AI system: their allowed values and limits, how input is tidied (trimmed,
 * de-duplicated), the checks that name the field at fault, the snapshot kept in each version, and
 * the slug made from the name. Pure: the service and the HTTP schemas both read these.
 */
import { canonicalJson } from '../audit/canonical.js';
import { AppError } from '../errors.js';
import type { Lifecycle } from './lifecycle.js';

export const SOURCING = ['in_house', 'procured', 'general_purpose_tool'] as const;
export const DECISION_ROLES = ['informs', 'recommends', 'decides'] as const;
export const VISIBILITIES = ['public', 'internal'] as const;

export type Sourcing = (typeof SOURCING)[number];
export type DecisionRole = (typeof DECISION_ROLES)[number];
export type Visibility = (typeof VISIBILITIES)[number];

/** Lengths in characters, and list sizes; the migration's checks say the same. */
export const LIMITS = {
  name: 200,
  purpose: 2000,
  description: 10_000,
  supplier: 200,
  affectedPeople: 5000,
  humanOversight: 5000,
  dataCategory: 200,
  dataCategories: 50,
  tag: 50,
  tags: 30,
  reason: 2000,
  reasonMin: 3,
} as const;

/** The fields a person edits (lifecycle moves and archiving have their own operations). */
export type SystemFields = {
  name: string;
  purpose: string;
  description: string;
  unitId: string | null;
  ownerId: string;
  sourcing: Sourcing;
  supplier: string | null;
  decisionRole: DecisionRole;
  affectedPeople: string;
  dataCategories: string[];
  personalData: boolean;
  humanOversight: string;
  publicVisibility: Visibility;
  tags: string[];
};

/** Everything a version records: the editable fields plus slug, lifecycle and archiving. */
export type SystemSnapshot = SystemFields & { slug: string; lifecycle: Lifecycle; archivedAt: string | null };

/** Snapshot fields in display order (diffs list changes in this order). */
export const SNAPSHOT_FIELDS = [
  'name',
  'slug',
  'purpose',
  'description',
  'unitId',
  'ownerId',
  'sourcing',
  'supplier',
  'decisionRole',
  'affectedPeople',
  'dataCategories',
  'personalData',
  'humanOversight',
  'publicVisibility',
  'tags',
  'lifecycle',
  'archivedAt',
] as const satisfies ReadonlyArray<keyof SystemSnapshot>;

/** Fields of `after` whose value differs from `before`, in display order (unknown keys last). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...SNAPSHOT_FIELDS, ...Object.keys(before ?? {}), ...Object.keys(after)])];
  return keys.filter((k) => (before === null ? k in after : canonicalJson(before[k]) !== canonicalJson(after[k])));
}

export type FieldErrors = Record<string, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): value is T => typeof value === 'string' && (allowed as readonly string[]).includes(value);

function text(errors: FieldErrors, field: string, value: unknown, max: number, min = 0): string {
  if (typeof value !== 'string') {
    errors[field] = 'Enter text.';
    return '';
  }
  const v = value.trim();
  if (v.includes('\u0000')) errors[field] = 'Remove the NUL character.';
  else if (v.length < min) errors[field] = min === 1 ? 'Required.' : `Enter at least ${min} characters.`;
  else if (v.length > max) errors[field] = `Enter at most ${max} characters.`;
  return v;
}

function list(errors: FieldErrors, field: string, value: unknown, maxItems: number, maxLength: number, lowerCase: boolean): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    errors[field] = 'Give a list of texts.';
    return [];
  }
  const seen = new Map<string, string>();
  for (const raw of value as string[]) {
    const v = lowerCase ? raw.trim().toLowerCase() : raw.trim();
    if (v.length === 0 || v.length > maxLength || v.includes('\u0000')) {
      errors[field] = `Each entry needs 1 to ${maxLength} characters.`;
      continue;
    }
    if (!seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  }
  if (seen.size > maxItems) errors[field] = `Give at most ${maxItems} entries.`;
  return [...seen.values()];
}

/**
 * Tidies and checks the fields present in `input` (a create or an edit) and returns them in stored
 * form; problems are collected per field. Cross-field rules run on the whole result (checkSystem).
 */
export function normaliseFields(input: Partial<Record<keyof SystemFields, unknown>>, errors: FieldErrors): Partial<SystemFields> {
  const out: Partial<SystemFields> = {};
  if (input.name !== undefined) out.name = text(errors, 'name', input.name, LIMITS.name, 1);
  if (input.purpose !== undefined) out.purpose = text(errors, 'purpose', input.purpose, LIMITS.purpose, 1);
  if (input.description !== undefined) out.description = text(errors, 'description', input.description, LIMITS.description);
  if (input.affectedPeople !== undefined) out.affectedPeople = text(errors, 'affectedPeople', input.affectedPeople, LIMITS.affectedPeople);
  if (input.humanOversight !== undefined) out.humanOversight = text(errors, 'humanOversight', input.humanOversight, LIMITS.humanOversight);
  if (input.supplier !== undefined) {
    const supplier = input.supplier === null ? '' : text(errors, 'supplier', input.supplier, LIMITS.supplier);
    out.supplier = supplier === '' ? null : supplier;
  }
  if (input.unitId !== undefined) {
    if (input.unitId !== null && (typeof input.unitId !== 'string' || !isUuid(input.unitId))) errors.unitId = 'Choose a unit of this organisation.';
    else out.unitId = input.unitId === null ? null : input.unitId.toLowerCase();
  }
  if (input.ownerId !== undefined) {
    if (typeof input.ownerId !== 'string' || !isUuid(input.ownerId)) errors.ownerId = 'Choose a member of this organisation.';
    else out.ownerId = input.ownerId.toLowerCase();
  }
  if (input.sourcing !== undefined) {
    if (oneOf(SOURCING, input.sourcing)) out.sourcing = input.sourcing;
    else errors.sourcing = `Choose one of: ${SOURCING.join(', ')}.`;
  }
  if (input.decisionRole !== undefined) {
    if (oneOf(DECISION_ROLES, input.decisionRole)) out.decisionRole = input.decisionRole;
    else errors.decisionRole = `Choose one of: ${DECISION_ROLES.join(', ')}.`;
  }
  if (input.publicVisibility !== undefined) {
    if (oneOf(VISIBILITIES, input.publicVisibility)) out.publicVisibility = input.publicVisibility;
    else errors.publicVisibility = `Choose one of: ${VISIBILITIES.join(', ')}.`;
  }
  if (input.personalData !== undefined) {
    if (typeof input.personalData === 'boolean') out.personalData = input.personalData;
    else errors.personalData = 'Answer yes (true) or no (false).';
  }
  if (input.dataCategories !== undefined) out.dataCategories = list(errors, 'dataCategories', input.dataCategories, LIMITS.dataCategories, LIMITS.dataCategory, false);
  if (input.tags !== undefined) out.tags = list(errors, 'tags', input.tags, LIMITS.tags, LIMITS.tag, true);
  return out;
}

/** Rules that look at several fields at once, on the state a change would produce. */
export function checkSystem(fields: SystemFields, errors: FieldErrors): void {
  if (fields.sourcing === 'procured' && !fields.supplier && !errors.supplier) {
    errors.supplier = 'Name the supplier of a procured system (write "to be tendered" if it is not chosen yet).';
  }
}

export function throwIfInvalid(errors: FieldErrors): void {
  const names = Object.keys(errors);
  if (names.length === 0) return;
  throw new AppError('bad_request', 'system.invalid', `Some details of the system are not valid: check ${names.join(', ')}.`, { fields: errors });
}

/** Checks a lifecycle or archive reason; returns it trimmed. */
export function checkReason(reason: unknown, required: boolean): string | null {
  const errors: FieldErrors = {};
  if (!required && (reason === undefined || reason === null || (typeof reason === 'string' && reason.trim() === ''))) return null;
  const v = text(errors, 'reason', reason, LIMITS.reason, required ? LIMITS.reasonMin : 1);
  if (errors.reason) {
    throw new AppError('bad_request', 'system.bad_reason', `Give a reason of ${LIMITS.reasonMin} to ${LIMITS.reason} characters.`, { fields: errors });
  }
  return v;
}

const SLUG_MAX = 60;

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th' };

/**
 * The slug a system's name gives: lower-case ASCII letters and digits joined by single hyphens,
 * accents dropped, at most 60 characters; "system" when nothing usable is left. A result shaped
 * like a UUID gets a prefix, so an address segment is never ambiguous between id and slug.
 */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđþ]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = base.slice(0, SLUG_MAX).replace(/-+$/g, '');
  if (slug === '') slug = 'system';
  if (isUuid(slug)) slug = `system-${slug}`;
  return slug;
}

/** Words the API uses after /systems/ itself (GET /systems/export): never a system's slug. */
export const RESERVED_SYSTEM_SLUGS: ReadonlySet<string> = new Set(['export', 'import', 'new', 'quick', 'classify', 'progress']);

/** The first of slug, slug-2, slug-3 … neither in `taken` nor reserved. */
export function nextFreeSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug) && !RESERVED_SYSTEM_SLUGS.has(slug)) return slug;
  for (let n = 2; ; n += 1) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
