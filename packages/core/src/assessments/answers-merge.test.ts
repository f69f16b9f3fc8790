import { describe, expect, it } from 'vitest';
import type { Answers } from '@glassbox/rules/assessment/template';
import { addMonths, mergeAnswers, type AnswerMetaMap, type AnswerPatch } from './answers-merge.js';

const AT = new Date('2026-11-22T10:00:00Z');
const ANA = { id: 'ana', name: 'Ana' };
const BEN = { id: 'ben', name: 'Ben' };
const meta = (by: string, revision: number) => ({ by, byName: by, at: AT.toISOString(), revision });

// Stored: q1 by Ana at revision 1, q2 by Ben at revision 3; the assessment is at revision 3.
const answers: Answers = { q1: 'yes', q2: 'a' };
const stored: AnswerMetaMap = { q1: meta('ana', 1), q2: meta('ben', 3) };

const ROWS: Array<{ case: string; by: typeof ANA; clientRevision: number; patch: AnswerPatch; expected: { conflict?: string[]; changed?: string[]; revision?: number; answers?: Answers } }> = [
  { case: 'a new question merges with what others saved', by: ANA, clientRevision: 1, patch: { q3: 5 }, expected: { changed: ['q3'], revision: 4, answers: { q1: 'yes', q2: 'a', q3: 5 } } },
  { case: 'changing a question someone else changed since my revision conflicts', by: ANA, clientRevision: 1, patch: { q2: 'b' }, expected: { conflict: ['q2'] } },
  { case: 'the same change is not a conflict and changes nothing', by: ANA, clientRevision: 1, patch: { q2: 'a' }, expected: { changed: [], revision: 3, answers } },
  { case: 'changing it after seeing their change is fine', by: ANA, clientRevision: 3, patch: { q2: 'b' }, expected: { changed: ['q2'], revision: 4, answers: { q1: 'yes', q2: 'b' } } },
  { case: 'my own later change is never a conflict with myself', by: BEN, clientRevision: 1, patch: { q2: 'c' }, expected: { changed: ['q2'], revision: 4 } },
  { case: 'null clears an answer', by: ANA, clientRevision: 3, patch: { q1: null }, expected: { changed: ['q1'], revision: 4, answers: { q2: 'a' } } },
  { case: 'clearing what is not answered changes nothing', by: ANA, clientRevision: 3, patch: { q9: null }, expected: { changed: [], revision: 3 } },
  { case: 'one conflicting question stops the whole save', by: ANA, clientRevision: 2, patch: { q2: 'z', q3: 'x' }, expected: { conflict: ['q2'] } },
  { case: 'lists, compared by value', by: ANA, clientRevision: 3, patch: { q4: ['a', 'b'] }, expected: { changed: ['q4'], answers: { q1: 'yes', q2: 'a', q4: ['a', 'b'] } } },
];

describe('merging an autosave', () => {
  it.each(ROWS)('$case', ({ by, clientRevision, patch, expected }) => {
    const out = mergeAnswers({ answers, meta: stored, revision: 3, patch, clientRevision, by, at: AT });
    if (expected.conflict) {
      expect(out).toEqual({ kind: 'conflict', questions: expected.conflict });
      return;
    }
    if (out.kind !== 'saved') throw new Error(`unexpected conflict on ${out.questions.join(', ')}`);
    if (expected.changed) expect(out.changed).toEqual(expected.changed);
    if (expected.revision !== undefined) expect(out.revision).toBe(expected.revision);
    if (expected.answers) expect(out.answers).toEqual(expected.answers);
    for (const q of out.changed) expect(out.meta[q]).toEqual({ by: by.id, byName: by.name, at: AT.toISOString(), revision: out.revision });
  });
});

describe('reassessment due dates', () => {
  it.each([
    { from: '2026-01-15', months: 12, due: '2027-01-15' },
    { from: '2026-01-31', months: 1, due: '2026-02-28' },
    { from: '2028-01-31', months: 1, due: '2028-02-29' },
    { from: '2026-11-30', months: 3, due: '2027-02-28' },
    { from: '2026-06-01', months: 6, due: '2026-12-01' },
  ])('$from + $months months = $due', ({ from, months, due }) => {
    expect(addMonths(new Date(`${from}T12:00:00Z`), months)).toBe(due);
  });
});
