import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { changedFields, checkReason, checkSystem, nextFreeSlug, normaliseFields, slugify, type FieldErrors, type SystemFields } from './system-fields.js';

describe('slugify', () => {
  it.each([
    ['Benefit claim triage', 'benefit-claim-triage'],
    ['  Évaluation des risques: fraude  ', 'evaluation-des-risques-fraude'],
    ['Straße & Co. — 2026', 'strasse-co-2026'],
    ['Færdig Łódź', 'faerdig-lodz'],
    ['chatbot!!!', 'chatbot'],
    ['---', 'system'],
    ['机器人', 'system'],
    ['A'.repeat(100), 'a'.repeat(60)],
    [`${'word '.repeat(11)}end`, 'word-word-word-word-word-word-word-word-word-word-word-end'],
    [`${'abcde-'.repeat(10)}xyz`, 'abcde-abcde-abcde-abcde-abcde-abcde-abcde-abcde-abcde-abcde'],
    ['0F8FAD5B-D9CB-469F-A165-70867728950E', 'system-0f8fad5b-d9cb-469f-a165-70867728950e'],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each([
    ['chatbot', [], 'chatbot'],
    ['chatbot', ['chatbot'], 'chatbot-2'],
    ['chatbot', ['chatbot', 'chatbot-2', 'chatbot-3'], 'chatbot-4'],
    ['chatbot', ['chatbot-2'], 'chatbot'],
    ['chatbot', ['chatbot', 'chatbot-3'], 'chatbot-2'],
    ['export', [], 'export-2'],
    ['import', ['import-2'], 'import-3'],
  ])('next free slug for %s when %j are taken is %s', (slug, taken, expected) => {
    expect(nextFreeSlug(slug, new Set(taken))).toBe(expected);
  });
});

describe('normaliseFields', () => {
  const run = (input: Record<string, unknown>) => {
    const errors: FieldErrors = {};
    const out = normaliseFields(input, errors);
    return { out, errors };
  };

  it.each([
    { input: { name: '  Triage  ' }, out: { name: 'Triage' }, errors: {} },
    { input: { name: '   ' }, out: { name: '' }, errors: { name: 'Required.' } },
    { input: { name: 'x'.repeat(201) }, errors: { name: 'Enter at most 200 characters.' } },
    { input: { purpose: 42 }, errors: { purpose: 'Enter text.' } },
    { input: { description: 'a\u0000b' }, errors: { description: 'Remove the NUL character.' } },
    { input: { supplier: '  ' }, out: { supplier: null }, errors: {} },
    { input: { supplier: null }, out: { supplier: null }, errors: {} },
    { input: { supplier: ' Acme ' }, out: { supplier: 'Acme' }, errors: {} },
    { input: { unitId: null }, out: { unitId: null }, errors: {} },
    { input: { unitId: 'housing' }, errors: { unitId: 'Choose a unit of this organisation.' } },
    { input: { ownerId: '0F8FAD5B-D9CB-469F-A165-70867728950E' }, out: { ownerId: '0f8fad5b-d9cb-469f-a165-70867728950e' }, errors: {} },
    { input: { ownerId: null }, errors: { ownerId: 'Choose a member of this organisation.' } },
    { input: { sourcing: 'bought' }, errors: { sourcing: 'Choose one of: in_house, procured, general_purpose_tool.' } },
    { input: { decisionRole: 'decides' }, out: { decisionRole: 'decides' }, errors: {} },
    { input: { publicVisibility: 'secret' }, errors: { publicVisibility: 'Choose one of: public, internal.' } },
    { input: { personalData: 'yes' }, errors: { personalData: 'Answer yes (true) or no (false).' } },
    { input: { tags: [' Fraud ', 'fraud', 'Housing'] }, out: { tags: ['fraud', 'housing'] }, errors: {} },
    { input: { tags: ['ok', ''] }, errors: { tags: 'Each entry needs 1 to 50 characters.' } },
    { input: { tags: 'fraud' }, errors: { tags: 'Give a list of texts.' } },
    { input: { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }, errors: { tags: 'Give at most 30 entries.' } },
    { input: { dataCategories: ['Income', 'income', 'Health data'] }, out: { dataCategories: ['Income', 'Health data'] }, errors: {} },
  ])('$input', ({ input, out, errors }) => {
    const result = run(input);
    expect(result.errors).toEqual(errors);
    if (out) expect(result.out).toEqual(out);
  });

  it('leaves out fields that were not given (an edit changes only what it names)', () => {
    expect(run({}).out).toEqual({});
  });
});

describe('checkSystem', () => {
  const base: SystemFields = {
    name: 'n',
    purpose: 'p',
    description: '',
    unitId: null,
    ownerId: 'o',
    sourcing: 'in_house',
    supplier: null,
    decisionRole: 'informs',
    affectedPeople: '',
    dataCategories: [],
    personalData: false,
    humanOversight: '',
    publicVisibility: 'internal',
    tags: [],
  };
  it.each([
    [{ sourcing: 'in_house', supplier: null }, {}],
    [{ sourcing: 'general_purpose_tool', supplier: null }, {}],
    [{ sourcing: 'procured', supplier: 'Acme' }, {}],
    [{ sourcing: 'procured', supplier: null }, { supplier: expect.stringMatching(/Name the supplier/) }],
  ] as const)('%j', (fields, expected) => {
    const errors: FieldErrors = {};
    checkSystem({ ...base, ...fields }, errors);
    expect(errors).toEqual(expected);
  });
});

describe('checkReason', () => {
  it.each([
    ['Approved by the committee', true, 'Approved by the committee'],
    ['  abc  ', true, 'abc'],
    [undefined, false, null],
    ['   ', false, null],
    ['ok', false, 'ok'],
  ] as const)('%j (required: %s) → %j', (reason, required, expected) => {
    expect(checkReason(reason, required)).toBe(expected);
  });

  it.each([[undefined], [''], ['ab'], ['  a  '], ['x'.repeat(2001)], [42]])('refuses %j when required', (reason) => {
    expect(() => checkReason(reason, true)).toThrow(AppError);
  });
});

describe('changedFields', () => {
  it('lists changed fields in display order, comparing lists and nulls by value', () => {
    const before = { name: 'a', tags: ['x'], supplier: null, lifecycle: 'idea' };
    expect(changedFields(before, { ...before, tags: ['x'] })).toEqual([]);
    expect(changedFields(before, { ...before, lifecycle: 'proposed', tags: ['x', 'y'], name: 'b' })).toEqual(['name', 'tags', 'lifecycle']);
    expect(changedFields(null, { name: 'a', lifecycle: 'idea' })).toEqual(['name', 'lifecycle']);
  });
});
