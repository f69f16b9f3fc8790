/**
 * Notices (R-NOTICE): produce the "AI assisted in your case" notice for a system as HTML or PDF (the
 * staff app, or a case-management system with a write token, which may send the case reference and
 * the person's name), preview it for the staff screen, and list the notices produced.
 *
 * Who: people who send notices (admin, governance officer, system owner, caseworker, reviewer) and
 * write tokens produce them; a token limited to one system, for that system only (the service
 * checks). Previews: the same people and read tokens. The list: those people, auditors and read
 * tokens; case details only for the people who send notices.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CITIZEN_LOCALES, contentDisposition, generateNotice, listNotices, NOTICE_FORMATS, NOTICE_VARIANTS, previewNotice } from '@glassbox/core';
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

const documentBody = z.custom<string | Buffer>((v) => typeof v === 'string' || Buffer.isBuffer(v)).describe('The notice (HTML document or PDF).');

export const noticeRoutes = (opts: { publicBaseUrl: string }): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/api/v1/orgs/:org/systems/:systemId/notices', {
      config: { access: { org: MAKERS, token: 'write' }, systemScopedTokens: true },
      schema: {
        tags,
        summary:
          'Produce an "AI assisted in your case" notice for this system (HTML or PDF). Recorded: system, language, variant, format, who, when; the case reference and name only when sent, and only for the organisation\'s notice retention.',
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
