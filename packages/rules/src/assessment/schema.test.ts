import { describe, expect, it } from 'vitest';
import { formatPath, validateTemplate } from './schema.js';
import type { TemplateDocument } from './template.js';
import { sampleTemplate } from './testing.js';

/** Applies a change to a fresh copy of the sample template. */
const broken = (change: (t: TemplateDocument & Record<string, unknown>) => void): unknown => {
  const t = structuredClone(sampleTemplate()) as TemplateDocument & Record<string, unknown>;
  change(t);
  return t;
};

// Non-null access into the sample, which the tests know the shape of.
const section = (t: TemplateDocument, i: number) => t.sections[i]!;
const question = (t: TemplateDocument, s: number, q: number) => section(t, s).questions[q]!;

describe('validateTemplate', () => {
  it('accepts the sample template and returns it typed', () => {
    const result = validateTemplate(sampleTemplate());
    expect(result).toEqual({ ok: true, template: sampleTemplate() });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['not an object', 'hello', '', /object/i],
    ['wrong format', broken((t) => Object.assign(t, { format: 'v2' })), 'format', /glassbox\.assessment-template\/1/],
    ['key not kebab-case', broken((t) => (t.key = 'My Key')), 'key', /kebab/],
    ['missing title', broken((t) => delete (t as Partial<TemplateDocument>).title), 'title', /required/],
    ['title without en', broken((t) => (t.title = { fr: 'x' } as never)), 'title.en', /required/],
    ['unknown field (typo)', broken((t) => Object.assign(question(t, 0, 1), { requird: true })), 'sections[0].questions[1].requird', /unknown field/],
    ['bad question type', broken((t) => Object.assign(question(t, 0, 1), { type: 'slider' })), 'sections[0].questions[1].type', /.+/],
    ['negative weight', broken((t) => (question(t, 0, 3).choices![1]!.weight = -1)), 'sections[0].questions[3].choices[1].weight', /zero or more/],
    ['weight not a number', broken((t) => Object.assign(question(t, 0, 3).choices![1]!, { weight: '2' })), 'sections[0].questions[3].choices[1].weight', /number/],
    ['bad question id', broken((t) => (question(t, 0, 1).id = 'has space')), 'sections[0].questions[1].id', /letters, digits/],
    ['empty section', broken((t) => (section(t, 1).questions = [])), 'sections[1].questions', /at least one question/],
    [
      'condition with two tests',
      broken((t) => (question(t, 0, 7).visibleIf = { question: 'phase', equals: 'live', notEquals: 'x' } as never)),
      'sections[0].questions[7].visibleIf',
      /exactly one of/,
    ],
    [
      'nested condition with a bad leaf',
      broken((t) => (section(t, 1).visibleIf = { all: [{ question: 'phase', equals: 'live' }, { question: 'phase', includes: 3 }] } as never)),
      'sections[1].visibleIf.all[1].includes',
      /choice value/,
    ],
    ['condition not an object', broken((t) => (section(t, 1).visibleIf = 'phase = live' as never)), 'sections[1].visibleIf', /object/],
    ['duplicate question id', broken((t) => (question(t, 1, 0).id = 'name')), 'sections[1].questions[0].id', /already used at sections\[0\]\.questions\[1\]/],
    ['duplicate section id', broken((t) => (section(t, 1).id = 'about')), 'sections[1].id', /used twice/],
    ['condition names an unknown question', broken((t) => (question(t, 0, 7).visibleIf = { question: 'phaze', equals: 'live' })), 'sections[0].questions[7].visibleIf.question', /"phaze"/],
    [
      'nested reference in a section condition',
      broken((t) => (section(t, 1).visibleIf = { any: [{ question: 'phase', equals: 'live' }, { not: { question: 'nope', answered: true } }] })),
      'sections[1].visibleIf.any[1].not.question',
      /"nope"/,
    ],
    ['a question depending on itself', broken((t) => (question(t, 0, 7).visibleIf = { question: 'notes', answered: true })), 'sections[0].questions[7].visibleIf.question', /own answer/],
    ['duplicate choice value', broken((t) => (question(t, 0, 3).choices![2]!.value = 'low')), 'sections[0].questions[3].choices[2].value', /"low" appears twice/],
    ['choice question without choices', broken((t) => (question(t, 0, 2).choices = [])), 'sections[0].questions[2].choices', /at least one choice/],
    ['choices on a text question', broken((t) => (question(t, 0, 1).choices = [{ value: 'x', label: { en: 'X', fr: 'X' } }])), 'sections[0].questions[1].choices', /has no choices/],
    ['unknown score type on a question', broken((t) => (question(t, 0, 3).scoreType = 'risk')), 'sections[0].questions[3].scoreType', /unknown score type "risk"/],
    ['score type on a text question', broken((t) => (question(t, 0, 1).scoreType = 'impact')), 'sections[0].questions[1].scoreType', /only choice/],
    ['unknown base score', broken((t) => (t.scoring!.baseScore = 'risk')), 'scoring.baseScore', /unknown score type/],
    ['unknown adjustment score', broken((t) => (t.scoring!.adjustments![0]!.ifScore = 'risk')), 'scoring.adjustments[0].ifScore', /unknown score type/],
    ['unknown levels score', broken((t) => (t.scoring!.levels!.relativeToMaxOf = 'risk')), 'scoring.levels.relativeToMaxOf', /unknown score type/],
    ['thresholds not ascending', broken((t) => (t.scoring!.levels!.list[1]!.upToFractionOfMax = 0.2)), 'scoring.levels.list[1].upToFractionOfMax', /ascend/],
    ['a middle level without a bound', broken((t) => delete t.scoring!.levels!.list[1]!.upToFractionOfMax), 'scoring.levels.list[1].upToFractionOfMax', /every level but the last/],
    ['the last level with a bound', broken((t) => (t.scoring!.levels!.list[2]!.upToFractionOfMax = 1)), 'scoring.levels.list[2].upToFractionOfMax', /no bound/],
    [
      'duplicate requirement key in a level',
      broken(
        (t) =>
          (t.scoring!.levels!.list[0]!.requirements = [
            { key: 'notice', title: { en: 'N', fr: 'N' }, description: { en: 'N', fr: 'N' }, phase: 'before_deployment' },
            { key: 'notice', title: { en: 'M', fr: 'M' }, description: { en: 'M', fr: 'M' }, phase: 'in_operation' },
          ]),
      ),
      'scoring.levels.list[0].requirements[1].key',
      /"notice" appears twice/,
    ],
    ['missing French section title', broken((t) => delete section(t, 0).title.fr), 'sections[0].title.fr', /missing the fr translation/],
    ['missing French choice label', broken((t) => delete question(t, 1, 0).choices![0]!.label.fr), 'sections[1].questions[0].choices[0].label.fr', /fr translation/],
    ['listed Spanish nowhere translated', broken((t) => t.languages.push('es')), 'title.es', /missing the es translation/],
    ['empty English text', broken((t) => (question(t, 0, 1).title.en = ' ')), 'sections[0].questions[1].title.en', /empty/],
    ['min above max', broken((t) => (question(t, 0, 5).min = 2000)), 'sections[0].questions[5].max', /below min/],
    ['required info', broken((t) => (question(t, 0, 0).required = true)), 'sections[0].questions[0].required', /never answered/],
  ])('%s → error at %s', (_name, doc, path, message) => {
    const result = validateTemplate(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.path === path);
    expect(error, JSON.stringify(result.errors)).toBeDefined();
    expect(error?.message).toMatch(message);
  });

  it('reports every missing translation, not just the first', () => {
    const result = validateTemplate(broken((t) => (t.languages = ['en', 'fr', 'es'])));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.every((e) => e.path.endsWith('.es'))).toBe(true);
    expect(result.errors.length).toBeGreaterThan(30);
  });

  it('formats paths with indexes and names', () => {
    expect(formatPath(['sections', 2, 'questions', 0, 'choices', 1, 'weight'])).toBe('sections[2].questions[0].choices[1].weight');
    expect(formatPath([])).toBe('');
  });
});
