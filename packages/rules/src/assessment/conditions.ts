/**
 * Conditional visibility (template.ts `Condition`): which sections and questions the current answers
 * show. Conditions are read against the answers as they are, including answers to questions that
 * are themselves hidden — as SurveyJS does while a form is being filled in, so an imported
 * questionnaire behaves like the original.
 */
import type { Answers, Condition, Question, Section, TemplateDocument } from './template.js';

/** Whether a raw answer value counts as given: not missing, not blank text, not an empty list. */
export function hasAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const BOOLEAN_TEXT: Record<string, boolean> = { yes: true, true: true, no: false, false: false };

function equalsValue(answer: unknown, expected: string | number | boolean): boolean {
  if (answer === undefined || answer === null || Array.isArray(answer)) return false;
  if (typeof expected === 'boolean') {
    if (typeof answer === 'boolean') return answer === expected;
    return typeof answer === 'string' && BOOLEAN_TEXT[answer.toLowerCase()] === expected;
  }
  if (typeof expected === 'number') {
    if (typeof answer === 'number') return answer === expected;
    return typeof answer === 'string' && answer.trim() !== '' && Number(answer) === expected;
  }
  if (typeof answer === 'string') return answer === expected;
  if (typeof answer === 'number') return String(answer) === expected;
  return false;
}

/**
 * Evaluates a condition against the answers:
 * - `equals` / `notEquals`: the answer is (not) the value; a number matches its text form, `true` /
 *   `false` match the yes/no values `yes` / `no`. An unanswered question equals nothing, so
 *   `notEquals` is true for it. A multiple-choice answer (a list) equals no single value.
 * - `includes`: a list answer contains the value; a single answer is the value.
 * - `answered`: whether the question has an answer (see hasAnswer).
 * - `all` (true when empty), `any` (false when empty), `not`.
 */
export function evaluateCondition(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers));
  if ('not' in condition) return !evaluateCondition(condition.not, answers);
  const answer: unknown = Object.hasOwn(answers, condition.question) ? answers[condition.question] : undefined;
  if ('equals' in condition) return equalsValue(answer, condition.equals);
  if ('notEquals' in condition) return !equalsValue(answer, condition.notEquals);
  if ('includes' in condition) {
    if (Array.isArray(answer)) return answer.includes(condition.includes);
    return answer === condition.includes;
  }
  return hasAnswer(answer) === condition.answered;
}

const visible = (item: { visibleIf?: Condition }, answers: Answers): boolean => item.visibleIf === undefined || evaluateCondition(item.visibleIf, answers);

export function isSectionVisible(section: Section, answers: Answers): boolean {
  return visible(section, answers);
}

/** Whether each question is visible (its section and itself), by question id. */
export function questionVisibility(template: TemplateDocument, answers: Answers): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const section of template.sections) {
    const sectionVisible = visible(section, answers);
    for (const q of section.questions) out.set(q.id, sectionVisible && visible(q, answers));
  }
  return out;
}

/** The questions the answers show, in template order: a question is visible when its section and itself are. */
export function visibleQuestions(template: TemplateDocument, answers: Answers): Question[] {
  const out: Question[] = [];
  for (const section of template.sections) {
    if (!visible(section, answers)) continue;
    for (const q of section.questions) if (visible(q, answers)) out.push(q);
  }
  return out;
}
