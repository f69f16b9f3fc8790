/**
 * Shared vocabulary of the rules package: the three-valued answer every screening question takes,
 * the decision role of a system, the phases of an obligation and the shape of an open question.
 * Nothing legal is decided here.
 */

/**
 * Every screening question is answered yes, no or unsure. "unsure" is a real answer, not a gap:
 * the rules never guess it away. They either list a narrower follow-up question, or, where the law
 * puts the burden on whoever relies on an exception, treat the exception as not (yet) established.
 */
export type Answer = 'yes' | 'no' | 'unsure';

/** What the system's output does in the process (DESIGN §4: informs / recommends / decides). */
export type DecisionRole = 'informs' | 'recommends' | 'decides';

/** When an obligation must be met: before the system is used at all, or while it is in use. */
export type ObligationPhase = 'before_deployment' | 'in_operation';

/** A narrower follow-up question the screening could not settle. */
export type OpenQuestion = {
  /** Stable identifier, e.g. `art5.1.h.authorisation`. */
  id: string;
  /** The provision the answer decides, e.g. `Art. 5(3)`. */
  provision: string;
  /** The follow-up question, in plain language. */
  question: string;
};

/** Keeps the first item for each key, in the original order. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** The strongest of several answers to the same underlying question: yes > unsure > no. */
export function strongest(...answers: ReadonlyArray<Answer | undefined>): Answer {
  if (answers.includes('yes')) return 'yes';
  if (answers.includes('unsure')) return 'unsure';
  return 'no';
}
