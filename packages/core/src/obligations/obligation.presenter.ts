/** How obligations and their evidence are shown: with the owner's name and whether they are overdue. */
import type { Obligation, ObligationEvidence, ObligationStatus } from '../db/schema.js';

export const OBLIGATION_STATUSES = ['open', 'in_progress', 'met', 'not_applicable'] as const satisfies readonly ObligationStatus[];
export const OBLIGATION_PHASES = ['before_deployment', 'in_operation'] as const;
export type ObligationPhase = (typeof OBLIGATION_PHASES)[number];

/** Met, or decided not to apply (with a reason): nothing left to do. */
export const isDone = (status: ObligationStatus): boolean => status === 'met' || status === 'not_applicable';

/** Today in UTC as YYYY-MM-DD, the form `date` columns come back in. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

/**
 * A `date` column as YYYY-MM-DD. node-postgres gives text (database.ts sets the parser); PGlite,
 * despite its parser option, gives a Date at UTC midnight, so both are accepted here.
 */
export function dateText(value: string | Date | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

export const isOverdue = (o: { status: ObligationStatus; due_date: string | Date | null; retired_at: Date | null }, today: string): boolean => {
  const due = dateText(o.due_date);
  return o.retired_at === null && !isDone(o.status) && due !== null && due < today;
};

export type EvidenceView = {
  id: string;
  obligationId: string;
  kind: 'file' | 'link';
  title: string;
  /** Links only. */
  url: string | null;
  /** Files only; download it from …/evidence/{id}/file. */
  file: { name: string; contentType: string; sizeBytes: number; sha256: string } | null;
  createdBy: { id: string | null; label: string };
  createdAt: Date;
};

export type ObligationView = {
  id: string;
  systemId: string;
  key: string;
  framework: Obligation['framework'];
  reference: string;
  title: string;
  description: string;
  phase: ObligationPhase;
  recurrenceMonths: number | null;
  owner: { id: string; displayName: string };
  dueDate: string | null;
  status: ObligationStatus;
  naReason: string | null;
  overdue: boolean;
  /** Set when the latest screening no longer asks for it; its status and evidence are kept. */
  retiredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  evidence: EvidenceView[];
};

export type ObligationRowWithOwner = Obligation & { owner_name: string };

export const presentEvidence = (e: ObligationEvidence): EvidenceView => ({
  id: e.id,
  obligationId: e.obligation_id,
  kind: e.kind,
  title: e.title,
  url: e.kind === 'link' ? e.url : null,
  file:
    e.kind === 'file' && e.file_name !== null && e.content_type !== null && e.size_bytes !== null && e.sha256 !== null
      ? { name: e.file_name, contentType: e.content_type, sizeBytes: Number(e.size_bytes), sha256: e.sha256 }
      : null,
  createdBy: { id: e.created_by, label: e.created_by_label },
  createdAt: e.created_at,
});

export const presentObligation = (o: ObligationRowWithOwner & { evidence: readonly ObligationEvidence[] }, today: string): ObligationView => ({
  id: o.id,
  systemId: o.system_id,
  key: o.key,
  framework: o.framework,
  reference: o.reference,
  title: o.title,
  description: o.description,
  phase: o.phase,
  recurrenceMonths: o.recurrence_months,
  owner: { id: o.owner_id, displayName: o.owner_name },
  dueDate: dateText(o.due_date),
  status: o.status,
  naReason: o.na_reason,
  overdue: isOverdue(o, today),
  retiredAt: o.retired_at,
  createdAt: o.created_at,
  updatedAt: o.updated_at,
  evidence: o.evidence.map(presentEvidence),
});
