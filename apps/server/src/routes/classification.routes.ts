/**
 * Screening and classification (R-PROHIB, R-TIER, R-GRAD): record a screening of a system and read
 * its history, screen a product under consideration (optionally proposing it as a system), run the
 * rules without saving anything, and read or replace the organisation's tier policy. The rules are
 * in packages/rules; the services check who may do what (classification/policy.ts and
 * inventory/policy.ts), so the access below is the outer fence.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  classificationResultSchema,
  classifyScreening,
  DECISION_ROLES,
  EU_TIER_VALUES,
  getLatestScreening,
  getTierPolicy,
  LIFECYCLE_STAGES,
  listScreenings,
  OMB_HIGH_IMPACT_VALUES,
  quickScreen,
  recordScreening,
  screeningAnswersSchema,
  SOURCING,
  SYSTEM_LIMITS as LIMITS,
  tierPolicySchema,
  updateTierPolicy,
} from '@glassbox/core';
import { errors, nullableTimestamp, orgParams, paging, timestamp } from '../schemas.js';
import { orgOf } from './org.routes.js';

const readers = { org: 'member', token: 'read' } as const;
const writers = { org: ['admin', 'governance_officer', 'system_owner'], token: 'write' } as const;
const tags = ['classification'];

const systemRef = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'Give the system id or its slug.');
const systemParams = orgParams.extend({ systemId: systemRef }).strict();

/** The classification columns of a system, as the inventory shows them (null when never screened). */
export const systemClassificationBody = z.object({
  euTier: z.enum(EU_TIER_VALUES).nullable(),
  ombHighImpact: z.enum(OMB_HIGH_IMPACT_VALUES).nullable(),
  orgTier: z.string().nullable(),
  friaRequired: z.boolean().nullable(),
  euRegistrationRequired: z.boolean().nullable(),
  screenedAt: timestamp,
});

const screeningBody = z.object({
  id: z.uuid(),
  systemId: z.uuid().nullable(),
  answers: screeningAnswersSchema,
  result: classificationResultSchema,
  rulesVersion: z.string(),
  createdBy: z.object({ id: z.string().nullable(), label: z.string() }),
  createdAt: timestamp,
});

const screenedSystemBody = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  classification: systemClassificationBody.nullable(),
});

const obligationChangesBody = z.object({ added: z.array(z.string()), restored: z.array(z.string()), retired: z.array(z.string()) });

const answersBody = z.object({ answers: screeningAnswersSchema }).strict();

const proposalBody = z
  .object({
    name: z.string().trim().min(1).max(LIMITS.name),
    purpose: z.string().trim().min(1).max(LIMITS.purpose),
    sourcing: z.enum(SOURCING),
    supplier: z.string().trim().max(LIMITS.supplier).nullable().optional(),
    decisionRole: z.enum(DECISION_ROLES),
    personalData: z.boolean(),
    /** Defaults to you; an API token must name one. */
    ownerId: z.uuid().optional(),
  })
  .strict();

const tierPolicyBody = z.object({ policy: tierPolicySchema, isDefault: z.boolean(), updatedAt: nullableTimestamp });

export const classificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const system = '/api/v1/orgs/:org/systems/:systemId';

  app.post(`${system}/screenings`, {
    config: { access: writers, systemScopedTokens: true },
    schema: {
      tags,
      summary:
        'Screen a system: runs the EU AI Act, OMB and organisation-tier rules on the answers, stores the screening, updates the system’s classification and regenerates its obligations (one transaction). Admins, governance officers, the system’s owner, write tokens.',
      params: systemParams,
      body: answersBody,
      response: { 201: z.object({ screening: screeningBody, system: screenedSystemBody, obligations: obligationChangesBody }), ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordScreening(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, answers: request.body.answers })),
  });

  app.get(`${system}/screenings`, {
    config: { access: readers, conditional: 'org', systemScopedTokens: true },
    schema: {
      tags,
      summary: 'Every screening of a system, newest first, with its answers, its full result and the rules version',
      params: systemParams,
      querystring: z.object(paging).strict(),
      response: { 200: z.object({ items: z.array(screeningBody), total: z.number().int() }), ...errors },
    },
    handler: async (request) => listScreenings(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, ...request.query }),
  });

  app.get(`${system}/screenings/latest`, {
    config: { access: readers, conditional: 'org', systemScopedTokens: true },
    schema: {
      tags,
      summary: 'The screening behind the system’s current classification (404 when never screened)',
      params: systemParams,
      response: { 200: screeningBody, ...errors },
    },
    handler: async (request) => getLatestScreening(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId }),
  });

  app.post('/api/v1/orgs/:org/screenings/quick', {
    config: { access: writers },
    schema: {
      tags,
      summary:
        'Quick screen of a product under consideration: returns the full classification and keeps the screening; with `proposal`, also registers the product as a system in `proposed` with the screening attached (one transaction)',
      params: orgParams,
      body: z.object({ answers: screeningAnswersSchema, proposal: proposalBody.optional() }).strict(),
      response: {
        201: z.object({ result: classificationResultSchema, screening: screeningBody, system: screenedSystemBody.nullable(), obligations: obligationChangesBody.nullable() }),
        ...errors,
      },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await quickScreen(request.ctx(), { organisationId: orgOf(request).id, answers: request.body.answers, proposal: request.body.proposal })),
  });

  app.post('/api/v1/orgs/:org/classify', {
    config: { access: readers, readOnly: true },
    schema: {
      tags,
      summary:
        'Classify screening answers without saving anything: EU AI Act tier, OMB determination, the organisation’s tier under its policy and the obligation templates. Any member; read tokens may call it (it is a POST only because the answers are large).',
      params: orgParams,
      body: answersBody,
      response: { 200: classificationResultSchema, ...errors },
    },
    handler: async (request) => classifyScreening(request.ctx(), { organisationId: orgOf(request).id, answers: request.body.answers }),
  });

  app.get('/api/v1/orgs/:org/tier-policy', {
    config: { access: readers, conditional: 'org' },
    schema: {
      tags,
      summary: 'The organisation’s own risk tiers, their requirements and the rules that place a system in one (the built-in default until an admin sets one)',
      params: orgParams,
      response: { 200: tierPolicyBody, ...errors },
    },
    handler: async (request) => getTierPolicy(request.ctx(), { organisationId: orgOf(request).id }),
  });

  app.put('/api/v1/orgs/:org/tier-policy', {
    config: { access: { org: ['admin'] } },
    schema: {
      tags,
      summary: 'Replace the organisation’s tier policy (admins; not API tokens). Problems come back as field errors. It applies from each system’s next screening.',
      params: orgParams,
      body: z.object({ policy: tierPolicySchema }).strict(),
      response: { 200: tierPolicyBody, ...errors },
    },
    handler: async (request) => updateTierPolicy(request.ctx(), { organisationId: orgOf(request).id, policy: request.body.policy }),
  });
};
