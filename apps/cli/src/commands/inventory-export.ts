/** `glassbox inventory export`: writes an organisation's AI-system inventory as CSV or JSON. */
import { randomUUID } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_FORMATS, EXPORT_PROFILES, exportInventory, systemCtx } from '@glassbox/core';
import { CommandError, helpText, oneOf, parseCommandArgs, requireOptions, type Command } from '../command.js';
import { requireOrganisation, withDatabase } from '../database.js';
import { createCounter, progressMode } from './inventory-progress.js';

const options = {
  org: { type: 'string' },
  format: { type: 'string' },
  profile: { type: 'string' },
  archived: { type: 'string' },
  out: { type: 'string' },
} as const;

const ARCHIVED = ['false', 'true', 'any'] as const;

export const inventoryExportCommand: Command = {
  name: 'inventory export',
  summary: 'Export the AI-system inventory as CSV or JSON (also in the US OMB 2025 columns).',
  options,
  help: helpText({
    usage: 'glassbox inventory export --org <slug> [--format csv|json] [--profile glassbox|omb-2025] [--archived false|true|any] [--out <file>]',
    description:
      'Writes the organisation’s AI systems to a file, or to standard output. The glassbox profile has one\n' +
      'column per inventory field (lists separated by "; "), and its CSV imports back with\n' +
      '"glassbox inventory import". The omb-2025 profile has the columns of the US federal AI use case\n' +
      'inventory (OMB M-25-21 data dictionary), filled where Glassbox knows the answer.',
    options: [
      ['--org <slug>', 'Organisation whose inventory to export (required).'],
      ['--format csv|json', 'File format (default csv).'],
      ['--profile glassbox|omb-2025', 'Columns: every Glassbox field, or the OMB 2025 inventory (default glassbox).'],
      ['--archived false|true|any', 'false: systems in the inventory (default); true: archived ones; any: both.'],
      ['--out <file>', 'Write to this file (replaced only once the export is complete); default: standard output.'],
    ],
    notes: ['Progress goes to standard error. Files get CRLF line ends and a byte-order mark, for spreadsheets.'],
    examples: ['glassbox inventory export --org riverton --out inventory.csv', 'glassbox inventory export --org riverton --profile omb-2025 --format json > omb.json'],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, options);
    const { org: slug } = requireOptions({ org: values.org });
    const format = oneOf('format', values.format?.trim() ?? 'csv', EXPORT_FORMATS);
    const profile = oneOf('profile', values.profile?.trim() ?? 'glassbox', EXPORT_PROFILES);
    const archived = oneOf('archived', values.archived?.trim() ?? 'false', ARCHIVED);
    const out = values.out?.trim() || undefined;

    return withDatabase(io, { checkSchema: true }, async (database) => {
      const org = await requireOrganisation(database.db, slug);
      let exported = 0;
      const counter = createCounter(io, progressMode(io), (n) => `Exported ${n} systems…`);
      const file = await exportInventory(systemCtx(database.db, 'cli'), {
        organisationId: org.id,
        format,
        profile,
        archived: archived === 'any' ? 'any' : archived === 'true',
        // A terminal or a pipe gets plain LF lines; a file gets RFC 4180's CRLF and a BOM.
        ...(out === undefined && { lineEnding: '\n' as const, byteOrderMark: false }),
        onProgress: (n) => {
          exported = n;
          counter.update(n);
        },
      });
      const summary = (where: string) => `Exported ${exported} AI system${exported === 1 ? '' : 's'} of ${org.slug} (${profile}, ${format}) ${where}.`;

      if (out === undefined) {
        // Every chunk ends with a line break, and io.out adds one: drop it from the chunk.
        for await (const chunk of file.chunks) io.out(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk);
        io.err(summary('to standard output'));
        return 0;
      }

      // Write beside the target and rename at the end, so a failed export never leaves half a file.
      const target = path.resolve(out);
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID().slice(0, 8)}.partial`);
      let handle: FileHandle;
      try {
        handle = await open(temporary, 'wx');
      } catch (err) {
        throw new CommandError(`Cannot write ${out}: ${(err as Error).message}`);
      }
      try {
        for await (const chunk of file.chunks) await handle.write(chunk);
        await handle.close();
        await rename(temporary, target);
      } catch (err) {
        await handle.close().catch(() => undefined);
        await rm(temporary, { force: true });
        throw err;
      }
      io.out(summary(`to ${out}`));
      return 0;
    });
  },
};
