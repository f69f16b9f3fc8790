/**
 * Importing AI systems from a CSV file in the 'glassbox' profile. Every row is checked with the
 * inventory's own rules (system-fields.ts), the unit found by name and the owner by the email of a
 * member; every problem is collected as {row, column, problem}. If there is any, nothing is
 * written. Otherwise every system is registered through createSystem (so each gets its first
 * version and its audit event) in one transaction: all or nothing. A dry run stops after checking.
 */
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, forbidden } from '../errors.js';
import { createSystem, type CreateSystemInput } from '../inventory/inventory.service.js';
import { checkSystem, normaliseFields, type FieldErrors, type SystemFields } from '../inventory/system-fields.js';
import { CsvSyntaxError, parseCsv, readCsvCell } from './csv.js';
import {
  COLUMN_OF_FIELD,
  IGNORED_IMPORT_COLUMNS,
  IMPORT_COLUMNS,
  isImportColumn,
  parseChoice,
  parseList,
  parseYesNo,
  type ImportColumn,
} from './glassbox-profile.js';
import { canImportInventory } from './policy.js';

/** Rows per file: one import is one transaction, kept to a size that commits in seconds. */
export const MAX_IMPORT_ROWS = 10_000;

/** `row` counts records as a spreadsheet shows them: the header is row 1. */
export type ImportProblem = { row: number; column: string; problem: string };

export type ImportProgress = { stage: 'validating' | 'creating'; done: number; total: number };

export type ImportInventoryInput = {
  organisationId: string;
  /** The whole file as text (a byte-order mark at the start is fine). */
  csv: string;
  /** Check only: report the problems and write nothing. */
  dryRun?: boolean | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
};

export type ImportInventoryResult = {
  dryRun: boolean;
  /** Data rows in the file (blank rows are skipped and not counted). */
  rows: number;
  /** Systems registered: 0 on a dry run or when there are problems. */
  created: number;
  problems: ImportProblem[];
  /** Columns Glassbox sets itself (id, slug, lifecycle, …), accepted and ignored. */
  ignoredColumns: string[];
};

type Header = { index: Partial<Record<ImportColumn, number>>; width: number; ignored: string[]; problems: ImportProblem[] };

function readHeader(cells: string[]): Header {
  const index: Partial<Record<ImportColumn, number>> = {};
  const ignored: string[] = [];
  const problems: ImportProblem[] = [];
  const known = new Map<string, string>([...Object.keys(IMPORT_COLUMNS), ...IGNORED_IMPORT_COLUMNS].map((c) => [c.toLowerCase(), c]));
  const seen = new Set<string>();
  cells.forEach((cell, i) => {
    const typed = cell.trim();
    if (typed === '') {
      problems.push({ row: 1, column: `(column ${i + 1})`, problem: 'This column has no name in the header row.' });
      return;
    }
    const name = known.get(typed.toLowerCase());
    if (name === undefined) {
      problems.push({ row: 1, column: typed, problem: `Unknown column. Importable columns: ${Object.keys(IMPORT_COLUMNS).join(', ')}.` });
      return;
    }
    if (seen.has(name)) {
      problems.push({ row: 1, column: name, problem: 'This column appears more than once.' });
      return;
    }
    seen.add(name);
    if (isImportColumn(name)) index[name] = i;
    else ignored.push(name);
  });
  for (const [name, spec] of Object.entries(IMPORT_COLUMNS)) {
    if (spec.required && !seen.has(name)) problems.push({ row: 1, column: name, problem: 'Required column missing from the header row.' });
  }
  return { index, width: cells.length, ignored, problems };
}

/** What the rows are checked against: the organisation's units by name, members by email. */
type References = {
  unitByName: Map<string, string>;
  unitByLowerName: Map<string, string[]>;
  memberByEmail: Map<string, string>;
  /** The importing person, the default owner; null for tokens and the CLI, which must name one. */
  defaultOwnerId: string | null;
};

async function loadReferences(ctx: Ctx, organisationId: string): Promise<References> {
  const units = await ctx.db.selectFrom('unit').select(['id', 'name']).where('organisation_id', '=', organisationId).execute();
  const members = await ctx.db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email'])
    .where('m.organisation_id', '=', organisationId)
    .execute();
  const unitByLowerName = new Map<string, string[]>();
  for (const u of units) unitByLowerName.set(u.name.toLowerCase(), [...(unitByLowerName.get(u.name.toLowerCase()) ?? []), u.id]);
  return {
    unitByName: new Map(units.map((u) => [u.name, u.id])),
    unitByLowerName,
    memberByEmail: new Map(members.map((m) => [m.email.trim().toLowerCase(), m.id])),
    defaultOwnerId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  };
}

/** Checks one data row; returns the system to create, or null with its problems added. */
function checkRow(row: number, cells: string[], header: Header, refs: References, problems: ImportProblem[]): Omit<CreateSystemInput, 'organisationId'> | null {
  const cell = (column: ImportColumn): string | undefined => {
    const i = header.index[column];
    return i === undefined ? undefined : readCsvCell(cells[i] ?? '');
  };
  const errors: FieldErrors = {};
  const given: Partial<Record<keyof SystemFields, unknown>> = {};

  for (const column of ['name', 'purpose', 'description', 'affectedPeople', 'humanOversight', 'supplier'] as const) {
    const v = cell(column);
    if (v !== undefined) given[column] = v;
  }
  for (const column of ['sourcing', 'decisionRole', 'publicVisibility'] as const) {
    const v = cell(column);
    if (v === undefined || v.trim() === '') {
      if (IMPORT_COLUMNS[column].required && v !== undefined) errors[column] = 'Required.';
    } else {
      given[column] = parseChoice(v);
    }
  }
  const personal = cell('personalData');
  if (personal !== undefined) {
    if (personal.trim() === '') errors.personalData = 'Required.';
    else {
      const yes = parseYesNo(personal);
      if (yes === null) errors.personalData = 'Answer true or false (yes or no).';
      else given.personalData = yes;
    }
  }
  for (const column of ['dataCategories', 'tags'] as const) {
    const v = cell(column);
    if (v !== undefined) given[column] = parseList(v);
  }

  const unit = cell('unit')?.trim() ?? '';
  if (unit !== '') {
    const exact = refs.unitByName.get(unit);
    const loose = refs.unitByLowerName.get(unit.toLowerCase()) ?? [];
    if (exact) given.unitId = exact;
    else if (loose.length === 1) given.unitId = loose[0];
    else if (loose.length > 1) errors.unitId = `Several units are called "${unit}" in different cases: write the name exactly.`;
    else errors.unitId = `No unit called "${unit}" in this organisation.`;
  }
  const email = cell('ownerEmail')?.trim() ?? '';
  if (email !== '') {
    const ownerId = refs.memberByEmail.get(email.toLowerCase());
    if (ownerId) given.ownerId = ownerId;
    else errors.ownerId = `No member of this organisation has the email ${email}.`;
  } else if (refs.defaultOwnerId === null) {
    errors.ownerId = 'Give the email of the owner, a member of this organisation accountable for the system.';
  }

  // The inventory's own rules, on the row with the defaults createSystem would apply.
  const fields = normaliseFields(given, errors);
  const whole: SystemFields = {
    name: '',
    purpose: '',
    description: '',
    unitId: null,
    ownerId: refs.defaultOwnerId ?? '',
    sourcing: 'in_house',
    supplier: null,
    decisionRole: 'informs',
    affectedPeople: '',
    dataCategories: [],
    personalData: false,
    humanOversight: '',
    publicVisibility: 'internal',
    tags: [],
    ...fields,
  };
  if (given.sourcing !== undefined && !errors.sourcing) checkSystem(whole, errors);

  const found = Object.entries(errors).map(([field, problem]) => ({ row, column: COLUMN_OF_FIELD[field] ?? field, problem }));
  if (found.length > 0) {
    // In the order of the file's columns, as a person reads the row.
    const position = (column: string) => (isImportColumn(column) ? (header.index[column] ?? Infinity) : Infinity);
    problems.push(...found.sort((a, b) => position(a.column) - position(b.column)));
    return null;
  }
  const { ownerId, ...rest } = whole;
  // Without an owner in the row, createSystem makes the importing person the owner.
  return { ...rest, ...(given.ownerId !== undefined && { ownerId }) };
}

export async function importInventory(ctx: Ctx, input: ImportInventoryInput): Promise<ImportInventoryResult> {
  const { organisationId } = input;
  const dryRun = input.dryRun === true;
  if (!canImportInventory(ctx.actor, organisationId)) {
    throw forbidden('Only administrators and governance officers (or write tokens) can import AI systems.');
  }
  const result = (rows: number, problems: ImportProblem[], ignoredColumns: string[] = []): ImportInventoryResult => ({
    dryRun,
    rows,
    created: 0,
    problems,
    ignoredColumns,
  });

  let records: string[][];
  try {
    records = parseCsv(input.csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return result(0, [{ row: err.row, column: '', problem: err.message }]);
    throw err;
  }
  const [headerCells, ...body] = records;
  if (!headerCells || headerCells.every((c) => c.trim() === '')) {
    return result(0, [{ row: 1, column: '', problem: 'The file is empty: its first row must name the columns (name, purpose, sourcing, …).' }]);
  }
  const header = readHeader(headerCells);
  const problems = [...header.problems];
  // Blank rows (every cell empty) are skipped, as spreadsheets often leave some at the end.
  const dataRows = body.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (dataRows.length === 0) return result(0, [...problems, { row: 2, column: '', problem: 'The file has no rows to import.' }], header.ignored);
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return result(dataRows.length, [
      ...problems,
      { row: MAX_IMPORT_ROWS + 2, column: '', problem: `The file has ${dataRows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time (split the file).` },
    ], header.ignored);
  }

  const refs = await loadReferences(ctx, organisationId);
  const planned: Array<{ row: number; system: CreateSystemInput }> = [];
  const total = dataRows.length;
  dataRows.forEach(({ row, cells }, i) => {
    if (cells.length !== header.width) {
      problems.push({ row, column: '', problem: `This row has ${cells.length} cells; the header row has ${header.width}.` });
    } else {
      const system = checkRow(row, cells, header, refs, problems);
      if (system) planned.push({ row, system: { ...system, organisationId } });
    }
    input.onProgress?.({ stage: 'validating', done: i + 1, total });
  });
  if (problems.length > 0 || dryRun) return result(total, problems, header.ignored);

  // All or nothing: one transaction; a refusal on any row (a member removed meanwhile) undoes all.
  const failed: ImportProblem[] = [];
  try {
    await inTransaction(ctx, async (tx) => {
      for (const [i, { row, system }] of planned.entries()) {
        try {
          await createSystem(tx, system);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const fields = err.details?.fields;
          if (fields && typeof fields === 'object') {
            for (const [field, problem] of Object.entries(fields)) failed.push({ row, column: COLUMN_OF_FIELD[field] ?? field, problem: String(problem) });
          } else {
            failed.push({ row, column: '', problem: err.message });
          }
          throw err;
        }
        input.onProgress?.({ stage: 'creating', done: i + 1, total });
      }
      await recordAudit(tx, {
        organisationId,
        action: 'inventory.imported',
        entityType: 'organisation',
        entityId: organisationId,
        after: { created: planned.length },
      });
    });
  } catch (err) {
    if (failed.length > 0) return result(total, failed, header.ignored);
    throw err;
  }
  return { dryRun, rows: total, created: planned.length, problems: [], ignoredColumns: header.ignored };
}
