/**
 * What every register export format shares: the result shape (the format's object, the fields we
 * had nothing for, and warnings), cutting a text to a format's limit at a word boundary (never
 * silently), links held to a format's limit (left out, never cut: a cut link is a broken link), and
 * joining several of our texts into one of theirs.
 */

export type FormatWarning = {
  /** The format's field the warning is about. */
  field: string;
  code: 'truncated' | 'too_short' | 'language' | 'withheld' | 'not_required' | 'link_too_long';
  message: string;
};

export type FormatResult<T> = {
  /** The record in the format, ready to serialise. */
  data: T;
  /** The format's fields left empty because the register record has nothing for them. */
  missing: string[];
  warnings: FormatWarning[];
};

export const ELLIPSIS = '…';

/**
 * `text` cut to at most `max` characters (the ellipsis included), at the last word boundary that
 * fits, with '…' appended. Texts within the limit are returned unchanged.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const limit = max - ELLIPSIS.length;
  const head = text.slice(0, limit);
  const lastSpace = head.search(/\s\S*$/);
  // A word that ends exactly at the limit is kept; one very long word is cut inside rather than
  // leaving nothing.
  const cut = /\s/.test(text.charAt(limit)) || lastSpace <= 0 ? head : head.slice(0, lastSpace);
  const tidy = cut.replace(/[\s,;:\-–—]+$/u, '');
  return (tidy.length > 0 ? tidy : head) + ELLIPSIS;
}

/** Non-empty parts, trimmed, separated by a blank line. */
export const joinParagraphs = (...parts: ReadonlyArray<string | null | undefined>): string =>
  parts
    .map((p) => (p ?? '').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');

/** The first sentence of a text (up to the first '.', '!' or '?' followed by a space or the end). */
export function firstSentence(text: string): string {
  const t = text.trim();
  const m = /^(.+?[.!?])(\s|$)/su.exec(t);
  return m?.[1] ?? t;
}

/** Collects the missing fields and warnings while a format's object is being built. */
export type FieldCollector = {
  missing: string[];
  warnings: FormatWarning[];
  /** The trimmed text, cut to `max` with a warning when longer; '' and listed missing when empty. */
  text(field: string, value: string | null | undefined, max?: number): string;
  /**
   * The trimmed link; '' and listed missing when empty. A link longer than `max` is left out with a
   * warning naming the field, never cut (a shortened URL points nowhere).
   */
  url(field: string, value: string | null | undefined, max?: number): string;
  /** A value that is either there or missing (null/undefined → null, listed missing). */
  value<T>(field: string, value: T | null | undefined): T | null;
  warn(warning: FormatWarning): void;
};

export function fieldCollector(): FieldCollector {
  const missing: string[] = [];
  const warnings: FormatWarning[] = [];
  return {
    missing,
    warnings,
    text(field, value, max) {
      const v = (value ?? '').trim();
      if (v.length === 0) {
        missing.push(field);
        return '';
      }
      if (max !== undefined && v.length > max) {
        warnings.push({ field, code: 'truncated', message: `Cut from ${v.length} to at most ${max} characters, the format's limit.` });
        return truncateAtWord(v, max);
      }
      return v;
    },
    url(field, value, max) {
      const v = (value ?? '').trim();
      if (v.length === 0) {
        missing.push(field);
        return '';
      }
      if (max !== undefined && v.length > max) {
        warnings.push(linkTooLong(field, v.length, max));
        return '';
      }
      return v;
    },
    value(field, value) {
      if (value === null || value === undefined || value === '') {
        missing.push(field);
        return null;
      }
      return value;
    },
    warn(warning) {
      warnings.push(warning);
    },
  };
}

/** The warning for a link left out because it is longer than the format allows. */
export const linkTooLong = (field: string, length: number, max: number): FormatWarning => ({
  field,
  code: 'link_too_long',
  message: `Left out: the link has ${length} characters and the format allows at most ${max}. A link is never shortened (it would no longer work); publish a shorter address.`,
});

/** 'YYYY-MM-DD' from an ISO date or instant ('' for null). */
export const isoDay = (value: string | null): string => (value ? value.slice(0, 10) : '');
