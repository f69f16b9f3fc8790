import { describe, expect, it } from 'vitest';
import { checkComment, checkConsultation, consultationState } from './consultation-rules.js';

const NOW = new Date('2026-05-10T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('consultationState', () => {
  it.each([
    ['before it opens', '2026-05-11T00:00:00Z', '2026-06-01T00:00:00Z', 'scheduled'],
    ['the moment it opens', '2026-05-10T12:00:00Z', '2026-06-01T00:00:00Z', 'open'],
    ['while open', '2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z', 'open'],
    ['the moment it closes', '2026-05-01T00:00:00Z', '2026-05-10T12:00:00Z', 'closed'],
    ['after it closed', '2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z', 'closed'],
  ] as const)('%s → %s', (_name, opens, closes, state) => {
    expect(consultationState({ opensAt: at(opens), closesAt: at(closes) }, NOW)).toBe(state);
  });
});

describe('checkConsultation', () => {
  const good = { title: 'Call summaries', intro: 'We propose…', questions: ['Is it useful?', '  ', 'What worries you?'], opensAt: '2026-05-11T09:00:00Z', closesAt: '2026-06-11T09:00:00Z' };

  it('accepts a good draft and drops empty questions', () => {
    const { value, fields } = checkConsultation(good, NOW, { creating: true });
    expect(fields).toEqual({});
    expect(value.questions).toEqual(['Is it useful?', 'What worries you?']);
    expect(value.opensAt.toISOString()).toBe('2026-05-11T09:00:00.000Z');
  });

  it.each([
    ['no title', { title: '  ' }, 'title'],
    ['a title too long', { title: 'x'.repeat(201) }, 'title'],
    ['no introduction', { intro: '' }, 'intro'],
    ['questions not a list', { questions: 'one' }, 'questions'],
    ['eleven questions', { questions: Array.from({ length: 11 }, (_, i) => `Q${i}`) }, 'questions'],
    ['a question too long', { questions: ['x'.repeat(501)] }, 'questions'],
    ['no opening date', { opensAt: 'soon' }, 'opensAt'],
    ['a year out of range', { opensAt: '-000001-01-01T00:00:00Z' }, 'opensAt'],
    ['closing before opening', { closesAt: '2026-05-11T08:00:00Z' }, 'closesAt'],
    ['closing in the past', { opensAt: '2026-04-01T00:00:00Z', closesAt: '2026-05-01T00:00:00Z' }, 'closesAt'],
  ])('refuses %s, naming the field', (_name, change, field) => {
    const { fields } = checkConsultation({ ...good, ...change }, NOW, { creating: true });
    expect(Object.keys(fields)).toEqual([field]);
  });
});

describe('checkComment', () => {
  it('needs a comment; name, agreement to show it and answers are optional', () => {
    expect(checkComment({ comment: '' }, 2).problems).toEqual({ comment: 'required' });
    const { value, problems } = checkComment({ comment: ' Good idea. ', answers: ['Yes', ''] }, 2);
    expect(problems).toEqual({});
    expect(value).toEqual({ name: null, showName: false, comment: 'Good idea.', answers: ['Yes', ''] });
  });

  it('shows the name only when one is given and the person agreed', () => {
    expect(checkComment({ comment: 'x', name: 'Ana', showName: 'yes' }, 0).value.showName).toBe(true);
    expect(checkComment({ comment: 'x', name: 'Ana' }, 0).value.showName).toBe(false);
    expect(checkComment({ comment: 'x', name: '', showName: 'yes' }, 0).value.showName).toBe(false);
  });

  it.each([
    ['a comment over 5000 characters', { comment: 'x'.repeat(5001) }, { comment: 'too_long' }],
    ['a name over 200 characters', { comment: 'x', name: 'n'.repeat(201) }, { name: 'too_long' }],
    ['an answer over 2000 characters', { comment: 'x', answers: ['', 'a'.repeat(2001)] }, { answer_1: 'too_long' }],
    ['control characters', { comment: 'bad\u0000' }, { comment: 'invalid_text' }],
  ])('refuses %s', (_name, input, problems) => {
    expect(checkComment(input, 2).problems).toEqual(problems);
  });

  it('keeps one answer per question, ignoring extra ones', () => {
    expect(checkComment({ comment: 'x', answers: ['a', 'b', 'c'] }, 2).value.answers).toEqual(['a', 'b']);
  });
});
