/**
 * Gaps of an approved organisation assessment (readiness, R-READY) → organisation tasks, one per
 * question (source key `<template key>:<question id>`):
 * - a gap without an open task gets a new open task (title: the recommendation's first sentence;
 *   description: the whole recommendation; area: the section's title);
 * - a gap that already has an open or in-progress task keeps it (no duplicate), now pointing at the
 *   new assessment and the recommendation's current wording;
 * - an open or in-progress task whose gap the new assessment no longer finds is closed (done) with
 *   a note saying so.
 * Runs in the approval's transaction and writes one audit event with the counts and keys.
 */
import { randomUUID } from 'node:crypto';
import type { Gap, TemplateDocument } from '@glassbox/rules';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { TASK_LIMITS } from './task.service.js';

export type TaskSyncChanges = { created: string[]; kept: string[]; closed: string[] };

/** The first sentence of a recommendation, as a task title. */
export function taskTitle(recommendation: string): string {
  const text = recommendation.trim().replace(/\s+/g, ' ');
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  const first = m?.[1] ?? text;
  return first.length <= TASK_LIMITS.title ? first : `${first.slice(0, TASK_LIMITS.title - 1)}…`;
}

export async function syncTasksFromGaps(
  tx: Ctx,
  input: { organisationId: string; assessmentId: string; document: TemplateDocument; gaps: readonly Gap[]; now: Date },
): Promise<TaskSyncChanges> {
  const { organisationId, assessmentId, document, now } = input;
  const prefix = `${document.key}:`;
  const open = await tx.db
    .selectFrom('org_task')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('source', '=', 'assessment')
    .where('status', 'in', ['open', 'in_progress'])
    .where('source_key', 'like', `${prefix}%`)
    .forUpdate()
    .execute();
  const openByKey = new Map(open.map((t) => [t.source_key ?? '', t]));
  const sectionTitle = new Map(document.sections.map((s) => [s.id, s.title.en]));
  const gaps = [...new Map(input.gaps.map((g) => [g.questionId, g])).values()];
  const wanted = new Set(gaps.map((g) => `${prefix}${g.questionId}`));
  const changes: TaskSyncChanges = { created: [], kept: [], closed: [] };
  const fresh = [];

  for (const gap of gaps) {
    const key = `${prefix}${gap.questionId}`;
    const description = gap.recommendation.en.trim().slice(0, TASK_LIMITS.description);
    const task = openByKey.get(key);
    if (task) {
      await tx.db.updateTable('org_task').set({ source_assessment_id: assessmentId, description, updated_at: now }).where('id', '=', task.id).execute();
      changes.kept.push(key);
      continue;
    }
    const area = sectionTitle.get(gap.sectionId)?.slice(0, TASK_LIMITS.area) ?? null;
    fresh.push({
      id: randomUUID(),
      organisation_id: organisationId,
      source: 'assessment' as const,
      source_assessment_id: assessmentId,
      source_key: key,
      title: taskTitle(gap.recommendation.en) || gap.questionId,
      description,
      area: area || null,
      status: 'open' as const,
      status_note: null,
      owner_id: null,
      due_date: null,
      created_by: tx.actor.kind === 'user' ? tx.actor.userId : null,
      created_by_label: 'Glassbox (assessment approval)',
      created_at: now,
      updated_at: now,
    });
    changes.created.push(key);
  }
  if (fresh.length > 0) await tx.db.insertInto('org_task').values(fresh).execute();

  const gone = open.filter((t) => !wanted.has(t.source_key ?? ''));
  if (gone.length > 0) {
    const note = `Closed automatically: the “${document.title.en}” assessment approved on ${now.toISOString().slice(0, 10)} no longer finds this gap.`.slice(0, TASK_LIMITS.note);
    await tx.db
      .updateTable('org_task')
      .set({ status: 'done', status_note: note, updated_at: now })
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', gone.map((t) => t.id))
      .execute();
    changes.closed.push(...gone.map((t) => t.source_key ?? ''));
  }

  if (changes.created.length + changes.kept.length + changes.closed.length > 0) {
    await recordAudit(tx, {
      organisationId,
      action: 'tasks.synced',
      entityType: 'assessment',
      entityId: assessmentId,
      after: { templateKey: document.key, created: changes.created.length, kept: changes.kept.length, closed: changes.closed.length, createdKeys: changes.created, closedKeys: changes.closed },
    });
  }
  return changes;
}
