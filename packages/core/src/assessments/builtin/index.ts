/**
 * Glassbox's built-in assessment templates (issue #4 point 4), one YAML file each, written in our own
 * words in English and French. They are installed into the database at start-up; which of them a
 * system needs is decided from its classification (the keys below are that contract).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { validateTemplate, type TemplateDocument } from '@glassbox/rules';

/** The keys of the built-in templates, in the order they are listed. */
export const BUILTIN_TEMPLATE_KEYS = [
  'fria',
  'necessity-review',
  'workforce-impact',
  'data-protection-screening',
  'readiness',
  'vendor-prepurchase',
] as const;
export type BuiltinTemplateKey = (typeof BUILTIN_TEMPLATE_KEYS)[number];

/** Absolute paths of the template files; each file is named after its key. */
export const BUILTIN_TEMPLATE_FILES: readonly string[] = BUILTIN_TEMPLATE_KEYS.map((key) => fileURLToPath(new URL(`./${key}.yaml`, import.meta.url)));

/** How many problems an error message lists before it stops. */
const ERRORS_SHOWN = 5;

/** Parses and validates one template file; throws an Error naming the file and the paths of its first problems. */
export function loadTemplateFile(file: string): TemplateDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Built-in assessment template ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  let doc: unknown;
  try {
    doc = YAML.parse(text, { prettyErrors: true });
  } catch (err) {
    throw new Error(`Built-in assessment template ${file} is not valid YAML: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const result = validateTemplate(doc);
  if (!result.ok) {
    const shown = result.errors.slice(0, ERRORS_SHOWN).map((e) => `  ${e.path || '(document)'}: ${e.message}`);
    const more = result.errors.length > ERRORS_SHOWN ? [`  … and ${result.errors.length - ERRORS_SHOWN} more`] : [];
    throw new Error([`Built-in assessment template ${file} is invalid:`, ...shown, ...more].join('\n'));
  }
  return result.template;
}

/**
 * Reads, parses and validates every built-in template, in BUILTIN_TEMPLATE_KEYS order. Throws when a
 * file is missing, is not YAML, fails validation, or carries a key other than its file name.
 */
export function loadBuiltinTemplates(): TemplateDocument[] {
  return BUILTIN_TEMPLATE_FILES.map((file, i) => {
    const template = loadTemplateFile(file);
    const expected = BUILTIN_TEMPLATE_KEYS[i];
    if (template.key !== expected) throw new Error(`Built-in assessment template ${file} has key "${template.key}"; expected "${expected}"`);
    return template;
  });
}
