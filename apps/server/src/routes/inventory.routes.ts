/**
 * The AI-system inventory: list, register, read, edit, archive, lifecycle moves, version history.
 * Every `:systemId` takes the system's id (UUID) or its slug; slugs are never UUID-shaped, so the
 * two cannot be confused. Who may change which system is decided in the service (policy.ts), so the
 * route access below is the outer fence: writers are admins, governance officers and system owners
 * (and write tokens), and the service narrows system owners to their own systems and approval
 * decisions to governance officers and admins.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  archiveSystem,
  createSystem,
  DECISION_ROLES,
  diffSystemVersions,
  getSystem,
  LIFECYCLE_STAGES,
  SYSTEM_LIMITS as LIMITS,
  listSystemsJson,
  listSystemVersions,
  SOURCING,
  SYSTEM_SORTS,
  transitionSystem,
  unarchiveSystem,
  updateSystem,
  VISIBILITIES,
  isLifecycle,
  EU_TIER_VALUES,
  OMB_HIGH_IMPACT_VALUES,
  isEuTier,
} from '@glassbox/core';
import { errors, nullableTimestamp, orgParams, paging, sendJsonText, timestamp } from '../schemas.js';
import { orgOf } from './org.routes.js';
import { systemClassificationBody } from './classification.routes.js';

const readers = { org: 'member', token: 'read' } as const;
const writers = { org: ['admin', 'governance_officer', 'system_owner'], token: 'write' } as const;
const tags = ['inventory'];

const lifecycleSchema = z.enum(LIFECYCLE_STAGES);
const sourcingSchema = z.enum(SOURCING);
const decisionRoleSchema = z.enum(DECISION_ROLES);
const visibilitySchema = z.enum(VISIBILITIES);

/** A system's id or slug. */
const systemRef = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'Give the system id or its slug.');
const systemParams = orgParams.extend({ systemId: systemRef }).strict();

const textList = (maxItems: number, maxLength: number) => z.array(z.string().trim().min(1).max(maxLength)).max(maxItems);

/** The editable fields; optional ones get their defaults in the service. */
const fieldSchemas = {
  name: z.string().trim().min(1).max(LIMITS.name),
  purpose: z.string().trim().min(1).max(LIMITS.purpose),
  description: z.string().trim().max(LIMITS.description),
  unitId: z.uuid().nullable(),
  ownerId: z.uuid(),
  sourcing: sourcingSchema,
  supplier: z.string().trim().max(LIMITS.supplier).nullable(),
  decisionRole: decisionRoleSchema,
  affectedPeople: z.string().trim().max(LIMITS.affectedPeople),
  dataCategories: textList(LIMITS.dataCategories, LIMITS.dataCategory),
  personalData: z.boolean(),
  humanOversight: z.string().trim().max(LIMITS.humanOversight),
  publicVisibility: visibilitySchema,
  tags: textList(LIMITS.tags, LIMITS.tag),
};

const createBody = z
  .object(fieldSchemas)
  .partial({
    description: true,
    unitId: true,
    ownerId: true,
    supplier: true,
    affectedPeople: true,
    dataCategories: true,
    humanOversight: true,
    publicVisibility: true,
    tags: true,
  })
  .strict();

const updateBody = z
  .object(fieldSchemas)
  .partial()
  .extend({ reason: z.string().trim().max(LIMITS.reason).nullable().optional() })
  .strict();

const reasonBody = z.object({ reason: z.string().trim().max(LIMITS.reason).nullable().optional() }).strict();

const transitionBody = z
  .object({
    to: lifecycleSchema,
    reason: z.string().trim().min(LIMITS.reasonMin).max(LIMITS.reason),
  })
  .strict();

const summaryShape = {
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  purpose: z.string(),
  lifecycle: lifecycleSchema,
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  owner: z.object({ id: z.uuid(), displayName: z.string() }),
  sourcing: sourcingSchema,
  supplier: z.string().nullable(),
  decisionRole: decisionRoleSchema,
  personalData: z.boolean(),
  publicVisibility: visibilitySchema,
  tags: z.array(z.string()),
  version: z.number().int(),
  archivedAt: nullableTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  classification: systemClassificationBody.nullable(),
};

const systemSummary = z.object(summaryShape);

const systemBody = z.object({
  ...summaryShape,
  description: z.string(),
  affectedPeople: z.string(),
  dataCategories: z.array(z.string()),
  humanOversight: z.string(),
  allowedTransitions: z.array(lifecycleSchema),
});

/** A version's snapshot: every field optional, since versions written before a field existed lack it. */
const snapshotBody = z
  .object({
    name: z.string(),
    slug: z.string(),
    purpose: z.string(),
    description: z.string(),
    unitId: z.string().nullable(),
    ownerId: z.string(),
    sourcing: z.string(),
    supplier: z.string().nullable(),
    decisionRole: z.string(),
    affectedPeople: z.string(),
    dataCategories: z.array(z.string()),
    personalData: z.boolean(),
    humanOversight: z.string(),
    publicVisibility: z.string(),
    tags: z.array(z.string()),
    lifecycle: z.string(),
    archivedAt: z.string().nullable(),
  })
  .partial();

const versionBody = z.object({
  version: z.number().int(),
  kind: z.enum(['created', 'updated', 'transitioned', 'archived', 'unarchived']),
  changedFields: z.array(z.string()),
  reason: z.string().nullable(),
  actor: z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), name: z.string() }),
  createdAt: timestamp,
  snapshot: snapshotBody,
});

const diffBody = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

const EU_TIER_LIST = new RegExp(`^(${EU_TIER_VALUES.join('|')})(,(${EU_TIER_VALUES.join('|')}))*$`);
const LIFECYCLE_LIST = new RegExp(`^(${LIFECYCLE_STAGES.join('|')})(,(${LIFECYCLE_STAGES.join('|')}))*$`);

const listQuery = z
  .object({
    ...paging,
    q: z.string().trim().max(200).optional(),
    lifecycle: z.string().regex(LIFECYCLE_LIST, `Give one or more of ${LIFECYCLE_STAGES.join(', ')}, separated by commas.`).optional(),
    unitId: z.uuid().optional(),
    ownerId: z.uuid().optional(),
    sourcing: sourcingSchema.optional(),
    decisionRole: decisionRoleSchema.optional(),
    publicVisibility: visibilitySchema.optional(),
    tag: z.string().trim().min(1).max(LIMITS.tag).optional(),
    euTier: z.string().regex(EU_TIER_LIST, `Give one or more of ${EU_TIER_VALUES.join(', ')}, separated by commas.`).optional(),
    ombHighImpact: z.enum(OMB_HIGH_IMPACT_VALUES).optional(),
    orgTier: z.string().trim().min(1).max(60).optional(),
    friaRequired: z.enum(['true', 'false']).optional(),
    screened: z.enum(['yes', 'no']).optional(),
    archived: z.enum(['false', 'true', 'any']).default('false'),
    sort: z.enum(SYSTEM_SORTS).default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();

export const inventoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = '/api/v1/orgs/:org/systems';

  app.get(base, {
    config: { access: readers, conditional: 'org+people', systemScopedTokens: true },
    schema: {
      tags,
      summary: 'The inventory of AI systems: search, filter (also by tier: euTier, ombHighImpact, orgTier, friaRequired, screened), sort, page (archived systems only when asked)',
      params: orgParams,
      querystring: listQuery,
      response: { 200: z.object({ items: z.array(systemSummary), total: z.number().int() }), ...errors },
    },
    // The body comes as JSON text from the database (listSystemsJson), in the schema above.
    handler: async (request, reply) => {
      const { lifecycle, archived, euTier, friaRequired, screened, ...rest } = request.query;
      const body = await listSystemsJson(request.ctx(), {
        organisationId: orgOf(request).id,
        ...rest,
        lifecycle: lifecycle ? lifecycle.split(',').filter(isLifecycle) : undefined,
        euTier: euTier ? euTier.split(',').filter(isEuTier) : undefined,
        friaRequired: friaRequired === undefined ? undefined : friaRequired === 'true',
        screened: screened === undefined ? undefined : screened === 'yes',
        archived: archived === 'any' ? 'any' : archived === 'true',
      });
      return sendJsonText(reply, body);
    },
  });

  app.post(base, {
    config: { access: writers },
    schema: {
      tags,
      summary: 'Register an AI system (it starts as an idea; the owner defaults to you)',
      params: orgParams,
      body: createBody,
      response: { 201: systemBody, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await createSystem(request.ctx(), { organisationId: orgOf(request).id, ...request.body })),
  });

  app.get(`${base}/:systemId`, {
    config: { access: readers, conditional: 'org+people', systemScopedTokens: true },
    schema: { tags, summary: 'One AI system, by id or slug', params: systemParams, response: { 200: systemBody, ...errors } },
    handler: async (request) => getSystem(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId }),
  });

  app.patch(`${base}/:systemId`, {
    config: { access: writers, systemScopedTokens: true },
    schema: {
      tags,
      summary: 'Change the details of a system (a new version; `reason` is kept with it)',
      params: systemParams,
      body: updateBody,
      response: { 200: systemBody, ...errors },
    },
    handler: async (request) => {
      const { reason, ...changes } = request.body;
      return updateSystem(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, changes, reason });
    },
  });

  app.post(`${base}/:systemId/archive`, {
    config: { access: writers, systemScopedTokens: true },
    schema: {
      tags,
      summary: 'Archive a system that is an idea, proposed, rejected or retired: hidden from the default list, history kept',
      params: systemParams,
      body: reasonBody,
      response: { 200: systemBody, ...errors },
    },
    handler: async (request) => archiveSystem(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, reason: request.body.reason }),
  });

  app.post(`${base}/:systemId/unarchive`, {
    config: { access: writers, systemScopedTokens: true },
    schema: { tags, summary: 'Bring an archived system back into the inventory', params: systemParams, body: reasonBody, response: { 200: systemBody, ...errors } },
    handler: async (request) => unarchiveSystem(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, reason: request.body.reason }),
  });

  app.post(`${base}/:systemId/transitions`, {
    config: { access: writers, systemScopedTokens: true },
    schema: {
      tags,
      summary: 'Move a system to another lifecycle stage, with the reason (approve and reject: governance officers and admins)',
      params: systemParams,
      body: transitionBody,
      response: { 200: systemBody, ...errors },
    },
    handler: async (request) => transitionSystem(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, ...request.body }),
  });

  app.get(`${base}/:systemId/versions`, {
    config: { access: readers, conditional: 'org', systemScopedTokens: true },
    schema: {
      tags,
      summary: 'Every version of a system, newest first: what changed, who, when, why, and the full state after',
      params: systemParams,
      querystring: z.object(paging).strict(),
      response: { 200: z.object({ items: z.array(versionBody), total: z.number().int() }), ...errors },
    },
    handler: async (request) => listSystemVersions(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, ...request.query }),
  });

  app.get(`${base}/:systemId/versions/diff`, {
    config: { access: readers, conditional: 'org', systemScopedTokens: true },
    schema: {
      tags,
      summary: 'What changed between two versions of a system: field, before, after',
      params: systemParams,
      querystring: z
        .object({
          from: z.coerce.number().int().min(1).max(1_000_000),
          to: z.coerce.number().int().min(1).max(1_000_000),
        })
        .strict(),
      response: { 200: diffBody, ...errors },
    },
    handler: async (request) => diffSystemVersions(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, ...request.query }),
  });
};
