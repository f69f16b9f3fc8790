/**
 * Obligations (R-GRAD): a system's checklist generated from its screenings, worked through with a
 * status, an owner, a due date and evidence; progress for one system and for the organisation.
 *
 * Evidence upload: links are JSON (`{kind: 'link', title, url}`, http/https only). Files are sent
 * as the raw request body on their own route, POST …/evidence/file?name=&title=, with
 * `Content-Type: application/octet-stream` and the file's real type in `X-File-Type` (PDF, PNG,
 * JPEG, plain text, CSV, .docx, .xlsx, .odt); at most 20 MB, the body limit of that route alone.
 * A browser sends a File object as it is (`fetch(url, {method: 'POST', body: file, headers:
 * {'content-type': 'application/octet-stream', 'x-file-type': file.type, 'x-csrf-token': …}})`):
 * no multipart parser and no base64 inflation. The service checks the type against the allow-list
 * and the file's first bytes. Downloads come back as attachments with the stored type.
 *
 * Who: reading is for every member and read tokens; changing an obligation for admins, governance
 * officers, the system's owner and write tokens; evidence also for the obligation's owner (any
 * role), which the service checks (obligations/policy.ts).
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addEvidenceFile,
  addEvidenceLink,
  deleteEvidence,
  EVIDENCE_CONTENT_TYPES,
  getOrganisationObligationProgress,
  getSystemObligationProgress,
  listObligations,
  openEvidenceFile,
  updateObligation,
} from '@glassbox/core';
import { errorBody, errors, noContent, nullableTimestamp, orgParams, timestamp } from '../schemas.js';
import { orgOf } from './org.routes.js';
import { acceptRawFiles, rawFileUpload, sendStoredFile, uploadedBytes } from './stored-files.js';

const readers = { org: 'member', token: 'read' } as const;
const writers = { org: ['admin', 'governance_officer', 'system_owner'], token: 'write' } as const;
/** Evidence: the obligation's owner may hold any role; the service narrows it down. */
const evidenceWriters = { org: 'member', token: 'write' } as const;
const tags = ['obligations'];

const STATUSES = ['open', 'in_progress', 'met', 'not_applicable'] as const;
const PHASES = ['before_deployment', 'in_operation'] as const;

const systemRef = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'Give the system id or its slug.');
const systemParams = orgParams.extend({ systemId: systemRef }).strict();
const obligationParams = systemParams.extend({ obligationId: z.uuid() }).strict();
const evidenceParams = obligationParams.extend({ evidenceId: z.uuid() }).strict();

const evidenceBody = z.object({
  id: z.uuid(),
  obligationId: z.uuid(),
  kind: z.enum(['file', 'link']),
  title: z.string(),
  url: z.string().nullable(),
  file: z.object({ name: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() }).nullable(),
  createdBy: z.object({ id: z.string().nullable(), label: z.string() }),
  createdAt: timestamp,
});

const obligationBody = z.object({
  id: z.uuid(),
  systemId: z.uuid(),
  key: z.string(),
  framework: z.enum(['eu-ai-act', 'us-omb', 'org-policy', 'assessment']),
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  phase: z.enum(PHASES),
  recurrenceMonths: z.number().int().nullable(),
  owner: z.object({ id: z.uuid(), displayName: z.string() }),
  dueDate: z.string().nullable(),
  status: z.enum(STATUSES),
  naReason: z.string().nullable(),
  overdue: z.boolean(),
  retiredAt: nullableTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  evidence: z.array(evidenceBody),
});

const statusCounts = z.object({ open: z.number().int(), in_progress: z.number().int(), met: z.number().int(), not_applicable: z.number().int() });
const progressCounts = z.object({ total: z.number().int(), done: z.number().int(), byStatus: statusCounts });
const obligationTotals = progressCounts.extend({
  byPhase: z.object({ before_deployment: progressCounts, in_operation: progressCounts }),
  overdue: z.number().int(),
});

const updateBody = z
  .object({
    status: z.enum(STATUSES),
    naReason: z.string().trim().min(1).max(2000).nullable(),
    ownerId: z.uuid(),
    dueDate: z.iso.date().nullable(),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Give at least one of status, naReason, ownerId, dueDate.' });

const linkBody = z
  .object({
    kind: z.literal('link'),
    title: z.string().trim().min(1).max(200),
    url: z.url({ protocol: /^https?$/ }).max(2000),
  })
  .strict();

const fileQuery = z
  .object({
    name: z.string().trim().min(1).max(255),
    title: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const obligationRoutes =
  (opts: { evidenceDir: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const { evidenceDir } = opts;
    const system = '/api/v1/orgs/:org/systems/:systemId';
    const obligation = `${system}/obligations/:obligationId`;

    app.get(`${system}/obligations`, {
      config: { access: readers, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'A system’s obligations with their evidence, in checklist order (retired ones only when asked: `retired=true|any`)',
        params: systemParams,
        querystring: z.object({ retired: z.enum(['false', 'true', 'any']).default('false') }).strict(),
        response: { 200: z.object({ items: z.array(obligationBody), total: z.number().int() }), ...errors },
      },
      handler: async (request) => {
        const { retired } = request.query;
        return listObligations(request.ctx(), {
          organisationId: orgOf(request).id,
          ref: request.params.systemId,
          retired: retired === 'any' ? 'any' : retired === 'true',
        });
      },
    });

    app.get(`${system}/obligations/progress`, {
      config: { access: readers, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'How far a system is with its obligations: counts by status and phase, overdue, and the before-deployment items that still block `in_service`',
        params: systemParams,
        response: {
          200: obligationTotals.extend({
            systemId: z.uuid(),
            screenedAt: nullableTimestamp,
            retired: z.number().int(),
            blocking: z.array(z.object({ id: z.uuid(), key: z.string(), title: z.string(), status: z.enum(STATUSES) })),
          }),
          ...errors,
        },
      },
      handler: async (request) => getSystemObligationProgress(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId }),
    });

    app.get('/api/v1/orgs/:org/obligations/progress', {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The organisation’s obligations (by status and phase, overdue) and systems (by EU tier and lifecycle stage, never screened)',
        params: orgParams,
        response: {
          200: z.object({
            obligations: obligationTotals,
            systems: z.object({
              total: z.number().int(),
              screened: z.number().int(),
              missingScreening: z.number().int(),
              withOpenBeforeDeployment: z.number().int(),
              byEuTier: z.record(z.string(), z.number().int()),
              byLifecycle: z.record(z.string(), z.number().int()),
            }),
            missingScreening: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), lifecycle: z.string() })),
          }),
          ...errors,
        },
      },
      handler: async (request) => getOrganisationObligationProgress(request.ctx(), { organisationId: orgOf(request).id }),
    });

    app.patch(obligation, {
      config: { access: writers, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'Update an obligation: status (`not_applicable` needs `naReason`), owner (a member), due date (YYYY-MM-DD or null)',
        params: obligationParams,
        body: updateBody,
        response: { 200: obligationBody, ...errors },
      },
      handler: async (request) =>
        updateObligation(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, obligationId: request.params.obligationId, ...request.body }),
    });

    app.post(`${obligation}/evidence`, {
      config: { access: evidenceWriters, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'Add a link as evidence (http or https). Files go to …/evidence/file. The obligation’s owner may do this too.',
        params: obligationParams,
        body: linkBody,
        response: { 201: evidenceBody, ...errors },
      },
      handler: async (request, reply) => {
        const { title, url } = request.body;
        const { systemId, obligationId } = request.params;
        return reply.status(201).send(await addEvidenceLink(request.ctx(), { organisationId: orgOf(request).id, ref: systemId, obligationId, title, url }));
      },
    });

    // The raw upload lives in its own scope, so the octet-stream parser and the 20 MB limit apply to it alone.
    await app.register(async (upload) => {
      acceptRawFiles(upload);
      upload.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(`${obligation}/evidence/file`, {
        config: { access: evidenceWriters, systemScopedTokens: true },
        ...rawFileUpload,
        schema: {
          tags,
          summary: `Upload a file as evidence: the raw bytes as the body (Content-Type: application/octet-stream), the file's type in the X-File-Type header (${EVIDENCE_CONTENT_TYPES.join(', ')}), at most 20 MB. The obligation's owner may do this too.`,
          consumes: ['application/octet-stream'],
          params: obligationParams,
          querystring: fileQuery,
          headers: z.object({ 'x-file-type': z.string().min(1).max(200) }),
          response: { 201: evidenceBody, ...errors, 422: errorBody },
        },
        handler: async (request, reply) => {
          const data = uploadedBytes(request.body);
          const { systemId, obligationId } = request.params;
          const created = await addEvidenceFile(request.ctx(), {
            organisationId: orgOf(request).id,
            ref: systemId,
            obligationId,
            fileName: request.query.name,
            title: request.query.title,
            contentType: request.headers['x-file-type'],
            data,
            storageDir: evidenceDir,
          });
          return reply.status(201).send(created);
        },
      });
    });

    app.get(`${obligation}/evidence/:evidenceId/file`, {
      config: { access: readers, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'Download an evidence file, as an attachment with its stored type',
        produces: ['application/octet-stream'],
        params: evidenceParams,
        response: { 200: z.custom<Readable>((v) => v instanceof Readable).describe('The file, as uploaded (binary).'), ...errors },
      },
      handler: async (request, reply) => {
        const { systemId, obligationId, evidenceId } = request.params;
        const file = await openEvidenceFile(request.ctx(), { organisationId: orgOf(request).id, ref: systemId, obligationId, evidenceId, storageDir: evidenceDir });
        return sendStoredFile(reply, file);
      },
    });

    app.delete(`${obligation}/evidence/:evidenceId`, {
      config: { access: evidenceWriters, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'Remove a piece of evidence (the audit trail keeps what it was). The obligation’s owner may do this too.',
        params: evidenceParams,
        response: { 204: noContent, ...errors },
      },
      handler: async (request, reply) => {
        const { systemId, obligationId, evidenceId } = request.params;
        await deleteEvidence(request.ctx(), { organisationId: orgOf(request).id, ref: systemId, obligationId, evidenceId, storageDir: evidenceDir });
        return reply.status(204).send(null);
      },
    });
  };
