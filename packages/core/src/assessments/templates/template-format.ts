/**
 * Template files in and out: parse an uploaded file (Glassbox JSON or YAML, or a SurveyJS survey),
 * check it against the template format, and write a version back out as JSON or YAML. Problems are
 * reported as AppError 400 `template.invalid` with `details.fields` keyed by the path of the
 * offending element (`sections[2].questions[0].choices`), so an author can find it in the file.
 */
import { createHash } from 'node:crypto';
import { parseDocument, stringify } from 'yaml';
import { importCanadianAia, importSurveyJs, looksLikeCanadianAia, SurveyJsImportError, validateTemplate } from '@glassbox/rules';
import type { TemplateDocument } from '@glassbox/rules';
import { canonicalJson } from '../../audit/canonical.js';
import { AppError } from '../../errors.js';

export const IMPORT_FORMATS = ['json', 'yaml', 'surveyjs'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['json', 'yaml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an import could not carry over, by SurveyJS feature name (stored with the draft, shown to the admin). */
export type UnsupportedFeature = { path: string; feature: string; detail: string };
export type ImportReport = {
  format: ImportFormat;
  /** For SurveyJS: which importer read the file (`canada-aia` for the official AIA questionnaire, else `surveyjs`). */
  importer: 'glassbox' | 'surveyjs' | 'canada-aia';
  unsupported: UnsupportedFeature[];
};

/** Same rule as the database check on assessment_template.key. */
export const TEMPLATE_KEY = /^[a-z0-9][a-z0-9-]{0,79}$/;
const MAX_FIELDS = 50;

/** sha-256 of the canonical JSON of a document: equal documents, equal hashes, whatever the key order. */
export function templateHash(document: TemplateDocument): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

export function invalidTemplate(fields: Record<string, string>, message?: string): AppError {
  const paths = Object.keys(fields);
  const first = paths[0];
  const text =
    message ??
    (first === undefined
      ? 'The template is not valid.'
      : `The template is not valid: ${paths.length === 1 ? 'one problem' : `${paths.length} problems`}, the first at ${first}: ${fields[first] ?? ''}`);
  return new AppError('bad_request', 'template.invalid', text, { fields });
}

/** Problems by element path (the first MAX_FIELDS paths; several problems at one path are joined). */
function fieldsOf(errors: ReadonlyArray<{ path: string; message: string }>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const path = e.path === '' ? '(document)' : e.path;
    if (!(path in fields) && Object.keys(fields).length >= MAX_FIELDS) break;
    fields[path] = fields[path] ? `${fields[path]} ${e.message}` : e.message;
  }
  if (Object.keys(fields).length === 0) fields['(document)'] = 'The document is not a template.';
  return fields;
}

/** Checks a document against the template format; the key must also fit the database rule. */
export function checkTemplateDocument(doc: unknown): TemplateDocument {
  const result = validateTemplate(doc);
  if (!result.ok) throw invalidTemplate(fieldsOf(result.errors));
  if (!TEMPLATE_KEY.test(result.template.key)) {
    throw invalidTemplate({ key: 'Use 1 to 80 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. `fria`).' });
  }
  return result.template;
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch (err) {
    throw invalidTemplate({ content: `This is not valid JSON: ${(err as Error).message}` });
  }
}

function parseYaml(content: string): unknown {
  const doc = parseDocument(content, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0];
    throw invalidTemplate({ content: `This is not valid YAML${line ? ` (line ${line.line}, column ${line.col})` : ''}: ${first.message.split('\n')[0] ?? ''}` });
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (err) {
    throw invalidTemplate({ content: `This YAML cannot be read: ${(err as Error).message}` });
  }
}

export type ParsedImport = { document: TemplateDocument; report: ImportReport };

/**
 * Reads an uploaded file. SurveyJS: the official Canadian AIA file is recognised and read with its
 * scoring; any other survey needs a `key` for the new template. Features the importer cannot carry
 * over are listed in the report, never dropped silently.
 */
export function parseTemplateFile(input: { format: ImportFormat; content: string; key?: string | undefined }): ParsedImport {
  if (input.content.trim() === '') throw invalidTemplate({ content: 'The file is empty.' });
  if (input.format === 'json' || input.format === 'yaml') {
    const doc = input.format === 'json' ? parseJson(input.content) : parseYaml(input.content);
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw invalidTemplate({ content: 'The file must hold one template: an object with format, key, title, sections.' });
    const document = checkTemplateDocument(doc);
    if (input.key !== undefined && input.key !== document.key) throw invalidTemplate({ key: `The file's key is "${document.key}"; leave key out or give the same.` });
    return { document, report: { format: input.format, importer: 'glassbox', unsupported: [] } };
  }
  const survey = parseJson(input.content);
  if (!survey || typeof survey !== 'object' || Array.isArray(survey)) throw invalidTemplate({ content: 'A SurveyJS file is a JSON object with `pages` or `elements`.' });
  const aia = looksLikeCanadianAia(survey);
  if (!aia && input.key === undefined) throw invalidTemplate({ key: 'Give a key for the new template (e.g. `my-survey`): lower-case letters, digits and hyphens.' });
  if (input.key !== undefined && !TEMPLATE_KEY.test(input.key)) {
    throw invalidTemplate({ key: 'Use 1 to 80 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. `my-survey`).' });
  }
  let imported: { template: TemplateDocument; unsupported: UnsupportedFeature[] };
  try {
    imported = aia ? importCanadianAia(survey) : importSurveyJs(survey, { key: input.key ?? '' });
  } catch (err) {
    if (err instanceof SurveyJsImportError && err.problems.length > 0) throw invalidTemplate(fieldsOf(err.problems), `This SurveyJS file does not make a valid template: ${err.message}`);
    throw invalidTemplate({ content: `This SurveyJS file cannot be read: ${(err as Error).message}` });
  }
  const template = aia && input.key !== undefined ? { ...imported.template, key: input.key } : imported.template;
  const document = checkTemplateDocument(template);
  return { document, report: { format: 'surveyjs', importer: aia ? 'canada-aia' : 'surveyjs', unsupported: imported.unsupported } };
}

/** A version as a file: the document itself, so exporting and importing again gives the same document. */
export function serialiseTemplate(document: TemplateDocument, format: ExportFormat): string {
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
};
