/**
 * What changed between two rounds of an assessment (reassessment, issue #4 point 5): the answers
 * that differ, question by question, and how the scores, the current score and the level moved.
 */
import { hasAnswer } from './conditions.js';
import { scoreAssessment } from './score.js';
import type { AnswerValue, Answers, ScoreResult, TemplateDocument } from './template.js';

export type AnswerChange = {
  questionId: string;
  sectionId: string;
  /** Undefined: not answered on that side. */
  before: AnswerValue | undefined;
  after: AnswerValue | undefined;
};

export type AssessmentDiff = {
  /** Changed answers in template order (blank counts as unanswered; list order does not matter). */
  answers: AnswerChange[];
  /** Every score type of the template, before and after. */
  scores: Record<string, { before: number; after: number }>;
  current: { before: number; after: number };
  level: { before: string | null; after: string | null };
  /** Whether any score, the current score or the level differs. */
  scoreChanged: boolean;
  /** The full results, for callers that show more (gaps, sections). */
  results: { before: ScoreResult; after: ScoreResult };
};

function normalise(value: unknown): string | undefined {
  if (!hasAnswer(value)) return undefined;
  if (Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
  return JSON.stringify(value);
}

const own = (answers: Answers, id: string): AnswerValue | undefined => (Object.hasOwn(answers, id) ? answers[id] : undefined);

/**
 * Compares two sets of answers to the same template (the later round's template version): which
 * questions' answers changed, and the scores of each side computed with that template.
 */
export function diffAssessments(template: TemplateDocument, beforeAnswers: Answers, afterAnswers: Answers): AssessmentDiff {
  const answers: AnswerChange[] = [];
  for (const section of template.sections) {
    for (const q of section.questions) {
      if (q.type === 'info') continue;
      const before = own(beforeAnswers, q.id);
      const after = own(afterAnswers, q.id);
      if (normalise(before) === normalise(after)) continue;
      answers.push({ questionId: q.id, sectionId: section.id, before: hasAnswer(before) ? before : undefined, after: hasAnswer(after) ? after : undefined });
    }
  }
  const b = scoreAssessment(template, beforeAnswers);
  const a = scoreAssessment(template, afterAnswers);
  const scores: AssessmentDiff['scores'] = {};
  for (const id of new Set([...Object.keys(b.scores), ...Object.keys(a.scores)])) scores[id] = { before: b.scores[id] ?? 0, after: a.scores[id] ?? 0 };
  const scoreChanged = b.current !== a.current || b.level !== a.level || Object.values(scores).some((s) => s.before !== s.after);
  return {
    answers,
    scores,
    current: { before: b.current, after: a.current },
    level: { before: b.level, after: a.level },
    scoreChanged,
    results: { before: b, after: a },
  };
}
