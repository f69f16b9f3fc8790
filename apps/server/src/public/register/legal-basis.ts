/**
 * The legal bases of a system's EU AI Act classification in plain words, in the reader's language.
 * The record keeps each basis as the rules engine wrote it ({provision, English text}); here the
 * provision string (Art. 5(1)(x), Art. 6(1)/Annex I, Art. 6(2) + Annex III point, the Art. 6(3)
 * derogation and profiling rule, Art. 50(1)-(4), Art. 4 + Art. 95) picks a translated explanation.
 * A provision we do not recognise keeps the engine's English text, marked lang="en" with a note.
 */
import type { RegisterClassification } from '@glassbox/core';
import { html, type SafeHtml } from '../html.js';
import { t, type Locale } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import { areaName, isAnnexArea, tk } from './format.js';

export type ExplainedBasis = { provision: string; text: string; translated: boolean };

/** How the rules use a provision: a ground of the tier, an Art. 50 duty, or an Art. 50 exemption. */
type BasisRole = 'basis' | 'duty' | 'exemption';

const ART5: Record<string, MessageKey> = {
  a: 'lbArt5a',
  b: 'lbArt5b',
  c: 'lbArt5c',
  d: 'lbArt5d',
  e: 'lbArt5e',
  f: 'lbArt5f',
  g: 'lbArt5g',
  h: 'lbArt5h',
};
const RBI_OBJECTIVE: Record<string, MessageKey> = { i: 'lbRbiObjective1', ii: 'lbRbiObjective2', iii: 'lbRbiObjective3' };
const DEROGATION: Record<string, MessageKey> = { a: 'lbDerogationA', b: 'lbDerogationB', c: 'lbDerogationC', d: 'lbDerogationD' };
const ART50_DUTY: Record<string, MessageKey> = { '1': 'lbArt50Duty1', '2': 'lbArt50Duty2', '3': 'lbArt50Duty3', '4a': 'lbArt50Duty4a', '4b': 'lbArt50Duty4b' };
const ART50_EXEMPT: Record<string, MessageKey> = { '1': 'lbArt50Exempt1', '2': 'lbArt50Exempt2', '3': 'lbArt50Exempt3', '4': 'lbArt50Exempt4', '4a': 'lbArt50Exempt4', '4b': 'lbArt50Exempt4b' };

const ANNEX_III = /^Art\. 6\(2\)(?: \+ |, )Annex III(?: point)? ([1-8])(?:\(([a-e])\))?$/;
const ART_50 = /^Art\. 50\(([1-4])\)(?:, (first|second) subparagraph)?$/;

/**
 * The plain explanation of one provision in the reader's language, or null when the provision is
 * not one the rules produce (the caller then keeps the engine's English text).
 */
export function explainProvision(locale: Locale, provision: string, role: BasisRole): string | null {
  const p = provision.trim();
  let m: RegExpExecArray | null;
  if ((m = ANNEX_III.exec(p))) {
    const area = m[1] ?? '';
    if (!isAnnexArea(area)) return null;
    return t(locale, 'lbAnnexIII', { point: `${area}${m[2] ? `(${m[2]})` : ''}`, area: areaName(locale, area) });
  }
  if (p === 'Art. 6(2) + Annex III') return t(locale, 'lbAnnexIIIOpen');
  if (p === 'Art. 6(1) + Annex I') return t(locale, 'lbAnnexI');
  if (p === 'Art. 6(1)(b)') return t(locale, 'lbArt61b');
  if (p === 'Art. 6(3), third subparagraph') return t(locale, 'lbProfiling');
  if ((m = /^Art\. 6\(3\)\(([a-d])\)$/.exec(p))) {
    const reason = DEROGATION[m[1] ?? ''];
    return reason ? t(locale, 'lbDerogation', { reason: tk(locale, reason) }) : null;
  }
  if ((m = /^Art\. 5\(1\)\(h\)\((i{1,3})\)$/.exec(p))) {
    const objective = RBI_OBJECTIVE[m[1] ?? ''];
    return objective ? t(locale, 'lbArt5hException', { objective: tk(locale, objective) }) : null;
  }
  if ((m = /^Art\. 5\(1\)\(([a-h])\)$/.exec(p))) {
    const key = ART5[m[1] ?? ''];
    return key ? tk(locale, key) : null;
  }
  if (p === 'Art. 4 + Art. 95') return t(locale, 'lbMinimal');
  if ((m = ART_50.exec(p))) {
    const para = m[1] ?? '';
    const sub = para === '4' && m[2] ? (m[2] === 'first' ? '4a' : '4b') : m[2] ? null : para;
    if (sub === null) return null;
    const key = role === 'exemption' ? ART50_EXEMPT[sub] : ART50_DUTY[sub];
    return key ? tk(locale, key) : null;
  }
  return null;
}

/** The provision as cited in the reader's language ("Anexo III", "premier alinéa"); "Art." reads the same in all three. */
export function provisionLabel(locale: Locale, provision: string): string {
  if (locale === 'en') return provision;
  const words: Array<[RegExp, string]> =
    locale === 'es'
      ? [
          [/Annex (III|I)\b/g, 'Anexo $1'],
          [/ point /g, ' punto '],
          [/, first subparagraph/g, ', párrafo primero'],
          [/, second subparagraph/g, ', párrafo segundo'],
          [/, third subparagraph/g, ', párrafo tercero'],
        ]
      : [
          [/Annex (III|I)\b/g, 'Annexe $1'],
          [/ point /g, ' point '],
          [/, first subparagraph/g, ', premier alinéa'],
          [/, second subparagraph/g, ', deuxième alinéa'],
          [/, third subparagraph/g, ', troisième alinéa'],
        ];
  return words.reduce((s, [from, to]) => s.replace(from, to), provision);
}

/**
 * The bases and Art. 50 duties of a classification, explained. An Art. 50 paragraph listed among the
 * bases is the same duty again (shown once), unless no duty follows from it: then an exemption holds.
 */
export function explainBases(locale: Locale, c: Pick<RegisterClassification, 'euBases' | 'art50Duties'>): ExplainedBasis[] {
  const dutyProvisions = new Set(c.art50Duties.map((d) => d.provision));
  type Item = { provision: string; text: string; role: BasisRole };
  const items: Item[] = [
    ...c.euBases.flatMap((b): Item[] => {
      if (!ART_50.test(b.provision.trim())) return [{ ...b, role: 'basis' }];
      return dutyProvisions.has(b.provision) ? [] : [{ ...b, role: 'exemption' }];
    }),
    ...c.art50Duties.map((d): Item => ({ ...d, role: 'duty' })),
  ];
  return items.map((b) => {
    const explained = explainProvision(locale, b.provision, b.role);
    return explained === null
      ? { provision: b.provision, text: b.text, translated: false }
      : { provision: provisionLabel(locale, b.provision), text: explained, translated: true };
  });
}

/** "The rules this rests on:" and the list, or null when there is nothing to list. */
export function legalBasesBlock(locale: Locale, c: Pick<RegisterClassification, 'euBases' | 'art50Duties'>): SafeHtml | null {
  const bases = explainBases(locale, c);
  if (bases.length === 0) return null;
  const someEnglish = locale !== 'en' && bases.some((b) => !b.translated);
  return html`<p>${t(locale, 'sysLegalBases')}${someEnglish ? html` <span class="secondary">${t(locale, 'sysRulesInEnglish')}</span>` : ''}</p>
<ul>${bases.map((b) => html`<li${b.translated || locale === 'en' ? '' : html` lang="en"`}><strong>${b.provision}</strong>: ${b.text}</li>`)}</ul>`;
}
