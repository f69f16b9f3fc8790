/**
 * Public consultations, the pure part (R-DIALOGUE, R-ENGAGE): where a consultation is in its life
 * (scheduled, open, closed) from its dates, and the checks on what staff write and what a person
 * sends. A person's problems are codes (as for concerns), so the public site says them in the
 * person's language next to the field.
 */
import type { FieldProblems } from '../citizen/citizen-fields.js';

export const CONSULTATION_LIMITS = {
  title: 200,
  intro: 10_000,
  questions: 10,
  question: 500,
  summary: 20_000,
  comment: 5000,
  answer: 2000,
  name: 200,
  reason: 2000,
} as const;

export const CONSULTATION_STATES = ['scheduled', 'open', 'closed'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

/** Open from opensAt (included) to closesAt (excluded). */
export function consultationState(c: { opensAt: Date; closesAt: Date }, now: Date): ConsultationState {
  if (now.getTime() < c.opensAt.getTime()) return 'scheduled';
  if (now.getTime() < c.closesAt.getTime()) return 'open';
  return 'closed';
}

// Control characters other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const clean = (value: unknown): string => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '');

/** Staff input: English messages per field (the staff app shows them). */
export type ConsultationDraft = { title?: unknown; intro?: unknown; questions?: unknown; opensAt?: unknown; closesAt?: unknown };
export type CheckedConsultation = { title: string; intro: string; questions: string[]; opensAt: Date; closesAt: Date };

function date(fields: Record<string, string>, key: string, value: unknown): Date | null {
  const d = typeof value === 'string' || value instanceof Date ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) {
    fields[key] = 'Give a date and time, like 2026-05-01T09:00:00Z.';
    return null;
  }
  if (d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2200) {
    fields[key] = 'Give a date between the years 2000 and 2200.';
    return null;
  }
  return d;
}

export function checkConsultation(input: ConsultationDraft, now: Date, opts: { creating: boolean }): { value: CheckedConsultation; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const text = (key: 'title' | 'intro', max: number): string => {
    const v = clean(input[key]);
    if (!v) fields[key] = 'Required.';
    else if (v.length > max) fields[key] = `Use at most ${max} characters.`;
    else if (CONTROL.test(v)) fields[key] = 'Remove the control characters.';
    return v;
  };
  const title = text('title', CONSULTATION_LIMITS.title);
  const intro = text('intro', CONSULTATION_LIMITS.intro);
  const rawQuestions = Array.isArray(input.questions) ? (input.questions as unknown[]) : input.questions === undefined ? [] : null;
  let questions: string[] = [];
  if (rawQuestions === null) fields.questions = 'Give a list of questions.';
  else {
    questions = rawQuestions.map(clean).filter(Boolean);
    if (questions.length > CONSULTATION_LIMITS.questions) fields.questions = `Ask at most ${CONSULTATION_LIMITS.questions} questions.`;
    else if (questions.some((q) => q.length > CONSULTATION_LIMITS.question)) fields.questions = `Keep each question under ${CONSULTATION_LIMITS.question} characters.`;
    else if (questions.some((q) => CONTROL.test(q))) fields.questions = 'Remove the control characters.';
  }
  const opensAt = date(fields, 'opensAt', input.opensAt);
  const closesAt = date(fields, 'closesAt', input.closesAt);
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) fields.closesAt = 'The closing date must come after the opening date.';
  else if (opts.creating && closesAt && closesAt.getTime() <= now.getTime()) fields.closesAt = 'The closing date must be in the future.';
  return { value: { title, intro, questions, opensAt: opensAt ?? now, closesAt: closesAt ?? now }, fields };
}

/** What a person sends through the public form. */
export type CommentInput = { name?: unknown; showName?: unknown; comment?: unknown; answers?: unknown };
export type CheckedComment = { name: string | null; showName: boolean; comment: string; answers: string[] };

export function checkComment(input: CommentInput, questionCount: number): { value: CheckedComment; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const field = (key: string, value: unknown, max: number, required: boolean): string | null => {
    const v = clean(value);
    if (!v) {
      if (required) problems[key] = 'required';
      return null;
    }
    if (CONTROL.test(v)) problems[key] = 'invalid_text';
    else if (v.length > max) problems[key] = 'too_long';
    return v;
  };
  const name = field('name', input.name, CONSULTATION_LIMITS.name, false);
  const comment = field('comment', input.comment, CONSULTATION_LIMITS.comment, true) ?? '';
  const given = Array.isArray(input.answers) ? (input.answers as unknown[]) : [];
  const answers = Array.from({ length: questionCount }, (_, i) => field(`answer_${i}`, given[i], CONSULTATION_LIMITS.answer, false) ?? '');
  const showName = name !== null && (input.showName === true || input.showName === 'yes' || input.showName === 'on');
  return { value: { name, showName, comment, answers }, problems };
}
