/**
 * Assessments over HTTP (issue #4 points 5, 7, 9): start, fill in together (autosave merged per
 * question, 409 on a conflicting edit), comment, attach files, submit, approve or return
 * (four-eyes), reassess as a new round, compare rounds, and read the reports.
 *
 * Who: every member and read tokens read. Filling in is for whoever may edit the system (admins,
 * governance officers, the system's owner, write tokens reaching the system) — for organisation
 * assessments admins, governance officers and organisation-wide write tokens; the service narrows
 * system owners to their own systems (assessments/policy.ts). Approving and returning is for admins
 * and governance officers only, never tokens, and never the person who submitted.
 *
 * Attachments are uploaded like obligation evidence: the raw file as the body
 * (`Content-Type: application/octet-stream`), its type in `X-File-Type`, at most 20 MB.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addAssessmentAttachment,
  addAssessmentComment,
  approveAssessment,
  ASSESSMENT_STATUSES,
  contentDisposition,
  deleteAssessmentAttachment,
  deleteAssessmentComment,
  diffAssessmentRounds,
  EVIDENCE_CONTENT_TYPES,
  getAiaSavedFile,
  getAssessment,
  listAssessments,
  listSystemAssessments,
  openAssessmentAttachment,
  reassessAssessment,
  renderAssessmentReport,
  returnAssessment,
  saveAnswers,
  startAssessment,
  submitAssessment,
} from '@glassbox/core';
import { errorBody, errors, noContent, nullableTimestamp, orgParams, paging, timestamp } from '../schemas.js';
import { orgOf } from './org.routes.js';
import { acceptRawFiles, rawFileUpload, sendStoredFile, uploadedBytes } from './stored-files.js';

const tags = ['assessments'];
const readers = { org: 'member', token: 'read' } as const;
const editors = { org: ['admin', 'governance_officer', 'system_owner'], token: 'write' } as const;
const orgEditors = { org: ['admin', 'governance_officer'], token: 'write' } as const;
const reviewers = { org: ['admin', 'governance_officer'] } as const;

const systemRef = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'Give the system id or its slug.');
const templateKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'Give a template key such as fria or canada-aia.');
const questionId = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.-]+$/, 'Give a question id.');
const systemParams = orgParams.extend({ systemId: systemRef }).strict();
const assessmentParams = orgParams.extend({ assessmentId: z.uuid() }).strict();
const commentParams = assessmentParams.extend({ commentId: z.uuid() }).strict();
const attachmentParams = assessmentParams.extend({ attachmentId: z.uuid() }).strict();

const statusSchema = z.enum(ASSESSMENT_STATUSES);
const answerValue = z.union([z.string().max(20_000), z.number().finite(), z.array(z.string().max(500)).max(500)]);
const answersSchema = z.record(z.string(), answerValue);
const answerMetaSchema = z.record(z.string(), z.object({ by: z.string(), byName: z.string(), at: z.string(), revision: z.number().int() }));
const progressSchema = z.object({ answerable: z.number().int(), answered: z.number().int() });
const resultSchema = z.object({
  scores: z.record(z.string(), z.number()),
  maxima: z.record(z.string(), z.number()),
  current: z.number(),
  applied: z.array(z.string()),
  level: z.string().nullable(),
  sections: z.array(z.object({ sectionId: z.string(), scores: z.record(z.string(), z.object({ score: z.number(), max: z.number() })), questions: z.number().int() })),
  gaps: z.array(z.object({ questionId: z.string(), sectionId: z.string(), recommendation: z.object({ en: z.string() }).catchall(z.string().optional()), score: z.number(), max: z.number() })),
  missingRequired: z.array(z.string()),
  progress: progressSchema,
});
const systemRefBody = z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable();
const person = z.object({ id: z.string().nullable(), name: z.string() });

const summaryBody = z.object({
  id: z.uuid(),
  templateKey: z.string(),
  templateTitle: z.string(),
  templateVersion: z.number().int(),
  templateVersionId: z.uuid(),
  system: systemRefBody,
  round: z.number().int(),
  previousId: z.uuid().nullable(),
  status: statusSchema,
  level: z.string().nullable(),
  revision: z.number().int(),
  progress: progressSchema,
  dueDate: z.string().nullable(),
  reassessmentDue: z.boolean(),
  reassessmentDueReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  submittedAt: nullableTimestamp,
  approvedAt: nullableTimestamp,
});

const commentBody = z.object({ id: z.uuid(), questionId: z.string().nullable(), author: person, body: z.string(), createdAt: timestamp });
const attachmentBody = z.object({
  id: z.uuid(),
  questionId: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdBy: person,
  createdAt: timestamp,
});
const signoffBody = z.object({ id: z.uuid(), decision: z.enum(['submit', 'approve', 'return']), user: person, roles: z.array(z.string()), note: z.string().nullable(), revision: z.number().int(), at: timestamp });

const detailBody = summaryBody.extend({
  organisationId: z.uuid(),
  document: z.record(z.string(), z.unknown()).describe('The TemplateDocument of the version this assessment was started on (format glassbox.assessment-template/1).'),
  answers: answersSchema,
  answerMeta: answerMetaSchema,
  result: resultSchema,
  comments: z.array(commentBody),
  attachments: z.array(attachmentBody),
  signoffs: z.array(signoffBody),
  contributors: z.array(z.object({ id: z.string(), name: z.string() })),
  submittedBy: person.nullable(),
  approvedBy: person.nullable(),
  permissions: z.object({ canEdit: z.boolean(), canSubmit: z.boolean(), canReview: z.boolean(), canComment: z.boolean() }),
});

const startBody = z.object({ templateKey }).strict();
const noteBody = z
  .object({ note: z.string().max(5000).nullable() })
  .partial()
  .strict()
  .optional();
const langQuery = z.object({ lang: z.enum(['en', 'fr', 'es']).default('en') }).strict();
const attachmentQuery = z.object({ name: z.string().trim().min(1).max(255), questionId: questionId.optional() }).strict();

export const assessmentRoutes =
  (opts: { evidenceDir: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const { evidenceDir } = opts;
    const base = '/api/v1/orgs/:org/assessments';
    const one = `${base}/:assessmentId`;

    app.get(base, {
      config: { access: readers },
      schema: {
        tags,
        summary: 'The organisation’s assessments, most recently changed first (filter by status, template key, system id or slug, subject)',
        params: orgParams,
        querystring: z
          .object({ status: statusSchema.optional(), templateKey: templateKey.optional(), systemId: systemRef.optional(), subject: z.enum(['system', 'organisation']).optional(), ...paging })
          .strict(),
        response: { 200: z.object({ items: z.array(summaryBody), total: z.number().int() }), ...errors },
      },
      handler: async (request) => {
        const { systemId, ...rest } = request.query;
        return listAssessments(request.ctx(), { organisationId: orgOf(request).id, systemRef: systemId, ...rest });
      },
    });

    app.post(base, {
      config: { access: orgEditors },
      schema: {
        tags,
        summary: 'Start an assessment of the organisation itself (templates whose subject is the organisation, e.g. readiness)',
        params: orgParams,
        body: startBody,
        response: { 201: detailBody, ...errors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await startAssessment(request.ctx(), { organisationId: orgOf(request).id, systemRef: null, templateKey: request.body.templateKey })),
    });

    app.get('/api/v1/orgs/:org/systems/:systemId/assessments', {
      config: { access: readers, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'A system’s assessments: those it needs (with why, and the latest round of each) and every one it has',
        params: systemParams,
        response: {
          200: z.object({
            needed: z.array(z.object({ templateKey: z.string(), title: z.string(), reasons: z.array(z.string()), obligationKeys: z.array(z.string()), latest: summaryBody.nullable() })),
            items: z.array(summaryBody),
          }),
          ...errors,
        },
      },
      handler: async (request) => listSystemAssessments(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId }),
    });

    app.post('/api/v1/orgs/:org/systems/:systemId/assessments', {
      config: { access: editors, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'Start an assessment of a system on the latest published version of a template (409 when one is open or was approved: reassess that one)',
        params: systemParams,
        body: startBody,
        response: { 201: detailBody, ...errors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await startAssessment(request.ctx(), { organisationId: orgOf(request).id, systemRef: request.params.systemId, templateKey: request.body.templateKey })),
    });

    app.get(one, {
      config: { access: readers, systemScopedTokens: true },
      schema: { tags, summary: 'An assessment: template document, answers and who gave them, score, comments, attachments, sign-offs, what you may do', params: assessmentParams, response: { 200: detailBody, ...errors } },
      handler: async (request) => getAssessment(request.ctx(), { organisationId: orgOf(request).id, assessmentId: request.params.assessmentId }),
    });

    app.patch(`${one}/answers`, {
      config: { access: editors, systemScopedTokens: true },
      schema: {
        tags,
        summary:
          'Autosave: the changed answers only (null clears one) and the revision your copy is at. Merged per question; 409 assessment.conflict (details.questions, details.current) when someone else changed one of them since; 409 assessment.locked once approved',
        params: assessmentParams,
        body: z
          .object({
            revision: z.number().int().min(0),
            answers: z.record(questionId, answerValue.nullable()).refine((a) => Object.keys(a).length <= 1000, 'At most 1,000 answers at once.'),
          })
          .strict(),
        response: {
          200: z.object({ revision: z.number().int(), status: statusSchema, answers: answersSchema, answerMeta: answerMetaSchema, result: resultSchema, changed: z.array(z.string()) }),
          ...errors,
        },
      },
      handler: async (request) =>
        saveAnswers(request.ctx(), { organisationId: orgOf(request).id, assessmentId: request.params.assessmentId, revision: request.body.revision, answers: request.body.answers }),
    });

    app.post(`${one}/submit`, {
      config: { access: editors, systemScopedTokens: true },
      schema: { tags, summary: 'Submit for review (400 naming every required question left unanswered)', params: assessmentParams, body: noteBody, response: { 200: detailBody, ...errors } },
      handler: async (request) => submitAssessment(request.ctx(), { organisationId: orgOf(request).id, assessmentId: request.params.assessmentId, note: request.body?.note }),
    });

    app.post(`${one}/approve`, {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Approve a submitted assessment: locked, reassessment due date set, obligations met (not by the person who submitted it)',
        params: assessmentParams,
        body: noteBody,
        response: { 200: detailBody, ...errors },
      },
      handler: async (request) => approveAssessment(request.ctx(), { organisationId: orgOf(request).id, assessmentId: request.params.assessmentId, note: request.body?.note }),
    });

    app.post(`${one}/return`, {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'Return a submitted assessment with a comment saying what to change (not by the person who submitted it)',
        params: assessmentParams,
        body: z.object({ comment: z.string().max(5000) }).strict(),
        response: { 200: detailBody, ...errors },
      },
      handler: async (request) => returnAssessment(request.ctx(), { organisationId: orgOf(request).id, assessmentId: request.params.assessmentId, comment: request.body.comment }),
    });

    app.post(`${one}/reassess`, {
      config: { access: editors, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'Start the next round from an approved assessment, pre-filled, on the template’s latest published version; answers it can no longer take are listed',
        params: assessmentParams,
        body: z.object({}).strict().optional(),
        response: {
          201: z.object({ assessment: detailBody, droppedAnswers: z.array(z.object({ questionId: z.string(), title: z.string(), reason: z.string() })) }),
          ...errors,
        },
      },
      handler: async (request, reply) => reply.status(201).send(await reassessAssessment(request.ctx(), { organisationId: orgOf(request).id, assessmentId: request.params.assessmentId })),
    });

    const scoreSide = z.object({ assessmentId: z.uuid(), round: z.number().int(), scores: z.record(z.string(), z.number()), current: z.number(), level: z.string().nullable() });
    app.get(`${one}/diff`, {
      config: { access: readers, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'What changed against another round of the same assessment (default: the round before): answers and scores',
        params: assessmentParams,
        querystring: z.object({ against: z.uuid().optional() }).strict(),
        response: {
          200: z.object({
            before: z.object({ id: z.uuid(), round: z.number().int() }),
            after: z.object({ id: z.uuid(), round: z.number().int() }),
            answers: z.array(z.object({ questionId: z.string(), title: z.string(), before: answerValue.nullable(), after: answerValue.nullable() })),
            scores: z.object({ before: scoreSide, after: scoreSide }),
          }),
          ...errors,
        },
      },
      handler: async (request) => diffAssessmentRounds(request.ctx(), { organisationId: orgOf(request).id, assessmentId: request.params.assessmentId, against: request.query.against }),
    });

    app.post(`${one}/comments`, {
      config: { access: editors, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'Comment on the assessment or one of its questions (whoever fills it in or reviews it; not once approved)',
        params: assessmentParams,
        body: z.object({ questionId: questionId.nullable().optional(), body: z.string().max(5000) }).strict(),
        response: { 201: commentBody, ...errors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await addAssessmentComment(request.ctx(), { organisationId: orgOf(request).id, assessmentId: request.params.assessmentId, questionId: request.body.questionId, body: request.body.body })),
    });

    app.delete(`${one}/comments/:commentId`, {
      config: { access: editors, systemScopedTokens: true },
      schema: { tags, summary: 'Delete your own comment (not once approved)', params: commentParams, response: { 204: noContent, ...errors } },
      handler: async (request, reply) => {
        const { assessmentId, commentId } = request.params;
        await deleteAssessmentComment(request.ctx(), { organisationId: orgOf(request).id, assessmentId, commentId });
        return reply.status(204).send(null);
      },
    });

    // The raw upload lives in its own scope, so the octet-stream parser and the 20 MB limit apply to it alone.
    await app.register(async (upload) => {
      acceptRawFiles(upload);
      upload.withTypeProvider<ZodTypeProvider>().post(`${one}/attachments`, {
        config: { access: editors, systemScopedTokens: true },
        ...rawFileUpload,
        schema: {
          tags,
          summary: `Attach a file (to a question with ?questionId=): the raw bytes as the body (Content-Type: application/octet-stream), its type in X-File-Type (${EVIDENCE_CONTENT_TYPES.join(', ')}), at most 20 MB`,
          consumes: ['application/octet-stream'],
          params: assessmentParams,
          querystring: attachmentQuery,
          headers: z.object({ 'x-file-type': z.string().min(1).max(200) }),
          response: { 201: attachmentBody, ...errors, 422: errorBody },
        },
        handler: async (request, reply) => {
          const data = uploadedBytes(request.body);
          const created = await addAssessmentAttachment(request.ctx(), {
            organisationId: orgOf(request).id,
            assessmentId: request.params.assessmentId,
            questionId: request.query.questionId,
            fileName: request.query.name,
            contentType: request.headers['x-file-type'],
            data,
            storageDir: evidenceDir,
          });
          return reply.status(201).send(created);
        },
      });
    });

    app.get(`${one}/attachments/:attachmentId/file`, {
      config: { access: readers, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'Download an attached file, as an attachment with its stored type',
        produces: ['application/octet-stream'],
        params: attachmentParams,
        response: { 200: z.custom<Readable>((v) => v instanceof Readable).describe('The file, as uploaded (binary).'), ...errors },
      },
      handler: async (request, reply) => {
        const { assessmentId, attachmentId } = request.params;
        const file = await openAssessmentAttachment(request.ctx(), { organisationId: orgOf(request).id, assessmentId, attachmentId, storageDir: evidenceDir });
        return sendStoredFile(reply, file);
      },
    });

    app.delete(`${one}/attachments/:attachmentId`, {
      config: { access: editors, systemScopedTokens: true },
      schema: { tags, summary: 'Remove an attached file while the assessment is open (also from any file answer naming it)', params: attachmentParams, response: { 204: noContent, ...errors } },
      handler: async (request, reply) => {
        const { assessmentId, attachmentId } = request.params;
        await deleteAssessmentAttachment(request.ctx(), { organisationId: orgOf(request).id, assessmentId, attachmentId, storageDir: evidenceDir });
        return reply.status(204).send(null);
      },
    });

    for (const format of ['html', 'pdf', 'json'] as const) {
      app.get(`${one}/report.${format}`, {
        config: { access: readers, systemScopedTokens: true },
        schema: {
          tags,
          summary:
            format === 'html'
              ? 'The assessment as a printable HTML page (?lang=en|fr|es)'
              : format === 'pdf'
                ? 'The assessment as a PDF, as a download (?lang=en|fr|es)'
                : 'The assessment as JSON (format glassbox.assessment-report/1), as a download (?lang=en|fr|es)',
          produces: [format === 'html' ? 'text/html' : format === 'pdf' ? 'application/pdf' : 'application/json'],
          params: assessmentParams,
          querystring: langQuery,
          response: { 200: z.custom<string | Buffer>((v) => typeof v === 'string' || Buffer.isBuffer(v)).describe(`The report (${format}).`), ...errors },
        },
        handler: async (request, reply) => {
          const report = await renderAssessmentReport(request.ctx(), { organisationId: orgOf(request).id, assessmentId: request.params.assessmentId, locale: request.query.lang, format });
          void reply.header('content-type', report.contentType).header('cache-control', 'private, no-store');
          if (format === 'html') {
            // A standalone document with its own stylesheet and no scripts: allow its inline style only.
            void reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
          } else {
            void reply.header('content-disposition', contentDisposition(report.fileName));
          }
          return reply.send(report.body);
        },
      });
    }

    app.get(`${one}/aia-saved-file.json`, {
      config: { access: readers, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'The Canadian AIA answers in the official tool’s saved-file shape ({version, data}), to open them there; 404 for other templates',
        produces: ['application/json'],
        params: assessmentParams,
        response: { 200: z.custom<string>((v) => typeof v === 'string').describe('The saved file (JSON).'), ...errors },
      },
      handler: async (request, reply) => {
        const file = await getAiaSavedFile(request.ctx(), { organisationId: orgOf(request).id, assessmentId: request.params.assessmentId });
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', contentDisposition(file.fileName))
          .header('cache-control', 'private, no-store')
          .send(JSON.stringify(file.body, null, 2));
      },
    });
  };
