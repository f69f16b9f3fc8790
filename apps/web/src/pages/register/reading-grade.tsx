/**
 * The reading-grade indicator under a plain-language text: the school grade a reader needs, in
 * words, against the aim of grade 9 or below (R-ACCESS). Computed in the page as the person types
 * (readingGrade is pure). The status is said in words, with an icon as a second cue, never colour alone.
 */
import { READING_GRADE_TARGET, readingGrade, type ReadabilityLanguage } from '@glassbox/core/register/readability/reading-grade';
import { READING_LABELS } from './register-labels';

/** The readability language for a person's locale (en, es, fr); English for anything else. */
export const readingLanguage = (locale: string): ReadabilityLanguage => (locale === 'es' || locale === 'fr' ? locale : 'en');

export function ReadingGradeIndicator({ id, text, lang }: { id: string; text: string; lang: ReadabilityLanguage }) {
  const result = readingGrade(text, lang);
  if (result.words === 0) return null;
  const label = READING_LABELS[result.label] ?? result.label;
  return (
    <p id={id} className={`gb-reading-grade ${result.withinTarget ? 'gb-reading-grade--ok' : 'gb-reading-grade--hard'}`}>
      <span aria-hidden="true">{result.withinTarget ? '✓ ' : '! '}</span>
      Reading grade {result.grade.toFixed(1)} ({label}).{' '}
      {result.withinTarget
        ? `Within the aim of grade ${READING_GRADE_TARGET} or below.`
        : `Above the aim of grade ${READING_GRADE_TARGET} or below: try shorter sentences and everyday words.`}
    </p>
  );
}
