import { describe, expect, it } from 'vitest';
import type { AssessmentTemplateSummary, TemplateDocument } from '../../api';
import { shownLanguage } from '../../components/assessment-language';
import { startableTemplates } from '../../components/assessment-start-control';
import { answerText, sectionParts, sectionTitles, t } from './assessment-labels';

const doc = {
  format: 'glassbox.assessment-template/1',
  key: 'two-languages',
  title: { en: 'Check', fr: 'Contrôle' },
  languages: ['en', 'fr'],
  subject: 'system',
  sections: [
    { id: 'a', title: { en: 'Mitigation', fr: 'Atténuation' }, questions: [{ id: 'q1', type: 'yes_no', title: { en: 'Is it done?', fr: 'Est-ce fait ?' } }] },
    { id: 'b', title: { en: 'Mitigation', fr: 'Atténuation' }, questions: [] },
    { id: 'c', title: { en: 'Data' }, questions: [{ id: 'q2', type: 'single_choice', title: { en: 'Kind' }, choices: [{ value: 'x', label: { en: 'Text', fr: 'Texte' } }, { value: 'y', label: { en: 'Image' } }] }] },
  ],
} as unknown as TemplateDocument;

describe('template texts in the chosen language', () => {
  it.each<[string, Parameters<typeof t>[0], string, string]>([
    ['the chosen language when the text has it', { en: 'Data', fr: 'Données' }, 'fr', 'Données'],
    ['English when the text lacks it', { en: 'Data' }, 'fr', 'Data'],
    ['English when the translation is empty', { en: 'Data', fr: '' }, 'fr', 'Data'],
    ['English by default', { en: 'Data', fr: 'Données' }, 'en', 'Data'],
    ['nothing for no text', undefined, 'fr', ''],
  ])('gives %s', (_case, text, lang, expected) => {
    expect(t(text, lang)).toBe(expected);
  });

  it('says which language a text is shown in, so a fallback can be marked English', () => {
    expect(shownLanguage({ en: 'Data', fr: 'Données' }, 'fr')).toBe('fr');
    expect(shownLanguage({ en: 'Data' }, 'fr')).toBe('en');
  });

  it('numbers repeated section titles in the language shown', () => {
    expect([...sectionParts(doc, 'fr').values()]).toEqual([1, 2, null]);
    expect(sectionTitles(doc, 'fr').get('b')).toBe('Atténuation (part 2)');
    expect(sectionTitles(doc, 'fr').get('c')).toBe('Data');
  });

  it('reads choice answers in the language shown, falling back per choice', () => {
    const q = doc.sections[2]?.questions[0];
    expect(answerText(q, 'x', undefined, 'fr')).toBe('Texte');
    expect(answerText(q, 'y', undefined, 'fr')).toBe('Image');
    expect(answerText(q, 'x')).toBe('Text');
  });
});

describe('templates another assessment can start on', () => {
  const head = { id: 'v', version: 1, status: 'published' as const, contentHash: 'h', createdAt: '', createdBy: null, publishedAt: '', publishedBy: null };
  const tpl = (key: string, over: Partial<AssessmentTemplateSummary> = {}): AssessmentTemplateSummary => ({
    id: key,
    key,
    title: key,
    subject: 'system',
    origin: 'builtin',
    builtin: true,
    archivedAt: null,
    createdAt: '',
    updatedAt: '',
    latestPublished: head,
    draft: null,
    inUse: true,
    ...over,
  });
  const templates = [
    tpl('fria'),
    tpl('canada-aia', { origin: 'imported', builtin: false }),
    tpl('readiness', { subject: 'organisation' }),
    tpl('workforce-impact'),
    tpl('vendor-prepurchase', { inUse: false }),
    tpl('draft-only', { latestPublished: null, inUse: false }),
    tpl('old', { archivedAt: '2026-01-01T00:00:00Z', inUse: false }),
  ];

  it('offers published system templates in use, without those started or listed as needed', () => {
    expect(startableTemplates(templates, 'system', [{ templateKey: 'workforce-impact' }], ['fria']).map((x) => x.key)).toEqual(['canada-aia']);
  });

  it('offers organisation templates for the organisation', () => {
    expect(startableTemplates(templates, 'organisation', []).map((x) => x.key)).toEqual(['readiness']);
    expect(startableTemplates(templates, 'organisation', [{ templateKey: 'readiness' }])).toEqual([]);
  });
});
