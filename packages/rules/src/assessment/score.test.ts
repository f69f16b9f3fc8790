import { describe, expect, it } from 'vitest';
import { checkAnswers, isCalendarDate } from './answers.js';
import { evaluateCondition, visibleQuestions } from './conditions.js';
import { scoreAssessment } from './score.js';
import type { Answers, Condition, TemplateDocument } from './template.js';
import { sampleTemplate } from './testing.js';

describe('evaluateCondition', () => {
  const answers: Answers = { one: 'a', many: ['x', 'y'], n: 3, yes: 'yes', blank: '  ', none: [] };
  it.each<[string, Condition, boolean]>([
    ['equals a single answer', { question: 'one', equals: 'a' }, true],
    ['equals another value', { question: 'one', equals: 'b' }, false],
    ['equals on an unanswered question', { question: 'missing', equals: 'a' }, false],
    ['a list never equals one value', { question: 'many', equals: 'x' }, false],
    ['a number equals its number', { question: 'n', equals: 3 }, true],
    ['a number equals its text', { question: 'n', equals: '3' }, true],
    ['yes equals true', { question: 'yes', equals: true }, true],
    ['yes does not equal false', { question: 'yes', equals: false }, false],
    ['notEquals another value', { question: 'one', notEquals: 'b' }, true],
    ['notEquals on an unanswered question', { question: 'missing', notEquals: 'a' }, true],
    ['notEquals the value', { question: 'one', notEquals: 'a' }, false],
    ['includes in a list', { question: 'many', includes: 'y' }, true],
    ['does not include', { question: 'many', includes: 'z' }, false],
    ['includes on a single answer = equals', { question: 'one', includes: 'a' }, true],
    ['includes on a single answer is not a substring test', { question: 'one', includes: '' }, false],
    ['answered', { question: 'one', answered: true }, true],
    ['blank text is not answered', { question: 'blank', answered: false }, true],
    ['an empty list is not answered', { question: 'none', answered: true }, false],
    ['all true', { all: [{ question: 'one', equals: 'a' }, { question: 'n', equals: 3 }] }, true],
    ['all with one false', { all: [{ question: 'one', equals: 'a' }, { question: 'n', equals: 4 }] }, false],
    ['empty all', { all: [] }, true],
    ['any with one true', { any: [{ question: 'one', equals: 'b' }, { question: 'n', equals: 3 }] }, true],
    ['empty any', { any: [] }, false],
    ['not', { not: { question: 'one', equals: 'a' } }, false],
    ['an inherited property name is not an answer', { question: 'constructor', answered: true }, false],
  ])('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, answers)).toBe(expected);
  });

  it('shows a question only when its section and itself are visible', () => {
    const t = sampleTemplate();
    const ids = (a: Answers) => visibleQuestions(t, a).map((q) => q.id);
    expect(ids({ phase: 'design' })).not.toContain('notes');
    expect(ids({ phase: 'design' })).not.toContain('tested');
    expect(ids({ phase: 'live' })).toEqual(expect.arrayContaining(['notes', 'tested', 'reviewed', 'plain']));
  });
});

// The sample: impact max 4 (single) + 6 (multiple: 1+2+3) = 10; mitigation max 3 + 1 = 4; the
// deduction halves the impact when mitigation >= 0.75 × 4 = 3; levels low <= 2, medium <= 6, high.
describe('scoreAssessment on the sample template', () => {
  it.each<[string, Answers, { impact: number; mitigation: number; current: number; level: string; applied: string[] }]>([
    ['nothing answered', {}, { impact: 0, mitigation: 0, current: 0, level: 'low', applied: [] }],
    ['single choice weight', { impact1: 'mid' }, { impact: 2, mitigation: 0, current: 2, level: 'low', applied: [] }],
    ['multiple choice sums', { impact1: 'high', impact2: ['a', 'c'] }, { impact: 8, mitigation: 0, current: 8, level: 'high', applied: [] }],
    ['a repeated choice counts once', { impact2: ['b', 'b'] }, { impact: 2, mitigation: 0, current: 2, level: 'low', applied: [] }],
    ['an unknown choice value scores 0', { impact1: 'extreme', impact2: ['a', 'zzz'] }, { impact: 1, mitigation: 0, current: 1, level: 'low', applied: [] }],
    ['a wrong type is ignored', { impact1: ['high'] as never, impact2: 'c' }, { impact: 0, mitigation: 0, current: 0, level: 'low', applied: [] }],
    ['unknown answer keys are ignored', { nope: 'high', impact1: 'mid' }, { impact: 2, mitigation: 0, current: 2, level: 'low', applied: [] }],
    // hidden: the measures section shows only in the live phase; hidden answers do not count here.
    ['hidden mitigation does not count', { phase: 'design', impact1: 'high', tested: 'yes' }, { impact: 4, mitigation: 0, current: 4, level: 'medium', applied: [] }],
    // 3 >= 3: the deduction applies, 8 × 0.5 = 4 → medium.
    ['deduction at exactly the threshold', { phase: 'live', impact1: 'high', impact2: ['a', 'c'], tested: 'yes' }, { impact: 8, mitigation: 3, current: 4, level: 'medium', applied: ['mitigated'] }],
    // 1 < 3: no deduction.
    ['no deduction below it', { phase: 'live', impact1: 'high', impact2: ['a', 'c'], reviewed: 'yes' }, { impact: 8, mitigation: 1, current: 8, level: 'high', applied: [] }],
    // 5 × 0.5 = 2.5 → Math.round → 3 (half up).
    ['deduction rounds half up', { phase: 'live', impact1: 'high', impact2: ['a'], tested: 'yes', reviewed: 'yes' }, { impact: 5, mitigation: 4, current: 3, level: 'medium', applied: ['mitigated'] }],
  ])('%s', (_name, answers, expected) => {
    const r = scoreAssessment(sampleTemplate(), answers);
    expect({ impact: r.scores.impact, mitigation: r.scores.mitigation, current: r.current, level: r.level, applied: r.applied }).toEqual(expected);
    expect(r.maxima).toEqual({ impact: 10, mitigation: 4 });
  });

  // Level bounds are inclusive: current <= fraction × max. Max impact 10: low <= 2, medium <= 6.
  it.each<[number, string]>([
    [0, 'low'],
    [2, 'low'],
    [3, 'medium'],
    [6, 'medium'],
    [7, 'high'],
    [10, 'high'],
  ])('current %i → level %s', (target, level) => {
    // Build the answer that scores exactly `target` from the two impact questions.
    const single = target >= 4 ? 'high' : target >= 2 ? 'mid' : 'low';
    const rest = target - (single === 'high' ? 4 : single === 'mid' ? 2 : 0);
    const multiple = { 0: [], 1: ['a'], 2: ['b'], 3: ['c'], 4: ['a', 'c'], 5: ['b', 'c'], 6: ['a', 'b', 'c'] }[rest] ?? [];
    const r = scoreAssessment(sampleTemplate(), { impact1: single, impact2: multiple });
    expect(r.current).toBe(target);
    expect(r.level).toBe(level);
  });

  it('counts hidden answers when the scoring says so', () => {
    const t = sampleTemplate();
    t.scoring!.countHiddenAnswers = true;
    const r = scoreAssessment(t, { phase: 'design', tested: 'yes', impact1: 'high' });
    expect(r.scores).toEqual({ impact: 4, mitigation: 3 });
    expect(r.applied).toEqual(['mitigated']);
    expect(r.current).toBe(2);
  });

  it('scores sections, gaps, required questions and progress', () => {
    const r = scoreAssessment(sampleTemplate(), { phase: 'live', name: 'Bot', impact1: 'mid', tested: 'no', reviewed: 'yes', unknown: 'x' });
    expect(r.sections).toEqual([
      { sectionId: 'about', scores: { impact: { score: 2, max: 10 } }, questions: 2 },
      { sectionId: 'live-measures', scores: { mitigation: { score: 1, max: 4 } }, questions: 2 },
    ]);
    expect(r.gaps).toEqual([
      { questionId: 'impact1', sectionId: 'about', recommendation: { en: 'Reduce it', fr: 'Réduisez-la' }, score: 2, max: 4 },
      { questionId: 'tested', sectionId: 'live-measures', recommendation: { en: 'Test it', fr: 'Testez-le' }, score: 0, max: 3 },
    ]);
    expect(r.missingRequired).toEqual([]);
    // Visible, not info: name, phase, impact1, impact2, people, start, notes, files, tested, reviewed, plain.
    expect(r.progress).toEqual({ answerable: 11, answered: 5 });
  });

  it('lists unanswered visible required questions (never info), and gaps for unanswered ones', () => {
    const r = scoreAssessment(sampleTemplate(), { phase: 'live', name: '  ' });
    expect(r.missingRequired).toEqual(['name', 'tested']);
    expect(r.gaps.map((g) => [g.questionId, g.score])).toEqual([
      ['impact1', 0],
      ['tested', 0],
    ]);
    const design = scoreAssessment(sampleTemplate(), {});
    expect(design.missingRequired).toEqual(['name', 'phase']);
    expect(design.progress).toEqual({ answerable: 7, answered: 0 });
  });

  it('full marks leave no gap, and a template without scoring scores nothing', () => {
    expect(scoreAssessment(sampleTemplate(), { impact1: 'high', phase: 'live', tested: 'yes' }).gaps).toEqual([]);
    const plain: TemplateDocument = { ...sampleTemplate(), scoring: undefined };
    const r = scoreAssessment(plain, { impact1: 'high' });
    expect(r).toMatchObject({ scores: {}, maxima: {}, current: 0, level: null, applied: [] });
    expect(r.sections[0]?.questions).toBe(0);
  });

  it('a yes/no question without choices scores 0 and accepts yes and no', () => {
    const t = sampleTemplate();
    const q = t.sections[1]!.questions[2]!;
    q.scoreType = 'mitigation';
    const r = scoreAssessment(t, { phase: 'live', plain: 'yes' });
    expect(r.scores.mitigation).toBe(0);
    expect(r.maxima.mitigation).toBe(4);
    expect(checkAnswers(t, { plain: 'yes' })).toEqual([]);
    expect(checkAnswers(t, { plain: 'maybe' })).toHaveLength(1);
  });
});

describe('checkAnswers', () => {
  const long = 'x'.repeat(21);
  it.each<[string, Answers, string | null, RegExp | null]>([
    ['valid answers', { name: 'Bot', phase: 'live', impact2: ['a'], people: 3, start: '2026-02-28', files: ['f1'], notes: 'n' }, null, null],
    ['blank answers are not problems', { name: '', impact2: [] }, null, null],
    ['unknown keys are ignored', { whatever: 42 as never }, null, null],
    ['unknown choice', { phase: 'later' }, 'phase', /"later" is not one of the choices/],
    ['single choice given a list', { phase: ['live'] }, 'phase', /one choice value, got a list/],
    ['multiple choice given text', { impact2: 'a' }, 'impact2', /list of choice values/],
    ['unknown value in a multiple choice', { impact2: ['a', 'q'] }, 'impact2', /"q"/],
    ['a repeated value', { impact2: ['a', 'a'] }, 'impact2', /more than once/],
    ['number as text', { people: '3' }, 'people', /expected a number/],
    ['number below minimum', { people: -1 }, 'people', /below the minimum 0/],
    ['number above maximum', { people: 1001 }, 'people', /above the maximum 1000/],
    ['text over the question limit', { name: long }, 'name', /21 characters.*at most 20/],
    ['text over the engine cap', { notes: 'y'.repeat(20_001) }, 'notes', /at most 20000/],
    ['impossible date', { start: '2026-02-30' }, 'start', /not a date/],
    ['date in another format', { start: '28/02/2026' }, 'start', /YYYY-MM-DD/],
    ['answer to an info element', { intro: 'x' }, 'intro', /takes no answer/],
    ['file ids not a list', { files: 'f1' }, 'files', /attachment ids/],
  ])('%s', (_name, answers, questionId, message) => {
    const problems = checkAnswers(sampleTemplate(), answers);
    if (questionId === null) {
      expect(problems).toEqual([]);
      return;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]?.questionId).toBe(questionId);
    expect(problems[0]?.message).toMatch(message!);
  });

  it('knows calendar dates', () => {
    expect(['2024-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2025-02-29', '2026-13-01', '2026-1-1', ''].map(isCalendarDate)).toEqual([false, false, false, false]);
  });
});
