/**
 * The audit trail. Every state change calls recordAudit inside its own transaction, so the event
 * and the change commit together. Events form one hash chain per organisation: each hash covers the
 * previous hash and the canonical JSON of the event, so any edit or deletion breaks the chain at the
 * first event touched. The table itself refuses UPDATE, DELETE and TRUNCATE (trigger in migration).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { actorId, actorLabel, type Ctx } from '../context.js';
import type { AuditEventRow, DB } from '../db/schema.js';
import { canonicalJson } from './canonical.js';

export const GENESIS_HASH = '0'.repeat(64);
export const PLATFORM_CHAIN = 'platform';

export type AuditInput = {
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Anonymous public actions (a sign-in attempt, a public form) override the context actor. */
  anonymous?: boolean;
};

const chainOf = (organisationId: string | null): string => organisationId ?? PLATFORM_CHAIN;

/** Keeps only the fields that changed; secrets never enter the trail. */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const redact = (o: Record<string, unknown> | null) => {
    if (!o) return null;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      out[k] = /password|token_hash|secret/i.test(k) ? '[redacted]' : v;
    }
    return out;
  };
  if (!before || !after) return { before: redact(before), after: redact(after) };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: redact(b), after: redact(a) };
}

type HashedFields = {
  id: string;
  chain: string;
  seq: number;
  organisation_id: string | null;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
  occurred_at: Date | string;
};

export function hashEvent(prevHash: string, event: HashedFields): string {
  // Fields are picked one by one so that columns added later never change old hashes.
  const body = canonicalJson({
    id: event.id,
    chain: event.chain,
    seq: Number(event.seq),
    organisation_id: event.organisation_id,
    actor_type: event.actor_type,
    actor_id: event.actor_id,
    actor_label: event.actor_label,
    action: event.action,
    entity_type: event.entity_type,
    entity_id: event.entity_id,
    before: event.before ?? null,
    after: event.after ?? null,
    request_id: event.request_id,
    ip: event.ip,
    occurred_at: new Date(event.occurred_at).toISOString(),
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one event. Must run inside the transaction of the change it records. */
export async function recordAudit(ctx: Ctx, input: AuditInput): Promise<void> {
  if (!ctx.db.isTransaction) {
    throw new Error(`recordAudit(${input.action}) must run inside the transaction of the change`);
  }
  const chain = chainOf(input.organisationId);
  await ctx.db
    .insertInto('audit_chain_head')
    .values({ chain, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  const head = await ctx.db
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .forUpdate()
    .executeTakeFirstOrThrow();

  const anonymous = input.anonymous === true;
  const event: HashedFields = {
    id: randomUUID(),
    chain,
    seq: head.seq + 1,
    organisation_id: input.organisationId,
    actor_type: anonymous ? 'anonymous' : ctx.actor.kind,
    actor_id: anonymous ? null : actorId(ctx.actor),
    actor_label: anonymous ? 'anonymous' : actorLabel(ctx.actor),
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId,
    before: input.before ?? null,
    after: input.after ?? null,
    request_id: ctx.request.id,
    ip: ctx.request.ip,
    occurred_at: new Date(),
  };
  // Round-trip through JSON so the hash covers exactly what jsonb will give back.
  event.before = event.before === null ? null : JSON.parse(JSON.stringify(event.before));
  event.after = event.after === null ? null : JSON.parse(JSON.stringify(event.after));
  const hash = hashEvent(head.hash, event);

  await ctx.db
    .insertInto('audit_event')
    .values({
      ...event,
      actor_type: event.actor_type as AuditEventRow['actor_type'],
      before: event.before === null ? null : JSON.stringify(event.before),
      after: event.after === null ? null : JSON.stringify(event.after),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await ctx.db.updateTable('audit_chain_head').set({ seq: event.seq, hash }).where('chain', '=', chain).execute();
}

export type ChainStatus =
  | { ok: true; chain: string; events: number; headHash: string }
  | { ok: false; chain: string; events: number; brokenAt: { id: string; seq: number }; reason: string };

/**
 * Recomputes one chain from the first event and names the first event whose hash, link or sequence
 * does not hold. Reads in pages so a long trail does not have to fit in memory.
 */
export async function verifyAuditChain(db: Kysely<DB>, organisationId: string | null): Promise<ChainStatus> {
  const chain = chainOf(organisationId);
  // The head first: an append writes its event and moves the head in one transaction, so every event
  // up to the head read here is committed. Events appended while we verify lie beyond it and wait for
  // the next run; reading the head last would report them as missing on a live system.
  const head = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).where('chain', '=', chain).executeTakeFirst();
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let events = 0;
  const pageSize = 2000;
  for (;;) {
    let page = db.selectFrom('audit_event').selectAll().where('chain', '=', chain).where('seq', '>=', expectedSeq);
    if (head) page = page.where('seq', '<=', head.seq);
    const rows = await page.orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      const broken = (reason: string): ChainStatus => ({
        ok: false,
        chain,
        events,
        brokenAt: { id: row.id, seq: row.seq },
        reason,
      });
      if (row.seq !== expectedSeq) return broken(`event number ${expectedSeq} is missing`);
      if (row.prev_hash !== prev) return broken('its link to the previous event does not match');
      if (hashEvent(prev, row) !== row.hash) return broken('its content does not match its hash');
      prev = row.hash;
      expectedSeq += 1;
      events += 1;
    }
    if (rows.length < pageSize) break;
  }
  if (head && head.seq !== events) {
    return {
      ok: false,
      chain,
      events,
      brokenAt: { id: 'missing', seq: events + 1 },
      reason: `the chain head says ${head.seq} events but ${events} were found`,
    };
  }
  return { ok: true, chain, events, headHash: prev };
}

export type AuditFilter = {
  organisationId: string;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: number | undefined;
  limit: number;
};

/** One page of an organisation's trail, newest first; keyset-paginated by sequence number. */
export async function listAuditEvents(db: Kysely<DB>, f: AuditFilter): Promise<AuditEventRow[]> {
  let q = db.selectFrom('audit_event').selectAll().where('organisation_id', '=', f.organisationId);
  if (f.action) q = q.where('action', 'like', `${f.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<', f.to);
  if (f.beforeSeq) q = q.where('seq', '<', f.beforeSeq);
  return q.orderBy('seq', 'desc').limit(f.limit).execute();
}

/** Every chain in the database, for `glassbox audit verify --all`. */
export async function listAuditChains(db: Kysely<DB>): Promise<Array<string | null>> {
  const rows = await db.selectFrom('audit_chain_head').select('chain').orderBy('chain').execute();
  return rows.map((r) => (r.chain === PLATFORM_CHAIN ? null : r.chain));
}

