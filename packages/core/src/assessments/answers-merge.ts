/**
 * Merging an autosave into the stored answers, per question, so that several people filling in the
 * same assessment at once never overwrite each other's work (issue #4 point 5).
 *
 * Each answer remembers who changed it last and at which revision of the assessment. A client
 * sends the revision it last saw; saving a question that someone else changed after that revision,
 * to a different value, is a conflict: nothing is saved and the client is told which questions
 * and what they hold now. Questions nobody else touched merge freely. A save that changes nothing
 * keeps the revision as it is.
 */
import type { AnswerValue, Answers } from '@glassbox/rules/assessment/template';

export type AnswerMeta = { by: string; byName: string; at: string; revision: number };
export type AnswerMetaMap = Record<string, AnswerMeta>;
/** null clears the answer. */
export type AnswerPatch = Record<string, AnswerValue | null>;

export type MergeInput = {
  answers: Answers;
  meta: AnswerMetaMap;
  /** The assessment's revision now. */
  revision: number;
  patch: AnswerPatch;
  /** The revision the client's copy was at. */
  clientRevision: number;
  by: { id: string; name: string };
  at: Date;
};

export type MergeOutcome =
  | { kind: 'conflict'; questions: string[] }
  | { kind: 'saved'; answers: Answers; meta: AnswerMetaMap; revision: number; changed: string[] };

const same = (a: AnswerValue | null | undefined, b: AnswerValue | null | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function mergeAnswers(input: MergeInput): MergeOutcome {
  const conflicts: string[] = [];
  const changed: string[] = [];
  for (const [questionId, value] of Object.entries(input.patch)) {
    const current = input.answers[questionId];
    if (same(current, value)) continue;
    const meta = input.meta[questionId];
    if (meta && meta.revision > input.clientRevision && meta.by !== input.by.id) conflicts.push(questionId);
    else changed.push(questionId);
  }
  if (conflicts.length > 0) return { kind: 'conflict', questions: conflicts.sort() };
  if (changed.length === 0) return { kind: 'saved', answers: input.answers, meta: input.meta, revision: input.revision, changed };

  const revision = input.revision + 1;
  const answers: Answers = { ...input.answers };
  const meta: AnswerMetaMap = { ...input.meta };
  for (const questionId of changed) {
    const value = input.patch[questionId];
    if (value === null || value === undefined) delete answers[questionId];
    else answers[questionId] = value;
    meta[questionId] = { by: input.by.id, byName: input.by.name, at: input.at.toISOString(), revision };
  }
  return { kind: 'saved', answers, meta, revision, changed: changed.sort() };
}

/** YYYY-MM-DD of `date` plus whole months (UTC); the 31st of a shorter month becomes its last day. */
export function addMonths(date: Date, months: number): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}
