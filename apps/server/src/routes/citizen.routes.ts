/**
 * Staff side of citizen services (R-REPORT, R-REDRESS): the concern triage queue and the redress
 * queue, with their detail pages and the one PATCH that carries every triage action (assign,
 * status, incident reference, response or decision, internal note), and the organisation's
 * deadlines. People send concerns and requests through the public site (no account), never here.
 *
 * Who: the queues are for admins, governance officers, system owners (cases about their own
 * systems, filtered by the service) and auditors (without contact details); read tokens may list
 * and read for reporting. Handling a case is for people only: admins, governance officers and the
 * owner of the system (checked again by the service against the case's system); they alone also
 * print the answer letter for a person who gave a postal address (it carries the address).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CITIZEN_LOCALES,
  CONCERN_CATEGORIES,
  CONCERN_STATUSES,
  contentDisposition,
  escalateOverdueRedress,
  getConcern,
  getRedressRequest,
  listConcerns,
  listRedressRequests,
  produceRedressLetter,
  readCitizenSettings,
  REDRESS_KINDS,
  REDRESS_LETTER_FORMATS,
  REDRESS_OUTCOMES,
  REDRESS_STATUSES,
  updateCitizenSettings,
  updateConcern,
  updateRedressRequest,
} from '@glassbox/core';
import { errors, orgParams, paging } from '../schemas.js';
import { orgOf } from './org.routes.js';

const queueReaders = { org: ['admin', 'governance_officer', 'system_owner', 'auditor'], token: 'read' } as const;
const handlers = { org: ['admin', 'governance_officer', 'system_owner'] } as const;
const triage = { org: ['admin', 'governance_officer'] } as const;
const tags = ['citizen services'];

/** A standalone document with its own inline style and no scripts. */
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const csvOf = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .max(200)
    .transform((s, ctx) => {
      const parts = s.split(',').filter(Boolean);
      const bad = parts.filter((p) => !(values as readonly string[]).includes(p));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `Unknown: ${bad.join(', ')}. Use: ${values.join(', ')}.` });
      return parts as T[];
    })
    .optional();

const person = z.object({ id: z.uuid(), name: z.string() });
const systemRef = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });
const event = z.object({
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  body: z.string().nullable(),
  internal: z.boolean(),
  actorName: z.string(),
  at: z.string(),
});

const concernSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  category: z.enum(CONCERN_CATEGORIES),
  status: z.enum(CONCERN_STATUSES),
  system: systemRef.nullable(),
  assignee: person.nullable(),
  incidentReference: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
});
const concernDetail = concernSummary.extend({
  description: z.string(),
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  locale: z.enum(CITIZEN_LOCALES),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  events: z.array(event),
  permissions: z.object({ canHandle: z.boolean() }),
});

const redressSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(REDRESS_KINDS),
  status: z.enum(REDRESS_STATUSES),
  system: systemRef,
  decisionReference: z.string().nullable(),
  assignee: person.nullable(),
  submittedAt: z.string(),
  dueAt: z.string(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  outcome: z.enum(REDRESS_OUTCOMES).nullable(),
  decidedAt: z.string().nullable(),
});
const redressDetail = redressSummary.extend({
  description: z.string(),
  contact: z.object({ name: z.string(), email: z.string().nullable(), postalAddress: z.string().nullable() }).nullable(),
  locale: z.enum(CITIZEN_LOCALES),
  outcomeText: z.string().nullable(),
  events: z.array(event),
  permissions: z.object({ canHandle: z.boolean() }),
});

const settingsBody = z.object({
  explanationDays: z.number().int(),
  humanReviewDays: z.number().int(),
  appealDays: z.number().int(),
  noticeRetentionDays: z.number().int(),
});

const concernParams = orgParams.extend({ concernId: z.uuid() }).strict();
const redressParams = orgParams.extend({ requestId: z.uuid() }).strict();

export const citizenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/orgs/:org/concerns', {
    config: { access: queueReaders },
    schema: {
      tags,
      summary: 'The concern triage queue, newest first (system owners see the concerns about their own systems)',
      params: orgParams,
      querystring: z
        .object({
          status: csvOf(CONCERN_STATUSES),
          category: csvOf(CONCERN_CATEGORIES),
          systemId: z.uuid().optional(),
          assigneeId: z.uuid().optional(),
          ...paging,
        })
        .strict(),
      response: { 200: z.object({ items: z.array(concernSummary), total: z.number().int() }), ...errors },
    },
    handler: async (request) => listConcerns(request.ctx(), { organisationId: orgOf(request).id, ...request.query }),
  });

  app.get('/api/v1/orgs/:org/concerns/:concernId', {
    config: { access: queueReaders },
    schema: { tags, summary: 'One concern with its history (contact details only for those who may answer)', params: concernParams, response: { 200: concernDetail, ...errors } },
    handler: async (request) => getConcern(request.ctx(), { organisationId: orgOf(request).id, concernId: request.params.concernId }),
  });

  app.patch('/api/v1/orgs/:org/concerns/:concernId', {
    config: { access: handlers },
    schema: {
      tags,
      summary: 'Triage a concern: assign, change status (closing needs closedReason), link an incident, answer the person (response), add an internal note',
      params: concernParams,
      body: z
        .object({
          status: z.enum(CONCERN_STATUSES).optional(),
          assigneeId: z.uuid().nullable().optional(),
          incidentReference: z.string().max(200).nullable().optional(),
          response: z.string().max(5000).optional(),
          note: z.string().max(10_000).optional(),
          closedReason: z.string().max(2000).optional(),
        })
        .strict(),
      response: { 200: concernDetail, ...errors },
    },
    handler: async (request) => {
      const org = orgOf(request);
      return updateConcern(request.ctx(), { organisationId: org.id, organisationName: org.name, concernId: request.params.concernId, ...request.body });
    },
  });

  app.get('/api/v1/orgs/:org/redress-requests', {
    config: { access: queueReaders },
    schema: {
      tags,
      summary: 'The redress queue: open requests first, soonest deadline first, with the days left and overdue flags',
      params: orgParams,
      querystring: z
        .object({
          status: csvOf(REDRESS_STATUSES),
          kind: csvOf(REDRESS_KINDS),
          systemId: z.uuid().optional(),
          assigneeId: z.uuid().optional(),
          overdue: z.enum(['true', 'false']).optional(),
          ...paging,
        })
        .strict(),
      response: { 200: z.object({ items: z.array(redressSummary), total: z.number().int() }), ...errors },
    },
    handler: async (request) => {
      const { overdue, ...rest } = request.query;
      return listRedressRequests(request.ctx(), { organisationId: orgOf(request).id, ...rest, overdue: overdue === undefined ? undefined : overdue === 'true' });
    },
  });

  app.get('/api/v1/orgs/:org/redress-requests/:requestId', {
    config: { access: queueReaders },
    schema: { tags, summary: 'One redress request with its history', params: redressParams, response: { 200: redressDetail, ...errors } },
    handler: async (request) => getRedressRequest(request.ctx(), { organisationId: orgOf(request).id, requestId: request.params.requestId }),
  });

  app.patch('/api/v1/orgs/:org/redress-requests/:requestId', {
    config: { access: handlers },
    schema: {
      tags,
      summary: 'Handle a redress request: assign, start (in_progress), record the decision (sent to the person), close, reopen, add an internal note',
      params: redressParams,
      body: z
        .object({
          status: z.enum(REDRESS_STATUSES).optional(),
          assigneeId: z.uuid().nullable().optional(),
          note: z.string().max(10_000).optional(),
          decision: z.object({ outcome: z.enum(REDRESS_OUTCOMES), text: z.string().max(10_000) }).strict().optional(),
        })
        .strict(),
      response: { 200: redressDetail, ...errors },
    },
    handler: async (request) => {
      const org = orgOf(request);
      return updateRedressRequest(request.ctx(), { organisationId: org.id, organisationName: org.name, requestId: request.params.requestId, ...request.body });
    },
  });

  app.get('/api/v1/orgs/:org/redress-requests/:requestId/letter', {
    config: { access: handlers },
    schema: {
      tags,
      summary: 'The answer letter to post to the person, in their language (printable HTML or PDF), once the decision is recorded; audited',
      produces: ['text/html', 'application/pdf'],
      params: redressParams,
      querystring: z.object({ format: z.enum(REDRESS_LETTER_FORMATS).default('pdf') }).strict(),
      response: { 200: z.custom<string | Buffer>((v) => typeof v === 'string' || Buffer.isBuffer(v)).describe('The letter (HTML document or PDF).'), ...errors },
    },
    handler: async (request, reply) => {
      const letter = await produceRedressLetter(request.ctx(), { organisationId: orgOf(request).id, requestId: request.params.requestId, format: request.query.format });
      void reply.header('content-type', letter.contentType).header('cache-control', 'private, no-store');
      if (letter.format === 'html') void reply.header('content-security-policy', DOCUMENT_CSP);
      else void reply.header('content-disposition', contentDisposition(letter.filename));
      return reply.send(letter.body);
    },
  });

  app.post('/api/v1/orgs/:org/redress-requests/escalate', {
    config: { access: triage },
    schema: {
      tags,
      summary: 'Escalate now every overdue request not escalated yet (the server also does it every 10 minutes)',
      params: orgParams,
      response: { 200: z.object({ escalated: z.number().int() }), ...errors },
    },
    handler: async (request) => ({ escalated: await escalateOverdueRedress(request.ctx(), { organisationId: orgOf(request).id }) }),
  });

  app.get('/api/v1/orgs/:org/citizen-settings', {
    config: { access: queueReaders },
    schema: { tags, summary: 'Days to answer each type of redress request, and how long notice case details are kept', params: orgParams, response: { 200: settingsBody, ...errors } },
    handler: async (request) => readCitizenSettings(request.ctx(), orgOf(request).id),
  });

  app.put('/api/v1/orgs/:org/citizen-settings', {
    config: { access: triage },
    schema: {
      tags,
      summary: 'Change the deadlines (1–365 days) and notice retention (1–3650 days); omitted fields keep their value',
      params: orgParams,
      body: settingsBody.partial().strict(),
      response: { 200: settingsBody, ...errors },
    },
    handler: async (request) => updateCitizenSettings(request.ctx(), { organisationId: orgOf(request).id, ...request.body }),
  });
};
