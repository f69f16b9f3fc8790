/**
 * Deadlines and statistics for redress requests (R-REDRESS). Pure: the services pass the clock.
 * Defaults are Glassbox's own starting points, which an organisation adapts to its law and service
 * standards: 30 days for an explanation or a human review (the GDPR's one-month answer period for
 * requests about personal data is the model), 60 days for an appeal.
 */
import type { RedressKind, RedressOutcome } from '../db/schema-citizen.js';

export type DeadlineSettings = { explanationDays: number; humanReviewDays: number; appealDays: number };

export const DEFAULT_DEADLINES: DeadlineSettings = { explanationDays: 30, humanReviewDays: 30, appealDays: 60 };

export function daysFor(kind: RedressKind, settings: DeadlineSettings): number {
  if (kind === 'explanation') return settings.explanationDays;
  if (kind === 'human_review') return settings.humanReviewDays;
  return settings.appealDays;
}

const DAY_MS = 86_400_000;

/** Received at `receivedAt`, due `days` calendar days later at the same time of day. */
export function dueAt(receivedAt: Date, days: number): Date {
  return new Date(receivedAt.getTime() + days * DAY_MS);
}

export type TimeLeft = {
  /** Whole days left, rounded down; negative when overdue (−1 = less than a day late… up to one day). */
  daysLeft: number;
  overdue: boolean;
};

/** Only open requests (received, in progress) can be overdue; decided and closed ones are not. */
export function timeLeft(due: Date, now: Date, open: boolean): TimeLeft {
  const ms = due.getTime() - now.getTime();
  return { daysLeft: Math.floor(ms / DAY_MS), overdue: open && ms < 0 };
}

/** The median of the values, or null for none (an even count averages the middle two). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

export type RedressStats = {
  requests: number;
  open: number;
  byKind: Record<RedressKind, number>;
  byOutcome: Record<RedressOutcome, number>;
  /** Median days from receipt to decision over decided requests, one decimal; null when none decided. */
  medianDaysToResolve: number | null;
};

export function redressStats(rows: ReadonlyArray<{ kind: RedressKind; outcome: RedressOutcome | null; createdAt: Date; decidedAt: Date | null }>): RedressStats {
  const byKind: Record<RedressKind, number> = { explanation: 0, human_review: 0, appeal: 0 };
  const byOutcome: Record<RedressOutcome, number> = { upheld: 0, partly_upheld: 0, not_upheld: 0, explanation_given: 0 };
  const days: number[] = [];
  let open = 0;
  for (const r of rows) {
    byKind[r.kind] += 1;
    if (r.outcome && r.decidedAt) {
      byOutcome[r.outcome] += 1;
      days.push((r.decidedAt.getTime() - r.createdAt.getTime()) / DAY_MS);
    } else open += 1;
  }
  const m = median(days);
  return { requests: rows.length, open, byKind, byOutcome, medianDaysToResolve: m === null ? null : Math.round(m * 10) / 10 };
}
