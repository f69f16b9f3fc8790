/**
 * `glassbox assessment-template list|import|export`: the organisation's assessment templates from a
 * terminal, through the same services as the API (import as a draft, with validation errors named by
 * element path; export any version as JSON or YAML). Each command first makes sure the built-in
 * templates are installed, as the server does at start.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  exportTemplateVersion,
  importTemplate,
  installBuiltinTemplates,
  listTemplates,
  publishDraft,
  resolveTemplateForUse,
  systemCtx,
  TEMPLATE_EXPORT_FORMATS,
  TEMPLATE_IMPORT_FORMATS,
  type TemplateImportFormat,
} from '@glassbox/core';
import { CommandError, helpText, oneOf, parseCommandArgs, requireOptions, UsageError, type Command, type Io } from '../command.js';
import { requireOrganisation, withDatabase } from '../database.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** The format from the file name, else from the content: YAML, a Glassbox JSON template, or a SurveyJS survey. */
export function guessFormat(file: string, content: string): TemplateImportFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  try {
    const parsed = JSON.parse(content) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && !('format' in parsed) && ('pages' in parsed || 'elements' in parsed)) return 'surveyjs';
    return 'json';
  } catch {
    return ext === '.json' ? 'json' : 'yaml';
  }
}

const listOptions = { org: { type: 'string' } } as const;

export const assessmentTemplateListCommand: Command = {
  name: 'assessment-template list',
  summary: 'List the built-in assessment templates and the organisation’s own, with their versions.',
  options: listOptions,
  help: helpText({
    usage: 'glassbox assessment-template list --org <slug>',
    description:
      'One line per template: its key, where it comes from (builtin, imported, custom), its latest published\n' +
      'version and draft, and whether new assessments of its key start on it ("in use").',
    options: [['--org <slug>', 'Organisation whose templates to list (required).']],
    examples: ['glassbox assessment-template list --org riverton'],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, listOptions);
    const { org: slug } = requireOptions({ org: values.org });
    return withDatabase(io, { checkSchema: true }, async (database) => {
      await installBuiltinTemplates(database);
      const org = await requireOrganisation(database.db, slug);
      const { items } = await listTemplates(systemCtx(database.db, 'cli'), { organisationId: org.id });
      const rows = items.map((t) => [
        t.key,
        t.origin,
        t.latestPublished ? `v${t.latestPublished.version} ${t.latestPublished.id}` : '-',
        t.draft ? `v${t.draft.version} ${t.draft.id}` : '-',
        t.archivedAt ? 'archived' : t.inUse ? 'in use' : '',
        t.title,
      ]);
      const header = ['Key', 'Origin', 'Published', 'Draft', 'Use', 'Title'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
      const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
      io.out([line(header), ...rows.map(line)].join('\n'));
      return 0;
    });
  },
};

const importOptions = {
  org: { type: 'string' },
  file: { type: 'string' },
  format: { type: 'string' },
  key: { type: 'string' },
  publish: { type: 'boolean' },
} as const;

export const assessmentTemplateImportCommand: Command = {
  name: 'assessment-template import',
  summary: 'Import a template file (JSON, YAML or SurveyJS) as a draft, and optionally publish it.',
  options: importOptions,
  fieldOptions: { content: '--file' },
  help: helpText({
    usage: 'glassbox assessment-template import --org <slug> --file <file> [--format json|yaml|surveyjs] [--key <key>] [--publish]',
    description:
      'Checks the file against the template format and adds it as a draft of the organisation’s template\n' +
      'with the same key (created if there is none; an existing draft is replaced). Problems are listed by\n' +
      'the path of the element, e.g. sections[2].questions[0].choices, and nothing is stored. SurveyJS\n' +
      'features that could not be carried over are listed by name. The official Canadian AIA file is\n' +
      'recognised and imported with its scoring, levels and requirements.',
    options: [
      ['--org <slug>', 'Organisation to import into (required).'],
      ['--file <file>', 'The template file (required); "-" reads standard input.'],
      ['--format json|yaml|surveyjs', 'Default: from the file name and content.'],
      ['--key <key>', 'Key of the new template: needed for SurveyJS surveys other than the official AIA.'],
      ['--publish', 'Publish the draft at once: new assessments of its key start on it.'],
    ],
    examples: [
      'glassbox assessment-template import --org riverton --file fria-custom.yaml',
      'glassbox assessment-template import --org riverton --file reference/canada_aia_survey-enfr_v1.0.1.json --publish',
    ],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, importOptions);
    const given = requireOptions({ org: values.org, file: values.file });
    const content = await readInput(given.file, io);
    const format = values.format === undefined ? guessFormat(given.file, content) : oneOf('format', values.format.trim(), TEMPLATE_IMPORT_FORMATS);
    return withDatabase(io, { checkSchema: true }, async (database) => {
      await installBuiltinTemplates(database);
      const org = await requireOrganisation(database.db, given.org);
      const ctx = systemCtx(database.db, 'cli');
      let version = await importTemplate(ctx, { organisationId: org.id, format, content, key: values.key?.trim() || undefined });
      const unsupported = version.importReport?.unsupported ?? [];
      if (unsupported.length > 0) {
        io.err(`${unsupported.length} SurveyJS feature${unsupported.length === 1 ? '' : 's'} could not be carried over:`);
        for (const u of unsupported) io.err(`  ${u.path}: ${u.feature} — ${u.detail}`);
      }
      if (values.publish === true) version = await publishDraft(ctx, { organisationId: org.id, versionId: version.id });
      io.out(`${version.status === 'published' ? 'Published' : 'Imported'} "${version.key}" version ${version.version}${version.status === 'draft' ? ' as a draft' : ''} (${version.id}).`);
      return 0;
    });
  },
};

const exportOptions = {
  org: { type: 'string' },
  version: { type: 'string' },
  key: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

export const assessmentTemplateExportCommand: Command = {
  name: 'assessment-template export',
  summary: 'Write a template version to a JSON or YAML file.',
  options: exportOptions,
  help: helpText({
    usage: 'glassbox assessment-template export --org <slug> (--version <id> | --key <key>) [--format json|yaml] [--out <file>]',
    description:
      'Writes one version of a template as a file that "glassbox assessment-template import" reads back\n' +
      'unchanged. --version names any version (see "assessment-template list"); --key takes the version new\n' +
      'assessments of that key start on (the organisation’s own published template, else the built-in).',
    options: [
      ['--org <slug>', 'Organisation (required).'],
      ['--version <id>', 'The version to export.'],
      ['--key <key>', 'Or: the version in use for this key.'],
      ['--format json|yaml', 'File format (default: from --out, else json).'],
      ['--out <file>', 'Write to this file; default: standard output.'],
    ],
    examples: ['glassbox assessment-template export --org riverton --key fria --out fria.yaml'],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, exportOptions);
    const { org: slug } = requireOptions({ org: values.org });
    const versionId = values.version?.trim();
    const key = values.key?.trim();
    if ((versionId ? 1 : 0) + (key ? 1 : 0) !== 1) throw new UsageError('Give either --version or --key.');
    if (versionId && !UUID.test(versionId)) throw new UsageError('--version must be a version id (see "glassbox assessment-template list").');
    const out = values.out?.trim() || undefined;
    const fromName = out && /\.ya?ml$/i.test(out) ? 'yaml' : 'json';
    const format = oneOf('format', values.format?.trim() ?? fromName, TEMPLATE_EXPORT_FORMATS);
    return withDatabase(io, { checkSchema: true }, async (database) => {
      await installBuiltinTemplates(database);
      const org = await requireOrganisation(database.db, slug);
      const ctx = systemCtx(database.db, 'cli');
      const id = versionId ?? (await resolveTemplateForUse(ctx, { organisationId: org.id, key: key ?? '' })).versionId;
      const file = await exportTemplateVersion(ctx, { organisationId: org.id, versionId: id, format });
      if (out === undefined) {
        io.out(file.text.endsWith('\n') ? file.text.slice(0, -1) : file.text);
        return 0;
      }
      await writeFile(path.resolve(out), file.text, 'utf8');
      io.err(`Wrote ${file.filename} to ${out}.`);
      return 0;
    });
  },
};
