/**
 * Staff side of public consultations (R-DIALOGUE, R-ENGAGE): open a comment period on a proposed
 * AI system, change it until it opens, read and moderate the comments, and publish the response
 * summary once it has closed. People comment on the public site (no account), never here.
 *
 * Who: any member and read tokens list and read consultations (they are public); administrators,
 * governance officers, system owners and auditors read the comments; administrators, governance
 * officers and system owners (their own systems, checked by the service) manage. Managing is for
 * people only.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CITIZEN_LOCALES,
  COMMENT_STATUSES,
  CONSULTATION_LIMITS,
  CONSULTATION_STATES,
  createConsultation,
  getConsultation,
  listConsultationComments,
  listConsultations,
  moderateComment,
  publishConsultationSummary,
  updateConsultation,
} from '@glassbox/core';
import { errors, orgParams, paging } from '../schemas.js';
import { orgOf } from './org.routes.js';

const readers = { org: 'member', token: 'read' } as const;
const commentReaders = { org: ['admin', 'governance_officer', 'system_owner', 'auditor'] } as const;
const managers = { org: ['admin', 'governance_officer', 'system_owner'] } as const;
const tags = ['consultations'];

const consultationView = z.object({
  id: z.uuid(),
  system: z.object({ id: z.uuid(), name: z.string(), slug: z.string(), lifecycle: z.string() }),
  title: z.string(),
  intro: z.string(),
  questions: z.array(z.string()),
  opensAt: z.string(),
  closesAt: z.string(),
  state: z.enum(CONSULTATION_STATES),
  summary: z.string().nullable(),
  summaryPublishedAt: z.string().nullable(),
  comments: z.object({ pending: z.number().int(), approved: z.number().int(), rejected: z.number().int() }),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: z.object({ canManage: z.boolean() }),
});

const commentView = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  showName: z.boolean(),
  comment: z.string(),
  answers: z.array(z.string()),
  locale: z.enum(CITIZEN_LOCALES),
  status: z.enum(COMMENT_STATUSES),
  moderationReason: z.string().nullable(),
  moderatedBy: z.string().nullable(),
  moderatedAt: z.string().nullable(),
  submittedAt: z.string(),
});

const draft = {
  title: z.string().max(CONSULTATION_LIMITS.title + 100),
  intro: z.string().max(CONSULTATION_LIMITS.intro + 100),
  questions: z.array(z.string().max(CONSULTATION_LIMITS.question + 100)).max(CONSULTATION_LIMITS.questions + 5),
  opensAt: z.string().max(40),
  closesAt: z.string().max(40),
};

const oneParams = orgParams.extend({ consultationId: z.uuid() }).strict();
const commentParams = oneParams.extend({ commentId: z.uuid() }).strict();

const statusList = z
  .string()
  .max(100)
  .transform((s, ctx) => {
    const parts = s.split(',').filter(Boolean);
    const bad = parts.filter((p) => !(COMMENT_STATUSES as readonly string[]).includes(p));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `Unknown: ${bad.join(', ')}. Use: ${COMMENT_STATUSES.join(', ')}.` });
    return parts as Array<(typeof COMMENT_STATUSES)[number]>;
  })
  .optional();

export const consultationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/orgs/:org/consultations', {
    config: { access: readers },
    schema: {
      tags,
      summary: 'Consultations, latest opening first, with their state and comment counts',
      params: orgParams,
      querystring: z.object({ systemId: z.uuid().optional(), ...paging }).strict(),
      response: { 200: z.object({ items: z.array(consultationView), total: z.number().int() }), ...errors },
    },
    handler: async (request) => listConsultations(request.ctx(), { organisationId: orgOf(request).id, ...request.query }),
  });

  app.post('/api/v1/orgs/:org/consultations', {
    config: { access: managers },
    schema: {
      tags,
      summary: 'Open a comment period on a public AI system: title, introduction, guiding questions, opening and closing times (ISO 8601)',
      params: orgParams,
      body: z.object({ systemId: z.string().max(100), ...draft }).strict(),
      response: { 201: consultationView, ...errors },
    },
    handler: async (request, reply) => {
      const created = await createConsultation(request.ctx(), { organisationId: orgOf(request).id, ...request.body });
      return reply.status(201).send(created);
    },
  });

  app.get('/api/v1/orgs/:org/consultations/:consultationId', {
    config: { access: readers },
    schema: { tags, summary: 'One consultation', params: oneParams, response: { 200: consultationView, ...errors } },
    handler: async (request) => getConsultation(request.ctx(), { organisationId: orgOf(request).id, consultationId: request.params.consultationId }),
  });

  app.patch('/api/v1/orgs/:org/consultations/:consultationId', {
    config: { access: managers },
    schema: {
      tags,
      summary: 'Change a consultation before it opens (409 once it has opened)',
      params: oneParams,
      body: z.object(draft).partial().strict(),
      response: { 200: consultationView, ...errors },
    },
    handler: async (request) => updateConsultation(request.ctx(), { organisationId: orgOf(request).id, consultationId: request.params.consultationId, ...request.body }),
  });

  app.put('/api/v1/orgs/:org/consultations/:consultationId/summary', {
    config: { access: managers },
    schema: {
      tags,
      summary: 'Publish (or correct) the response summary shown on the public page, once the consultation has closed',
      params: oneParams,
      body: z.object({ summary: z.string().max(CONSULTATION_LIMITS.summary + 100) }).strict(),
      response: { 200: consultationView, ...errors },
    },
    handler: async (request) => publishConsultationSummary(request.ctx(), { organisationId: orgOf(request).id, consultationId: request.params.consultationId, summary: request.body.summary }),
  });

  app.get('/api/v1/orgs/:org/consultations/:consultationId/comments', {
    config: { access: commentReaders },
    schema: {
      tags,
      summary: 'Comments on a consultation, oldest first, with their moderation state (?status=pending,approved,rejected)',
      params: oneParams,
      querystring: z.object({ status: statusList, ...paging }).strict(),
      response: { 200: z.object({ items: z.array(commentView), total: z.number().int() }), ...errors },
    },
    handler: async (request) =>
      listConsultationComments(request.ctx(), { organisationId: orgOf(request).id, consultationId: request.params.consultationId, ...request.query }),
  });

  app.patch('/api/v1/orgs/:org/consultations/:consultationId/comments/:commentId', {
    config: { access: managers },
    schema: {
      tags,
      summary: 'Moderate a comment: approve it (shown publicly), reject it (with a reason; never shown) or put it back to pending',
      params: commentParams,
      body: z.object({ status: z.enum(COMMENT_STATUSES), reason: z.string().max(CONSULTATION_LIMITS.reason + 100).optional() }).strict(),
      response: { 200: commentView, ...errors },
    },
    handler: async (request) =>
      moderateComment(request.ctx(), {
        organisationId: orgOf(request).id,
        consultationId: request.params.consultationId,
        commentId: request.params.commentId,
        decision: request.body.status,
        reason: request.body.reason,
      }),
  });
};
