/** Words for the citizen-service codes, and who works the queues (core citizen/policy.ts). */
import type { ConcernCategory, ConcernStatus, RedressKind, RedressOutcome, RedressStatus, Role } from '../../api';
import type { Tone } from '../../components/status-tag';

export const CASE_READER_ROLES: readonly Role[] = ['admin', 'governance_officer', 'system_owner', 'auditor'];
export const CITIZEN_SETTINGS_ROLES: readonly Role[] = ['admin', 'governance_officer'];

export const CATEGORY_LABELS: Record<ConcernCategory, string> = {
  error: 'Error or wrong result',
  bias: 'Bias or discrimination',
  misuse: 'Abuse or misuse',
  privacy: 'Privacy',
  accessibility: 'Accessibility',
  other: 'Other',
};

export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  new: 'New',
  triaged: 'Triaged',
  investigating: 'Investigating',
  responded: 'Responded',
  closed: 'Closed',
};

export const CONCERN_STATUS_TONES: Record<ConcernStatus, Tone> = { new: 'warning', triaged: 'info', investigating: 'info', responded: 'success', closed: 'neutral' };

/** The moves the server allows (core CONCERN_TRANSITIONS). */
export const CONCERN_NEXT: Record<ConcernStatus, readonly ConcernStatus[]> = {
  new: ['triaged', 'investigating', 'closed'],
  triaged: ['investigating', 'closed'],
  investigating: ['closed'],
  responded: ['investigating', 'closed'],
  closed: ['investigating'],
};

export const KIND_LABELS: Record<RedressKind, string> = { explanation: 'Explanation', human_review: 'Human review', appeal: 'Appeal' };

export const REDRESS_STATUS_LABELS: Record<RedressStatus, string> = { received: 'Received', in_progress: 'In progress', decided: 'Decided', closed: 'Closed' };

export const OUTCOME_LABELS: Record<RedressOutcome, string> = {
  upheld: 'Upheld',
  partly_upheld: 'Partly upheld',
  not_upheld: 'Not upheld',
  explanation_given: 'Explanation given',
};

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish', fr: 'French' };

/** "12 days left", "Due today", "Overdue by 3 days": the words carry the meaning, not the colour. */
export function timeLeftText(daysLeft: number, overdue: boolean): string {
  if (overdue) {
    const late = Math.max(1, -daysLeft);
    return `Overdue by ${late} day${late === 1 ? '' : 's'}`;
  }
  if (daysLeft <= 0) return 'Due today';
  return `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
}

export const EVENT_LABELS: Record<string, string> = {
  submitted: 'Received from the public',
  status: 'Status changed',
  assigned: 'Assigned',
  note: 'Internal note',
  response: 'Answer sent to the person',
  incident: 'Incident reference set',
  outcome: 'Decision sent to the person',
  escalated: 'Escalated: past its deadline',
};
