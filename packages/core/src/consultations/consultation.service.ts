/**
 * Public consultations (R-DIALOGUE, R-ENGAGE): staff open a comment period on a proposed AI system
 * (title, introduction, dates, guiding questions); anyone comments on the public site without an
 * account while it is open; staff approve or reject each comment (with a reason) before it is
 * shown; after it closes they publish a summary of what they heard and what they will do.
 *
 * Who:
 * - admin, governance_officer: create, edit (until it opens), moderate and publish the summary of
 *   any consultation.
 * - system_owner: the same for consultations on systems they own.
 * - auditor: reads everything, including comments waiting for moderation.
 * - any member and read tokens: list and read consultations (they are public anyway), not the
 *   comments (what people wrote before moderation, and names they asked not to show).
 *
 * The audit trail records ids, states and counts, never what a person wrote or their name.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import { actorName, throwProblems } from '../citizen/cases.shared.js';
import type { Actor, Ctx } from '../context.js';
import type { CitizenLocale, CommentStatus } from '../db/schema-citizen.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { hasAnyRole, type Role } from '../roles.js';
import { checkComment, checkConsultation, consultationState, CONSULTATION_LIMITS, type CommentInput, type ConsultationDraft, type ConsultationState } from './consultation-rules.js';

const GOVERNORS: readonly Role[] = ['admin', 'governance_officer'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const rolesIn = (actor: Actor, organisationId: string): readonly Role[] =>
  actor.kind === 'user' && actor.organisationId === organisationId ? actor.roles : [];

export function canReadConsultations(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'token') return actor.organisationId === organisationId && actor.systemId === null;
  return rolesIn(actor, organisationId).length > 0;
}

export function canReadComments(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  return hasAnyRole(rolesIn(actor, organisationId), [...GOVERNORS, 'system_owner', 'auditor']);
}

/** Create, edit, moderate, publish the summary: governors for any system, owners for their own. */
export function canManageConsultation(actor: Actor, subject: { organisationId: string; systemOwnerId: string }): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const roles = rolesIn(actor, subject.organisationId);
  return hasAnyRole(roles, GOVERNORS) || (roles.includes('system_owner') && subject.systemOwnerId === actor.userId);
}

const notFound = () => new AppError('not_found', 'consultation.not_found', 'No such consultation in this organisation.');
const forbidden = (what: string) => new AppError('forbidden', 'consultation.forbidden', what);

function invalid(fields: Record<string, string>): void {
  if (Object.keys(fields).length) throw new AppError('bad_request', 'consultation.invalid', 'Some details need changing.', { fields });
}

export type CommentCounts = Record<CommentStatus, number>;

export type ConsultationView = {
  id: string;
  system: { id: string; name: string; slug: string; lifecycle: string };
  title: string;
  intro: string;
  questions: string[];
  opensAt: string;
  closesAt: string;
  state: ConsultationState;
  summary: string | null;
  summaryPublishedAt: string | null;
  comments: CommentCounts;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  permissions: { canManage: boolean };
};

type Row = {
  id: string;
  organisation_id: string;
  system_id: string;
  system_name: string;
  system_slug: string;
  system_lifecycle: string;
  system_owner_id: string;
  title: string;
  intro: string;
  questions: string[];
  opens_at: Date;
  closes_at: Date;
  summary: string | null;
  summary_published_at: Date | null;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  pending: number | string | null;
  approved: number | string | null;
  rejected: number | string | null;
};

/** Consultations with their system and comment counts, in one statement. */
function rows(ctx: Ctx, organisationId: string) {
  const counts = ctx.db
    .selectFrom('consultation_comment')
    .select([
      'consultation_id',
      sql<number>`count(*) filter (where status = 'pending')`.as('pending'),
      sql<number>`count(*) filter (where status = 'approved')`.as('approved'),
      sql<number>`count(*) filter (where status = 'rejected')`.as('rejected'),
    ])
    .where('organisation_id', '=', organisationId)
    .groupBy('consultation_id')
    .as('cc');
  return ctx.db
    .selectFrom('consultation as c')
    .innerJoin('ai_system as s', 's.id', 'c.system_id')
    .leftJoin(counts, 'cc.consultation_id', 'c.id')
    .select([
      'c.id',
      'c.organisation_id',
      'c.system_id',
      's.name as system_name',
      's.slug as system_slug',
      's.lifecycle as system_lifecycle',
      's.owner_id as system_owner_id',
      'c.title',
      'c.intro',
      'c.questions',
      'c.opens_at',
      'c.closes_at',
      'c.summary',
      'c.summary_published_at',
      'c.created_by_name',
      'c.created_at',
      'c.updated_at',
      'cc.pending',
      'cc.approved',
      'cc.rejected',
    ])
    .where('c.organisation_id', '=', organisationId);
}

const present = (ctx: Ctx, r: Row, now: Date): ConsultationView => ({
  id: r.id,
  system: { id: r.system_id, name: r.system_name, slug: r.system_slug, lifecycle: r.system_lifecycle },
  title: r.title,
  intro: r.intro,
  questions: r.questions,
  opensAt: r.opens_at.toISOString(),
  closesAt: r.closes_at.toISOString(),
  state: consultationState({ opensAt: r.opens_at, closesAt: r.closes_at }, now),
  summary: r.summary,
  summaryPublishedAt: r.summary_published_at?.toISOString() ?? null,
  comments: { pending: Number(r.pending ?? 0), approved: Number(r.approved ?? 0), rejected: Number(r.rejected ?? 0) },
  createdBy: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  permissions: { canManage: canManageConsultation(ctx.actor, { organisationId: r.organisation_id, systemOwnerId: r.system_owner_id }) },
});

async function findRow(ctx: Ctx, organisationId: string, consultationId: string): Promise<Row> {
  if (!UUID.test(consultationId)) throw notFound();
  const row = await rows(ctx, organisationId).where('c.id', '=', consultationId).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function listConsultations(
  ctx: Ctx,
  input: { organisationId: string; systemId?: string | undefined; limit: number; offset: number },
): Promise<{ items: ConsultationView[]; total: number }> {
  if (!canReadConsultations(ctx.actor, input.organisationId)) throw forbidden('You cannot see this organisation’s consultations.');
  let q = rows(ctx, input.organisationId);
  let c = ctx.db.selectFrom('consultation').where('organisation_id', '=', input.organisationId);
  if (input.systemId) {
    q = q.where('c.system_id', '=', input.systemId);
    c = c.where('system_id', '=', input.systemId);
  }
  const [items, count] = await Promise.all([
    q.orderBy('c.opens_at', 'desc').orderBy('c.id').limit(input.limit).offset(input.offset).execute(),
    c.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const now = new Date();
  return { items: items.map((r) => present(ctx, r, now)), total: Number(count.n) };
}

export async function getConsultation(ctx: Ctx, input: { organisationId: string; consultationId: string }): Promise<ConsultationView> {
  if (!canReadConsultations(ctx.actor, input.organisationId)) throw forbidden('You cannot see this organisation’s consultations.');
  return present(ctx, await findRow(ctx, input.organisationId, input.consultationId), new Date());
}

export type CreateConsultationInput = ConsultationDraft & { organisationId: string; systemId: string };

export async function createConsultation(ctx: Ctx, input: CreateConsultationInput): Promise<ConsultationView> {
  const now = new Date();
  const { value, fields } = checkConsultation(input, now, { creating: true });
  const system = UUID.test(input.systemId)
    ? await ctx.db
        .selectFrom('ai_system')
        .select(['id', 'owner_id', 'public_visibility', 'archived_at'])
        .where('organisation_id', '=', input.organisationId)
        .where('id', '=', input.systemId)
        .executeTakeFirst()
    : undefined;
  if (!system || system.archived_at !== null) fields.systemId = 'Choose an AI system of this organisation that is not archived.';
  else if (system.public_visibility !== 'public') fields.systemId = 'Only systems shown to the public can be consulted on: make it public in the inventory first.';
  if (system && !canManageConsultation(ctx.actor, { organisationId: input.organisationId, systemOwnerId: system.owner_id })) {
    throw forbidden('Only administrators, governance officers and the system’s owner can open a consultation on it.');
  }
  invalid(fields);
  const id = randomUUID();
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto('consultation')
      .values({
        id,
        organisation_id: input.organisationId,
        system_id: input.systemId,
        title: value.title,
        intro: value.intro,
        questions: value.questions,
        opens_at: value.opensAt,
        closes_at: value.closesAt,
        created_by_name: actorName(tx).slice(0, 300),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'consultation.created',
      entityType: 'consultation',
      entityId: id,
      after: { systemId: input.systemId, title: value.title, opensAt: value.opensAt.toISOString(), closesAt: value.closesAt.toISOString(), questions: value.questions.length },
    });
  });
  return getConsultation(ctx, { organisationId: input.organisationId, consultationId: id });
}

/** Changes the consultation before it opens; once people can comment, what they answer stays fixed. */
export async function updateConsultation(ctx: Ctx, input: ConsultationDraft & { organisationId: string; consultationId: string }): Promise<ConsultationView> {
  const current = await findRow(ctx, input.organisationId, input.consultationId);
  if (!canManageConsultation(ctx.actor, { organisationId: input.organisationId, systemOwnerId: current.system_owner_id })) {
    throw forbidden('Only administrators, governance officers and the system’s owner can change this consultation.');
  }
  const now = new Date();
  if (consultationState({ opensAt: current.opens_at, closesAt: current.closes_at }, now) !== 'scheduled') {
    throw new AppError('conflict', 'consultation.already_open', 'This consultation has opened: its text, questions and dates can no longer change.');
  }
  const merged: ConsultationDraft = {
    title: input.title ?? current.title,
    intro: input.intro ?? current.intro,
    questions: input.questions ?? current.questions,
    opensAt: input.opensAt ?? current.opens_at,
    closesAt: input.closesAt ?? current.closes_at,
  };
  const { value, fields } = checkConsultation(merged, now, { creating: true });
  invalid(fields);
  await inTransaction(ctx, async (tx) => {
    const changed = await tx.db
      .updateTable('consultation')
      .set({ title: value.title, intro: value.intro, questions: value.questions, opens_at: value.opensAt, closes_at: value.closesAt, updated_at: now })
      .where('id', '=', current.id)
      .where('organisation_id', '=', input.organisationId)
      .where('opens_at', '>', now)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new AppError('conflict', 'consultation.already_open', 'This consultation has opened: its text, questions and dates can no longer change.');
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'consultation.updated',
      entityType: 'consultation',
      entityId: current.id,
      before: { title: current.title, opensAt: current.opens_at.toISOString(), closesAt: current.closes_at.toISOString(), questions: current.questions.length },
      after: { title: value.title, opensAt: value.opensAt.toISOString(), closesAt: value.closesAt.toISOString(), questions: value.questions.length },
    });
  });
  return getConsultation(ctx, { organisationId: input.organisationId, consultationId: current.id });
}

export async function publishConsultationSummary(ctx: Ctx, input: { organisationId: string; consultationId: string; summary: string }): Promise<ConsultationView> {
  const current = await findRow(ctx, input.organisationId, input.consultationId);
  if (!canManageConsultation(ctx.actor, { organisationId: input.organisationId, systemOwnerId: current.system_owner_id })) {
    throw forbidden('Only administrators, governance officers and the system’s owner can publish the summary.');
  }
  const now = new Date();
  if (consultationState({ opensAt: current.opens_at, closesAt: current.closes_at }, now) !== 'closed') {
    throw new AppError('conflict', 'consultation.not_closed', 'Publish the summary after the consultation has closed.');
  }
  const summary = input.summary.replace(/\r\n/g, '\n').trim();
  if (!summary) invalid({ summary: 'Required.' });
  if (summary.length > CONSULTATION_LIMITS.summary) invalid({ summary: `Use at most ${CONSULTATION_LIMITS.summary} characters.` });
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('consultation').set({ summary, summary_published_at: now, updated_at: now }).where('id', '=', current.id).where('organisation_id', '=', input.organisationId).execute();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: current.summary ? 'consultation.summary_updated' : 'consultation.summary_published',
      entityType: 'consultation',
      entityId: current.id,
      after: { length: summary.length },
    });
  });
  return getConsultation(ctx, { organisationId: input.organisationId, consultationId: current.id });
}

// ---- comments

export type CommentView = {
  id: string;
  name: string | null;
  showName: boolean;
  comment: string;
  /** One per question ('' when left blank). */
  answers: string[];
  locale: CitizenLocale;
  status: CommentStatus;
  moderationReason: string | null;
  moderatedBy: string | null;
  moderatedAt: string | null;
  submittedAt: string;
};

const commentColumns = ['id', 'name', 'show_name', 'body', 'answers', 'locale', 'status', 'moderation_reason', 'moderated_by_name', 'moderated_at', 'created_at'] as const;

type CommentRow = {
  id: string;
  name: string | null;
  show_name: boolean;
  body: string;
  answers: string[];
  locale: CitizenLocale;
  status: CommentStatus;
  moderation_reason: string | null;
  moderated_by_name: string | null;
  moderated_at: Date | null;
  created_at: Date;
};

const presentComment = (r: CommentRow): CommentView => ({
  id: r.id,
  name: r.name,
  showName: r.show_name,
  comment: r.body,
  answers: r.answers,
  locale: r.locale,
  status: r.status,
  moderationReason: r.moderation_reason,
  moderatedBy: r.moderated_by_name,
  moderatedAt: r.moderated_at?.toISOString() ?? null,
  submittedAt: r.created_at.toISOString(),
});

/** The comments on a consultation, oldest first, optionally by moderation state: two statements. */
export async function listConsultationComments(
  ctx: Ctx,
  input: { organisationId: string; consultationId: string; status?: CommentStatus[] | undefined; limit: number; offset: number },
): Promise<{ items: CommentView[]; total: number }> {
  if (!canReadComments(ctx.actor, input.organisationId)) throw forbidden('Only administrators, governance officers, system owners and auditors can read the comments.');
  if (!UUID.test(input.consultationId)) throw notFound();
  const exists = await ctx.db.selectFrom('consultation').select('id').where('organisation_id', '=', input.organisationId).where('id', '=', input.consultationId).executeTakeFirst();
  if (!exists) throw notFound();
  let q = ctx.db.selectFrom('consultation_comment').where('organisation_id', '=', input.organisationId).where('consultation_id', '=', input.consultationId);
  if (input.status?.length) q = q.where('status', 'in', input.status);
  const [items, count] = await Promise.all([
    q.select(commentColumns).orderBy('created_at').orderBy('id').limit(input.limit).offset(input.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map(presentComment), total: Number(count.n) };
}

export async function moderateComment(
  ctx: Ctx,
  input: { organisationId: string; consultationId: string; commentId: string; decision: 'approved' | 'rejected' | 'pending'; reason?: string | null | undefined },
): Promise<CommentView> {
  const consultation = await findRow(ctx, input.organisationId, input.consultationId);
  if (!canManageConsultation(ctx.actor, { organisationId: input.organisationId, systemOwnerId: consultation.system_owner_id })) {
    throw forbidden('Only administrators, governance officers and the system’s owner can moderate comments.');
  }
  if (!UUID.test(input.commentId)) throw new AppError('not_found', 'consultation.comment_not_found', 'No such comment on this consultation.');
  const reason = (input.reason ?? '').trim() || null;
  if (input.decision === 'rejected' && !reason) invalid({ reason: 'Say why the comment is not published.' });
  if (reason && reason.length > CONSULTATION_LIMITS.reason) invalid({ reason: `Use at most ${CONSULTATION_LIMITS.reason} characters.` });
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('consultation_comment')
      .select(['id', 'status'])
      .where('organisation_id', '=', input.organisationId)
      .where('consultation_id', '=', consultation.id)
      .where('id', '=', input.commentId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new AppError('not_found', 'consultation.comment_not_found', 'No such comment on this consultation.');
    const now = new Date();
    const pending = input.decision === 'pending';
    const row = await tx.db
      .updateTable('consultation_comment')
      .set({
        status: input.decision,
        moderation_reason: pending ? null : reason,
        moderated_by_name: pending ? null : actorName(tx).slice(0, 300),
        moderated_at: pending ? null : now,
      })
      .where('id', '=', before.id)
      .returning(commentColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'consultation.comment_moderated',
      entityType: 'consultation_comment',
      entityId: before.id,
      before: { status: before.status },
      after: { status: input.decision, consultationId: consultation.id, reasonGiven: reason !== null },
    });
    return presentComment(row);
  });
}

/** A comment from the public form; refused when the consultation is not open. Committed before the person is thanked. */
export async function submitConsultationComment(
  ctx: Ctx,
  input: CommentInput & { organisationId: string; consultationId: string; locale: CitizenLocale },
): Promise<{ id: string }> {
  if (!UUID.test(input.consultationId)) throw notFound();
  const c = await ctx.db
    .selectFrom('consultation')
    .select(['id', 'questions', 'opens_at', 'closes_at'])
    .where('organisation_id', '=', input.organisationId)
    .where('id', '=', input.consultationId)
    .executeTakeFirst();
  if (!c) throw notFound();
  const { value, problems } = checkComment(input, c.questions.length);
  throwProblems(problems);
  return inTransaction(ctx, async (tx) => {
    const now = new Date();
    // Checked inside the transaction, against the time of the write.
    const open = await tx.db.selectFrom('consultation').select('id').where('id', '=', c.id).where('opens_at', '<=', now).where('closes_at', '>', now).executeTakeFirst();
    if (!open) throw new AppError('conflict', 'consultation.closed', 'This consultation is not taking comments.');
    const id = randomUUID();
    await tx.db
      .insertInto('consultation_comment')
      .values({
        id,
        organisation_id: input.organisationId,
        consultation_id: c.id,
        name: value.name,
        show_name: value.showName,
        body: value.comment,
        answers: value.answers,
        locale: input.locale,
        status: 'pending',
        created_at: now,
      })
      .execute();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'consultation.comment_submitted',
      entityType: 'consultation_comment',
      entityId: id,
      after: { consultationId: c.id, locale: input.locale, nameGiven: value.name !== null },
      anonymous: true,
    });
    return { id };
  });
}

// ---- public side

export type PublicConsultationSummary = {
  id: string;
  title: string;
  system: { name: string; slug: string };
  opensAt: string;
  closesAt: string;
  state: Exclude<ConsultationState, 'scheduled'>;
  hasSummary: boolean;
};

export type PublicComment = { name: string | null; comment: string; answers: string[]; submittedAt: string };

export type PublicConsultation = PublicConsultationSummary & {
  /** The system's slug on the public register; null while it is not published (a proposed system). */
  registerSlug: string | null;
  intro: string;
  questions: string[];
  summary: string | null;
  summaryPublishedAt: string | null;
  comments: PublicComment[];
};

/** Consultations people can see (open or past, never scheduled ones), newest first: one statement. Optionally for one system. */
export async function listPublicConsultations(ctx: Ctx, input: { organisationId: string; systemId?: string | undefined }, now = new Date()): Promise<PublicConsultationSummary[]> {
  let q = ctx.db
    .selectFrom('consultation as c')
    .innerJoin('ai_system as s', 's.id', 'c.system_id')
    .select(['c.id', 'c.title', 's.name', 's.slug', 'c.opens_at', 'c.closes_at', 'c.summary_published_at'])
    .where('c.organisation_id', '=', input.organisationId)
    .where('c.opens_at', '<=', now)
    .where('s.public_visibility', '=', 'public')
    .where('s.archived_at', 'is', null);
  if (input.systemId) q = q.where('c.system_id', '=', input.systemId);
  const found = await q.orderBy('c.closes_at', 'desc').orderBy('c.id').limit(200).execute();
  return found.map((r) => ({
    id: r.id,
    title: r.title,
    system: { name: r.name, slug: r.slug },
    opensAt: r.opens_at.toISOString(),
    closesAt: r.closes_at.toISOString(),
    state: consultationState({ opensAt: r.opens_at, closesAt: r.closes_at }, now) === 'open' ? 'open' : 'closed',
    hasSummary: r.summary_published_at !== null,
  }));
}

/** One consultation as the public sees it, with approved comments only (names only where agreed): two statements. */
export async function getPublicConsultation(ctx: Ctx, input: { organisationId: string; consultationId: string }, now = new Date()): Promise<PublicConsultation | null> {
  if (!UUID.test(input.consultationId)) return null;
  const r = await ctx.db
    .selectFrom('consultation as c')
    .innerJoin('ai_system as s', 's.id', 'c.system_id')
    .leftJoin('register_current as rc', (j) => j.onRef('rc.system_id', '=', 'c.system_id').onRef('rc.organisation_id', '=', 'c.organisation_id'))
    .select(['c.id', 'c.title', 'c.intro', 'c.questions', 's.name', 's.slug', 'rc.slug as register_slug', 'c.opens_at', 'c.closes_at', 'c.summary', 'c.summary_published_at'])
    .where('c.organisation_id', '=', input.organisationId)
    .where('c.id', '=', input.consultationId)
    .where('c.opens_at', '<=', now)
    .where('s.public_visibility', '=', 'public')
    .where('s.archived_at', 'is', null)
    .executeTakeFirst();
  if (!r) return null;
  const comments = await ctx.db
    .selectFrom('consultation_comment')
    .select(['name', 'show_name', 'body', 'answers', 'created_at'])
    .where('organisation_id', '=', input.organisationId)
    .where('consultation_id', '=', r.id)
    .where('status', '=', 'approved')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1000)
    .execute();
  return {
    id: r.id,
    title: r.title,
    system: { name: r.name, slug: r.slug },
    opensAt: r.opens_at.toISOString(),
    closesAt: r.closes_at.toISOString(),
    state: consultationState({ opensAt: r.opens_at, closesAt: r.closes_at }, now) === 'open' ? 'open' : 'closed',
    hasSummary: r.summary_published_at !== null,
    registerSlug: r.register_slug,
    intro: r.intro,
    questions: r.questions,
    summary: r.summary,
    summaryPublishedAt: r.summary_published_at?.toISOString() ?? null,
    comments: comments.map((k) => ({ name: k.show_name ? k.name : null, comment: k.body, answers: k.answers, submittedAt: k.created_at.toISOString() })),
  };
}
