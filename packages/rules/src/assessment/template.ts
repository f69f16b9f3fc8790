/**
 * The assessment template format (issue #4 point 1): a questionnaire as data. A template document is
 * what a template version stores; once a version is published its document never changes, and an
 * assessment keeps the version it was started on.
 *
 * The same format carries Glassbox's built-in templates (written in our own words), templates an
 * organisation writes, and the official Canadian Algorithmic Impact Assessment imported from its
 * SurveyJS file (see surveyjs-import.ts). Scoring is generic: score types (e.g. impact and
 * mitigation), choice weights, adjustments (e.g. the AIA's 15 % deduction) and level thresholds.
 *
 * This file is the contract shared by the scoring engine, the importer, the database layer, the API
 * and the staff app. Change it with care: published documents already in databases must still parse.
 */

/** Text in several languages. `en` is required; other keys are BCP 47 language tags such as `fr`, `es`. */
export type LocalText = { en: string } & Partial<Record<string, string>>;

export const QUESTION_TYPES = [
  'short_text',
  'long_text',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'number',
  'date',
  'file',
  /** Display-only guidance; never answered, never scored. */
  'info',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * Conditional visibility, as a small tree (no string expressions to parse at run time). A question
 * or section whose condition is false is hidden: not asked, not required, and (unless the scoring
 * says otherwise, see `Scoring.countHiddenAnswers`) not scored.
 */
export type Condition =
  /** The answer equals the value (single choice, yes/no: the choice value; number; text). */
  | { question: string; equals: string | number | boolean }
  | { question: string; notEquals: string | number | boolean }
  /** A multiple-choice answer includes the value (for a single choice: equals it). */
  | { question: string; includes: string }
  /** The question has (true) or has not (false) been answered. */
  | { question: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** One choice of a single-choice, multiple-choice or yes/no question. */
export type Choice = {
  /** Stored in the answers; stable across versions (e.g. `item1-3` for the AIA, `yes` / `no`). */
  value: string;
  label: LocalText;
  /** Points this choice adds to the question's score type. Absent = 0. */
  weight?: number;
};

export type Question = {
  /** Unique within the template; the key of its answer. Letters, digits, `_`, `-`, `.`. */
  id: string;
  type: QuestionType;
  title: LocalText;
  help?: LocalText;
  /** Examples shown under the help text. */
  examples?: LocalText;
  required?: boolean;
  /** For single_choice and multiple_choice (required there); for yes_no optional, defaults to yes/no with weight 0. */
  choices?: Choice[];
  /** For number: inclusive bounds. */
  min?: number;
  max?: number;
  /** For short_text and long_text: maximum length in characters (the engine caps all text at 20,000). */
  maxLength?: number;
  /** The id of a score type in `Scoring.scoreTypes`; absent = not scored. Only choice questions score. */
  scoreType?: string;
  visibleIf?: Condition;
  /**
   * Gap report (e.g. readiness): shown as a recommended action when the answer scores below the
   * question's maximum. Becomes an organisation task when the assessment is approved.
   */
  recommendation?: LocalText;
};

export type Section = {
  /** Unique within the template. */
  id: string;
  title: LocalText;
  description?: LocalText;
  visibleIf?: Condition;
  questions: Question[];
};

export type ScoreType = {
  /** e.g. `impact`, `mitigation`, `readiness`. */
  id: string;
  label: LocalText;
};

/**
 * Changes the score that levels are read from. The only kind so far is the AIA's deduction: when the
 * `ifScore` score reaches `atLeastFractionOfMax` × (its maximum × `maxScale`), the result is
 * `multiplyBy` × the base score, rounded half up to a whole number (as Math.round does).
 */
export type Adjustment = {
  kind: 'deduction';
  id: string;
  label: LocalText;
  ifScore: string;
  atLeastFractionOfMax: number;
  /** Scales the maximum before the fraction is taken; the AIA halves it because its mitigation questions exist twice (design and implementation phases). Default 1. */
  maxScale?: number;
  multiplyBy: number;
};

/** What a level asks for (e.g. the AIA's notice, peer review, approval). Added to the system's obligations when an assessment at that level is approved. */
export type LevelRequirement = {
  /** Stable across versions, kebab-case, e.g. `peer-review`. */
  key: string;
  title: LocalText;
  description: LocalText;
  phase: 'before_deployment' | 'in_operation';
};

export type Level = {
  /** e.g. `I`, `II`, `III`, `IV`, or `low`. */
  id: string;
  label: LocalText;
  /**
   * Upper bound, inclusive, as a fraction of the maximum of `Scoring.levels.relativeToMaxOf`
   * (`current <= upTo × max`). The last level has none and takes everything above.
   */
  upToFractionOfMax?: number;
  requirements?: LevelRequirement[];
};

export type Scoring = {
  scoreTypes: ScoreType[];
  /** The score the levels are read from before adjustments, e.g. `impact`. */
  baseScore: string;
  adjustments?: Adjustment[];
  levels?: {
    /** Thresholds are fractions of this score type's maximum (the AIA: the raw impact maximum). */
    relativeToMaxOf: string;
    /** In ascending order of their bounds. */
    list: Level[];
  };
  /**
   * The official AIA tool scores every answer in its data, also answers to questions the current
   * answers hide (e.g. after switching phase). True reproduces that; false (the default) scores only
   * visible questions. Maxima always count every scored question, visible or not.
   */
  countHiddenAnswers?: boolean;
};

/** How often a system's assessment of this template must be redone. */
export type Reassessment = {
  /** Months after approval; absent = only when the system changes materially. */
  everyMonths?: number;
  /** Redo when the system changes materially (a new screening changes its classification, or its purpose or decision role changes). */
  onMaterialChange?: boolean;
};

export type TemplateDocument = {
  /** Format version of this document. */
  format: 'glassbox.assessment-template/1';
  /** Stable identity across versions, kebab-case, e.g. `fria`, `canada-aia`, `readiness`. */
  key: string;
  title: LocalText;
  description?: LocalText;
  /** Languages the texts are complete in; the first is the default. */
  languages: string[];
  /** `system`: about one AI system. `organisation`: about the organisation (e.g. readiness). */
  subject: 'system' | 'organisation';
  sections: Section[];
  scoring?: Scoring;
  reassessment?: Reassessment;
  /** Where the content comes from and under which licence, when not Glassbox's own. */
  source?: { name: string; url?: string; licence?: string; notes?: string };
};

/** An answer value, by question type: text/date → string; number → number; single_choice/yes_no → choice value; multiple_choice → choice values; file → attachment ids. */
export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

export type SectionScore = {
  sectionId: string;
  /** Per score type present in the section: the points scored and the maximum. */
  scores: Record<string, { score: number; max: number }>;
  /** Scored questions in the section. */
  questions: number;
};

export type Gap = { questionId: string; sectionId: string; recommendation: LocalText; score: number; max: number };

export type ScoreResult = {
  /** Points per score type (e.g. { impact: 57, mitigation: 40 }). */
  scores: Record<string, number>;
  /** Maximum per score type over every scored question. */
  maxima: Record<string, number>;
  /** The base score after adjustments. */
  current: number;
  /** Adjustments that applied, by id. */
  applied: string[];
  /** The level reached, or null when the template has no levels. */
  level: string | null;
  sections: SectionScore[];
  gaps: Gap[];
  /** Required visible questions without an answer. */
  missingRequired: string[];
  /** Visible answerable questions, and how many of them have an answer (the progress bar). */
  progress: { answerable: number; answered: number };
};
