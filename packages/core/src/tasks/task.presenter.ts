/** How an organisation task is shown: with its owner's name and whether it is overdue. */
import type { OrgTask, OrgTaskStatus } from '../db/schema.js';
import { dateText } from '../obligations/obligation.presenter.js';

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'dismissed'] as const satisfies readonly OrgTaskStatus[];

export type TaskRow = OrgTask & { owner_name: string | null };

export type TaskView = {
  id: string;
  source: 'assessment' | 'manual';
  /** For a gap of an assessment: the assessment and `<template key>:<question id>`. */
  sourceAssessmentId: string | null;
  sourceKey: string | null;
  title: string;
  description: string;
  area: string | null;
  status: OrgTaskStatus;
  /** Why it was dismissed, or why it was closed. */
  statusNote: string | null;
  owner: { id: string; displayName: string } | null;
  dueDate: string | null;
  overdue: boolean;
  createdBy: { id: string | null; label: string };
  createdAt: Date;
  updatedAt: Date;
};

export const isOpenTask = (status: OrgTaskStatus): boolean => status === 'open' || status === 'in_progress';

export function presentTask(r: TaskRow, today: string): TaskView {
  const due = dateText(r.due_date);
  return {
    id: r.id,
    source: r.source,
    sourceAssessmentId: r.source_assessment_id,
    sourceKey: r.source_key,
    title: r.title,
    description: r.description,
    area: r.area,
    status: r.status,
    statusNote: r.status_note,
    owner: r.owner_id ? { id: r.owner_id, displayName: r.owner_name ?? '' } : null,
    dueDate: due,
    overdue: isOpenTask(r.status) && due !== null && due < today,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
