/**
 * Assessment templates (issue #4 point 8): the built-in templates and the organisation's own, their
 * versions, import and export of template files (Glassbox JSON or YAML, or SurveyJS, e.g. the
 * official Canadian AIA file), clone, edit a draft, publish, archive, and a live score for the
 * preview. Invalid files get 400 `template.invalid` with `fields` keyed by the path of the offending
 * element (`sections[2].questions[0].choices`).
 *
 * Who: every member and read tokens read; administrators and governance officers change (the
 * service checks the same through assessments/templates/policy.ts). The preview score is a POST that
 * changes nothing, so read tokens may call it too.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cloneTemplate,
  discardDraft,
  exportTemplateVersion,
  getTemplate,
  getTemplateVersion,
  importTemplate,
  listTemplates,
  previewTemplateScore,
  publishDraft,
  setTemplateArchived,
  TEMPLATE_EXPORT_FORMATS,
  TEMPLATE_IMPORT_FORMATS,
  updateDraft,
} from '@glassbox/core';
import { errors, noContent, nullableTimestamp, orgParams, timestamp } from '../schemas.js';
import { orgOf } from './org.routes.js';

const readers = { org: 'member', token: 'read' } as const;
const managers = { org: ['admin', 'governance_officer'] } as const;
const tags = ['assessment templates'];

const templateParams = orgParams.extend({ templateId: z.uuid() }).strict();
const versionParams = orgParams.extend({ versionId: z.uuid() }).strict();

const person = z.object({ id: z.string(), displayName: z.string() }).nullable();

const versionSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  contentHash: z.string(),
  createdAt: timestamp,
  createdBy: person,
  publishedAt: nullableTimestamp,
  publishedBy: person,
});

const templateBody = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  subject: z.enum(['system', 'organisation']),
  origin: z.enum(['builtin', 'imported', 'custom']),
  builtin: z.boolean(),
  archivedAt: nullableTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  latestPublished: versionSummary.nullable(),
  draft: versionSummary.nullable(),
  inUse: z.boolean().describe('True when new assessments of this key start on this template.'),
});

const templateDetailBody = templateBody.extend({ versions: z.array(versionSummary) });

const importReport = z
  .object({
    format: z.enum(TEMPLATE_IMPORT_FORMATS),
    importer: z.enum(['glassbox', 'surveyjs', 'canada-aia']),
    unsupported: z.array(z.object({ path: z.string(), feature: z.string(), detail: z.string() })),
  })
  .nullable();

/** The document follows the template format (glassbox.assessment-template/1, see README); checked by the service, not here. */
const documentSchema = z.record(z.string(), z.unknown());

const versionBody = versionSummary.extend({
  templateId: z.uuid(),
  key: z.string(),
  builtin: z.boolean(),
  document: documentSchema,
  importReport,
});

const importBody = z
  .object({
    format: z.enum(TEMPLATE_IMPORT_FORMATS),
    content: z.string().min(1).max(1024 * 1024),
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'Use 1 to 80 lower-case letters, digits and hyphens.')
      .optional()
      .describe('The key of the new template: needed for SurveyJS files other than the official Canadian AIA; for JSON and YAML it must match the file if given.'),
  })
  .strict();

const exportQuery = z.object({ format: z.enum(TEMPLATE_EXPORT_FORMATS).default('json') }).strict();

const answerValue = z.union([z.string().max(20_000), z.number(), z.array(z.string().max(1000)).max(1000)]);
const previewBody = z.object({ answers: z.record(z.string().max(200), answerValue) }).strict();

const localText = z.record(z.string(), z.string().optional());
const scoreResultBody = z.object({
  scores: z.record(z.string(), z.number()),
  maxima: z.record(z.string(), z.number()),
  current: z.number(),
  applied: z.array(z.string()),
  level: z.string().nullable(),
  sections: z.array(z.object({ sectionId: z.string(), scores: z.record(z.string(), z.object({ score: z.number(), max: z.number() })), questions: z.number().int() })),
  gaps: z.array(z.object({ questionId: z.string(), sectionId: z.string(), recommendation: localText, score: z.number(), max: z.number() })),
  missingRequired: z.array(z.string()),
  progress: z.object({ answerable: z.number().int(), answered: z.number().int() }),
});

export const assessmentTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = '/api/v1/orgs/:org/assessment-templates';
  const version = '/api/v1/orgs/:org/assessment-template-versions/:versionId';

  app.get(base, {
    config: { access: readers, conditional: 'org+people' },
    schema: {
      tags,
      summary: 'The built-in assessment templates and the organisation’s own, each with its latest published version and its draft',
      params: orgParams,
      response: { 200: z.object({ items: z.array(templateBody), total: z.number().int() }), ...errors },
    },
    handler: async (request) => listTemplates(request.ctx(), { organisationId: orgOf(request).id }),
  });

  app.post(`${base}/import`, {
    config: { access: managers },
    schema: {
      tags,
      summary:
        'Import a template file as a draft: `format` json or yaml (the Glassbox template format) or surveyjs (e.g. the official Canadian AIA file), `content` the file’s text. Adds a draft to the organisation’s template with the document’s key (replacing an existing draft) or creates it. Invalid files: 400 `template.invalid` with `fields` keyed by element path. SurveyJS features that could not be carried over are listed in `importReport.unsupported`.',
      params: orgParams,
      body: importBody,
      response: { 201: versionBody, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await importTemplate(request.ctx(), { organisationId: orgOf(request).id, ...request.body })),
  });

  app.get(`${base}/:templateId`, {
    config: { access: readers, conditional: 'org+people' },
    schema: {
      tags,
      summary: 'One assessment template with all its versions (documents via …/assessment-template-versions/:versionId)',
      params: templateParams,
      response: { 200: templateDetailBody, ...errors },
    },
    handler: async (request) => getTemplate(request.ctx(), { organisationId: orgOf(request).id, templateId: request.params.templateId }),
  });

  app.post(`${base}/:templateId/clone`, {
    config: { access: managers },
    schema: {
      tags,
      summary:
        'Clone: for a built-in, the organisation’s own copy with a draft version 1 (same key when free, and then it takes precedence over the built-in once published); for the organisation’s template, a new draft from its latest published version (409 `template.draft_exists` when there is one)',
      params: templateParams,
      response: { 201: versionBody, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await cloneTemplate(request.ctx(), { organisationId: orgOf(request).id, templateId: request.params.templateId })),
  });

  for (const archived of [true, false]) {
    app.post(`${base}/:templateId/${archived ? 'archive' : 'unarchive'}`, {
      config: { access: managers },
      schema: {
        tags,
        summary: archived
          ? 'Archive the organisation’s template: new assessments of its key fall back to the built-in (assessments already started keep their version)'
          : 'Restore an archived template',
        params: templateParams,
        response: { 200: templateDetailBody, ...errors },
      },
      handler: async (request) => setTemplateArchived(request.ctx(), { organisationId: orgOf(request).id, templateId: request.params.templateId, archived }),
    });
  }

  app.get(version, {
    config: { access: readers, conditional: 'org+people' },
    schema: {
      tags,
      summary: 'One template version: its document (the template format, returned as stored; not described further here) and its import report',
      params: versionParams,
      response: { 200: versionBody, ...errors },
    },
    handler: async (request) => getTemplateVersion(request.ctx(), { organisationId: orgOf(request).id, versionId: request.params.versionId }),
  });

  app.get(`${version}/export`, {
    config: { access: readers },
    schema: {
      tags,
      summary: 'Download a version as a template file (JSON or YAML), as an attachment; importing it again gives the same document',
      produces: ['application/json', 'application/yaml'],
      params: versionParams,
      querystring: exportQuery,
      response: { 200: z.string().describe('The template file.'), ...errors },
    },
    handler: async (request, reply) => {
      const file = await exportTemplateVersion(request.ctx(), { organisationId: orgOf(request).id, versionId: request.params.versionId, format: request.query.format });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.text);
    },
  });

  app.put(version, {
    config: { access: managers },
    schema: {
      tags,
      summary: 'Replace a draft’s document (the key cannot change). 409 `template.version_published` for a published version; 400 `template.invalid` with `fields` by element path.',
      params: versionParams,
      body: z.object({ document: documentSchema.describe('A template document (glassbox.assessment-template/1).') }).strict(),
      response: { 200: versionBody, ...errors },
    },
    handler: async (request) => updateDraft(request.ctx(), { organisationId: orgOf(request).id, versionId: request.params.versionId, document: request.body.document }),
  });

  app.delete(version, {
    config: { access: managers },
    schema: {
      tags,
      summary: 'Throw a draft away (a template never published goes with it). 409 `template.version_published` for a published version.',
      params: versionParams,
      response: { 204: noContent, ...errors },
    },
    handler: async (request, reply) => {
      await discardDraft(request.ctx(), { organisationId: orgOf(request).id, versionId: request.params.versionId });
      return reply.status(204).send(null);
    },
  });

  app.post(`${version}/publish`, {
    config: { access: managers },
    schema: {
      tags,
      summary: 'Publish a draft: it never changes again, and new assessments of its key start on it',
      params: versionParams,
      response: { 200: versionBody, ...errors },
    },
    handler: async (request) => publishDraft(request.ctx(), { organisationId: orgOf(request).id, versionId: request.params.versionId }),
  });

  app.post(`${version}/preview-score`, {
    config: { access: readers, readOnly: true },
    schema: {
      tags,
      summary: 'Score answers against a version without storing anything (the preview’s live score): scores, maxima, adjustments, level, section scores, gaps, missing required questions, progress',
      params: versionParams,
      body: previewBody,
      response: { 200: scoreResultBody, ...errors },
    },
    handler: async (request) => previewTemplateScore(request.ctx(), { organisationId: orgOf(request).id, versionId: request.params.versionId, answers: request.body.answers }),
  });
};
