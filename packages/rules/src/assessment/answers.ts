/**
 * Answers against their questions: the choices a question offers (yes/no has default ones), the
 * points an answer scores and the most a question can score, and `checkAnswers`, which lists every
 * answer the API must refuse (with the question it belongs to) — wrong type, unknown choice, number
 * out of range, text too long, impossible date.
 */
import { MAX_TEXT_ANSWER_LENGTH } from './schema.js';
import type { Answers, Choice, Question, TemplateDocument } from './template.js';

/** The choices of a yes/no question that declares none: `yes` and `no`, scoring nothing. */
export const DEFAULT_YES_NO_CHOICES: readonly Choice[] = [
  { value: 'yes', label: { en: 'Yes', fr: 'Oui', es: 'Sí' }, weight: 0 },
  { value: 'no', label: { en: 'No', fr: 'Non', es: 'No' }, weight: 0 },
];

export function choicesOf(q: Question): readonly Choice[] {
  if (q.type === 'yes_no' && (!q.choices || q.choices.length === 0)) return DEFAULT_YES_NO_CHOICES;
  return q.choices ?? [];
}

const isMultiple = (q: Question) => q.type === 'multiple_choice';

/**
 * The most a question can score: for a single choice (and yes/no) the highest choice weight, for a
 * multiple choice the sum of all its weights (weights are never negative). 0 when it has no choices.
 */
export function questionMax(q: Question): number {
  const weights = choicesOf(q).map((c) => c.weight ?? 0);
  if (weights.length === 0) return 0;
  return isMultiple(q) ? weights.reduce((a, b) => a + b, 0) : Math.max(...weights);
}

/**
 * The points an answer scores, or null when the value is not an answer of this question's type
 * (then it is ignored). Single choice / yes/no: the chosen choice's weight; multiple choice: the sum
 * over the distinct chosen values. A value that is not one of the choices scores 0.
 */
export function answerScore(q: Question, value: unknown): number | null {
  const weightOf = new Map(choicesOf(q).map((c) => [c.value, c.weight ?? 0]));
  if (isMultiple(q)) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return null;
    return [...new Set(value)].reduce((sum, v) => sum + (weightOf.get(v) ?? 0), 0);
  }
  if (q.type === 'single_choice' || q.type === 'yes_no') {
    if (typeof value !== 'string') return null;
    return weightOf.get(value) ?? 0;
  }
  return null;
}

export type AnswerProblem = { questionId: string; message: string };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const describe = (value: unknown): string => (Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`);

function problemsOf(q: Question, value: unknown): string[] {
  const known = new Set(choicesOf(q).map((c) => c.value));
  const list = [...known].map((v) => `"${v}"`).join(', ');
  switch (q.type) {
    case 'info':
      return ['this element is guidance only and takes no answer'];
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') return [`expected text, got ${describe(value)}`];
      const limit = Math.min(q.maxLength ?? MAX_TEXT_ANSWER_LENGTH, MAX_TEXT_ANSWER_LENGTH);
      return value.length > limit ? [`text is ${value.length} characters long; at most ${limit} are allowed`] : [];
    }
    case 'single_choice':
    case 'yes_no':
      if (typeof value !== 'string') return [`expected one choice value, got ${describe(value)}`];
      return known.has(value) ? [] : [`"${value}" is not one of the choices (${list})`];
    case 'multiple_choice': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return [`expected a list of choice values, got ${describe(value)}`];
      const out = value.filter((v) => !known.has(v)).map((v) => `"${v}" is not one of the choices (${list})`);
      if (new Set(value).size !== value.length) out.push('a choice is given more than once');
      return out;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return [`expected a number, got ${describe(value)}`];
      if (q.min !== undefined && value < q.min) return [`${value} is below the minimum ${q.min}`];
      if (q.max !== undefined && value > q.max) return [`${value} is above the maximum ${q.max}`];
      return [];
    }
    case 'date':
      if (typeof value !== 'string') return [`expected a date (YYYY-MM-DD), got ${describe(value)}`];
      return isCalendarDate(value) ? [] : [`"${value}" is not a date written YYYY-MM-DD`];
    case 'file':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) return [`expected a list of attachment ids, got ${describe(value)}`];
      return [];
  }
}

/**
 * Every answer the template cannot accept, with its question id. Answers to ids the template does
 * not have are not problems (they are ignored, e.g. left over from an earlier version); neither are
 * blank answers (an empty text or list means "not answered").
 */
export function checkAnswers(template: TemplateDocument, answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const raw = answers as Record<string, unknown>;
  for (const section of template.sections) {
    for (const q of section.questions) {
      if (!Object.hasOwn(raw, q.id)) continue;
      const value = raw[q.id];
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0) || value === '') continue;
      for (const message of problemsOf(q, value)) problems.push({ questionId: q.id, message });
    }
  }
  return problems;
}
