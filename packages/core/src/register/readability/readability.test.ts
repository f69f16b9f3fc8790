import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READING_GRADE_TARGET, readingGrade, splitSentences, splitWords } from './reading-grade.js';
import { countSyllables, type ReadabilityLanguage } from './syllables.js';

describe('syllables', () => {
  it.each<[ReadabilityLanguage, string, number]>([
    ['en', 'cat', 1],
    ['en', 'the', 1],
    ['en', 'table', 2],
    ['en', 'people', 2],
    ['en', 'make', 1],
    ['en', 'makes', 1],
    ['en', 'changes', 2],
    ['en', 'boxes', 2],
    ['en', 'jumped', 1],
    ['en', 'used', 1],
    ['en', 'wanted', 2],
    ['en', 'needed', 2],
    ['en', 'decided', 3],
    ['en', 'beautiful', 3],
    ['en', 'government', 3],
    ['en', 'decision', 3],
    ['en', 'information', 4],
    ['en', 'responsibility', 6],
    ['en', 'social', 2],
    ['en', 'media', 3],
    ['en', 'studio', 3],
    ['en', 'usual', 3],
    ['en', 'quiet', 2],
    ['en', 'system', 2],
    ['en', 'yes', 1],
    ['en', "don't", 1],
    ['en', 'well-known', 2],
    ['es', 'casa', 2],
    ['es', 'perro', 2],
    ['es', 'río', 2],
    ['es', 'país', 2],
    ['es', 'ciudad', 2],
    ['es', 'aire', 2],
    ['es', 'teatro', 3],
    ['es', 'queso', 2],
    ['es', 'guerra', 2],
    ['es', 'pingüino', 3],
    ['es', 'hoy', 1],
    ['es', 'muy', 1],
    ['es', 'y', 1],
    ['es', 'información', 4],
    ['es', 'administración', 5],
    ['es', 'decisión', 3],
    ['es', 'sistema', 3],
    ['fr', 'maison', 2],
    ['fr', 'table', 1],
    ['fr', 'le', 1],
    ['fr', 'les', 1],
    ['fr', 'école', 2],
    ['fr', 'oiseau', 2],
    ['fr', 'créé', 2],
    ['fr', 'naïf', 2],
    ['fr', 'information', 4],
    ['fr', 'décision', 3],
    ['fr', 'routes', 1],
    ['fr', 'algorithme', 3],
    ['fr', "l'algorithme", 3],
  ])('%s %s → %i', (lang, word, expected) => expect(countSyllables(word, lang)).toBe(expected));
});

describe('splitting', () => {
  it.each([
    ['One. Two! Three? Four', 4],
    ['See Art. 6(2) of the Act. Then stop.', 2],
    ['For example, e.g. the claim. Next one.', 2],
    ['It costs 3.5 euros. Fine.', 2],
    ['¿Qué es? ¡Nada! Bien.', 3],
    ['- first item\n- second item\n- third item', 3],
    ['', 0],
  ])('%j has %i sentences', (text, n) => expect(splitSentences(text)).toHaveLength(n));

  it('counts words, not numbers or punctuation', () => {
    expect(splitWords('A well-known tool, used 2,000 times; l’algorithme.')).toEqual(['A', 'well-known', 'tool', 'used', 'times', 'l’algorithme']);
  });
});

const SIMPLE = {
  en: 'We use a tool to sort claims. A person reads each claim. The person makes the choice. You can ask us why.',
  es: 'Lo usamos para ver los casos. Una persona lee su caso. Ella decide. Puede pedir ayuda.',
  fr: 'Nous utilisons un outil pour trier les demandes. Une personne lit chaque demande. Elle prend la décision. Vous pouvez nous demander pourquoi.',
} as const;

const ACADEMIC = {
  en: 'The operationalisation of algorithmic decision-support instruments within administrative adjudication necessitates comprehensive institutional accountability mechanisms, notwithstanding considerable methodological uncertainty regarding representativeness, generalisability and the epistemological limitations inherent in probabilistic classification methodologies.',
  es: 'La operacionalización de instrumentos algorítmicos de apoyo a la decisión en los procedimientos administrativos exige mecanismos institucionales de responsabilidad exhaustivos, no obstante la considerable incertidumbre metodológica respecto a la representatividad, la generalizabilidad y las limitaciones epistemológicas inherentes a las metodologías de clasificación probabilística.',
  fr: "L'opérationnalisation d'instruments algorithmiques d'aide à la décision dans les procédures administratives nécessite des mécanismes institutionnels de responsabilité exhaustifs, nonobstant l'incertitude méthodologique considérable concernant la représentativité, la généralisabilité et les limitations épistémologiques inhérentes aux méthodologies de classification probabiliste.",
} as const;

const MODERATE = {
  en: 'A trained caseworker reads every claim and checks the urgency band that the system proposes before any decision is made about the household and the payment that follows',
  es: 'Una trabajadora social formada lee cada solicitud y revisa la prioridad que propone el sistema antes de tomar cualquier decisión sobre el hogar y el pago que sigue',
  fr: 'Un agent formé lit chaque demande et vérifie le niveau d’urgence proposé par le système avant toute décision sur le foyer et le paiement qui suit',
} as const;

describe('readingGrade', () => {
  it.each(['en', 'es', 'fr'] as const)('%s: short plain sentences score low, within the target', (lang) => {
    const r = readingGrade(SIMPLE[lang], lang);
    expect(r.grade).toBeLessThanOrEqual(7);
    expect(r.withinTarget).toBe(true);
    expect(['very_easy', 'easy']).toContain(r.label);
    expect(r.sentences).toBe(4);
  });

  it.each(['en', 'es', 'fr'] as const)('%s: one long academic sentence scores as university level', (lang) => {
    const r = readingGrade(ACADEMIC[lang], lang);
    expect(r.grade).toBeGreaterThan(15);
    expect(r.withinTarget).toBe(false);
    expect(r.label).toBe('very_difficult');
    expect(r.sentences).toBe(1);
  });

  it.each(['en', 'es', 'fr'] as const)('%s: the grade rises as the same words make fewer, longer sentences', (lang) => {
    const words = MODERATE[lang].replace(/[.,!?¿¡]/g, '').split(/\s+/);
    const grades = [6, 3, 2, 1].map((perSentence) => {
      const sentences: string[] = [];
      const size = Math.ceil(words.length / perSentence);
      for (let i = 0; i < words.length; i += size) sentences.push(`${words.slice(i, i + size).join(' ')}.`);
      return readingGrade(sentences.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join(' '), lang).grade;
    });
    for (let i = 1; i < grades.length; i++) expect(grades[i], `${lang} ${grades.join(' < ')}`).toBeGreaterThan(grades[i - 1] ?? Infinity);
  });

  it('computes Flesch–Kincaid exactly for a known English text', () => {
    // 2 sentences, 13 words, 15 syllables (to-day, ta-ble): 0.39 × 6.5 + 11.8 × 15/13 − 15.59 ≈ 0.55.
    const r = readingGrade('The cat sat on the mat today. The dog ran to the table.', 'en');
    expect([r.words, r.sentences, r.syllables]).toEqual([13, 2, 15]);
    expect(r.grade).toBeCloseTo(0.39 * (13 / 2) + 11.8 * (15 / 13) - 15.59, 1);
    expect(r.score).toBeCloseTo(206.835 - 1.015 * (13 / 2) - 84.6 * (15 / 13), 1);
    expect(r.formula).toBe('flesch-kincaid');
  });

  it('uses Szigriszt-Pazos for Spanish and Kandel–Moles for French', () => {
    const es = readingGrade('La casa es grande. El perro come.', 'es');
    expect(es.formula).toBe('szigriszt-pazos');
    expect(es.score).toBeCloseTo(206.835 - 62.3 * (es.syllables / es.words) - es.words / es.sentences, 1);
    const fr = readingGrade('La maison est grande. Le chien mange.', 'fr');
    expect(fr.formula).toBe('kandel-moles');
    expect(fr.score).toBeCloseTo(207 - 1.015 * (fr.words / fr.sentences) - 73.6 * (fr.syllables / fr.words), 1);
  });

  it('an empty text has no grade to complain about', () => {
    expect(readingGrade('  \n ', 'en')).toMatchObject({ grade: 0, words: 0, sentences: 0, label: 'empty', withinTarget: true });
  });

  it('leaves web and e-mail addresses out of the counts', () => {
    const plain = readingGrade('Write to the benefits team. We answer in a week.', 'en');
    const withAddresses = readingGrade('Write to the benefits team at benefits@city.example or https://city.example/contact-the-benefits-team. We answer in a week.', 'en');
    expect(withAddresses.words).toBe(plain.words + 2);
    expect(withAddresses.syllables).toBe(plain.syllables + 2);
    expect(withAddresses.sentences).toBe(2);
  });

  it('a text without a full stop is one sentence', () => {
    expect(readingGrade('A person decides', 'en').sentences).toBe(1);
  });

  it('the target is grade 9', () => expect(READING_GRADE_TARGET).toBe(9));
});

describe('purity', () => {
  it('imports nothing from node (the web app bundles it)', () => {
    for (const file of ['reading-grade.ts', 'syllables.ts']) {
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) expect(i, file).toMatch(/^\.\/syllables\.js$/);
    }
  });
});
