/**
 * Syllable counts for English, Spanish and French words, by vowel groups with each language's main
 * rules. Heuristics, good enough for a reading-grade indicator (they are right for the large
 * majority of common words, not for every word). Pure, no imports: the staff web app uses it too.
 */

export type ReadabilityLanguage = 'en' | 'es' | 'fr';

/**
 * English: vowel groups (a e i o u y, y not at the start), after dropping endings that are usually
 * silent: a final 'e' (make, but not table or the), 'es' (makes, but not boxes or places) and 'ed'
 * (jumped, but not wanted or needed). Words of up to three letters have one syllable.
 */
export function syllablesEn(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  w = w
    .replace(/([^aeiouylsxzcg])es$/, '$1')
    .replace(/([^aeiouytd])ed$/, '$1')
    .replace(/([^aeiouyl])e$/, '$1')
    .replace(/^y/, '');
  let count = (w.match(/[aeiouy]+/g) ?? []).length;
  // Vowel pairs that are usually two syllables: me-di-a, ra-ti-o, u-su-al, po-et, qui-et (but not
  // so-cial, na-tion, pre-cious, lan-guage, qua-li-ty).
  count += (w.match(/(?<![ct])ia(?=[^n]|$)|(?<![ct])io(?=[^n]|$)|(?<![gq])ua|oe(?=t)|ie(?=t)/g) ?? []).length;
  return Math.max(1, count);
}

const ES_STRONG = 'aeoáéó';
const ES_ACCENTED_WEAK = 'íú';
const ES_WEAK = 'iuü';

/**
 * Spanish: one syllable per vowel nucleus. Weak vowels (i, u, ü) next to a vowel form a diphthong
 * (one nucleus); two strong vowels (a, e, o) are a hiatus (two); an accented í or ú breaks the
 * diphthong (rí-o, ba-úl). The u of 'que', 'qui', 'gue', 'gui' is silent; y is a vowel only alone
 * or at the end of a word (hoy, muy).
 */
export function syllablesEs(word: string): number {
  const w = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, '');
  if (w.length === 0) return 0;
  if (w === 'y') return 1;
  let count = 0;
  let prev: 'strong' | 'weak' | 'accented' | null = null;
  for (let i = 0; i < w.length; i++) {
    const ch = w.charAt(i);
    const next = w.charAt(i + 1);
    let kind: 'strong' | 'weak' | 'accented' | null = null;
    if (ES_STRONG.includes(ch)) kind = 'strong';
    else if (ES_ACCENTED_WEAK.includes(ch)) kind = 'accented';
    else if (ES_WEAK.includes(ch)) {
      const silentU = ch === 'u' && (w.charAt(i - 1) === 'q' || (w.charAt(i - 1) === 'g' && (next === 'e' || next === 'i' || next === 'é' || next === 'í')));
      kind = silentU ? null : 'weak';
    } else if (ch === 'y' && i === w.length - 1 && prev !== null) kind = 'weak';
    if (kind === null) {
      prev = null;
      continue;
    }
    const newNucleus = prev === null || (prev === 'strong' && kind === 'strong') || prev === 'accented' || (kind === 'accented' && prev !== null);
    if (newNucleus) count++;
    prev = kind;
  }
  return Math.max(1, count);
}

const FR_VOWELS = 'aeiouyàâäéèêëîïôöûùüœæ';

/**
 * French: vowel groups (ai, au, eau, ou, oi, eu… are one), where é after a vowel and a vowel with a
 * diaeresis (ï, ë, ü) start a new syllable (cré-é, na-ïf), and a final mute e or es after a
 * consonant is not counted (ta-ble, rou-tes) unless it is the only vowel (le, les). The verb ending
 * -ent is left counted: it cannot be told apart from moment or client without a dictionary.
 */
export function syllablesFr(word: string): number {
  let w = word.toLowerCase().replace(/[^a-zàâäéèêëîïôöûùüœæç]/g, '');
  if (w.length === 0) return 0;
  const groups = (s: string): number => {
    let count = 0;
    let inVowel = false;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charAt(i);
      const vowel = FR_VOWELS.includes(ch);
      if (vowel && (!inVowel || 'éïëü'.includes(ch))) count++;
      inVowel = vowel;
    }
    return count;
  };
  const stripped = w.replace(/([^aeiouyàâäéèêëîïôöûùüœæ])es?$/, '$1');
  if (stripped !== w && groups(stripped) > 0) w = stripped;
  const count = groups(w);
  // An elided article or pronoun (the l of l'algorithme) has no syllable of its own.
  return count === 0 && w.length === 1 ? 0 : Math.max(1, count);
}

/** The syllables of one word in the given language. */
export function countSyllables(word: string, lang: ReadabilityLanguage): number {
  // Hyphenated words (well-known) count their parts; French also splits elisions (l'algorithme).
  const parts = word.split(lang === 'fr' ? /[-‐'’]/ : /[-‐]/).filter((p) => p.length > 0);
  const count = lang === 'es' ? syllablesEs : lang === 'fr' ? syllablesFr : syllablesEn;
  return parts.reduce((sum, p) => sum + count(p), 0);
}
