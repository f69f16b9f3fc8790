/** An organisation's profile, units and members. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  createUnit,
  listMembersJson,
  listUnits,
  removeMember,
  updateMemberRoles,
  updateOrganisation,
  type Database,
  isRole,
  listPeople,
} from '@glassbox/core';
import { errors, noContent, nullableTimestamp, orgParams, paging, roleSchema, sendJsonText } from '../schemas.js';
import type { OrgContext } from '../plugins/access.js';

const organisationBody = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  contactEmail: z.string().nullable(),
  contactUrl: z.string().nullable(),
  defaultLocale: z.string(),
});

const memberBody = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  lastSignInAt: nullableTimestamp,
  lockedUntil: nullableTimestamp,
});

export const orgOf = (request: { org: OrgContext | null }): OrgContext => {
  if (!request.org) throw new AppError('not_found', 'organisation.not_found', 'No organisation in this request.');
  return request.org;
};

export const orgRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = database;

    app.get('/api/v1/orgs/:org', {
      config: { access: { org: 'member', token: 'read' }, conditional: 'org' },
      schema: { tags: ['organisations'], summary: 'The organisation profile', params: orgParams, response: { 200: organisationBody, ...errors } },
      handler: async (request) => {
        const row = await db.selectFrom('organisation').selectAll().where('id', '=', orgOf(request).id).executeTakeFirstOrThrow();
        return {
          id: row.id,
          slug: row.slug,
          name: row.name,
          description: row.description,
          contactEmail: row.contact_email,
          contactUrl: row.contact_url,
          defaultLocale: row.default_locale,
        };
      },
    });

    app.patch('/api/v1/orgs/:org', {
      config: { access: { org: ['admin'] } },
      schema: {
        tags: ['organisations'],
        summary: 'Change the organisation profile shown on the public site',
        params: orgParams,
        body: z
          .object({
            name: z.string().trim().min(1).max(200).optional(),
            description: z.string().max(5000).optional(),
            contactEmail: z.email().max(254).nullable().optional(),
            contactUrl: z.url().max(500).nullable().optional(),
            defaultLocale: z.enum(['en', 'es', 'fr']).optional(),
          })
          .strict(),
        response: { 200: organisationBody, ...errors },
      },
      handler: async (request) => updateOrganisation(request.ctx(), orgOf(request).id, request.body),
    });

    app.get('/api/v1/orgs/:org/units', {
      config: { access: { org: 'member', token: 'read' }, conditional: 'org' },
      schema: {
        tags: ['organisations'],
        summary: 'Units (departments, services) of the organisation',
        params: orgParams,
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }), ...errors },
      },
      handler: async (request) => ({ items: await listUnits(db, orgOf(request).id) }),
    });

    app.post('/api/v1/orgs/:org/units', {
      config: { access: { org: ['admin'] } },
      schema: {
        tags: ['organisations'],
        summary: 'Add a unit',
        params: orgParams,
        body: z.object({ name: z.string().trim().min(1).max(200) }).strict(),
        response: { 201: z.object({ id: z.uuid(), name: z.string() }), ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await createUnit(request.ctx(), { organisationId: orgOf(request).id, name: request.body.name })),
    });

    app.get('/api/v1/orgs/:org/members', {
      config: { access: { org: ['admin'], token: 'read' }, conditional: 'org+people' },
      schema: {
        tags: ['people'],
        summary: 'Members of the organisation and their roles',
        params: orgParams,
        querystring: z.object({ ...paging, q: z.string().max(200).optional() }).strict(),
        response: { 200: z.object({ items: z.array(memberBody), total: z.number().int() }), ...errors },
      },
      // JSON text from the database (listMembersJson), in the schema above.
      handler: async (request, reply) => sendJsonText(reply, await listMembersJson(db, { organisationId: orgOf(request).id, ...request.query })),
    });

    app.get('/api/v1/orgs/:org/people', {
      config: { access: { org: ['admin', 'governance_officer', 'system_owner'], token: 'read' }, conditional: 'org+people' },
      schema: {
        tags: ['people'],
        summary: 'People to choose as an owner or assignee: name, work email and roles (filter with q and role=a,b); at most 500',
        params: orgParams,
        querystring: z
          .object({
            q: z.string().max(200).optional(),
            role: z
              .string()
              .max(200)
              .transform((v, ctx) => {
                const roles = v.split(',').filter(Boolean);
                const bad = roles.filter((r) => !isRole(r));
                if (bad.length) ctx.addIssue({ code: 'custom', message: `Unknown role: ${bad.join(', ')}.` });
                return roles.filter(isRole);
              })
              .optional(),
            limit: z.coerce.number().int().min(1).max(500).default(500),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(z.object({ userId: z.uuid(), email: z.string(), displayName: z.string(), roles: z.array(roleSchema) })) }), ...errors },
      },
      handler: async (request) => listPeople(db, { organisationId: orgOf(request).id, q: request.query.q, roles: request.query.role, limit: request.query.limit }),
    });

    const memberParams = orgParams.extend({ userId: z.uuid() }).strict();

    app.patch('/api/v1/orgs/:org/members/:userId', {
      config: { access: { org: ['admin'] } },
      schema: {
        tags: ['people'],
        summary: "Change a member's roles",
        params: memberParams,
        body: z.object({ roles: z.array(roleSchema).min(1).max(7) }).strict(),
        response: { 200: memberBody, ...errors },
      },
      handler: async (request) => updateMemberRoles(request.ctx(), { organisationId: orgOf(request).id, userId: request.params.userId, roles: request.body.roles }),
    });

    app.delete('/api/v1/orgs/:org/members/:userId', {
      config: { access: { org: ['admin'] } },
      schema: { tags: ['people'], summary: 'Remove a member from the organisation', params: memberParams, response: { 204: noContent, ...errors } },
      handler: async (request, reply) => {
        await removeMember(request.ctx(), { organisationId: orgOf(request).id, userId: request.params.userId });
        return reply.status(204).send(null);
      },
    });
  };
