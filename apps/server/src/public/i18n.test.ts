import { describe, it, expect } from 'vitest';
import { catalogueFor, chooseLocale, LOCALES, parseAcceptLanguage, placeholdersIn, t } from './i18n.js';
import { en } from './messages.js';

describe('message catalogues', () => {
  const keys = Object.keys(en) as Array<keyof typeof en>;

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every message with the same placeholders as English', (locale) => {
    const messages = catalogueFor(locale);
    expect(Object.keys(messages).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(messages[key].trim(), `${locale}.${key}`).not.toBe('');
      expect(placeholdersIn(messages[key]), `${locale}.${key}`).toEqual(placeholdersIn(en[key]));
    }
  });

  it('fills placeholders and leaves other text alone', () => {
    expect(t('en', 'aboutTools', { name: 'Riverton' })).toBe('which AI tools Riverton uses, and what each one does');
    expect(t('fr', 'errorReference', { id: 'abc-123' })).toBe('Si vous nous contactez à ce sujet, indiquez cette référence\u00a0: abc-123');
    expect(t('es', 'skipLink')).toBe('Saltar al contenido principal');
  });
});

describe('parseAcceptLanguage', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5', ['fr', 'en']],
    ['de, es;q=0.5, en;q=0.8', ['en', 'es']],
    ['en;q=0, es', ['es']],
    ['EN-gb', ['en']],
    ['de-DE, *', []],
    ['es;q=abc, fr', ['fr']],
  ])('%j → %j', (header, expected) => {
    expect(parseAcceptLanguage(header)).toEqual(expected);
  });
});

describe('chooseLocale', () => {
  it.each([
    [{ query: 'es', cookie: 'fr', acceptLanguage: 'en', orgDefault: 'en' }, 'es'],
    [{ query: 'xx', cookie: 'fr', acceptLanguage: 'es', orgDefault: 'en' }, 'fr'],
    [{ query: ['es'], acceptLanguage: 'es' }, 'es'],
    [{ cookie: 'zz', acceptLanguage: 'de, fr;q=0.5', orgDefault: 'es' }, 'fr'],
    [{ acceptLanguage: 'de', orgDefault: 'es' }, 'es'],
    [{ orgDefault: 'fr' }, 'fr'],
    [{ orgDefault: 'xx' }, 'en'],
    [{}, 'en'],
  ])('%j → %s', (sources, expected) => {
    expect(chooseLocale(sources)).toBe(expected);
  });
});
