/** The audit trail of an organisation and the state of its hash chain. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditEvents, verifyAuditChain, type Database } from '@glassbox/core';
import { errors, orgParams, timestamp } from '../schemas.js';
import { orgOf } from './org.routes.js';

const readers = { org: ['admin', 'auditor', 'governance_officer'], token: 'read' } as const;

const eventBody = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  occurredAt: timestamp,
  hash: z.string(),
  prevHash: z.string(),
});

export const auditRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = database;

    app.get('/api/v1/orgs/:org/audit-events', {
      config: { access: readers, conditional: 'org' },
      schema: {
        tags: ['audit'],
        summary: 'Audit events, newest first; page with `before` (the last seq you received)',
        params: orgParams,
        querystring: z
          .object({
            action: z.string().max(100).optional(),
            entityType: z.string().max(100).optional(),
            entityId: z.string().max(100).optional(),
            actorId: z.uuid().optional(),
            from: z.iso.date().or(z.iso.datetime({ offset: true })).optional(),
            to: z.iso.date().or(z.iso.datetime({ offset: true })).optional(),
            before: z.coerce.number().int().min(1).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(eventBody), nextBefore: z.number().int().nullable() }), ...errors },
      },
      handler: async (request) => {
        const q = request.query;
        const rows = await listAuditEvents(db, {
          organisationId: orgOf(request).id,
          action: q.action,
          entityType: q.entityType,
          entityId: q.entityId,
          actorId: q.actorId,
          from: q.from ? new Date(q.from) : undefined,
          // A bare date as "to" means the whole of that day.
          to: q.to ? new Date(q.to.length === 10 ? new Date(q.to).getTime() + 86_400_000 : q.to) : undefined,
          beforeSeq: q.before,
          limit: q.limit,
        });
        const last = rows.at(-1);
        return {
          items: rows.map((r) => ({
            id: r.id,
            seq: r.seq,
            action: r.action,
            entityType: r.entity_type,
            entityId: r.entity_id,
            actorType: r.actor_type,
            actorId: r.actor_id,
            actorLabel: r.actor_label,
            before: r.before,
            after: r.after,
            requestId: r.request_id,
            ip: r.ip,
            occurredAt: r.occurred_at,
            hash: r.hash,
            prevHash: r.prev_hash,
          })),
          nextBefore: rows.length === q.limit && last ? last.seq : null,
        };
      },
    });

    app.get('/api/v1/orgs/:org/audit-events/verify', {
      config: { access: readers },
      schema: {
        tags: ['audit'],
        summary: "Recompute the organisation's hash chain and report the first broken event",
        params: orgParams,
        response: {
          200: z.object({
            ok: z.boolean(),
            events: z.number().int(),
            headHash: z.string().optional(),
            brokenAt: z.object({ id: z.string(), seq: z.number().int() }).optional(),
            reason: z.string().optional(),
          }),
          ...errors,
        },
      },
      handler: async (request) => {
        const status = await verifyAuditChain(db, orgOf(request).id);
        return status.ok
          ? { ok: true, events: status.events, headHash: status.headHash }
          : { ok: false, events: status.events, brokenAt: status.brokenAt, reason: status.reason };
      },
    });
  };
