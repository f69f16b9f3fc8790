/**
 * Answers files: the official Canadian AIA tool's saved file (`{ version, currentPage, data,
 * translationsOnResult }`, src/components/SaveLoadFile.vue buildSurveyFile) or a plain answers
 * object, read into Answers; and answers written back in the official shape, so a Glassbox result
 * can be reopened in the Government of Canada's tool.
 */
import { hasAnswer } from './conditions.js';
import type { AnswerValue, Answers, Question, TemplateDocument } from './template.js';

/** The AIA version whose questionnaire reference/canada_aia_survey-enfr_v1.0.1.json holds. */
export const CANADA_AIA_SURVEY_VERSION = 'v1.0.1';

export type AiaSavedFile = {
  version: string;
  currentPage: number;
  /** Question name → answer (text, choice value, list of choice values, number, true/false). */
  data: Record<string, string | number | boolean | string[]>;
  /** Free-text answers in the other language, by question name (the official tool's bilingual results). */
  translationsOnResult?: Record<string, string>;
};

export type AnswersFile = {
  answers: Answers;
  /** `aia-saved-file`: the official tool's saved file; `plain`: an object of answers. */
  format: 'aia-saved-file' | 'plain';
  /** The saved file's `version`, e.g. `v1.0.1`. */
  version?: string;
  translations?: Record<string, string>;
  /** Values that could not be read as an answer, with why. */
  ignored: Array<{ key: string; reason: string }>;
};

/** The answers file is not an object of answers or a saved file. */
export class AnswersFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnswersFileError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a parsed JSON value is the official tool's saved file rather than plain answers. */
export function isAiaSavedFile(file: unknown): boolean {
  if (!isRecord(file) || !('data' in file)) return false;
  return 'version' in file || 'currentPage' in file || 'translationsOnResult' in file;
}

function questionIndex(template: TemplateDocument | undefined): Map<string, Question> {
  return new Map((template?.sections ?? []).flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
}

/** One value from a file → an AnswerValue for its question (booleans become yes/no, numbers become choice values where the question has choices). */
function toAnswer(value: unknown, q: Question | undefined): AnswerValue | { reason: string } | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { reason: 'not a finite number' };
    if (q && q.type !== 'number') return String(value);
    return value;
  }
  if (typeof value === 'string') {
    if (q?.type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (!value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) return { reason: 'a list may hold only text and numbers' };
    return value.map(String);
  }
  return { reason: 'structured answers (matrix, multiple text, panels) are not supported' };
}

/**
 * Reads an answers file (already parsed from JSON or YAML): the official AIA saved file — whose
 * `data` may also be a JSON string, as in the tool's oldest files — or a plain object of answers.
 * With a template, values are shaped for their questions (numeric text for number questions,
 * numbers for choice questions); true/false always become `yes`/`no`. Throws AnswersFileError when
 * the file is neither.
 */
export function readAnswersFile(file: unknown, options: { template?: TemplateDocument } = {}): AnswersFile {
  if (!isRecord(file)) throw new AnswersFileError('An answers file must be a JSON object: either plain answers ({"questionId": value}) or a saved file ({"version": …, "data": {…}}).');
  const saved = isAiaSavedFile(file);
  let data: unknown = saved ? file.data : file;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      throw new AnswersFileError('The saved file\'s "data" is text that is not JSON.');
    }
  }
  if (!isRecord(data)) throw new AnswersFileError('The saved file\'s "data" must be an object of answers.');
  const questions = questionIndex(options.template);
  const answers: Answers = {};
  const ignored: AnswersFile['ignored'] = [];
  for (const [key, value] of Object.entries(data)) {
    const answer = toAnswer(value, questions.get(key));
    if (answer === undefined) continue;
    if (typeof answer === 'object' && !Array.isArray(answer)) ignored.push({ key, reason: answer.reason });
    else answers[key] = answer;
  }
  const out: AnswersFile = { answers, format: saved ? 'aia-saved-file' : 'plain', ignored };
  if (saved && typeof file.version === 'string') out.version = file.version;
  if (saved && isRecord(file.translationsOnResult)) {
    out.translations = Object.fromEntries(Object.entries(file.translationsOnResult).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  return out;
}

/**
 * Answers in the official AIA tool's saved-file shape (`version`, `currentPage: 0`, `data`, and
 * `translationsOnResult` when given), to open in the Government of Canada's tool. With the
 * template, only its questions' non-blank answers are written and yes/no answers become true/false
 * as SurveyJS stores them.
 */
export function toAiaSavedFile(
  answers: Answers,
  meta: { version?: string; document?: TemplateDocument; translationsOnResult?: Record<string, string> } = {},
): AiaSavedFile {
  const questions = questionIndex(meta.document);
  const data: AiaSavedFile['data'] = {};
  for (const [key, value] of Object.entries(answers)) {
    if (!hasAnswer(value)) continue;
    const q = questions.get(key);
    if (meta.document && (!q || q.type === 'info')) continue;
    if (q?.type === 'yes_no' && (value === 'yes' || value === 'no') && (q.choices ?? []).every((c) => c.value === 'yes' || c.value === 'no')) data[key] = value === 'yes';
    else data[key] = Array.isArray(value) ? [...value] : value;
  }
  const file: AiaSavedFile = { version: meta.version ?? CANADA_AIA_SURVEY_VERSION, currentPage: 0, data };
  if (meta.translationsOnResult && Object.keys(meta.translationsOnResult).length > 0) file.translationsOnResult = { ...meta.translationsOnResult };
  return file;
}
