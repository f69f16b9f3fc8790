/**
 * What concerns and redress requests share: finding the public system a person chose, writing the
 * case history, naming the actor, and the people told when a request is overdue.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import type { CitizenCaseEventTable, CitizenLocale } from '../db/schema-citizen.js';
import { AppError } from '../errors.js';
import { queueMail } from '../mail/mail.service.js';
import { PROBLEM_MESSAGES, type FieldProblems } from './citizen-fields.js';
import { mailText } from './mail-texts.js';
import { newReference, newStatusToken } from './reference.js';

/** A system people may name in a public form: the organisation's, public, not archived. */
export async function findPublicSystem(
  ctx: Ctx,
  organisationId: string,
  ref: string,
): Promise<{ id: string; name: string; slug: string; owner_id: string } | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  return ctx.db
    .selectFrom('ai_system')
    .select(['id', 'name', 'slug', 'owner_id'])
    .where('organisation_id', '=', organisationId)
    .where(isUuid ? 'id' : 'slug', '=', ref)
    .where('public_visibility', '=', 'public')
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

/** Input problems as an AppError: English messages for the API, codes for the public site. */
export function throwProblems(problems: FieldProblems): void {
  if (Object.keys(problems).length === 0) return;
  const fields = Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, PROBLEM_MESSAGES[v]]));
  throw new AppError('bad_request', 'citizen.invalid', 'Some answers need changing.', { fields, problems });
}

export const actorName = (ctx: Ctx): string =>
  ctx.actor.kind === 'user' ? ctx.actor.displayName : ctx.actor.kind === 'token' ? `token:${ctx.actor.tokenName}` : ctx.actor.name;

export const actorUserId = (ctx: Ctx): string | null => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

type EventInput = Omit<CitizenCaseEventTable, 'id' | 'seq' | 'organisation_id' | 'created_at' | 'actor_id' | 'actor_name' | 'concern_id' | 'redress_id'> & {
  actorName?: string;
};

export async function addCaseEvents(
  tx: Ctx,
  target: { organisationId: string; concernId?: string; redressId?: string },
  events: EventInput[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  await tx.db
    .insertInto('citizen_case_event')
    .values(
      events.map((e, i) => ({
        id: randomUUID(),
        organisation_id: target.organisationId,
        concern_id: target.concernId ?? null,
        redress_id: target.redressId ?? null,
        kind: e.kind,
        from_status: e.from_status,
        to_status: e.to_status,
        body: e.body,
        internal: e.internal,
        actor_id: actorUserId(tx),
        actor_name: e.actorName ?? actorName(tx),
        // Same transaction, same clock: keep the given order visible in the times too.
        created_at: new Date(now.getTime() + i),
      })),
    )
    .execute();
}

/** A member of the organisation who may be assigned a case (any role but read-only ones). */
export async function checkAssignee(ctx: Ctx, organisationId: string, userId: string): Promise<void> {
  const found = await ctx.db
    .selectFrom('membership')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where(sql<boolean>`roles && array['admin', 'governance_officer', 'system_owner']::text[]`)
    .executeTakeFirst();
  if (!found) {
    throw new AppError('bad_request', 'citizen.bad_assignee', 'Assign the case to an administrator, governance officer or system owner of this organisation.', {
      fields: { assigneeId: 'Not someone who can handle cases here.' },
    });
  }
}

/** Email addresses of the triage team (admins and governance officers), for escalations. */
export async function triageEmails(ctx: Ctx, organisationId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select('app_user.email')
    .where('membership.organisation_id', '=', organisationId)
    .where('app_user.disabled_at', 'is', null)
    .where(sql<boolean>`membership.roles && array['admin', 'governance_officer']::text[]`)
    .execute();
  return rows.map((r) => r.email);
}

export type CaseEventView = { kind: string; fromStatus: string | null; toStatus: string | null; body: string | null; internal: boolean; actorName: string; at: string };

export const presentEvent = (e: { kind: string; from_status: string | null; to_status: string | null; body: string | null; internal: boolean; actor_name: string; created_at: Date }): CaseEventView => ({
  kind: e.kind,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  body: e.body,
  internal: e.internal,
  actorName: e.actor_name,
  at: e.created_at.toISOString(),
});

/** The systems a person can pick in a public form: public, not archived, by name. One statement. */
export async function listPublicSystemChoices(ctx: Ctx, organisationId: string): Promise<Array<{ slug: string; name: string }>> {
  return ctx.db
    .selectFrom('ai_system')
    .select(['slug', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('public_visibility', '=', 'public')
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute();
}

const uniqueViolation = (e: unknown): boolean => (e as { code?: string } | null)?.code === '23505';

/**
 * Runs a submission with a fresh reference number and status token, trying again (at most three
 * more times) in the rare case the reference is already taken.
 */
export async function withFreshReference<T>(prefix: 'C' | 'R', submit: (reference: string, statusToken: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await submit(newReference(prefix), newStatusToken());
    } catch (e) {
      if (uniqueViolation(e) && attempt < 3) continue;
      throw e;
    }
  }
}

/** The part of a case's history its person sees on the status page. One statement. */
export async function publicCaseEvents(ctx: Ctx, target: { concernId: string } | { redressId: string }): Promise<Array<{ kind: string; toStatus: string | null; at: string }>> {
  const q = ctx.db.selectFrom('citizen_case_event').select(['kind', 'to_status', 'created_at']).where('internal', '=', false);
  const rows = await ('concernId' in target ? q.where('concern_id', '=', target.concernId) : q.where('redress_id', '=', target.redressId)).orderBy('seq').execute();
  return rows.map((e) => ({ kind: e.kind, toStatus: e.to_status, at: e.created_at.toISOString() }));
}

export type CaseEventInput = Parameters<typeof addCaseEvents>[2][number];

/** A change of assignee (null unassigns): checked, recorded in `changes` and as an internal event. */
export async function applyAssignment(
  tx: Ctx,
  organisationId: string,
  current: string | null,
  requested: string | null | undefined,
  changes: Record<string, unknown>,
  events: CaseEventInput[],
): Promise<void> {
  if (requested === undefined || requested === current) return;
  if (requested !== null) await checkAssignee(tx, organisationId, requested);
  changes.assignee_id = requested;
  events.push({ kind: 'assigned', from_status: null, to_status: null, body: requested, internal: true });
}

/** A trimmed optional text, with the field's problem noted in `errors`. */
export function optionalText(errors: Record<string, string>, field: string, value: string | undefined | null, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  const v = value.trim();
  if (v.length === 0) errors[field] = 'Required.';
  else if (v.length > max) errors[field] = `Enter at most ${max} characters.`;
  return v;
}

/** Tells the person, in their language, that staff answered (a response or a decision). */
export async function mailAnswer(
  tx: Ctx,
  input: { organisationId: string; organisationName: string; to: string | null; locale: CitizenLocale; reference: string; answer: string },
): Promise<void> {
  if (!input.to) return;
  const params = { org: input.organisationName, reference: input.reference, answer: input.answer };
  await queueMail(tx, {
    organisationId: input.organisationId,
    to: input.to,
    subject: mailText(input.locale, 'answeredSubject', params),
    text: mailText(input.locale, 'answered', params),
  });
}
