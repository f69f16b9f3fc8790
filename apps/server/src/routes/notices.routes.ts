/**
 * Notices (R-NOTICE): produce the "AI assisted in your case" notice for a system as HTML or PDF (the
 * staff app, or a case-management system with a write token, which may send the case reference and
 * the person's name), preview it for the staff screen, and list the notices produced.
 *
 * Who: people who send notices (admin, governance officer, system owner, caseworker, reviewer) and
 * write tokens produce them; a token limited to one system, for that system only (the service
 * checks). Previews: the same people and read tokens. The list: those people, auditors and read
 * tokens; case details only for the people who send notices. A system's own retention of case
 * details: read by those who see the list, set by admins and governance officers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CITIZEN_LOCALES, contentDisposition, generateNotice, getNoticeRetention, listNotices, NOTICE_FORMATS, NOTICE_RETENTION_LIMITS, NOTICE_VARIANTS, previewNotice, setNoticeRetention } from '@glassbox/core';
import { errors, orgParams, paging } from '../schemas.js';
import { orgOf } from './org.routes.js';

const MAKERS = ['admin', 'governance_officer', 'system_owner', 'caseworker', 'reviewer'] as const;
const tags = ['notices'];

/** A system's id or slug. */
const systemRef = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'Give the system id or its slug.');
const systemParams = orgParams.extend({ systemId: systemRef }).strict();

/** Standalone documents with their own inline style and no scripts; the staff app shows previews in a frame. */
const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

const noticeView = z.object({
  id: z.uuid(),
  system: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  language: z.enum(CITIZEN_LOCALES),
  variant: z.enum(NOTICE_VARIANTS),
  format: z.enum(NOTICE_FORMATS),
  generatedBy: z.string(),
  generatedAt: z.string(),
  caseReference: z.string().nullable(),
  recipientName: z.string().nullable(),
  caseDetailsKept: z.boolean(),
  purgeAfter: z.string().nullable(),
  purgedAt: z.string().nullable(),
});

const noticeSettings = z.object({
  systemDays: z.number().int().nullable().describe("The system's own retention of case details in days; null: the organisation's applies."),
  organisationDays: z.number().int(),
  effectiveDays: z.number().int().describe('What notices produced now use.'),
});

const documentBody = z.custom<string | Buffer>((v) => typeof v === 'string' || Buffer.isBuffer(v)).describe('The notice (HTML document or PDF).');

export const noticeRoutes = (opts: { publicBaseUrl: string }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/api/v1/orgs/:org/systems/:systemId/notices', {
      config: { access: { org: MAKERS, token: 'write' }, systemScopedTokens: true },
      schema: {
        tags,
        summary:
          'Produce an "AI assisted in your case" notice for this system (HTML or PDF). Recorded: system, language, variant, format, who, when; the case reference and name only when sent, and only for the system\'s notice retention (its own, else the organisation\'s).',
        produces: ['text/html', 'application/pdf'],
        params: systemParams,
        body: z
          .object({
            language: z.enum(CITIZEN_LOCALES),
            variant: z.enum(NOTICE_VARIANTS).default('standard'),
            format: z.enum(NOTICE_FORMATS).default('html'),
            caseReference: z.string().max(200).optional(),
            recipientName: z.string().max(200).optional(),
            decisionDate: z.string().max(10).optional(),
          })
          .strict(),
        response: { 200: documentBody, ...errors },
      },
      handler: async (request, reply) => {
        const doc = await generateNotice(request.ctx(), { organisationId: orgOf(request).id, systemId: request.params.systemId, publicBaseUrl: opts.publicBaseUrl, ...request.body });
        void reply.header('content-type', doc.contentType).header('cache-control', 'private, no-store').header('x-notice-id', doc.id);
        if (doc.format === 'html') void reply.header('content-security-policy', DOCUMENT_CSP).header('x-frame-options', 'SAMEORIGIN');
        else void reply.header('content-disposition', contentDisposition(doc.filename));
        return reply.send(doc.body);
      },
    });

    app.get('/api/v1/orgs/:org/systems/:systemId/notices/preview', {
      config: { access: { org: MAKERS, token: 'read' }, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'What the notice looks like in a language and variant (HTML; nothing is recorded)',
        produces: ['text/html'],
        params: systemParams,
        querystring: z.object({ language: z.enum(CITIZEN_LOCALES).default('en'), variant: z.enum(NOTICE_VARIANTS).default('standard') }).strict(),
        response: { 200: documentBody, ...errors },
      },
      handler: async (request, reply) => {
        const page = await previewNotice(request.ctx(), { organisationId: orgOf(request).id, systemId: request.params.systemId, publicBaseUrl: opts.publicBaseUrl, ...request.query });
        void reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .header('content-security-policy', DOCUMENT_CSP)
          .header('x-frame-options', 'SAMEORIGIN');
        return reply.send(page);
      },
    });

    app.get('/api/v1/orgs/:org/systems/:systemId/notice-settings', {
      config: { access: { org: [...MAKERS, 'auditor'], token: 'read' } },
      schema: {
        tags,
        summary: "How long this system's notices keep case details: its own retention, or the organisation's",
        params: systemParams,
        response: { 200: noticeSettings, ...errors },
      },
      handler: async (request) => getNoticeRetention(request.ctx(), { organisationId: orgOf(request).id, systemId: request.params.systemId }),
    });

    app.put('/api/v1/orgs/:org/systems/:systemId/notice-settings', {
      config: { access: { org: ['admin', 'governance_officer'] } },
      schema: {
        tags,
        summary: "Set this system's own retention of case details (days), or null to use the organisation's. Applies to notices produced afterwards.",
        params: systemParams,
        body: z.object({ noticeRetentionDays: z.number().int().min(NOTICE_RETENTION_LIMITS.min).max(NOTICE_RETENTION_LIMITS.max).nullable() }).strict(),
        response: { 200: noticeSettings, ...errors },
      },
      handler: async (request) => setNoticeRetention(request.ctx(), { organisationId: orgOf(request).id, systemId: request.params.systemId, days: request.body.noticeRetentionDays }),
    });

    app.get('/api/v1/orgs/:org/notices', {
      config: { access: { org: [...MAKERS, 'auditor'], token: 'read' } },
      schema: {
        tags,
        summary: 'Notices produced, newest first (case details only for the people who send notices)',
        params: orgParams,
        querystring: z.object({ systemId: z.uuid().optional(), ...paging }).strict(),
        response: { 200: z.object({ items: z.array(noticeView), total: z.number().int() }), ...errors },
      },
      handler: async (request) => listNotices(request.ctx(), { organisationId: orgOf(request).id, ...request.query }),
    });
  };
