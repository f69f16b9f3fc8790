/** `glassbox inventory import`: registers AI systems from a CSV file, all rows or none. */
import { readFile } from 'node:fs/promises';
import { importInventory, INVENTORY_IMPORT_COLUMNS, systemCtx, type ImportProblem } from '@glassbox/core';
import { CommandError, helpText, parseCommandArgs, requireOptions, type Command, type Io } from '../command.js';
import { requireOrganisation, withDatabase } from '../database.js';
import { createProgress, progressMode } from './inventory-progress.js';

const options = {
  org: { type: 'string' },
  file: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

const required = Object.entries(INVENTORY_IMPORT_COLUMNS)
  .filter(([, spec]) => spec.required)
  .map(([name]) => name);
const optional = Object.entries(INVENTORY_IMPORT_COLUMNS)
  .filter(([, spec]) => !spec.required)
  .map(([name]) => name);

/** The validation report: one line per problem, columns aligned. */
export function problemTable(problems: readonly ImportProblem[]): string {
  const rows = problems.map((p) => [String(p.row), p.column || '-', p.problem] as const);
  const rowWidth = Math.max('Row'.length, ...rows.map((r) => r[0].length));
  const columnWidth = Math.max('Column'.length, ...rows.map((r) => r[1].length));
  const line = (a: string, b: string, c: string) => `${a.padEnd(rowWidth)}  ${b.padEnd(columnWidth)}  ${c}`.trimEnd();
  return [line('Row', 'Column', 'Problem'), line('-'.repeat(rowWidth), '-'.repeat(columnWidth), '-'.repeat(7)), ...rows.map((r) => line(...r))].join('\n');
}

async function readInput(file: string, io: Io): Promise<string> {
  if (file === '-') {
    if (!io.readStdin) throw new CommandError('Cannot read standard input here.');
    return io.readStdin();
  }
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new CommandError(code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${(err as Error).message}`);
  }
}

export const inventoryImportCommand: Command = {
  name: 'inventory import',
  summary: 'Register AI systems from a CSV file (all rows or none).',
  options,
  help: helpText({
    usage: 'glassbox inventory import --org <slug> --file <csv> [--dry-run]',
    description:
      'Checks every row of a CSV file with the inventory’s own rules and prints every problem (row,\n' +
      'column, problem). If there is any, nothing is imported and the command exits with 1. Otherwise it\n' +
      'registers every system in one transaction, each with its first version and audit event; each\n' +
      'starts as an idea. The first row names the columns:\n' +
      `  required: ${required.join(', ')}\n` +
      `  optional: ${optional.join(', ')}\n` +
      'The unit is given by name and the owner by the email of a member (the owner is required here).\n' +
      'Lists are separated by ";". A file exported with "glassbox inventory export" imports as it is.',
    options: [
      ['--org <slug>', 'Organisation to register the systems in (required).'],
      ['--file <csv>', 'The CSV file, UTF-8 (required); "-" reads standard input.'],
      ['--dry-run', 'Only check the file and print the report; write nothing.'],
    ],
    notes: [
      'Progress goes to standard error: one updating line on a terminal, a line every 10% otherwise',
      '(GLASSBOX_PROGRESS=tty|lines|off chooses).',
    ],
    examples: ['glassbox inventory import --org riverton --file systems.csv --dry-run', 'glassbox inventory import --org riverton --file systems.csv'],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, options);
    const given = requireOptions({ org: values.org, file: values.file });
    const dryRun = values['dry-run'] === true;
    const csv = await readInput(given.file, io);

    return withDatabase(io, { checkSchema: true }, async (database) => {
      const org = await requireOrganisation(database.db, given.org);
      const mode = progressMode(io);
      const validating = createProgress(io, mode, (done, total, percent) => `Validated ${done} of ${total} rows (${percent}%)`);
      const creating = createProgress(io, mode, (done, total, percent) => `Created ${done} of ${total} systems (${percent}%)`);
      const result = await importInventory(systemCtx(database.db, 'cli'), {
        organisationId: org.id,
        csv,
        dryRun,
        onProgress: (p) => (p.stage === 'validating' ? validating : creating).update(p.done, p.total),
      });

      if (result.ignoredColumns.length > 0) io.out(`Ignored columns that Glassbox sets itself: ${result.ignoredColumns.join(', ')}.`);
      if (result.problems.length > 0) {
        const rows = new Set(result.problems.map((p) => p.row)).size;
        io.out(problemTable(result.problems));
        io.out(
          `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'} of ${given.file}: nothing was imported.`,
        );
        return 1;
      }
      if (dryRun) {
        io.out(`Checked ${result.rows} row${result.rows === 1 ? '' : 's'} of ${given.file}: no problems. Nothing was written (dry run).`);
        return 0;
      }
      io.out(`Created ${result.created} AI system${result.created === 1 ? '' : 's'} in ${org.slug} from ${given.file}.`);
      return 0;
    });
  },
};
