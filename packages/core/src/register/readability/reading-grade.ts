/**
 * The reading-grade indicator staff see while writing plain-language register texts (R-ACCESS: aim
 * at grade 9 or below). One school-grade figure per text whatever its language:
 *
 *   en  Flesch–Kincaid grade level: 0.39 × words/sentence + 11.8 × syllables/word − 15.59.
 *   es  Szigriszt-Pazos perspicuity: 206.835 − 62.3 × syllables/word − words/sentence, turned into
 *       a grade through the INFLESZ bands (65+ primary school … below 40 university).
 *   fr  Kandel–Moles: 207 − 1.015 × words/sentence − 73.6 × syllables/word (Flesch's scale adapted
 *       to French), turned into a grade through Flesch's reading-ease bands.
 *
 * The conversions are piecewise linear between the band edges, so the grade moves smoothly as the
 * text changes. Pure, no imports beyond the syllable counter: the staff web app runs it in the page.
 */
import { countSyllables, type ReadabilityLanguage } from './syllables.js';

export type { ReadabilityLanguage } from './syllables.js';

/** The grade plain-language texts should not exceed. */
export const READING_GRADE_TARGET = 9;

export type ReadingLabel = 'empty' | 'very_easy' | 'easy' | 'plain' | 'fairly_difficult' | 'difficult' | 'very_difficult';

export type ReadingGrade = {
  /** School grade (US grade-level equivalent), one decimal, never below 0. 0 for an empty text. */
  grade: number;
  words: number;
  sentences: number;
  syllables: number;
  /** The language's own score: Flesch reading ease (en), Szigriszt-Pazos (es), Kandel–Moles (fr). */
  score: number;
  formula: 'flesch-kincaid' | 'szigriszt-pazos' | 'kandel-moles';
  /** A word for the grade (the web app translates it). */
  label: ReadingLabel;
  /** True when the grade is at or below READING_GRADE_TARGET. */
  withinTarget: boolean;
};

/** Flesch reading-ease bands as (score, grade) points: 90–100 grade 5, 80–90 grade 6, 70–80 grade 7, 60–70 grades 8–9, 50–60 grades 10–12, 30–50 college, below 30 graduate. */
const FLESCH_BANDS: ReadonlyArray<readonly [number, number]> = [
  [100, 4.5],
  [90, 5.5],
  [80, 6.5],
  [70, 7.5],
  [60, 9.5],
  [50, 12.5],
  [30, 16.5],
  [0, 18.5],
];

/**
 * INFLESZ bands for Szigriszt-Pazos (Barrio-Cantalejo et al., 2008): 80+ very easy and 65–80
 * fairly easy (primary school, grades up to 6), 55–65 normal (secondary school, ESO, grades 7–10),
 * 40–55 somewhat difficult (bachillerato, grades 11–12), below 40 very difficult (university).
 */
const INFLESZ_BANDS: ReadonlyArray<readonly [number, number]> = [
  [100, 2.5],
  [80, 4.5],
  [65, 6.5],
  [55, 10.5],
  [40, 12.5],
  [0, 18],
];

/** Piecewise-linear score → grade through the bands (sorted by falling score), extended past both ends. */
function gradeFromBands(score: number, bands: ReadonlyArray<readonly [number, number]>): number {
  for (let i = 0; i < bands.length - 1; i++) {
    const [s1, g1] = bands[i] ?? [0, 0];
    const [s2, g2] = bands[i + 1] ?? [0, 0];
    if (score >= s2 || i === bands.length - 2) {
      // Above the first band: extend its slope (a very easy text gets a lower grade still).
      return g1 + ((s1 - score) * (g2 - g1)) / (s1 - s2);
    }
  }
  return 0;
}

const WORD = /[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*/gu;
const HAS_LETTER = /\p{L}/u;

/**
 * Sentences: text split at '.', '!', '?', '…' followed by a space and a capital letter (or an
 * opening ¿ ¡ « " or a digit), at the end, and at line breaks (list items without full stops).
 * "e.g. the", "Art. 6(2)" and "3.5" do not end a sentence.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?…])["”»)]*\s+(?=[\p{Lu}¿¡«"“(])/u)
    .map((s) => s.trim())
    .filter((s) => HAS_LETTER.test(s));
}

/** Words: runs of letters and digits (with inner hyphens and apostrophes) that contain a letter. */
export const splitWords = (text: string): string[] => (text.match(WORD) ?? []).filter((w) => HAS_LETTER.test(w));

function label(grade: number): Exclude<ReadingLabel, 'empty'> {
  if (grade <= 5) return 'very_easy';
  if (grade <= 7) return 'easy';
  if (grade <= READING_GRADE_TARGET) return 'plain';
  if (grade <= 12) return 'fairly_difficult';
  if (grade <= 15) return 'difficult';
  return 'very_difficult';
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Web addresses and e-mail addresses are not prose: left out of the counts. */
const ADDRESSES = /\b(?:https?:\/\/|www\.)\S*[^\s.,;:!?)]|[^\s@]+@[^\s@]+\.[^\s@]*[^\s@.,;:!?)]/giu;

/** The reading grade of a text in English, Spanish or French. */
export function readingGrade(input: string, lang: ReadabilityLanguage): ReadingGrade {
  const text = input.replace(ADDRESSES, ' ');
  const formula = lang === 'es' ? 'szigriszt-pazos' : lang === 'fr' ? 'kandel-moles' : 'flesch-kincaid';
  const words = splitWords(text);
  const sentences = Math.max(words.length > 0 ? 1 : 0, splitSentences(text).length);
  if (words.length === 0) return { grade: 0, words: 0, sentences: 0, syllables: 0, score: 0, formula, label: 'empty', withinTarget: true };

  const syllables = words.reduce((sum, w) => sum + countSyllables(w, lang), 0);
  const wordsPerSentence = words.length / sentences;
  const syllablesPerWord = syllables / words.length;

  let score: number;
  let grade: number;
  if (lang === 'es') {
    score = 206.835 - 62.3 * syllablesPerWord - wordsPerSentence;
    grade = gradeFromBands(score, INFLESZ_BANDS);
  } else if (lang === 'fr') {
    score = 207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord;
    grade = gradeFromBands(score, FLESCH_BANDS);
  } else {
    score = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
    grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
  }
  const g = round1(Math.max(0, grade));
  return { grade: g, words: words.length, sentences, syllables, score: round1(score), formula, label: label(g), withinTarget: g <= READING_GRADE_TARGET };
}
