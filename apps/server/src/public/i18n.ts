/**
 * Languages of the public site: the supported locales, message lookup with typed {placeholders},
 * and the choice of language from what a request offers. Pure functions; the HTTP side (reading the
 * query, the cookie and headers, setting the cookie) is in locale.ts.
 */
import { en, es, fr, type MessageKey, type Messages } from './messages.js';

export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, as the language switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', fr: 'Français' };

const catalogues: Record<Locale, Messages> = { en, es, fr };

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The names inside {braces} in a message, read from the English literal type. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type ParamsOf<K extends MessageKey> = Placeholders<(typeof en)[K]>;
/** No argument for a message without placeholders; an object naming every placeholder otherwise. */
type ParamsArg<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, string | number>];

/**
 * The message `key` in `locale`, with {placeholders} filled in. Returns plain text: the `html`
 * template escapes it (and the values put into it) when it is placed in a page.
 */
export function t<K extends MessageKey>(locale: Locale, key: K, ...args: ParamsArg<K>): string {
  const template = catalogues[locale][key];
  const params: Record<string, string | number> | undefined = args[0];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The placeholder names a message uses, for the catalogue consistency test. */
export const placeholdersIn = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

export const catalogueFor = (locale: Locale): Messages => catalogues[locale];

/**
 * Supported languages in the order an Accept-Language header prefers them: quality first, then the
 * order written. Region subtags are dropped (fr-CA → fr); `*` and unknown languages are ignored.
 */
export function parseAcceptLanguage(header: string | undefined): Locale[] {
  if (!header) return [];
  const ranked: Array<{ locale: Locale; q: number; index: number }> = [];
  header.split(',').forEach((part, index) => {
    const [tag = '', ...attrs] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (!isLocale(primary)) return;
    let q = 1;
    for (const attr of attrs) {
      const [k, v] = attr.trim().split('=');
      if (k?.trim() === 'q' && v !== undefined) q = Number(v.trim());
    }
    if (!Number.isFinite(q) || q <= 0 || q > 1) return;
    ranked.push({ locale: primary, q, index });
  });
  ranked.sort((a, b) => b.q - a.q || a.index - b.index);
  return [...new Set(ranked.map((r) => r.locale))];
}

export type LocaleSources = {
  /** The `lang` query parameter, as sent (may be anything). */
  query?: unknown;
  /** The `gb_lang` cookie, as sent. */
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
  /** The organisation's default language, when the page belongs to one. */
  orgDefault?: string | undefined;
};

/** ?lang, else the cookie, else Accept-Language, else the organisation's default, else English. */
export function chooseLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.query)) return sources.query;
  if (isLocale(sources.cookie)) return sources.cookie;
  const accepted = parseAcceptLanguage(sources.acceptLanguage)[0];
  if (accepted) return accepted;
  if (isLocale(sources.orgDefault)) return sources.orgDefault;
  return DEFAULT_LOCALE;
}
