/**
 * The 'glassbox' profile: one column per inventory field, named as in the API (camelCase). The
 * export writes all of them; the import reads the fields a person edits (the unit by name, the
 * owner by email) and accepts, but ignores, the columns Glassbox sets itself (id, slug, lifecycle,
 * dates, classification: a screening sets those), so an exported file imports as it is.
 * In CSV, lists are written with "; " between entries and read by splitting on ";".
 */
import type { InventoryRecord } from './inventory-record.js';

export type GlassboxValue = string | number | boolean | string[] | null;

export type GlassboxColumn = { name: string; value: (r: InventoryRecord) => GlassboxValue };

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Every exported column, in order. */
export const GLASSBOX_COLUMNS: readonly GlassboxColumn[] = [
  { name: 'id', value: (r) => r.id },
  { name: 'slug', value: (r) => r.slug },
  { name: 'name', value: (r) => r.name },
  { name: 'purpose', value: (r) => r.purpose },
  { name: 'description', value: (r) => r.description },
  { name: 'unit', value: (r) => r.unitName },
  { name: 'ownerEmail', value: (r) => r.ownerEmail },
  { name: 'ownerName', value: (r) => r.ownerName },
  { name: 'sourcing', value: (r) => r.sourcing },
  { name: 'supplier', value: (r) => r.supplier },
  { name: 'decisionRole', value: (r) => r.decisionRole },
  { name: 'affectedPeople', value: (r) => r.affectedPeople },
  { name: 'dataCategories', value: (r) => r.dataCategories },
  { name: 'personalData', value: (r) => r.personalData },
  { name: 'humanOversight', value: (r) => r.humanOversight },
  { name: 'publicVisibility', value: (r) => r.publicVisibility },
  { name: 'tags', value: (r) => r.tags },
  { name: 'lifecycle', value: (r) => r.lifecycle },
  { name: 'version', value: (r) => r.version },
  { name: 'archivedAt', value: (r) => iso(r.archivedAt) },
  { name: 'createdAt', value: (r) => iso(r.createdAt) },
  { name: 'updatedAt', value: (r) => iso(r.updatedAt) },
  // The classification, as the latest screening left it (empty: never screened).
  { name: 'euTier', value: (r) => r.classification.euTier },
  { name: 'ombHighImpact', value: (r) => r.classification.ombHighImpact },
  { name: 'orgTier', value: (r) => r.classification.orgTier },
  { name: 'friaRequired', value: (r) => r.classification.friaRequired },
  { name: 'euRegistrationRequired', value: (r) => r.classification.euRegistrationRequired },
  { name: 'screenedAt', value: (r) => iso(r.classification.screenedAt) },
];

/** How a value is written in a CSV cell. */
export function glassboxCell(value: GlassboxValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/** Columns the import reads, and whether each must be in the header. */
export const IMPORT_COLUMNS = {
  name: { required: true },
  purpose: { required: true },
  sourcing: { required: true },
  decisionRole: { required: true },
  personalData: { required: true },
  description: { required: false },
  unit: { required: false },
  ownerEmail: { required: false },
  supplier: { required: false },
  affectedPeople: { required: false },
  dataCategories: { required: false },
  humanOversight: { required: false },
  publicVisibility: { required: false },
  tags: { required: false },
} as const;

export type ImportColumn = keyof typeof IMPORT_COLUMNS;

/** Columns of an export that Glassbox sets itself: accepted in an import file, and ignored. */
export const IGNORED_IMPORT_COLUMNS: readonly string[] = GLASSBOX_COLUMNS.map((c) => c.name).filter((name) => !(name in IMPORT_COLUMNS));

export const isImportColumn = (name: string): name is ImportColumn => name in IMPORT_COLUMNS;

/** Where each field error of the inventory's validation is reported: the column a person typed. */
export const COLUMN_OF_FIELD: Record<string, ImportColumn> = { unitId: 'unit', ownerId: 'ownerEmail' };

/** A yes/no cell: true, false, yes, no (any case). */
export function parseYesNo(cell: string): boolean | null {
  const v = cell.trim().toLowerCase();
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  return null;
}

/** A list cell: entries separated by ";", blank entries dropped. */
export const parseList = (cell: string): string[] =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A choice cell, tolerant of case and of spaces or hyphens for underscores ("In house" → in_house). */
export const parseChoice = (cell: string): string => cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
