/**
 * Organisation tasks (issue #4 point 6): what the organisation itself has to do — the gaps an
 * approved readiness assessment found (task-sync.ts) and tasks added by hand. Listed with filters,
 * worked through with a status (dismissing needs a reason), an owner and a due date. Every change
 * writes its audit event in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import type { Actor, Ctx } from '../context.js';
import type { DB, OrgTaskStatus } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { isMember } from '../inventory/inventory.repository.js';
import { dateText, todayUtc } from '../obligations/obligation.presenter.js';
import { canManageTasks, canReadTasks, canUpdateTaskStatus } from './policy.js';
import { presentTask, type TaskRow, type TaskView } from './task.presenter.js';

export const TASK_LIMITS = { title: 300, description: 5000, area: 300, note: 2000 } as const;

const actorName = (actor: Actor): string =>
  (actor.kind === 'user' ? actor.displayName : actor.kind === 'token' ? `API token "${actor.tokenName}"` : `Glassbox (${actor.name})`).slice(0, 300);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (d: string): boolean => DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

type Fields = Record<string, string>;
const invalid = (fields: Fields): AppError => new AppError('bad_request', 'task.invalid', 'Some values are not valid.', { fields });

function cleanText(fields: Fields, name: string, value: string | undefined | null, max: number, min: number): string | null | undefined {
  if (value === undefined || value === null) return value;
  const t = value.trim();
  if (t.length < min || t.length > max) fields[name] = min > 0 ? `Give 1 to ${max} characters.` : `At most ${max} characters.`;
  return t;
}

/** Tasks with their owners' names: the base of every read (filtered by the organisation first). */
const selectTasks = (db: Kysely<DB>, organisationId: string) =>
  db
    .selectFrom('org_task as t')
    .leftJoin('app_user as u', 'u.id', 't.owner_id')
    .selectAll('t')
    .select('u.display_name as owner_name')
    .where('t.organisation_id', '=', organisationId);

export type ListTasksInput = {
  organisationId: string;
  status?: OrgTaskStatus | undefined;
  /** A member's id, `me` (the caller) or `none` (unassigned). */
  owner?: string | undefined;
  limit: number;
  offset: number;
};

/** The organisation's tasks, open ones first, then by due date: one statement whatever their number (two past the last page). */
export async function listTasks(ctx: Ctx, input: ListTasksInput): Promise<{ items: TaskView[]; total: number }> {
  if (!canReadTasks(ctx.actor, input.organisationId)) throw forbidden();
  let owner: string | null | undefined;
  if (input.owner === 'me') {
    if (ctx.actor.kind !== 'user') throw invalid({ owner: 'Only a person has tasks of their own; give a member’s id.' });
    owner = ctx.actor.userId;
  } else owner = input.owner === 'none' ? null : input.owner;

  let q = selectTasks(ctx.db, input.organisationId).select((eb) => eb.fn.countAll<number>().over().as('total'));
  if (input.status) q = q.where('t.status', '=', input.status);
  if (owner === null) q = q.where('t.owner_id', 'is', null);
  else if (owner !== undefined) q = q.where('t.owner_id', '=', owner);
  const rows = await q
    .orderBy(sql`case t.status when 'open' then 0 when 'in_progress' then 0 when 'done' then 1 else 2 end`)
    .orderBy(sql`t.due_date nulls last`)
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && input.offset > 0) {
    let c = ctx.db.selectFrom('org_task as t').select((eb) => eb.fn.countAll<number>().as('n')).where('t.organisation_id', '=', input.organisationId);
    if (input.status) c = c.where('t.status', '=', input.status);
    if (owner === null) c = c.where('t.owner_id', 'is', null);
    else if (owner !== undefined) c = c.where('t.owner_id', '=', owner);
    total = Number((await c.executeTakeFirstOrThrow()).n);
  }
  const today = todayUtc();
  return { items: rows.map(({ total: _t, ...r }) => presentTask(r, today)), total };
}

/** One task as the API shows it. */
export async function getTaskView(ctx: Ctx, organisationId: string, taskId: string): Promise<TaskView> {
  const row = await selectTasks(ctx.db, organisationId).where('t.id', '=', taskId).executeTakeFirst();
  if (!row) throw notFound('task');
  return presentTask(row, todayUtc());
}

export type CreateTaskInput = {
  organisationId: string;
  title: string;
  description?: string | undefined;
  area?: string | null | undefined;
  ownerId?: string | null | undefined;
  dueDate?: string | null | undefined;
};

/** Adds a task by hand (admins, governance officers, org-wide write tokens). */
export async function createTask(ctx: Ctx, input: CreateTaskInput): Promise<TaskView> {
  if (!canManageTasks(ctx.actor, input.organisationId)) {
    throw new AppError('forbidden', 'task.forbidden', 'Only a governance officer or an administrator can add organisation tasks.');
  }
  const fields: Fields = {};
  const title = cleanText(fields, 'title', input.title, TASK_LIMITS.title, 1) ?? '';
  const description = cleanText(fields, 'description', input.description ?? '', TASK_LIMITS.description, 0) ?? '';
  const area = cleanText(fields, 'area', input.area, TASK_LIMITS.area, 1);
  if (input.dueDate != null && !isRealDate(input.dueDate)) fields.dueDate = 'Give a date as YYYY-MM-DD.';
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return inTransaction(ctx, async (tx) => {
    if (input.ownerId != null && !(await isMember(tx.db, input.organisationId, input.ownerId))) throw invalid({ ownerId: 'The owner must be a member of this organisation.' });
    const now = new Date();
    const row = await tx.db
      .insertInto('org_task')
      .values({
        id: randomUUID(),
        organisation_id: input.organisationId,
        source: 'manual',
        source_assessment_id: null,
        source_key: null,
        title,
        description,
        area: area ?? null,
        status: 'open',
        status_note: null,
        owner_id: input.ownerId ?? null,
        due_date: input.dueDate ?? null,
        created_by: tx.actor.kind === 'user' ? tx.actor.userId : null,
        created_by_label: actorName(tx.actor),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'task.created',
      entityType: 'org_task',
      entityId: row.id,
      after: { source: 'manual', title, area: area ?? null, ownerId: input.ownerId ?? null, dueDate: input.dueDate ?? null },
    });
    return getTaskView(tx, input.organisationId, row.id);
  });
}

export type UpdateTaskInput = {
  organisationId: string;
  taskId: string;
  status?: OrgTaskStatus | undefined;
  /** Required when the status becomes `dismissed`; a note for any other status change. */
  reason?: string | null | undefined;
  ownerId?: string | null | undefined;
  /** YYYY-MM-DD, or null to clear. */
  dueDate?: string | null | undefined;
};

/**
 * Changes a task's status, owner or due date. Admins, governance officers and write tokens change
 * anything; the task's owner only its status (with its reason).
 */
export async function updateTask(ctx: Ctx, input: UpdateTaskInput): Promise<TaskView> {
  if (!canReadTasks(ctx.actor, input.organisationId)) throw forbidden();
  const fields: Fields = {};
  const reason = cleanText(fields, 'reason', input.reason, TASK_LIMITS.note, 1);
  if (input.dueDate != null && !isRealDate(input.dueDate)) fields.dueDate = 'Give a date as YYYY-MM-DD.';
  if (Object.keys(fields).length > 0) throw invalid(fields);

  return inTransaction(ctx, async (tx) => {
    const task = await tx.db.selectFrom('org_task').selectAll().where('organisation_id', '=', input.organisationId).where('id', '=', input.taskId).forUpdate().executeTakeFirst();
    if (!task) throw notFound('task');
    const manager = canManageTasks(tx.actor, input.organisationId);
    if (!manager) {
      if (!canUpdateTaskStatus(tx.actor, input.organisationId, task.owner_id)) {
        throw new AppError('forbidden', 'task.forbidden', 'Only the owner of this task, a governance officer or an administrator can change it.');
      }
      if (input.ownerId !== undefined || input.dueDate !== undefined) {
        throw new AppError('forbidden', 'task.forbidden', 'As the owner of this task you can change its status; a governance officer or an administrator changes its owner and due date.');
      }
    }
    const status = input.status ?? task.status;
    let note: string | null = task.status_note;
    if (reason !== undefined) note = reason;
    else if (status !== task.status) note = null;
    if (status === 'dismissed' && !note) fields.reason = 'Say why this task is dismissed.';
    if (input.ownerId != null && input.ownerId !== task.owner_id && !(await isMember(tx.db, input.organisationId, input.ownerId))) {
      fields.ownerId = 'The owner must be a member of this organisation.';
    }
    if (Object.keys(fields).length > 0) throw invalid(fields);

    const next = {
      status,
      status_note: note,
      owner_id: input.ownerId === undefined ? task.owner_id : input.ownerId,
      due_date: input.dueDate === undefined ? dateText(task.due_date) : input.dueDate,
    };
    const before = { status: task.status, statusNote: task.status_note, ownerId: task.owner_id, dueDate: dateText(task.due_date) };
    const after = { status: next.status, statusNote: next.status_note, ownerId: next.owner_id, dueDate: next.due_date };
    const diff = diffFields(before, after);
    if (diff.after && Object.keys(diff.after).length > 0) {
      await tx.db.updateTable('org_task').set({ ...next, updated_at: new Date() }).where('id', '=', task.id).execute();
      await recordAudit(tx, { organisationId: input.organisationId, action: 'task.updated', entityType: 'org_task', entityId: task.id, before: diff.before, after: diff.after });
    }
    return getTaskView(tx, input.organisationId, task.id);
  });
}

export type { TaskRow, TaskView };
