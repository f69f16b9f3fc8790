/**
 * Redress (R-REDRESS): a person asks for an explanation, a human review or an appeal of a decision
 * in which a system took part, citing the decision reference they were given. Each type has a
 * deadline (organisation settings, defaults in deadlines.ts); the queue shows the time left; an
 * overdue request is escalated once to the triage team by email; the outcome is written down, sent
 * to the person and counted in the system's public statistics.
 *
 * Decision records do not exist yet in Glassbox: the decision reference is kept as the person typed
 * it, to be linked when they do.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import {
  REDRESS_OUTCOMES,
  REDRESS_STATUSES,
  type CitizenLocale,
  type RedressKind,
  type RedressOutcome,
  type RedressStatus,
} from '../db/schema-citizen.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { queueMail } from '../mail/mail.service.js';
import {
  addCaseEvents,
  applyAssignment,
  findPublicSystem,
  mailAnswer,
  presentEvent,
  publicCaseEvents,
  throwProblems,
  triageEmails,
  withFreshReference,
  type CaseEventInput,
  type CaseEventView,
} from './cases.shared.js';
import { checkRedress, type FieldProblems, type RedressInput } from './citizen-fields.js';
import { daysFor, dueAt, redressStats, timeLeft, type RedressStats } from './deadlines.js';
import { mailText } from './mail-texts.js';
import { canHandleCase, canListCases, canReadCase, canSeeContact, listsOnlyOwnSystems } from './policy.js';
import { hashStatusToken, isStatusToken } from './reference.js';
import { getCitizenSettings } from './settings.service.js';

export const REDRESS_TRANSITIONS: Record<RedressStatus, readonly RedressStatus[]> = {
  received: ['in_progress', 'closed'],
  in_progress: ['closed'],
  decided: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

const OPEN: readonly RedressStatus[] = ['received', 'in_progress'];

export type SubmitRedressInput = RedressInput & {
  organisationId: string;
  organisationName: string;
  /** Slug or id of a public system: required. */
  system?: string | null | undefined;
  locale: CitizenLocale;
  statusUrl: (token: string) => string;
  now?: Date;
};

export async function submitRedressRequest(ctx: Ctx, input: SubmitRedressInput): Promise<{ id: string; reference: string; statusToken: string; dueAt: string }> {
  const { value, problems } = checkRedress(input);
  const systemRef = typeof input.system === 'string' ? input.system.trim() : '';
  const system = systemRef ? await findPublicSystem(ctx, input.organisationId, systemRef) : undefined;
  const allProblems: FieldProblems = { ...problems };
  if (!systemRef) allProblems.system = 'required';
  else if (!system) allProblems.system = 'invalid_choice';
  throwProblems(allProblems);
  if (!system) throw new Error('unreachable: system checked above');

  const settings = await getCitizenSettings(ctx, input.organisationId);
  return withFreshReference('R', (reference, statusToken) =>
    inTransaction(ctx, async (tx) => {
      const now = input.now ?? new Date();
      const due = dueAt(now, daysFor(value.kind, settings));
      const id = randomUUID();
      await tx.db
        .insertInto('redress_request')
        .values({
          id,
          organisation_id: input.organisationId,
          reference,
          status_token_hash: hashStatusToken(statusToken),
          system_id: system.id,
          kind: value.kind,
          decision_reference: value.decisionReference,
          description: value.description,
          contact_name: value.contactName,
          contact_email: value.contactEmail,
          postal_address: value.postalAddress,
          locale: input.locale,
          status: 'received',
          due_at: due,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await addCaseEvents(tx, { organisationId: input.organisationId, redressId: id }, [{ kind: 'submitted', from_status: null, to_status: 'received', body: null, internal: false, actorName: 'public' }], now);
      await recordAudit(tx, {
        organisationId: input.organisationId,
        action: 'redress.submitted',
        entityType: 'redress_request',
        entityId: id,
        after: { reference, kind: value.kind, systemId: system.id, dueAt: due.toISOString() },
        anonymous: true,
      });
      if (value.contactEmail) {
        const params = { org: input.organisationName, reference, link: input.statusUrl(statusToken), due: due.toISOString().slice(0, 10) };
        await queueMail(tx, {
          organisationId: input.organisationId,
          to: value.contactEmail,
          subject: mailText(input.locale, 'redressReceivedSubject', params),
          text: mailText(input.locale, 'redressReceived', params),
        });
      }
      return { id, reference, statusToken, dueAt: due.toISOString() };
    }),
  );
}

export type PublicRedressStatus = {
  reference: string;
  kind: RedressKind;
  system: { name: string; slug: string };
  decisionReference: string | null;
  status: RedressStatus;
  submittedAt: string;
  dueAt: string;
  outcome: RedressOutcome | null;
  outcomeText: string | null;
  decidedAt: string | null;
  events: Array<{ kind: string; toStatus: string | null; at: string }>;
};

export async function getRedressByStatusToken(ctx: Ctx, input: { organisationId: string; token: string }): Promise<PublicRedressStatus> {
  const notFound = new AppError('not_found', 'redress.not_found', 'No request matches this link.');
  if (!isStatusToken(input.token)) throw notFound;
  const row = await ctx.db
    .selectFrom('redress_request as r')
    .innerJoin('ai_system', 'ai_system.id', 'r.system_id')
    .select(['r.id', 'r.reference', 'r.kind', 'r.decision_reference', 'r.status', 'r.created_at', 'r.due_at', 'r.outcome', 'r.outcome_text', 'r.decided_at', 'ai_system.name as system_name', 'ai_system.slug as system_slug'])
    .where('r.organisation_id', '=', input.organisationId)
    .where('r.status_token_hash', '=', hashStatusToken(input.token))
    .executeTakeFirst();
  if (!row) throw notFound;
  const events = await publicCaseEvents(ctx, { redressId: row.id });
  return {
    reference: row.reference,
    kind: row.kind,
    system: { name: row.system_name, slug: row.system_slug },
    decisionReference: row.decision_reference,
    status: row.status,
    submittedAt: row.created_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    outcome: row.outcome,
    outcomeText: row.outcome_text,
    decidedAt: row.decided_at?.toISOString() ?? null,
    events,
  };
}

export type RedressSummary = {
  id: string;
  reference: string;
  kind: RedressKind;
  status: RedressStatus;
  system: { id: string; name: string; slug: string };
  decisionReference: string | null;
  assignee: { id: string; name: string } | null;
  submittedAt: string;
  dueAt: string;
  /** Whole days until the deadline (negative when past). */
  daysLeft: number;
  overdue: boolean;
  escalatedAt: string | null;
  outcome: RedressOutcome | null;
  decidedAt: string | null;
};

export type RedressDetail = RedressSummary & {
  description: string;
  contact: { name: string; email: string | null; postalAddress: string | null } | null;
  locale: CitizenLocale;
  outcomeText: string | null;
  events: CaseEventView[];
  permissions: { canHandle: boolean };
};

export type RedressListFilter = {
  organisationId: string;
  status?: RedressStatus[] | undefined;
  kind?: RedressKind[] | undefined;
  systemId?: string | undefined;
  assigneeId?: string | undefined;
  overdue?: boolean | undefined;
  limit: number;
  offset: number;
  now?: Date;
};

function base(ctx: Ctx, organisationId: string) {
  return ctx.db
    .selectFrom('redress_request as r')
    .innerJoin('ai_system', 'ai_system.id', 'r.system_id')
    .leftJoin('app_user', 'app_user.id', 'r.assignee_id')
    .where('r.organisation_id', '=', organisationId);
}

const summaryColumns = [
  'r.id',
  'r.reference',
  'r.kind',
  'r.status',
  'r.system_id',
  'r.decision_reference',
  'r.assignee_id',
  'r.created_at',
  'r.due_at',
  'r.escalated_at',
  'r.outcome',
  'r.decided_at',
  'ai_system.name as system_name',
  'ai_system.slug as system_slug',
  'ai_system.owner_id as system_owner_id',
  'app_user.display_name as assignee_name',
] as const;

type SummaryRow = {
  id: string;
  reference: string;
  kind: RedressKind;
  status: RedressStatus;
  system_id: string;
  decision_reference: string | null;
  assignee_id: string | null;
  created_at: Date;
  due_at: Date;
  escalated_at: Date | null;
  outcome: RedressOutcome | null;
  decided_at: Date | null;
  system_name: string;
  system_slug: string;
  system_owner_id: string;
  assignee_name: string | null;
};

function presentSummary(r: SummaryRow, now: Date): RedressSummary {
  const left = timeLeft(r.due_at, now, OPEN.includes(r.status));
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    system: { id: r.system_id, name: r.system_name, slug: r.system_slug },
    decisionReference: r.decision_reference,
    assignee: r.assignee_id && r.assignee_name ? { id: r.assignee_id, name: r.assignee_name } : null,
    submittedAt: r.created_at.toISOString(),
    dueAt: r.due_at.toISOString(),
    daysLeft: left.daysLeft,
    overdue: left.overdue,
    escalatedAt: r.escalated_at?.toISOString() ?? null,
    outcome: r.outcome,
    decidedAt: r.decided_at?.toISOString() ?? null,
  };
}

/** The queue: open requests first, soonest deadline first; two statements whatever the size. */
export async function listRedressRequests(ctx: Ctx, f: RedressListFilter): Promise<{ items: RedressSummary[]; total: number }> {
  if (!canListCases(ctx.actor, f.organisationId)) {
    throw new AppError('forbidden', 'redress.forbidden', 'Only administrators, governance officers, system owners and auditors can see redress requests.');
  }
  const now = f.now ?? new Date();
  let q = base(ctx, f.organisationId);
  if (f.status?.length) q = q.where('r.status', 'in', f.status);
  if (f.kind?.length) q = q.where('r.kind', 'in', f.kind);
  if (f.systemId) q = q.where('r.system_id', '=', f.systemId);
  if (f.assigneeId) q = q.where('r.assignee_id', '=', f.assigneeId);
  if (f.overdue !== undefined) {
    q = f.overdue
      ? q.where('r.status', 'in', OPEN).where('r.due_at', '<', now)
      : q.where((eb) => eb.or([eb('r.status', 'not in', OPEN), eb('r.due_at', '>=', now)]));
  }
  if (listsOnlyOwnSystems(ctx.actor, f.organisationId) && ctx.actor.kind === 'user') q = q.where('ai_system.owner_id', '=', ctx.actor.userId);
  const [rows, count] = await Promise.all([
    q
      .select(summaryColumns)
      .orderBy(sql`case when r.status in ('received', 'in_progress') then 0 else 1 end`)
      .orderBy('r.due_at')
      .orderBy('r.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => presentSummary(r, now)), total: Number(count.n) };
}

async function loadRow(ctx: Ctx, organisationId: string, id: string, lock = false) {
  let q = base(ctx, organisationId)
    .select([...summaryColumns, 'r.description', 'r.contact_name', 'r.contact_email', 'r.postal_address', 'r.locale', 'r.outcome_text'])
    .where('r.id', '=', id);
  if (lock) q = q.forUpdate('r');
  const row = await q.executeTakeFirst();
  if (!row || !canReadCase(ctx.actor, { organisationId, systemOwnerId: row.system_owner_id })) {
    throw new AppError('not_found', 'redress.not_found', 'No such redress request.');
  }
  return row;
}

export async function getRedressRequest(ctx: Ctx, input: { organisationId: string; requestId: string; now?: Date }): Promise<RedressDetail> {
  const row = await loadRow(ctx, input.organisationId, input.requestId);
  const events = await ctx.db.selectFrom('citizen_case_event').selectAll().where('redress_id', '=', row.id).orderBy('seq').execute();
  const subject = { organisationId: input.organisationId, systemOwnerId: row.system_owner_id };
  return {
    ...presentSummary(row, input.now ?? new Date()),
    description: row.description,
    contact: canSeeContact(ctx.actor, subject) ? { name: row.contact_name, email: row.contact_email, postalAddress: row.postal_address } : null,
    locale: row.locale,
    outcomeText: row.outcome_text,
    events: events.map(presentEvent),
    permissions: { canHandle: canHandleCase(ctx.actor, subject) },
  };
}

export type UpdateRedressInput = {
  organisationId: string;
  organisationName: string;
  requestId: string;
  status?: RedressStatus | undefined;
  assigneeId?: string | null | undefined;
  note?: string | undefined;
  /** Records the outcome, sends it to the person and moves the request to "decided". */
  decision?: { outcome: RedressOutcome; text: string } | undefined;
};

export async function updateRedressRequest(ctx: Ctx, input: UpdateRedressInput): Promise<RedressDetail> {
  const errors: Record<string, string> = {};
  const note = input.note?.trim();
  if (input.note !== undefined && (!note || note.length > 10_000)) errors.note = note ? 'Enter at most 10000 characters.' : 'Required.';
  const decisionText = input.decision?.text.trim();
  if (input.decision) {
    if (!(REDRESS_OUTCOMES as readonly string[]).includes(input.decision.outcome)) errors['decision.outcome'] = 'Unknown outcome.';
    if (!decisionText) errors['decision.text'] = 'Write the answer the person will receive.';
    else if (decisionText.length > 10_000) errors['decision.text'] = 'Enter at most 10000 characters.';
  }
  if (input.status !== undefined && !(REDRESS_STATUSES as readonly string[]).includes(input.status)) errors.status = 'Unknown status.';
  if (input.status === 'decided') errors.status = 'Record a decision (outcome and answer) to decide a request.';
  if (Object.keys(errors).length) throw new AppError('bad_request', 'redress.invalid', 'Some fields need changing.', { fields: errors });

  await inTransaction(ctx, async (tx) => {
    const row = await loadRow(tx, input.organisationId, input.requestId, true);
    if (!canHandleCase(tx.actor, { organisationId: input.organisationId, systemOwnerId: row.system_owner_id })) {
      throw new AppError('forbidden', 'redress.forbidden', 'Only the triage team or the owner of the system can handle this request.');
    }
    const now = new Date();
    const events: CaseEventInput[] = [];
    const changes: Record<string, unknown> = {};
    let status = row.status;
    await applyAssignment(tx, input.organisationId, row.assignee_id, input.assigneeId, changes, events);
    if (note) events.push({ kind: 'note', from_status: null, to_status: null, body: note, internal: true });
    if (input.decision && decisionText) {
      if (!OPEN.includes(status)) {
        throw new AppError('conflict', 'redress.not_open', 'Reopen the request before recording another decision.', { fields: { 'decision.outcome': `The request is ${status}.` } });
      }
      changes.outcome = input.decision.outcome;
      changes.outcome_text = decisionText;
      changes.decided_at = now;
      events.push({ kind: 'outcome', from_status: null, to_status: null, body: decisionText, internal: false });
      events.push({ kind: 'status', from_status: status, to_status: 'decided', body: null, internal: false });
      status = 'decided';
    }
    if (input.status !== undefined && input.status !== status) {
      if (!REDRESS_TRANSITIONS[status].includes(input.status)) {
        throw new AppError('conflict', 'redress.bad_transition', `A request cannot move from ${status} to ${input.status}.`, {
          fields: { status: `Allowed from ${status}: ${REDRESS_TRANSITIONS[status].join(', ') || 'none'}.` },
        });
      }
      events.push({ kind: 'status', from_status: status, to_status: input.status, body: null, internal: false });
      if (input.status === 'in_progress' && (status === 'decided' || status === 'closed')) {
        // Reopened: the earlier outcome no longer stands.
        changes.outcome = null;
        changes.outcome_text = null;
        changes.decided_at = null;
      }
      status = input.status;
    }
    if (status !== row.status) {
      changes.status = status;
      changes.closed_at = status === 'closed' ? now : null;
    }
    if (events.length === 0) return;
    await tx.db
      .updateTable('redress_request')
      .set({ ...changes, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await addCaseEvents(tx, { organisationId: input.organisationId, redressId: row.id }, events, now);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      action: 'redress.updated',
      entityType: 'redress_request',
      entityId: row.id,
      before: { status: row.status, assigneeId: row.assignee_id, outcome: row.outcome },
      after: { status, assigneeId: changes.assignee_id ?? row.assignee_id, outcome: input.decision?.outcome ?? (changes.outcome === null ? null : row.outcome), noted: Boolean(note) },
    });
    if (input.decision && decisionText) {
      await mailAnswer(tx, { organisationId: input.organisationId, organisationName: input.organisationName, to: row.contact_email, locale: row.locale, reference: row.reference, answer: decisionText });
    }
  });
  return getRedressRequest(ctx, { organisationId: input.organisationId, requestId: input.requestId });
}

/**
 * Escalates every open request past its deadline that was not escalated yet: one email to each
 * administrator and governance officer of its organisation, and a mark so it happens once. Run by
 * the server every few minutes and by `glassbox citizen escalate`. Returns how many were escalated.
 */
export async function escalateOverdueRedress(ctx: Ctx, input: { now?: Date; organisationId?: string } = {}): Promise<number> {
  const now = input.now ?? new Date();
  return inTransaction(ctx, async (tx) => {
    let q = tx.db
      .selectFrom('redress_request as r')
      .innerJoin('ai_system', 'ai_system.id', 'r.system_id')
      .select(['r.id', 'r.organisation_id', 'r.reference', 'r.kind', 'r.due_at', 'ai_system.name as system_name'])
      .where('r.status', 'in', OPEN)
      .where('r.due_at', '<', now)
      .where('r.escalated_at', 'is', null)
      .orderBy('r.due_at')
      .limit(500)
      .forUpdate('r')
      .skipLocked();
    if (input.organisationId) q = q.where('r.organisation_id', '=', input.organisationId);
    const due = await q.execute();
    const emailsByOrg = new Map<string, string[]>();
    for (const r of due) {
      if (!emailsByOrg.has(r.organisation_id)) emailsByOrg.set(r.organisation_id, await triageEmails(tx, r.organisation_id));
      await tx.db.updateTable('redress_request').set({ escalated_at: now }).where('id', '=', r.id).execute();
      await addCaseEvents(tx, { organisationId: r.organisation_id, redressId: r.id }, [{ kind: 'escalated', from_status: null, to_status: null, body: null, internal: true, actorName: 'Glassbox' }], now);
      await recordAudit(tx, { organisationId: r.organisation_id, action: 'redress.escalated', entityType: 'redress_request', entityId: r.id, after: { reference: r.reference, dueAt: r.due_at.toISOString() } });
      for (const to of emailsByOrg.get(r.organisation_id) ?? []) {
        await queueMail(tx, {
          organisationId: r.organisation_id,
          to,
          subject: mailText('en', 'escalatedSubject', { reference: r.reference }),
          text: `The ${r.kind.replace('_', ' ')} request ${r.reference} about ${r.system_name} was due on ${r.due_at.toISOString().slice(0, 10)} and has no decision yet. Open the redress queue in Glassbox to handle it.`,
        });
      }
    }
    return due.length;
  });
}

/** Counts, outcomes and the median time to a decision for one system's public page. One statement. */
export async function redressStatsForSystem(ctx: Ctx, input: { organisationId: string; systemId: string }): Promise<RedressStats> {
  const rows = await ctx.db
    .selectFrom('redress_request')
    .select(['kind', 'outcome', 'created_at', 'decided_at'])
    .where('organisation_id', '=', input.organisationId)
    .where('system_id', '=', input.systemId)
    .execute();
  return redressStats(rows.map((r) => ({ kind: r.kind, outcome: r.outcome, createdAt: r.created_at, decidedAt: r.decided_at })));
}

