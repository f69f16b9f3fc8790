/**
 * Generic scoring of an assessment (template.ts `Scoring`): points per score type, maxima, the
 * adjustments (the Canadian AIA's 15 % deduction), the level, section scores, the gap report, the
 * required questions still open and the progress bar. The same code scores the imported Canadian AIA
 * exactly as the official tool does (github.com/canada-ca/aia-eia-js, src/store.ts
 * calculateFinalScore) and Glassbox's own templates.
 */
import { answerScore, questionMax } from './answers.js';
import { hasAnswer, questionVisibility } from './conditions.js';
import type { Adjustment, Answers, Gap, Scoring, ScoreResult, SectionScore, TemplateDocument } from './template.js';

/**
 * The threshold an adjustment's score must reach: fraction × (maximum × maxScale). Computed in this
 * order because it reproduces the official AIA tool's floating-point arithmetic (0.8 × (154 / 2)).
 */
export function adjustmentThreshold(adjustment: Adjustment, maxima: Record<string, number>): number {
  return adjustment.atLeastFractionOfMax * ((maxima[adjustment.ifScore] ?? 0) * (adjustment.maxScale ?? 1));
}

/**
 * The level a current score reaches: the first level whose bound the score does not exceed
 * (`current <= upToFractionOfMax × max`), else the last level. Null without levels.
 */
export function levelFor(scoring: Scoring | undefined, current: number, maxima: Record<string, number>): string | null {
  const levels = scoring?.levels;
  if (!levels || levels.list.length === 0) return null;
  const max = maxima[levels.relativeToMaxOf] ?? 0;
  for (const level of levels.list) {
    if (level.upToFractionOfMax !== undefined && current <= max * level.upToFractionOfMax) return level.id;
  }
  return levels.list[levels.list.length - 1]?.id ?? null;
}

/**
 * Scores the answers against the template.
 *
 * - Only questions with a `scoreType` the scoring declares are scored. Maxima count every scored
 *   question, visible or not. Answers count when their question is visible, or always when
 *   `countHiddenAnswers` is set (the official AIA tool's behaviour).
 * - Answers to ids the template lacks are ignored; so are values of the wrong type for their
 *   question (checkAnswers reports those). A value that is not one of the choices scores 0.
 * - `current` starts from `baseScore`; each adjustment whose score reaches its threshold replaces it
 *   with Math.round(multiplyBy × current) (half up), in the order listed.
 * - Gaps: visible scored questions with a recommendation that are unanswered (score 0) or score
 *   below the question's maximum.
 * - Required and progress count visible questions other than `info`; an answer is any non-blank value.
 */
export function scoreAssessment(template: TemplateDocument, answers: Answers): ScoreResult {
  const scoring = template.scoring;
  const declared = new Set(scoring?.scoreTypes.map((t) => t.id) ?? []);
  const scores: Record<string, number> = {};
  const maxima: Record<string, number> = {};
  for (const id of declared) {
    scores[id] = 0;
    maxima[id] = 0;
  }
  const visibility = questionVisibility(template, answers);
  const raw = answers as Record<string, unknown>;
  const answerOf = (id: string): unknown => (Object.hasOwn(raw, id) ? raw[id] : undefined);

  const sections: SectionScore[] = [];
  const gaps: Gap[] = [];
  const missingRequired: string[] = [];
  const progress = { answerable: 0, answered: 0 };

  for (const section of template.sections) {
    const sectionScores: SectionScore['scores'] = {};
    let scoredQuestions = 0;
    for (const q of section.questions) {
      const visible = visibility.get(q.id) === true;
      const value = answerOf(q.id);
      const answered = hasAnswer(value);
      if (visible && q.type !== 'info') {
        progress.answerable += 1;
        if (answered) progress.answered += 1;
        else if (q.required) missingRequired.push(q.id);
      }
      if (q.scoreType === undefined || !declared.has(q.scoreType)) continue;
      scoredQuestions += 1;
      const max = questionMax(q);
      const points = answered ? (answerScore(q, value) ?? 0) : 0;
      const counted = visible || scoring?.countHiddenAnswers === true ? points : 0;
      maxima[q.scoreType] = (maxima[q.scoreType] ?? 0) + max;
      scores[q.scoreType] = (scores[q.scoreType] ?? 0) + counted;
      const entry = (sectionScores[q.scoreType] ??= { score: 0, max: 0 });
      entry.score += counted;
      entry.max += max;
      if (visible && q.recommendation && (!answered || points < max)) {
        gaps.push({ questionId: q.id, sectionId: section.id, recommendation: q.recommendation, score: points, max });
      }
    }
    sections.push({ sectionId: section.id, scores: sectionScores, questions: scoredQuestions });
  }

  let current = scoring ? (scores[scoring.baseScore] ?? 0) : 0;
  const applied: string[] = [];
  for (const adjustment of scoring?.adjustments ?? []) {
    if ((scores[adjustment.ifScore] ?? 0) >= adjustmentThreshold(adjustment, maxima)) {
      current = Math.round(adjustment.multiplyBy * current);
      applied.push(adjustment.id);
    }
  }

  return { scores, maxima, current, applied, level: levelFor(scoring, current, maxima), sections, gaps, missingRequired, progress };
}
