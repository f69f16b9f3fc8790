/**
 * The tool catalogue: the general-purpose AI tools staff may use (R-APPROVE, R-FREE), and the
 * "can I use X for Y?" check. Every member reads and checks; governance officers and administrators
 * add, edit and archive (the service checks the same through catalogue/policy.ts). API tokens of
 * the organisation read; the check is a POST, so the access plugin lets only write tokens call it.
 * Answers show no people's account fields (only the organisation's own records, including the
 * linked inventory record), so conditional GETs follow the organisation's audit chain alone.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveCatalogueEntry,
  CATALOGUE_LIMITS as LIMITS,
  CATALOGUE_STATUSES,
  checkToolUse,
  createCatalogueEntry,
  DATA_ALLOWED,
  DATA_KINDS,
  getCatalogueEntry,
  listCatalogueEntries,
  PRICING,
  updateCatalogueEntry,
} from '@glassbox/core';
import { errors, nullableTimestamp, orgParams, paging, timestamp } from '../schemas.js';
import { orgOf } from './org.routes.js';

const readers = { org: 'member', token: 'read' } as const;
const curators = { org: ['admin', 'governance_officer'] } as const;
const tags = ['tool catalogue'];

const statusSchema = z.enum(CATALOGUE_STATUSES);
const dataAllowedSchema = z.enum(DATA_ALLOWED);
const pricingSchema = z.enum(PRICING);

const entryParams = orgParams.extend({ id: z.uuid() }).strict();

const usesList = z.array(z.string().trim().min(1).max(LIMITS.use)).max(LIMITS.uses);

/** The editable fields; optional ones get their defaults in the service. */
const fieldSchemas = {
  name: z.string().trim().min(1).max(LIMITS.name),
  vendor: z.string().trim().min(1).max(LIMITS.vendor),
  description: z.string().trim().max(LIMITS.description),
  status: statusSchema,
  permittedUses: usesList,
  prohibitedUses: usesList,
  conditions: z.string().trim().max(LIMITS.conditions),
  dataAllowed: dataAllowedSchema,
  pricing: pricingSchema,
  dataProtectionTerms: z.string().trim().max(LIMITS.dataProtectionTerms),
  dpaInPlace: z.boolean(),
  reviewDate: z.iso.date().nullable(),
  contact: z.string().trim().max(LIMITS.contact),
  systemId: z.uuid().nullable(),
};

const createBody = z
  .object(fieldSchemas)
  .partial({
    description: true,
    permittedUses: true,
    prohibitedUses: true,
    conditions: true,
    dataProtectionTerms: true,
    dpaInPlace: true,
    reviewDate: true,
    contact: true,
    systemId: true,
  })
  .strict();

const updateBody = z.object(fieldSchemas).partial().strict();

const archiveBody = z.object({ reason: z.string().trim().max(LIMITS.reason).nullable().optional() }).strict();

const entryBody = z.object({
  id: z.uuid(),
  name: z.string(),
  vendor: z.string(),
  description: z.string(),
  status: statusSchema,
  permittedUses: z.array(z.string()),
  prohibitedUses: z.array(z.string()),
  conditions: z.string(),
  dataAllowed: dataAllowedSchema,
  pricing: pricingSchema,
  dataProtectionTerms: z.string(),
  dpaInPlace: z.boolean(),
  reviewDate: z.string().nullable(),
  contact: z.string(),
  system: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), lifecycle: z.string() }).nullable(),
  archivedAt: nullableTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const listQuery = z
  .object({
    ...paging,
    q: z.string().trim().max(200).optional(),
    status: statusSchema.optional(),
    archived: z.enum(['false', 'true', 'any']).default('false'),
  })
  .strict();

const checkBody = z
  .object({
    toolId: z.uuid(),
    use: z.string().trim().min(LIMITS.questionMin).max(LIMITS.question),
    data: z.enum(DATA_KINDS),
  })
  .strict();

const checkAnswer = z.object({
  tool: z.object({ id: z.uuid(), name: z.string() }),
  answer: z.enum(['yes', 'no', 'ask_first']),
  reasons: z.array(z.string()),
});

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = '/api/v1/orgs/:org/tool-catalogue';

  app.get(base, {
    config: { access: readers, conditional: 'org' },
    schema: {
      tags,
      summary: 'The tool catalogue: search by name, vendor or use, filter by status, page (archived tools only when asked)',
      params: orgParams,
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(entryBody), total: z.number().int() }), ...errors },
    },
    handler: async (request) => {
      const { archived, ...rest } = request.query;
      return listCatalogueEntries(request.ctx(), { organisationId: orgOf(request).id, ...rest, archived: archived === 'any' ? 'any' : archived === 'true' });
    },
  });

  app.post(base, {
    config: { access: curators },
    schema: {
      tags,
      summary: 'Add a tool to the catalogue (leave out systemId to register it in the inventory too; null for no inventory record)',
      params: orgParams,
      body: createBody,
      response: { 201: entryBody, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await createCatalogueEntry(request.ctx(), { organisationId: orgOf(request).id, ...request.body })),
  });

  app.post(`${base}/check`, {
    config: { access: readers },
    schema: {
      tags,
      summary: 'Can I use this tool for this, with this kind of information? Yes, no or ask first, with the reasons (nothing is stored)',
      params: orgParams,
      body: checkBody,
      response: { 200: checkAnswer, ...errors },
    },
    handler: async (request) => checkToolUse(request.ctx(), { organisationId: orgOf(request).id, ...request.body }),
  });

  app.get(`${base}/:id`, {
    config: { access: readers, conditional: 'org' },
    schema: { tags, summary: 'One tool of the catalogue', params: entryParams, response: { 200: entryBody, ...errors } },
    handler: async (request) => getCatalogueEntry(request.ctx(), { organisationId: orgOf(request).id, id: request.params.id }),
  });

  app.patch(`${base}/:id`, {
    config: { access: curators },
    schema: { tags, summary: 'Change what the catalogue says about a tool', params: entryParams, body: updateBody, response: { 200: entryBody, ...errors } },
    handler: async (request) => updateCatalogueEntry(request.ctx(), { organisationId: orgOf(request).id, id: request.params.id, changes: request.body }),
  });

  app.post(`${base}/:id/archive`, {
    config: { access: curators },
    schema: {
      tags,
      summary: 'Withdraw a tool from the catalogue: hidden from the default list, every check answers no, history kept',
      params: entryParams,
      body: archiveBody,
      response: { 200: entryBody, ...errors },
    },
    handler: async (request) => archiveCatalogueEntry(request.ctx(), { organisationId: orgOf(request).id, id: request.params.id, reason: request.body.reason }),
  });
};
