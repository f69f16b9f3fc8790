import { describe, expect, it } from 'vitest';
import { diffAssessments } from './diff.js';
import { AnswersFileError, isAiaSavedFile, readAnswersFile, toAiaSavedFile } from './saved-file.js';
import type { TemplateDocument } from './template.js';
import { sampleTemplate } from './testing.js';

describe('readAnswersFile', () => {
  it.each<[string, unknown, { format: string; answers: Record<string, unknown>; version?: string }]>([
    [
      'the official saved file',
      { version: 'v1.0.1', currentPage: 12, data: { projectDetailsPhase: 'item2', impact6: 'item4-4', decisionSector1: ['item1-1'] }, translationsOnResult: {} },
      { format: 'aia-saved-file', version: 'v1.0.1', answers: { projectDetailsPhase: 'item2', impact6: 'item4-4', decisionSector1: ['item1-1'] } },
    ],
    ['an old saved file whose data is JSON text', { currentPage: 3, data: '{"impact6":"item1-1"}' }, { format: 'aia-saved-file', answers: { impact6: 'item1-1' } }],
    ['plain answers', { phase: 'live', people: 3 }, { format: 'plain', answers: { phase: 'live', people: 3 } }],
    ['a plain answer named data is still plain', { data: 'x' }, { format: 'plain', answers: { data: 'x' } }],
    ['booleans become yes/no, nulls are skipped', { agree: true, other: false, none: null }, { format: 'plain', answers: { agree: 'yes', other: 'no' } }],
  ])('%s', (_name, file, expected) => {
    const r = readAnswersFile(file);
    expect(r).toMatchObject(expected);
    expect(r.answers).toEqual(expected.answers);
  });

  it('shapes values for their questions with the template, and reports what it cannot read', () => {
    const r = readAnswersFile({ people: '12', phase: 7, matrix: { a: 1 }, list: [1, 'b'] }, { template: sampleTemplate() });
    expect(r.answers).toEqual({ people: 12, phase: '7', list: ['1', 'b'] });
    expect(r.ignored).toEqual([{ key: 'matrix', reason: expect.stringMatching(/structured/) as unknown }]);
  });

  it('keeps the translations of a saved file', () => {
    const r = readAnswersFile({ version: 'v1.0.1', data: {}, translationsOnResult: { projectDetailsTitle: 'Triage des permis', n: 3 } });
    expect(r.translations).toEqual({ projectDetailsTitle: 'Triage des permis' });
  });

  it.each([['a list', []], ['text', 'hello'], ['null', null], ['data not an object', { version: 'v1', data: 3 }], ['data not JSON', { version: 'v1', data: '{nope' }]])(
    'refuses %s',
    (_name, file) => {
      expect(() => readAnswersFile(file)).toThrow(AnswersFileError);
    },
  );
});

describe('toAiaSavedFile', () => {
  it('writes the official shape, which reads back to the same answers', () => {
    const answers = { projectDetailsPhase: 'item1', impact6: 'item2-2', decisionSector1: ['item1-1', 'item3-1'], blank: '' };
    const file = toAiaSavedFile(answers);
    expect(file).toEqual({ version: 'v1.0.1', currentPage: 0, data: { projectDetailsPhase: 'item1', impact6: 'item2-2', decisionSector1: ['item1-1', 'item3-1'] } });
    expect(isAiaSavedFile(file)).toBe(true);
    expect(readAnswersFile(JSON.parse(JSON.stringify(file)) as unknown).answers).toEqual({ projectDetailsPhase: 'item1', impact6: 'item2-2', decisionSector1: ['item1-1', 'item3-1'] });
  });

  it('with the template: only its questions, yes/no as true/false, translations when given', () => {
    const t: TemplateDocument = sampleTemplate();
    const file = toAiaSavedFile({ plain: 'yes', name: 'Bot', stray: 'x', intro: 'y' }, { document: t, version: 'v0.10.0', translationsOnResult: { name: 'Robot' } });
    expect(file).toEqual({ version: 'v0.10.0', currentPage: 0, data: { plain: true, name: 'Bot' }, translationsOnResult: { name: 'Robot' } });
    expect(readAnswersFile(file, { template: t }).answers).toEqual({ plain: 'yes', name: 'Bot' });
  });
});

describe('diffAssessments', () => {
  it('lists changed answers in template order and how the scores moved', () => {
    const before = { phase: 'live', name: 'Bot', impact1: 'mid', impact2: ['b', 'a'], tested: 'no' };
    const after = { phase: 'live', name: 'Bot ', impact1: 'high', impact2: ['a', 'b'], tested: 'yes', notes: 'n' };
    const d = diffAssessments(sampleTemplate(), before, after);
    expect(d.answers).toEqual([
      { questionId: 'name', sectionId: 'about', before: 'Bot', after: 'Bot ' },
      { questionId: 'impact1', sectionId: 'about', before: 'mid', after: 'high' },
      { questionId: 'notes', sectionId: 'about', before: undefined, after: 'n' },
      { questionId: 'tested', sectionId: 'live-measures', before: 'no', after: 'yes' },
    ]);
    // before: impact 2 + 3 = 5, mitigation 0 → medium; after: impact 4 + 3 = 7, mitigation 3 → deduction → round(3.5) = 4 → medium.
    expect(d.scores).toEqual({ impact: { before: 5, after: 7 }, mitigation: { before: 0, after: 3 } });
    expect(d.current).toEqual({ before: 5, after: 4 });
    expect(d.level).toEqual({ before: 'medium', after: 'medium' });
    expect(d.scoreChanged).toBe(true);
  });

  it('finds nothing between equal answers (blank = unanswered, list order ignored)', () => {
    const d = diffAssessments(sampleTemplate(), { impact2: ['a', 'c'], notes: '' }, { impact2: ['c', 'a'] });
    expect(d.answers).toEqual([]);
    expect(d.scoreChanged).toBe(false);
  });
});
