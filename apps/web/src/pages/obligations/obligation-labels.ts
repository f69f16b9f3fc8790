/** Obligation statuses, phases and frameworks as staff read them, and the rules that decide what to offer. */
import type { Framework, Obligation, ObligationPhase, ObligationStatus } from '../../api';
import type { Tone } from '../../components/status-tag';
import { canEditSystem } from '../inventory/inventory-rules';

export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  met: 'Met',
  not_applicable: 'Not applicable',
};

export const OBLIGATION_STATUS_DESCRIPTIONS: Record<ObligationStatus, string> = {
  open: 'Nobody has started on it yet.',
  in_progress: 'Work has started but it is not done.',
  met: 'Done, ideally with evidence attached.',
  not_applicable: 'It does not apply to this system. Say why: the reason is kept in the audit log.',
};

export const OBLIGATION_STATUS_TONES: Record<ObligationStatus, Tone> = {
  open: 'warning',
  in_progress: 'info',
  met: 'success',
  not_applicable: 'neutral',
};

export const PHASE_LABELS: Record<ObligationPhase, string> = {
  before_deployment: 'Before deployment',
  in_operation: 'In operation',
};

export const PHASE_DESCRIPTIONS: Record<ObligationPhase, string> = {
  before_deployment: 'Each of these must be met or marked not applicable before the system can be put in service.',
  in_operation: 'These apply while the system is in service; some come back at a set interval.',
};

export const FRAMEWORK_LABELS: Record<Framework, string> = {
  'eu-ai-act': 'EU AI Act',
  'us-omb': 'US OMB M-25-21',
  'org-policy': 'Organisation policy',
  assessment: 'Assessment',
};

export const isDone = (status: ObligationStatus): boolean => status === 'met' || status === 'not_applicable';

/** Changing status, owner and due date (server: obligations routes `writers`, policy.ts). */
export const canUpdateObligations = canEditSystem;

/** Evidence: those who may update, and the obligation's own owner whatever their role. */
export function canAddEvidence(canUpdate: boolean, userId: string, obligation: Pick<Obligation, 'owner' | 'retiredAt'>): boolean {
  if (obligation.retiredAt) return false;
  return canUpdate || obligation.owner.id === userId;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const recurrenceText = (months: number | null): string | null =>
  months === null ? null : months === 1 ? 'Every month' : months === 12 ? 'Every year' : `Every ${months} months`;
