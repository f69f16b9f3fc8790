/**
 * Fills in a template's visible questions from a few given answers and a rule for the rest: used
 * by the demo seed (realistic answers for the questions that matter, a plain default elsewhere) and
 * by tests that need a complete assessment. Conditional questions are followed: answering one may
 * show another, so it repeats until nothing new becomes visible.
 */
import { scoreAssessment, visibleQuestions, type Answers, type AnswerValue, type Choice, type Question, type TemplateDocument } from '@glassbox/rules';

export type FillOptions = {
  /** Answers to use as they are, by question id. */
  given?: Answers;
  /** Which choice to take where none is given: a fraction of the way down the list (0 = first, 1 = last). Default 0.5. */
  choiceAt?: number | ((q: Question) => number);
  /** Text for text questions without a given answer. */
  text?: (q: Question) => string;
  /** Stop after this many questions have answers (for a draft that is partly done). */
  limit?: number;
};

const DEFAULT_CHOICES: Choice[] = [
  { value: 'yes', label: { en: 'Yes' } },
  { value: 'no', label: { en: 'No' } },
];

function pick(q: Question, at: number): string {
  const choices = q.choices && q.choices.length > 0 ? q.choices : DEFAULT_CHOICES;
  const i = Math.min(choices.length - 1, Math.max(0, Math.round(at * (choices.length - 1))));
  return (choices[i] ?? choices[0] ?? DEFAULT_CHOICES[0]!).value;
}

function defaultValue(q: Question, opts: FillOptions): AnswerValue | undefined {
  const at = typeof opts.choiceAt === 'function' ? opts.choiceAt(q) : (opts.choiceAt ?? 0.5);
  switch (q.type) {
    case 'short_text':
    case 'long_text':
      return (opts.text?.(q) ?? 'Described in the project file kept by the system owner.').slice(0, q.maxLength ?? 20_000);
    case 'single_choice':
    case 'yes_no':
      return pick(q, at);
    case 'multiple_choice':
      return [pick(q, at)];
    case 'number':
      return q.min ?? 1;
    case 'date':
      return '2026-09-01';
    default:
      return undefined; // info and file questions are not filled in
  }
}

export function fillAnswers(doc: TemplateDocument, opts: FillOptions = {}): Answers {
  const answers: Answers = {};
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  let count = 0;
  for (let pass = 0; pass < 20; pass++) {
    let added = false;
    for (const q of visibleQuestions(doc, answers)) {
      if (count >= limit) return answers;
      if (q.id in answers) continue;
      const value = opts.given?.[q.id] ?? defaultValue(q, opts);
      if (value === undefined) continue;
      answers[q.id] = value;
      count++;
      added = true;
    }
    if (!added) break;
  }
  return answers;
}

/** Where in q.choices the choice sits that is `rank` (0..1) of the way up by weight, as a `choiceAt` fraction. */
export function atWeightRank(q: Question, rank: number): number {
  const choices = q.choices ?? [];
  if (choices.length < 2) return 0;
  const sorted = [...choices].sort((a, b) => (a.weight ?? 0) - (b.weight ?? 0));
  const target = sorted[Math.round(rank * (sorted.length - 1))];
  return choices.findIndex((c) => c === target) / (choices.length - 1);
}

/**
 * Answers that take a levelled template (e.g. the Canadian AIA) to `level`: the lightest impact and
 * the strongest mitigation first, then impact questions raised to their heaviest choice one by one,
 * skipping any that would overshoot. Throws when the level cannot be reached that way.
 */
export function answersForLevel(doc: TemplateDocument, level: string, opts: Omit<FillOptions, 'choiceAt' | 'limit'> = {}): Answers {
  const order = (doc.scoring?.levels?.list ?? []).map((l) => l.id);
  const rank = (answers: Answers) => order.indexOf(scoreAssessment(doc, answers).level ?? '');
  const target = order.indexOf(level);
  const answers = fillAnswers(doc, { ...opts, choiceAt: (q) => atWeightRank(q, q.scoreType === 'mitigation' ? 1 : 0) });
  for (const q of doc.sections.flatMap((sec) => sec.questions)) {
    if (rank(answers) === target) return answers;
    if (q.scoreType !== 'impact' || !(q.id in answers) || !q.choices?.length || opts.given?.[q.id] !== undefined) continue;
    const heaviest = [...q.choices].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))[0]?.value ?? '';
    const before = answers[q.id];
    answers[q.id] = q.type === 'multiple_choice' ? [heaviest] : heaviest;
    if (rank(answers) > target && before !== undefined) answers[q.id] = before;
  }
  if (rank(answers) === target) return answers;
  throw new Error(`no answers reach level ${level}`);
}
