import { describe, expect, it } from 'vitest';
import { fieldCollector, firstSentence, joinParagraphs, truncateAtWord } from './format-utils.js';

describe('truncateAtWord', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['the quick brown fox', 12, 'the quick…'],
    ['the quick brown fox', 16, 'the quick brown…'],
    ['the quick brown fox', 10, 'the quick…'],
    ['the quick, brown fox', 12, 'the quick…'],
    ['Supercalifragilistic', 8, 'Superca…'],
    ['a b', 1, '…'],
  ])('%j at %i → %j', (text, max, expected) => {
    const cut = truncateAtWord(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
  });

  it('never exceeds the limit on long texts', () => {
    const text = 'word '.repeat(1000);
    for (const max of [5, 50, 399, 400, 2500]) expect(truncateAtWord(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('joinParagraphs and firstSentence', () => {
  it('joins the non-empty parts', () => {
    expect(joinParagraphs(' a ', '', null, 'b')).toBe('a\n\nb');
    expect(joinParagraphs('', undefined)).toBe('');
  });
  it.each([
    ['One. Two.', 'One.'],
    ['No full stop', 'No full stop'],
    ['Version 3.1 is used. Then.', 'Version 3.1 is used.'],
    ['Why? Because.', 'Why?'],
  ])('firstSentence(%j) = %j', (text, expected) => expect(firstSentence(text)).toBe(expected));
});

describe('fieldCollector', () => {
  it('lists empty fields as missing and warns when it cuts', () => {
    const c = fieldCollector();
    expect(c.text('a', '  ')).toBe('');
    expect(c.text('b', null)).toBe('');
    expect(c.text('c', 'one two three', 8)).toBe('one two…');
    expect(c.text('d', 'fine', 8)).toBe('fine');
    expect(c.missing).toEqual(['a', 'b']);
    expect(c.warnings).toEqual([expect.objectContaining({ field: 'c', code: 'truncated' })]);
  });
});
