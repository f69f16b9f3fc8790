/**
 * Autosave for an assessment's answers: changes are sent ~1 s after the last keystroke (at once when
 * a field is left or a choice clicked), one request at a time, with the revision they were based on.
 * The server answers 409 when someone else saved in between: saving then pauses until the person
 * has chosen, question by question, to keep their answer or take the other one.
 */
import { useEffect, useRef, useState } from 'react';
import { getAssessment, saveAnswers, toApiError, type AnswerConflictDetails, type AnswerMeta, type AnswerValue, type Answers, type AssessmentDetail, type ScoreResult } from '../../api';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string }
  | { kind: 'conflict' };

export type Conflict = { questionId: string; theirs: AnswerValue | undefined; mine: AnswerValue | undefined; by: string | null; at: string | null };

const DEBOUNCE_MS = 1000;

type Options = { org: string; detail: AssessmentDetail };

export function useAutosave({ org, detail }: Options) {
  const [answers, setAnswers] = useState<Answers>(detail.answers);
  const [answerMeta, setAnswerMeta] = useState<AnswerMeta>(detail.answerMeta);
  const [result, setResult] = useState<ScoreResult>(detail.result);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflicts, setConflicts] = useState<Conflict[]>([]);

  const answersRef = useRef<Answers>(detail.answers);
  const revisionRef = useRef(detail.revision);
  const dirtyRef = useRef(new Set<string>());
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const pausedRef = useRef(false);
  const pendingRevisionRef = useRef<number | null>(null);

  const setLocal = (next: Answers) => {
    answersRef.current = next;
    setAnswers(next);
  };

  const send = async (): Promise<void> => {
    if (pausedRef.current || dirtyRef.current.size === 0) return;
    const ids = [...dirtyRef.current];
    dirtyRef.current.clear();
    const payload: Record<string, AnswerValue | null> = {};
    for (const id of ids) payload[id] = Object.hasOwn(answersRef.current, id) ? (answersRef.current[id] ?? null) : null;
    setState({ kind: 'saving' });
    try {
      const saved = await saveAnswers(org, detail.id, { revision: revisionRef.current, answers: payload });
      revisionRef.current = saved.revision;
      setResult(saved.result);
      setAnswerMeta(saved.answerMeta);
      setFieldErrors((current) => {
        const next = { ...current };
        for (const id of ids) delete next[id];
        return next;
      });
      setState(dirtyRef.current.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status === 409) {
        for (const id of ids) dirtyRef.current.add(id);
        pausedRef.current = true;
        setState({ kind: 'conflict' });
        try {
          const fresh = await getAssessment(org, detail.id);
          const named = conflictIds(apiError.details['questions']);
          const current = (apiError.details['current'] ?? {}) as AnswerConflictDetails['current'];
          const clashing = (named.length > 0 ? named : ids).filter((id) => dirtyRef.current.has(id));
          // Answers others changed that this person has not touched are simply taken.
          const merged: Answers = { ...fresh.answers };
          for (const id of dirtyRef.current) {
            if (Object.hasOwn(answersRef.current, id)) merged[id] = answersRef.current[id] as AnswerValue;
            else delete merged[id];
          }
          setLocal(merged);
          setAnswerMeta(fresh.answerMeta);
          setResult(fresh.result);
          pendingRevisionRef.current = fresh.revision;
          const list = clashing.map((id) => ({
            questionId: id,
            theirs: fresh.answers[id],
            mine: answersRef.current[id],
            by: current[id]?.byName ?? fresh.answerMeta[id]?.byName ?? null,
            at: current[id]?.at ?? fresh.answerMeta[id]?.at ?? null,
          }));
          if (list.length === 0) {
            revisionRef.current = fresh.revision;
            pausedRef.current = false;
            setConflicts([]);
            setState({ kind: 'pending' });
            void send();
          } else setConflicts(list);
        } catch (reloadError) {
          setState({ kind: 'error', message: toApiError(reloadError).message });
        }
        return;
      }
      if (apiError.status === 400 && Object.keys(apiError.fields).some((f) => ids.includes(f))) {
        // The rejected answers wait for the person to fix them; the others go again.
        for (const id of ids) if (!(id in apiError.fields)) dirtyRef.current.add(id);
        setFieldErrors((current) => ({ ...current, ...apiError.fields }));
        setState({ kind: 'error', message: 'Some answers were not saved: see the messages next to them.' });
        if (dirtyRef.current.size > 0) schedule(DEBOUNCE_MS);
        return;
      }
      for (const id of ids) dirtyRef.current.add(id);
      setState({ kind: 'error', message: apiError.message });
    }
  };

  // Every helper below reads and writes refs only, so the closures of any render behave alike.
  const run = (): Promise<void> => {
    if (inFlightRef.current) return inFlightRef.current.then(run);
    const p = send().finally(() => {
      inFlightRef.current = null;
    });
    inFlightRef.current = p;
    return p.then(() => {
      if (dirtyRef.current.size > 0 && !pausedRef.current) schedule(DEBOUNCE_MS);
    });
  };

  function schedule(delay: number) {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void run();
    }, delay);
  }

  useEffect(
    () => () => {
      if (timerRef.current) clearTimeout(timerRef.current);
    },
    [],
  );

  /** A change from the form; `commit` saves without waiting for more typing. */
  const change = (questionId: string, value: AnswerValue | null, commit: boolean) => {
    const next = { ...answersRef.current };
    if (value === null) delete next[questionId];
    else next[questionId] = value;
    setLocal(next);
    dirtyRef.current.add(questionId);
    if (pausedRef.current) return;
    setState({ kind: 'pending' });
    schedule(commit ? 150 : DEBOUNCE_MS);
  };

  /** A field was left: save now if anything waits. */
  const blur = () => {
    if (dirtyRef.current.size > 0 && !pausedRef.current) schedule(0);
  };

  /** Saves everything that waits; true when nothing is left unsaved. */
  const flush = async (): Promise<boolean> => {
    if (timerRef.current) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    if (inFlightRef.current) await inFlightRef.current;
    if (dirtyRef.current.size > 0 && !pausedRef.current) await run();
    return dirtyRef.current.size === 0 && !pausedRef.current;
  };

  const resolve = (questionId: string, keep: 'mine' | 'theirs') => {
    const conflict = conflicts.find((c) => c.questionId === questionId);
    if (!conflict) return;
    if (keep === 'theirs') {
      const next = { ...answersRef.current };
      if (conflict.theirs === undefined) delete next[questionId];
      else next[questionId] = conflict.theirs;
      setLocal(next);
      dirtyRef.current.delete(questionId);
    }
    const left = conflicts.filter((c) => c.questionId !== questionId);
    setConflicts(left);
    if (left.length === 0) {
      if (pendingRevisionRef.current !== null) revisionRef.current = pendingRevisionRef.current;
      pendingRevisionRef.current = null;
      pausedRef.current = false;
      setState(dirtyRef.current.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
      if (dirtyRef.current.size > 0) schedule(0);
    }
  };

  const retry = () => schedule(0);

  return { answers, answerMeta, result, state, fieldErrors, setFieldErrors, conflicts, change, blur, flush, resolve, retry, revision: () => revisionRef.current };
}

/** details.questions may be a list of ids or of objects naming the question. */
function conflictIds(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const item of raw) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'object' && item !== null) {
      const rec = item as Record<string, unknown>;
      const id = rec['questionId'] ?? rec['id'];
      if (typeof id === 'string') out.push(id);
    }
  }
  return out;
}
