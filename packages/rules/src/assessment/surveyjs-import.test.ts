import { describe, expect, it } from 'vitest';
import { htmlToLine, htmlToText } from './plain-text.js';
import { validateTemplate } from './schema.js';
import { ExpressionError, parseSurveyJsExpression, type ExpressionQuestion } from './surveyjs-expression.js';
import { importSurveyJs, SurveyJsImportError } from './surveyjs-import.js';
import type { Condition, Question } from './template.js';

const QUESTIONS: Record<string, ExpressionQuestion> = {
  radio: { kind: 'single', choices: ['item1-0', 'item2-0', 'item3-1', 'Yes'] },
  box: { kind: 'multiple', choices: ['item1', 'item2', 'item10', 'item6-1'] },
  flag: { kind: 'boolean', choices: [] },
  note: { kind: 'text', choices: [] },
  count: { kind: 'number', choices: [] },
};
const lookup = (name: string) => QUESTIONS[name];

describe('parseSurveyJsExpression', () => {
  it.each<[string, Condition]>([
    ['{radio} = "item1-0"', { question: 'radio', equals: 'item1-0' }],
    ["{radio} = 'item1-0'", { question: 'radio', equals: 'item1-0' }],
    ['{radio} == "item1-0"', { question: 'radio', equals: 'item1-0' }],
    ['{radio} != "item1-0"', { question: 'radio', notEquals: 'item1-0' }],
    ['{radio} <> "item1-0"', { question: 'radio', notEquals: 'item1-0' }],
    // SurveyJS compares text without regard to case; the choice's own spelling is kept.
    ['{radio} = "yes"', { question: 'radio', equals: 'Yes' }],
    ['"item1-0" = {radio}', { question: 'radio', equals: 'item1-0' }],
    ['{count} = 3', { question: 'count', equals: 3 }],
    ['{flag} = true', { question: 'flag', equals: true }],
    ['{flag} = false', { question: 'flag', equals: false }],
    // contains on a list answer: membership, exact value.
    ['{box} contains "item1"', { question: 'box', includes: 'item1' }],
    ['{box} contains ["item6-1"]', { question: 'box', includes: 'item6-1' }],
    ['{box} contains ["item1", "item2"]', { all: [{ question: 'box', includes: 'item1' }, { question: 'box', includes: 'item2' }] }],
    ['{box} notcontains "item2"', { all: [{ question: 'box', answered: true }, { not: { question: 'box', includes: 'item2' } }] }],
    // contains on a single answer: a substring test, turned into the choices that contain the text.
    ['{radio} contains ["item2"]', { question: 'radio', equals: 'item2-0' }],
    ['{radio} contains "-0"', { any: [{ question: 'radio', equals: 'item1-0' }, { question: 'radio', equals: 'item2-0' }] }],
    ['{radio} contains "item9"', { any: [] }],
    ['{box} anyof ["item1", "item10"]', { any: [{ question: 'box', includes: 'item1' }, { question: 'box', includes: 'item10' }] }],
    ['{box} allof ["item1", "item10"]', { all: [{ question: 'box', includes: 'item1' }, { question: 'box', includes: 'item10' }] }],
    ['{radio} anyof ["item1-0", "item3-1"]', { any: [{ question: 'radio', equals: 'item1-0' }, { question: 'radio', equals: 'item3-1' }] }],
    ['{note} notempty', { question: 'note', answered: true }],
    ['{note} empty', { question: 'note', answered: false }],
    ['{radio} = "item1-0" or {radio} = "item3-1"', { any: [{ question: 'radio', equals: 'item1-0' }, { question: 'radio', equals: 'item3-1' }] }],
    ['{radio} = "item1-0" || {count} = 2', { any: [{ question: 'radio', equals: 'item1-0' }, { question: 'count', equals: 2 }] }],
    ['{radio} = "item1-0" and {flag} = true', { all: [{ question: 'radio', equals: 'item1-0' }, { question: 'flag', equals: true }] }],
    [
      // and binds tighter than or
      '{radio} = "item1-0" or {flag} = true and {note} notempty',
      { any: [{ question: 'radio', equals: 'item1-0' }, { all: [{ question: 'flag', equals: true }, { question: 'note', answered: true }] }] },
    ],
    [
      '({radio} = "item1-0" or {radio} = "item3-1") and {box} contains "item2"',
      { all: [{ any: [{ question: 'radio', equals: 'item1-0' }, { question: 'radio', equals: 'item3-1' }] }, { question: 'box', includes: 'item2' }] },
    ],
    ['!({flag} = true)', { not: { question: 'flag', equals: true } }],
    ['not {note} empty', { not: { question: 'note', answered: false } }],
  ])('%s', (expression, expected) => {
    expect(parseSurveyJsExpression(expression, lookup)).toEqual(expected);
  });

  it.each<[string, RegExp]>([
    ['{count} > 3', /comparison ">"/],
    ['{count} >= 3', /comparison ">="/],
    ['{unknown} = "a"', /not a question/],
    ['{radio}', /on its own/],
    ['iif({flag}, 1, 2) = 1', /functions/],
    ['{radio} = {box}', /two questions/],
    ['{note} contains "x"', /free text/],
    ['({radio} = "a"', /not closed/],
    ['{radio} = "a', /not closed/],
    ['{radio} = ["a"]', /anyof or allof/],
    ['{count} + 1 = 2', /operator "\+"/],
    ['', /empty/],
  ])('refuses %s', (expression, reason) => {
    expect(() => parseSurveyJsExpression(expression, lookup)).toThrow(ExpressionError);
    expect(() => parseSurveyJsExpression(expression, lookup)).toThrow(reason);
  });
});

describe('htmlToText', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['<h4>Title</h4>', 'Title'],
    ['<p>One</p><p>Two &amp; three</p>', 'One\n\nTwo & three'],
    ['See <a href="https://x.example">the guide</a>.', 'See the guide (https://x.example).'],
    ['<ul><li>a</li><li>b</li></ul>', '- a\n\n- b'],
    ['a<br/>b', 'a\nb'],
    ['<script>alert(1)</script>safe', 'safe'],
    ['l&#39;algorithme &eacute;', "l'algorithme é"],
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
  ])('%s', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
  it('titles become one line', () => expect(htmlToLine('<h2>A</h2><p>B</p>')).toBe('A B'));
});

/** A survey using most SurveyJS features, supported and not. */
const SURVEY = {
  title: { default: 'Demo survey', fr: 'Sondage démo' },
  showProgressBar: 'top',
  completedHtml: '<p>Thanks</p>',
  pages: [
    {
      name: 'first',
      title: { default: 'First', fr: 'Premier' },
      elements: [
        { type: 'html', name: 'intro', html: { default: '<h3>Hello</h3><p>Read <b>this</b>.</p>', fr: '<h3>Bonjour</h3><p>Lisez <b>ceci</b>.</p>' } },
        { type: 'radiogroup', name: 'colour', title: { default: 'Colour?', fr: 'Couleur ?' }, isRequired: true, choices: ['red', { value: 'blue', text: { default: 'Blue', fr: 'Bleu' } }] },
        { type: 'checkbox', name: 'pets', title: 'Pets', choices: [{ value: 1, text: 'Cat' }, { value: 2, text: 'Dog' }], choicesOrder: 'desc', hasOther: true },
        { type: 'text', name: 'age', title: 'Age', inputType: 'number', min: 0, max: '120', defaultValue: 30 },
        { type: 'text', name: 'born', title: 'Born', inputType: 'date', validators: [{ type: 'expression' }] },
        { type: 'text', name: 'mail', title: 'Email', inputType: 'email' },
        { type: 'comment', name: 'why', title: 'Why?', visibleIf: "{colour} = 'blue'", rows: 4, enableIf: '{age} > 3' },
        { type: 'boolean', name: 'agree', title: 'Agree?', labelTrue: { default: 'I agree', fr: "J'accepte" }, requiredIf: '{age} > 18' },
        { type: 'matrix', name: 'grid', title: 'Grid', columns: ['a'], rows: ['b'] },
        { type: 'rating', name: 'stars', title: 'Stars' },
        { type: 'expression', name: 'calc', expression: '{age} * 2' },
        { type: 'file', name: 'upload', title: 'Upload', acceptedTypes: '.pdf' },
        {
          type: 'panel',
          name: 'outer',
          visibleIf: '{agree} = true',
          elements: [
            {
              type: 'panel',
              name: 'inner',
              title: 'Inner panel',
              visibleIf: '{colour} notempty',
              elements: [{ type: 'dropdown', name: 'size', title: 'Size', choices: ['s', 'm'], visibleIf: '{pets} contains 1' }],
            },
            { type: 'comment', name: 'weird', title: 'Weird', visibleIf: '{age} > 3' },
          ],
        },
      ],
    },
    { name: 'second', visibleIf: '{colour} = "red"', elements: [{ type: 'paneldynamic', name: 'people', templateElements: [] }] },
    { name: 'third', elements: [{ type: 'tagbox', name: 'tags', title: 'Tags', choices: ['x', 'y'] }] },
  ],
};

const byId = (questions: Question[], id: string): Question => {
  const q = questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

describe('importSurveyJs', () => {
  const { template, unsupported } = importSurveyJs(SURVEY, { key: 'demo' });
  const questions = template.sections.flatMap((s) => s.questions);
  const features = unsupported.map((u) => `${u.path} ${u.feature}`);

  it('makes a valid template: pages → sections, the title in both languages', () => {
    expect(validateTemplate(template).ok).toBe(true);
    expect(template.title).toEqual({ en: 'Demo survey', fr: 'Sondage démo' });
    expect(template.languages).toEqual(['en', 'fr']);
    // The second page holds only an unsupported element and is left out (and reported).
    expect(template.sections.map((s) => s.id)).toEqual(['first', 'third']);
    expect(features).toContain('pages[1] page');
  });

  it('maps element types', () => {
    expect(questions.map((q) => [q.id, q.type])).toEqual([
      ['intro', 'info'],
      ['colour', 'single_choice'],
      ['pets', 'multiple_choice'],
      ['age', 'number'],
      ['born', 'date'],
      ['mail', 'short_text'],
      ['why', 'long_text'],
      ['agree', 'yes_no'],
      ['upload', 'file'],
      ['inner', 'info'],
      ['size', 'single_choice'],
      ['weird', 'long_text'],
      ['tags', 'multiple_choice'],
    ]);
  });

  it('carries texts, choices, bounds and required', () => {
    expect(byId(questions, 'intro')).toMatchObject({ title: { en: 'Hello', fr: 'Bonjour' }, help: { en: 'Read this.', fr: 'Lisez ceci.' } });
    expect(byId(questions, 'colour')).toMatchObject({ required: true, title: { en: 'Colour?', fr: 'Couleur ?' } });
    expect(byId(questions, 'colour').choices).toEqual([
      { value: 'red', label: { en: 'red', fr: 'red' } },
      { value: 'blue', label: { en: 'Blue', fr: 'Bleu' } },
    ]);
    // choicesOrder desc applied by English label: Dog before Cat; numeric values become text.
    expect(byId(questions, 'pets').choices?.map((c) => c.value)).toEqual(['2', '1']);
    expect(byId(questions, 'age')).toMatchObject({ min: 0, max: 120 });
    expect(byId(questions, 'agree').choices?.[0]).toEqual({ value: 'yes', label: { en: 'I agree', fr: "J'accepte" } });
    expect(questions.some((q) => q.scoreType !== undefined)).toBe(false);
  });

  it('combines panel and question conditions with all; page conditions go on the section', () => {
    expect(byId(questions, 'why').visibleIf).toEqual({ question: 'colour', equals: 'blue' });
    expect(byId(questions, 'inner').visibleIf).toEqual({ all: [{ question: 'agree', equals: true }, { question: 'colour', answered: true }] });
    expect(byId(questions, 'size').visibleIf).toEqual({
      all: [{ question: 'agree', equals: true }, { question: 'colour', answered: true }, { question: 'pets', includes: '1' }],
    });
    // The unconvertible part is reported, the panel's part kept.
    expect(byId(questions, 'weird').visibleIf).toEqual({ question: 'agree', equals: true });
  });

  it('lists everything it did not carry over, by path and name', () => {
    expect(features).toEqual(
      expect.arrayContaining([
        'showProgressBar showProgressBar',
        'completedHtml completedHtml',
        'pages[0].elements[2].hasOther hasOther',
        'pages[0].elements[2].choicesOrder choicesOrder',
        'pages[0].elements[3].defaultValue defaultValue',
        'pages[0].elements[4].validators validators',
        'pages[0].elements[5].inputType inputType',
        'pages[0].elements[6].rows rows',
        'pages[0].elements[6].enableIf enableIf',
        'pages[0].elements[7].requiredIf requiredIf',
        'pages[0].elements[8] matrix',
        'pages[0].elements[9] rating',
        'pages[0].elements[10] expression',
        'pages[0].elements[11].acceptedTypes acceptedTypes',
        'pages[0].elements[12].elements[1].visibleIf visibleIf',
        'pages[1].elements[0] paneldynamic',
      ]),
    );
    expect(unsupported.find((u) => u.feature === 'choicesOrder')?.detail).toMatch(/^applied/);
    expect(unsupported.find((u) => u.feature === 'visibleIf')?.detail).toMatch(/\{age\} > 3.*comparison ">".*always shown/);
    // Texts given only once are used for French too, and said so.
    expect(features).toContain('pages[0].elements[2].title translation');
    expect(byId(questions, 'pets').title).toEqual({ en: 'Pets', fr: 'Pets' });
  });

  it('accepts a one-page survey with top-level elements and refuses what is not a survey', () => {
    const one = importSurveyJs({ elements: [{ type: 'text', name: 'q1' }] }, { key: 'one' });
    expect(one.template.sections).toHaveLength(1);
    expect(one.template.sections[0]?.questions[0]).toMatchObject({ id: 'q1', type: 'short_text', title: { en: 'q1' } });
    expect(() => importSurveyJs([], { key: 'x' })).toThrow(SurveyJsImportError);
    expect(() => importSurveyJs({ foo: 1 }, { key: 'x' })).toThrow(/no "pages"/);
    expect(() => importSurveyJs({ pages: [{ elements: [{ type: 'matrix', name: 'm' }] }] }, { key: 'x' })).toThrow(/Nothing/);
  });

  it('renames ids that are not valid and names that repeat, and says so', () => {
    const r = importSurveyJs(
      { pages: [{ name: 'p', elements: [{ type: 'text', name: 'my question' }, { type: 'text', name: 'a' }, { type: 'comment', name: 'a' }] }] },
      { key: 'x' },
    );
    expect(r.template.sections[0]?.questions.map((q) => q.id)).toEqual(['my_question', 'a', 'a-2']);
    expect(r.unsupported.map((u) => u.feature)).toEqual(['name', 'name']);
  });
});
