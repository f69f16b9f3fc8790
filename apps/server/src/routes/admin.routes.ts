/** The admin area's invitations, API tokens and mail outbox. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createApiToken,
  inviteMember,
  listApiTokens,
  listInvitations,
  listOutbox,
  revokeApiToken,
  revokeInvitation,
  type Database,
} from '@glassbox/core';
import { errors, noContent, nullableTimestamp, orgParams, paging, roleSchema, timestamp } from '../schemas.js';
import { orgOf } from './org.routes.js';

const invitationBody = z.object({
  id: z.uuid(),
  email: z.string(),
  roles: z.array(roleSchema),
  createdAt: timestamp,
  expiresAt: timestamp,
  acceptedAt: nullableTimestamp,
  revokedAt: nullableTimestamp,
  invitedBy: z.uuid().nullable(),
});

const tokenBody = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scope: z.enum(['read', 'write']),
  systemId: z.uuid().nullable(),
  createdAt: timestamp,
  expiresAt: nullableTimestamp,
  lastUsedAt: nullableTimestamp,
  revokedAt: nullableTimestamp,
});

const outboxBody = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  status: z.enum(['held', 'queued', 'sent', 'failed']),
  error: z.string().nullable(),
  createdAt: timestamp,
  sentAt: nullableTimestamp,
});

export const adminRoutes =
  (database: Database, publicBaseUrl: string): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = database;
    const admin = { org: ['admin'] } as const;

    app.get('/api/v1/orgs/:org/invitations', {
      config: { access: admin, conditional: 'org' },
      schema: { tags: ['people'], summary: 'Invitations sent by the organisation', params: orgParams, response: { 200: z.object({ items: z.array(invitationBody) }), ...errors } },
      handler: async (request) => ({ items: await listInvitations(db, orgOf(request).id) }),
    });

    app.post('/api/v1/orgs/:org/invitations', {
      config: { access: admin, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['people'],
        summary: 'Invite a person by email with one or more roles',
        params: orgParams,
        body: z.object({ email: z.email().max(254), roles: z.array(roleSchema).min(1).max(7) }).strict(),
        response: { 201: invitationBody, ...errors },
      },
      handler: async (request, reply) => {
        const { invitation } = await inviteMember(request.ctx(), { organisationId: orgOf(request).id, ...request.body, baseUrl: publicBaseUrl });
        return reply.status(201).send(invitation);
      },
    });

    app.delete('/api/v1/orgs/:org/invitations/:id', {
      config: { access: admin },
      schema: { tags: ['people'], summary: 'Withdraw an invitation not yet accepted', params: orgParams.extend({ id: z.uuid() }).strict(), response: { 204: noContent, ...errors } },
      handler: async (request, reply) => {
        await revokeInvitation(request.ctx(), { organisationId: orgOf(request).id, invitationId: request.params.id });
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/orgs/:org/api-tokens', {
      config: { access: admin },
      schema: { tags: ['api tokens'], summary: 'API tokens of the organisation (never the secret)', params: orgParams, response: { 200: z.object({ items: z.array(tokenBody) }), ...errors } },
      handler: async (request) => ({ items: await listApiTokens(db, orgOf(request).id) }),
    });

    app.post('/api/v1/orgs/:org/api-tokens', {
      config: { access: admin },
      schema: {
        tags: ['api tokens'],
        summary: 'Create an API token; the secret is in this response only',
        params: orgParams,
        body: z
          .object({
            name: z.string().trim().min(1).max(100),
            scope: z.enum(['read', 'write']),
            systemId: z.uuid().nullable().optional(),
            expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
          })
          .strict(),
        response: { 201: z.object({ token: z.string(), item: tokenBody }), ...errors },
      },
      handler: async (request, reply) => {
        const { expiresAt, ...rest } = request.body;
        const created = await createApiToken(request.ctx(), { organisationId: orgOf(request).id, ...rest, expiresAt: expiresAt ? new Date(expiresAt) : null });
        return reply.status(201).send(created);
      },
    });

    app.delete('/api/v1/orgs/:org/api-tokens/:id', {
      config: { access: admin },
      schema: { tags: ['api tokens'], summary: 'Revoke an API token', params: orgParams.extend({ id: z.uuid() }).strict(), response: { 204: noContent, ...errors } },
      handler: async (request, reply) => {
        await revokeApiToken(request.ctx(), { organisationId: orgOf(request).id, tokenId: request.params.id });
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/orgs/:org/outbox', {
      config: { access: admin },
      schema: {
        tags: ['mail'],
        summary: 'Mail the organisation sent or holds (with no SMTP server set, mail stays here)',
        params: orgParams,
        querystring: z.object(paging).strict(),
        response: { 200: z.object({ items: z.array(outboxBody), total: z.number().int() }), ...errors },
      },
      handler: async (request) => {
        const { items, total } = await listOutbox(db, { organisationId: orgOf(request).id, ...request.query });
        return {
          total,
          items: items.map((m) => ({
            id: m.id,
            toAddress: m.to_address,
            subject: m.subject,
            textBody: m.text_body,
            status: m.status,
            error: m.error,
            createdAt: m.created_at,
            sentAt: m.sent_at,
          })),
        };
      },
    });
  };
