/**
 * `glassbox assessment score`: scores an answers file against a template file and prints the result
 * as JSON, for template authors and batch checks. Needs no database. The template may be a Glassbox
 * template (JSON or YAML) or a SurveyJS file — the official Canadian AIA file gets the AIA's scoring,
 * levels and requirements — and the answers the official AIA tool's saved file or a plain object.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AnswersFileError,
  checkAnswers,
  importCanadianAia,
  importSurveyJs,
  looksLikeCanadianAia,
  readAnswersFile,
  scoreAssessment,
  SurveyJsImportError,
  validateTemplate,
  type ScoreResult,
  type TemplateDocument,
} from '@glassbox/rules';
import { parse as parseYaml } from 'yaml';
import { CommandError, helpText, parseCommandArgs, requireOptions, type Command, type Io } from '../command.js';

const options = {
  template: { type: 'string' },
  answers: { type: 'string' },
} as const;

/** A file that cannot be used: exit code 2 with the message. */
class BadFile extends Error {}

async function readText(file: string, io: Io): Promise<string> {
  if (file === '-') {
    if (!io.readStdin) throw new CommandError('Cannot read standard input here.');
    return io.readStdin();
  }
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new BadFile(code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${(err as Error).message}`);
  }
}

/** JSON for .json files, YAML for .yaml/.yml, otherwise JSON and then YAML. */
function parseDocument(text: string, file: string, what: string): unknown {
  const ext = path.extname(file).toLowerCase();
  const yaml = () => parseYaml(text, { maxAliasCount: 100 }) as unknown;
  try {
    if (ext === '.yaml' || ext === '.yml') return yaml();
    if (ext === '.json') return JSON.parse(text) as unknown;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return yaml();
    }
  } catch (err) {
    throw new BadFile(`The ${what} file ${file} is not valid ${ext === '.json' ? 'JSON' : ext === '.yaml' || ext === '.yml' ? 'YAML' : 'JSON or YAML'}: ${(err as Error).message}`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A SurveyJS file has pages (or, for one page, elements) and no Glassbox format field. */
const isSurveyJs = (doc: Record<string, unknown>): boolean => !('format' in doc) && (Array.isArray(doc.pages) || Array.isArray(doc.elements));

function keyFromFile(file: string): string {
  const key = path
    .basename(file, path.extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return key === '' ? 'survey' : key;
}

function loadTemplate(doc: unknown, file: string, io: Io): TemplateDocument {
  if (!isRecord(doc)) throw new BadFile(`The template file ${file} must hold an object: a Glassbox template or a SurveyJS survey.`);
  if (isSurveyJs(doc)) {
    try {
      const imported = looksLikeCanadianAia(doc) ? importCanadianAia(doc) : importSurveyJs(doc, { key: keyFromFile(file) });
      for (const u of imported.unsupported) io.err(`warning: ${file}: ${u.path === u.feature ? u.path : `${u.path || '(survey)'} (${u.feature})`}: ${u.detail}`);
      return imported.template;
    } catch (err) {
      if (err instanceof SurveyJsImportError) throw new BadFile(`The SurveyJS file ${file} cannot be imported: ${err.message}`);
      throw err;
    }
  }
  const checked = validateTemplate(doc);
  if (!checked.ok) {
    const lines = checked.errors.slice(0, 50).map((e) => `  ${e.path || '(document)'}: ${e.message}`);
    const more = checked.errors.length > 50 ? [`  … and ${checked.errors.length - 50} more`] : [];
    throw new BadFile([`The template file ${file} is not a valid template (${checked.errors.length} problem${checked.errors.length === 1 ? '' : 's'}):`, ...lines, ...more].join('\n'));
  }
  return checked.template;
}

/** The printed result: stable keys, `raw`/`mitigation` (and their maxima) when the template has those score types. */
export function scoreOutput(template: TemplateDocument, result: ScoreResult): Record<string, unknown> {
  const has = (id: string) => template.scoring?.scoreTypes.some((t) => t.id === id) === true;
  return {
    template: template.key,
    ...(has('impact') ? { raw: result.scores.impact ?? 0 } : {}),
    ...(has('mitigation') ? { mitigation: result.scores.mitigation ?? 0 } : {}),
    current: result.current,
    level: result.level,
    ...(has('impact') ? { maxRaw: result.maxima.impact ?? 0 } : {}),
    ...(has('mitigation') ? { maxMitigation: result.maxima.mitigation ?? 0 } : {}),
    scores: result.scores,
    maxima: result.maxima,
    applied: result.applied,
    sections: result.sections.map((s) => ({ id: s.sectionId, questions: s.questions, scores: s.scores })),
    missingRequired: result.missingRequired,
    progress: result.progress,
  };
}

export const assessmentScoreCommand: Command = {
  name: 'assessment score',
  summary: 'Score an answers file against an assessment template and print the result as JSON.',
  options,
  help: helpText({
    usage: 'glassbox assessment score --template <file> --answers <file>',
    description:
      'Scores the answers with the template’s own scoring and prints the result as JSON on standard\n' +
      'output. Needs no database.\n' +
      '  template: a Glassbox template (format glassbox.assessment-template/1, JSON or YAML), or a\n' +
      '    SurveyJS survey (JSON with "pages"). The official Canadian AIA file (names ending -RS/-MS) is\n' +
      '    scored as the Government of Canada’s tool scores it, with levels I–IV; any other SurveyJS\n' +
      '    file is imported without scoring. What the import cannot carry over is listed on standard\n' +
      '    error as warnings.\n' +
      '  answers: the official AIA tool’s saved file ({"version": …, "data": {…}}) or a plain object of\n' +
      '    answers by question id (JSON or YAML). Answers the template cannot use are ignored and listed\n' +
      '    on standard error.',
    options: [
      ['--template <file>', 'The template or SurveyJS file (required).'],
      ['--answers <file>', 'The answers file (required); "-" reads standard input.'],
    ],
    notes: [
      'Output: {"template", "raw", "mitigation", "current", "level", "maxRaw", "maxMitigation", "scores",',
      '"maxima", "applied", "sections", "missingRequired", "progress"}. raw/maxRaw appear when the',
      'template has an "impact" score type, mitigation/maxMitigation when it has "mitigation"; "current"',
      'is the score after adjustments (the AIA’s 15 % deduction) and "level" is null without levels.',
      'Exit codes: 0 scored, 2 a file could not be read or is not a valid template or answers file.',
    ],
    examples: [
      'glassbox assessment score --template reference/canada_aia_survey-enfr_v1.0.1.json --answers SurveyResults.json',
      'glassbox assessment score --template readiness.yaml --answers answers.json',
    ],
  }),
  async run(argv, io) {
    const values = parseCommandArgs(argv, options);
    const given = requireOptions({ template: values.template, answers: values.answers });
    try {
      const template = loadTemplate(parseDocument(await readText(given.template, io), given.template, 'template'), given.template, io);
      const answersDoc = parseDocument(await readText(given.answers, io), given.answers === '-' ? 'standard input' : given.answers, 'answers');
      let file;
      try {
        file = readAnswersFile(answersDoc, { template });
      } catch (err) {
        if (err instanceof AnswersFileError) throw new BadFile(`The answers file ${given.answers} cannot be used: ${err.message}`);
        throw err;
      }
      const known = new Set(template.sections.flatMap((s) => s.questions.map((q) => q.id)));
      const unknown = Object.keys(file.answers).filter((k) => !known.has(k));
      if (unknown.length > 0) {
        io.err(`warning: ${given.answers}: ${unknown.length} answer${unknown.length === 1 ? '' : 's'} for questions the template does not have, ignored: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}`);
      }
      for (const i of file.ignored) io.err(`warning: ${given.answers}: ${i.key}: ignored, ${i.reason}`);
      for (const p of checkAnswers(template, file.answers)) io.err(`warning: ${given.answers}: ${p.questionId}: ${p.message} (not scored)`);
      io.out(JSON.stringify(scoreOutput(template, scoreAssessment(template, file.answers)), null, 2));
      return 0;
    } catch (err) {
      if (err instanceof BadFile) {
        io.err(err.message);
        return 2;
      }
      throw err;
    }
  },
};
