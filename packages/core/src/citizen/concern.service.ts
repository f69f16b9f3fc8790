/**
 * Concerns (R-REPORT, R-FEEDBACK): anyone reports an error, bias, misuse, a privacy or an
 * accessibility problem with the organisation's AI, without an account, and follows it with a
 * private link; the triage team assigns, investigates, answers and closes. The report and the
 * audit event commit together before the person is told it was received. The audit trail keeps the
 * reference and category, never what the person wrote or who they are.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { CONCERN_CATEGORIES, CONCERN_STATUSES, type CitizenLocale, type ConcernCategory, type ConcernStatus } from '../db/schema-citizen.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { queueMail } from '../mail/mail.service.js';
import {
  addCaseEvents,
  applyAssignment,
  findPublicSystem,
  mailAnswer,
  optionalText,
  presentEvent,
  publicCaseEvents,
  throwProblems,
  withFreshReference,
  type CaseEventInput,
  type CaseEventView,
} from './cases.shared.js';
import { checkConcern, CITIZEN_LIMITS, type ConcernInput, type FieldProblems } from './citizen-fields.js';
import { mailText } from './mail-texts.js';
import { canHandleCase, canListCases, canReadCase, canSeeContact, listsOnlyOwnSystems } from './policy.js';
import { hashStatusToken, isStatusToken } from './reference.js';

/** Moves staff may make; "responded" also follows from writing a response. */
export const CONCERN_TRANSITIONS: Record<ConcernStatus, readonly ConcernStatus[]> = {
  new: ['triaged', 'investigating', 'responded', 'closed'],
  triaged: ['investigating', 'responded', 'closed'],
  investigating: ['responded', 'closed'],
  responded: ['investigating', 'closed'],
  closed: ['investigating'],
};

export type SubmitConcernInput = ConcernInput & {
  organisationId: string;
  organisationName: string;
  /** Slug or id of a public system, or empty for a concern about AI use in general. */
  system?: string | null | undefined;
  locale: CitizenLocale;
  /** Builds the private status link from the token (the server knows its public address). */
  statusUrl: (token: string) => string;
};

export type SubmittedCase = { id: string; reference: string; statusToken: string };

export async function submitConcern(ctx: Ctx, input: SubmitConcernInput): Promise<SubmittedCase> {
  const { value, problems } = checkConcern(input);
  const systemRef = typeof input.system === 'string' ? input.system.trim() : '';
  const system = systemRef ? await findPublicSystem(ctx, input.organisationId, systemRef) : undefined;
  const allProblems: FieldProblems = { ...problems };
  if (systemRef && !system) allProblems.system = 'invalid_choice';
  throwProblems(allProblems);

  return withFreshReference('C', (reference, statusToken) =>
    inTransaction(ctx, async (tx) => {
      const now = new Date();
      const id = randomUUID();
      await tx.db
        .insertInto('concern')
        .values({
          id,
          organisation_id: input.organisationId,
          reference,
          status_token_hash: hashStatusToken(statusToken),
          system_id: system?.id ?? null,
          category: value.category,
          description: value.description,
          contact_name: value.contactName,
          contact_email: value.contactEmail,
          contact_phone: value.contactPhone,
          locale: input.locale,
          status: 'new',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await addCaseEvents(tx, { organisationId: input.organisationId, concernId: id }, [{ kind: 'submitted', from_status: null, to_status: 'new', body: null, internal: false, actorName: 'public' }], now);
      await recordAudit(tx, {
        organisationId: input.organisationId,
        action: 'concern.submitted',
        entityType: 'concern',
        entityId: id,
        after: { reference, category: value.category, systemId: system?.id ?? null, contactGiven: value.contactEmail !== null || value.contactPhone !== null },
        anonymous: true,
      });
      if (value.contactEmail) {
        const params = { org: input.organisationName, reference, link: input.statusUrl(statusToken) };
        await queueMail(tx, {
          organisationId: input.organisationId,
          to: value.contactEmail,
          subject: mailText(input.locale, 'concernReceivedSubject', params),
          text: mailText(input.locale, 'concernReceived', params),
        });
      }
      return { id, reference, statusToken };
    }),
  );
}

export type PublicConcernStatus = {
  reference: string;
  category: ConcernCategory;
  system: { name: string; slug: string } | null;
  status: ConcernStatus;
  submittedAt: string;
  response: string | null;
  respondedAt: string | null;
  /** Public history only (no internal notes or assignments). */
  events: Array<{ kind: string; toStatus: string | null; at: string }>;
};

/** What the private status link shows. An unknown or malformed token is simply "not found". */
export async function getConcernByStatusToken(ctx: Ctx, input: { organisationId: string; token: string }): Promise<PublicConcernStatus> {
  const notFound = new AppError('not_found', 'concern.not_found', 'No report matches this link.');
  if (!isStatusToken(input.token)) throw notFound;
  const row = await ctx.db
    .selectFrom('concern')
    .leftJoin('ai_system', 'ai_system.id', 'concern.system_id')
    .select([
      'concern.id',
      'concern.reference',
      'concern.category',
      'concern.status',
      'concern.created_at',
      'concern.public_response',
      'concern.responded_at',
      'ai_system.name as system_name',
      'ai_system.slug as system_slug',
    ])
    .where('concern.organisation_id', '=', input.organisationId)
    .where('concern.status_token_hash', '=', hashStatusToken(input.token))
    .executeTakeFirst();
  if (!row) throw notFound;
  const events = await publicCaseEvents(ctx, { concernId: row.id });
  return {
    reference: row.reference,
    category: row.category,
    system: row.system_name && row.system_slug ? { name: row.system_name, slug: row.system_slug } : null,
    status: row.status,
    submittedAt: row.created_at.toISOString(),
    response: row.public_response,
    respondedAt: row.responded_at?.toISOString() ?? null,
    events,
  };
}

export type ConcernSummary = {
  id: string;
  reference: string;
  category: ConcernCategory;
  status: ConcernStatus;
  system: { id: string; name: string; slug: string } | null;
  assignee: { id: string; name: string } | null;
  incidentReference: string | null;
  submittedAt: string;
  updatedAt: string;
};

export type ConcernDetail = ConcernSummary & {
  description: string;
  /** Null for those who may read but not answer (auditors, read tokens). */
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  locale: CitizenLocale;
  response: string | null;
  respondedAt: string | null;
  closedReason: string | null;
  events: CaseEventView[];
  permissions: { canHandle: boolean };
};

export type ConcernListFilter = {
  organisationId: string;
  status?: ConcernStatus[] | undefined;
  category?: ConcernCategory[] | undefined;
  systemId?: string | undefined;
  assigneeId?: string | undefined;
  limit: number;
  offset: number;
};

function baseQuery(ctx: Ctx, organisationId: string) {
  return ctx.db
    .selectFrom('concern')
    .leftJoin('ai_system', 'ai_system.id', 'concern.system_id')
    .leftJoin('app_user', 'app_user.id', 'concern.assignee_id')
    .where('concern.organisation_id', '=', organisationId);
}

const summaryColumns = [
  'concern.id',
  'concern.reference',
  'concern.category',
  'concern.status',
  'concern.system_id',
  'concern.assignee_id',
  'concern.incident_reference',
  'concern.created_at',
  'concern.updated_at',
  'ai_system.name as system_name',
  'ai_system.slug as system_slug',
  'ai_system.owner_id as system_owner_id',
  'app_user.display_name as assignee_name',
] as const;

type SummaryRow = {
  id: string;
  reference: string;
  category: ConcernCategory;
  status: ConcernStatus;
  system_id: string | null;
  assignee_id: string | null;
  incident_reference: string | null;
  created_at: Date;
  updated_at: Date;
  system_name: string | null;
  system_slug: string | null;
  system_owner_id: string | null;
  assignee_name: string | null;
};

const presentSummary = (r: SummaryRow): ConcernSummary => ({
  id: r.id,
  reference: r.reference,
  category: r.category,
  status: r.status,
  system: r.system_id && r.system_name && r.system_slug ? { id: r.system_id, name: r.system_name, slug: r.system_slug } : null,
  assignee: r.assignee_id && r.assignee_name ? { id: r.assignee_id, name: r.assignee_name } : null,
  incidentReference: r.incident_reference,
  submittedAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const forbiddenList = (): AppError =>
  new AppError('forbidden', 'concern.forbidden', 'Only administrators, governance officers, system owners and auditors can see reported concerns.');

/** The triage queue, newest first; two statements whatever the size. System owners see their own systems' concerns. */
export async function listConcerns(ctx: Ctx, f: ConcernListFilter): Promise<{ items: ConcernSummary[]; total: number }> {
  if (!canListCases(ctx.actor, f.organisationId)) throw forbiddenList();
  let q = baseQuery(ctx, f.organisationId);
  if (f.status?.length) q = q.where('concern.status', 'in', f.status);
  if (f.category?.length) q = q.where('concern.category', 'in', f.category);
  if (f.systemId) q = q.where('concern.system_id', '=', f.systemId);
  if (f.assigneeId) q = q.where('concern.assignee_id', '=', f.assigneeId);
  if (listsOnlyOwnSystems(ctx.actor, f.organisationId) && ctx.actor.kind === 'user') q = q.where('ai_system.owner_id', '=', ctx.actor.userId);
  const [rows, count] = await Promise.all([
    q.select(summaryColumns).orderBy('concern.created_at', 'desc').orderBy('concern.id').limit(f.limit).offset(f.offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentSummary), total: Number(count.n) };
}

async function loadRow(ctx: Ctx, organisationId: string, id: string, lock = false) {
  let q = baseQuery(ctx, organisationId)
    .select([
      ...summaryColumns,
      'concern.description',
      'concern.contact_name',
      'concern.contact_email',
      'concern.contact_phone',
      'concern.locale',
      'concern.public_response',
      'concern.responded_at',
      'concern.closed_reason',
    ])
    .where('concern.id', '=', id);
  if (lock) q = q.forUpdate('concern');
  const row = await q.executeTakeFirst();
  if (!row || !canReadCase(ctx.actor, { organisationId, systemOwnerId: row.system_owner_id })) {
    throw new AppError('not_found', 'concern.not_found', 'No such concern.');
  }
  return row;
}

export async function getConcern(ctx: Ctx, input: { organisationId: string; concernId: string }): Promise<ConcernDetail> {
  const row = await loadRow(ctx, input.organisationId, input.concernId);
  const events = await ctx.db.selectFrom('citizen_case_event').selectAll().where('concern_id', '=', row.id).orderBy('seq').execute();
  const subject = { organisationId: input.organisationId, systemOwnerId: row.system_owner_id };
  return {
    ...presentSummary(row),
    description: row.description,
    contact: canSeeContact(ctx.actor, subject) ? { name: row.contact_name, email: row.contact_email, phone: row.contact_phone } : null,
    locale: row.locale,
    response: row.public_response,
    respondedAt: row.responded_at?.toISOString() ?? null,
    closedReason: row.closed_reason,
    events: events.map(presentEvent),
    permissions: { canHandle: canHandleCase(ctx.actor, subject) },
  };
}

export type UpdateConcernInput = {
  organisationId: string;
  organisationName: string;
  concernId: string;
  status?: ConcernStatus | undefined;
  /** null unassigns. */
  assigneeId?: string | null | undefined;
  incidentReference?: string | null | undefined;
  /** Sent to the person (by email when they gave one) and shown on their status page; moves the concern to "responded". */
  response?: string | undefined;
  /** Internal note, never shown to the person. */
  note?: string | undefined;
  /** Required when closing. */
  closedReason?: string | undefined;
};

/** One call for the triage actions; each part is recorded in the case history and the audit trail, in one transaction. */
export async function updateConcern(ctx: Ctx, input: UpdateConcernInput): Promise<ConcernDetail> {
  const errors: Record<string, string> = {};
  const response = optionalText(errors, 'response', input.response, CITIZEN_LIMITS.description);
  const note = optionalText(errors, 'note', input.note, 10_000);
  const closedReason = optionalText(errors, 'closedReason', input.closedReason, 2000);
  const incident = input.incidentReference === null ? null : optionalText(errors, 'incidentReference', input.incidentReference, 200);
  if (input.status !== undefined && !(CONCERN_STATUSES as readonly string[]).includes(input.status)) errors.status = 'Unknown status.';
  if (Object.keys(errors).length) throw new AppError('bad_request', 'concern.invalid', 'Some fields need changing.', { fields: errors });

  await inTransaction(ctx, async (tx) => {
    const row = await loadRow(tx, input.organisationId, input.concernId, true);
    if (!canHandleCase(tx.actor, { organisationId: input.organisationId, systemOwnerId: row.system_owner_id })) {
      throw new AppError('forbidden', 'concern.forbidden', 'Only the triage team or the owner of the system can handle this concern.');
    }
    const now = new Date();
    const events: CaseEventInput[] = [];
    const changes: Record<string, unknown> = {};
    let status = row.status;

    await applyAssignment(tx, input.organisationId, row.assignee_id, input.assigneeId, changes, events);
    if (input.incidentReference !== undefined && (incident ?? null) !== row.incident_reference) {
      changes.incident_reference = incident ?? null;
      events.push({ kind: 'incident', from_status: null, to_status: null, body: incident ?? null, internal: true });
    }
    if (note) events.push({ kind: 'note', from_status: null, to_status: null, body: note, internal: true });
    if (response) {
      if (status === 'closed') throw new AppError('conflict', 'concern.closed', 'Reopen the concern before answering it.', { fields: { response: 'The concern is closed.' } });
      changes.public_response = response;
      changes.responded_at = now;
      events.push({ kind: 'response', from_status: null, to_status: null, body: response, internal: false });
      if (status !== 'responded') {
        events.push({ kind: 'status', from_status: status, to_status: 'responded', body: null, internal: false });
        status = 'responded';
      }
    }
    if (input.status !== undefined && input.status !== status) {
      if (!CONCERN_TRANSITIONS[status].includes(input.status)) {
        throw new AppError('conflict', 'concern.bad_transition', `A concern cannot move from ${status} to ${input.status}.`, {
          fields: { status: `Allowed from ${status}: ${CONCERN_TRANSITIONS[status].join(', ')}.` },
        });
      }
      if (input.status === 'closed' && !closedReason) {
        throw new AppError('bad_request', 'concern.reason_required', 'Say why the concern is closed.', { fields: { closedReason: 'Required when closing.' } });
      }
      events.push({ kind: 'status', from_status: status, to_status: input.status, body: input.status === 'closed' ? (closedReason ?? null) : null, internal: false });
      status = input.status;
    }
    if (status !== row.status) {
      changes.status = status;
      if (status === 'closed') {
        changes.closed_at = now;
        changes.closed_reason = closedReason ?? null;
      } else if (row.status === 'closed') {
        changes.closed_at = null;
        changes.closed_reason = null;
      }
    }
    if (events.length === 0) return;
    await tx.db
      .updateTable('concern')
      .set({ ...changes, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await addCaseEvents(tx, { organisationId: input.organisationId, concernId: row.id }, events, now);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'concern.updated',
      entityType: 'concern',
      entityId: row.id,
      before: { status: row.status, assigneeId: row.assignee_id, incidentReference: row.incident_reference },
      after: { status, assigneeId: changes.assignee_id ?? row.assignee_id, incidentReference: changes.incident_reference ?? row.incident_reference, responded: Boolean(response), noted: Boolean(note) },
    });
    if (response) {
      await mailAnswer(tx, { organisationId: input.organisationId, organisationName: input.organisationName, to: row.contact_email, locale: row.locale, reference: row.reference, answer: response });
    }
  });
  return getConcern(ctx, { organisationId: input.organisationId, concernId: input.concernId });
}

export type ConcernStats = { total: number; byCategory: Record<ConcernCategory, number>; byStatus: Record<ConcernStatus, number> };

/** Counts for a system's public page: never the reports themselves. One statement. */
export async function concernStatsForSystem(ctx: Ctx, input: { organisationId: string; systemId: string }): Promise<ConcernStats> {
  const rows = await ctx.db
    .selectFrom('concern')
    .select(['category', 'status', sql<number>`count(*)::int`.as('n')])
    .where('organisation_id', '=', input.organisationId)
    .where('system_id', '=', input.systemId)
    .groupBy(['category', 'status'])
    .execute();
  const byCategory = Object.fromEntries(CONCERN_CATEGORIES.map((c) => [c, 0])) as Record<ConcernCategory, number>;
  const byStatus = Object.fromEntries(CONCERN_STATUSES.map((s) => [s, 0])) as Record<ConcernStatus, number>;
  let total = 0;
  for (const r of rows) {
    byCategory[r.category] += Number(r.n);
    byStatus[r.status] += Number(r.n);
    total += Number(r.n);
  }
  return { total, byCategory, byStatus };
}
