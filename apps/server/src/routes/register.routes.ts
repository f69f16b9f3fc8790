/**
 * The public register, staff side (issue #5 point 2), plus the public register pages and open data
 * (registered here as their own encapsulated plugin, public/register/register-site.ts).
 *
 *   GET/PUT  …/systems/:systemId/register-entry               the draft: texts, public fields, links
 *   GET      …/systems/:systemId/register-entry/preview       the public page as it would be (?lang=)
 *   GET      …/systems/:systemId/register-entry/checks        what publishing now would still lack
 *   POST     …/systems/:systemId/register-entry/publish       publish the draft as the next version
 *   POST     …/systems/:systemId/register-entry/withdraw      take it off the register {reason}
 *   GET      …/systems/:systemId/register-entry/publications  the history, newest first
 *   GET/PUT  /api/v1/orgs/:org/register-settings              formats, organisation facts
 *
 * Who: every member and read tokens read; the draft is edited by admins, governance officers, the
 * system's owner and write tokens reaching the system; publishing, withdrawing and the settings
 * are for admins and governance officers (people only: a publication is an accountable decision).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkRegisterEntry,
  getRegisterEntry,
  getRegisterSettings,
  listRegisterPublications,
  POLICY_AREAS,
  previewRegisterEntry,
  PUBLIC_TEXT_FIELDS,
  publishRegisterEntry,
  REGISTER_PUBLISH_FORMATS,
  REGISTER_TEXT_KEYS,
  saveRegisterEntry,
  TECHNIQUES,
  updateRegisterSettings,
  USE_TYPES,
  withdrawRegisterEntry,
  type Database,
  type RegisterTextKey,
} from '@glassbox/core';
import { isLocale } from '../public/i18n.js';
import { localeOf } from '../public/locale.js';
import { publicRegister } from '../public/register/register-site.js';
import { renderSystemPageSections } from '../public/register/system-page.sections.js';
import { renderSystemPage } from '../public/register/system.page.js';
import { errors, nullableTimestamp, orgParams, paging, timestamp } from '../schemas.js';
import { orgOf } from './org.routes.js';

const readers = { org: 'member', token: 'read' } as const;
const draftWriters = { org: ['admin', 'governance_officer', 'system_owner'], token: 'write' } as const;
const governors = { org: ['admin', 'governance_officer'] } as const;
const tags = ['register'];

const systemRef = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, 'Give the system id or its slug.');
const systemParams = orgParams.extend({ systemId: systemRef }).strict();

const textKey = z.enum(REGISTER_TEXT_KEYS as [RegisterTextKey, ...RegisterTextKey[]]);
const textsIn = z
  .object(Object.fromEntries(PUBLIC_TEXT_FIELDS.map((f) => [f.key, z.string().max(f.maxLength, `At most ${f.maxLength} characters.`).optional()])) as Record<RegisterTextKey, z.ZodOptional<z.ZodString>>)
  .strict();
const textsOut = z.object(Object.fromEntries(REGISTER_TEXT_KEYS.map((k) => [k, z.string()])) as Record<RegisterTextKey, z.ZodString>);

const LINKS = ['documentationUrl', 'codeUrl', 'sourceDataUrl', 'dpiaUrl', 'impactAssessmentUrl', 'providerEuDatabaseUrl', 'legalBasisUrl'] as const;
const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);
const linksIn = z.object(Object.fromEntries(LINKS.map((k) => [k, httpUrl.nullable().optional()])) as Record<(typeof LINKS)[number], z.ZodOptional<z.ZodNullable<typeof httpUrl>>>).strict();
const linksOut = z.object(Object.fromEntries(LINKS.map((k) => [k, z.string().nullable()])) as Record<(typeof LINKS)[number], z.ZodNullable<z.ZodString>>);

const detailsIn = z
  .object({
    links: linksIn,
    policyArea: z.enum(POLICY_AREAS).nullable(),
    technique: z.enum(TECHNIQUES).nullable(),
    useType: z.enum(USE_TYPES).nullable(),
    nextReviewDue: z.iso.date().nullable(),
  })
  .partial()
  .strict();

const entryBody = z.object({
  system: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), publicVisibility: z.enum(['public', 'internal']), archived: z.boolean() }),
  texts: textsOut,
  publicFields: z.array(textKey),
  details: z.object({ links: linksOut, policyArea: z.string().nullable(), technique: z.string().nullable(), useType: z.string().nullable(), nextReviewDue: z.string().nullable() }),
  updatedAt: nullableTimestamp,
  updatedBy: z.string().nullable(),
  latest: z.object({ version: z.number().int(), state: z.enum(['published', 'withdrawn']), publishedAt: timestamp }).nullable(),
});

const publicationBody = z.object({
  id: z.uuid(),
  systemId: z.uuid(),
  version: z.number().int(),
  state: z.enum(['published', 'withdrawn']),
  changedFields: z.array(z.string()),
  reason: z.string().nullable(),
  publishedBy: z.string(),
  publishedAt: timestamp,
  restricted: z.boolean(),
});

const formatEnum = z.enum(REGISTER_PUBLISH_FORMATS as unknown as [string, ...string[]]);
const orgDetails = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'Give a two-letter country code (ISO 3166-1), such as GB, NL or US.').nullable(),
  address: z.string().trim().max(500).nullable(),
  contactPhone: z.string().trim().max(50).nullable(),
  area: z.string().trim().max(200).nullable(),
  registrationContact: z.object({ name: z.string().trim().min(1).max(200), email: z.email().max(254), phone: z.string().trim().max(50).nullable() }).strict().nullable(),
});
const settingsBody = z.object({
  formats: z.array(z.string()),
  organisation: z.object({
    country: z.string().nullable(),
    address: z.string().nullable(),
    contactPhone: z.string().nullable(),
    area: z.string().nullable(),
    registrationContact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
  }),
  version: z.number().int(),
  publishedAt: nullableTimestamp,
  updatedAt: nullableTimestamp,
  available: z.array(z.object({ id: z.string(), requiredTexts: z.array(z.string()) })),
});

const checksBody = z.object({
  missing: z.array(z.object({ field: textKey, formats: z.array(z.string()) })),
  missingFacts: z.array(z.object({ source: z.string(), label: z.string(), where: z.string(), needs: z.array(z.object({ format: z.string(), field: z.string() })) })),
});

const requiredTexts = (format: string): string[] => PUBLIC_TEXT_FIELDS.filter((f) => (f.requiredFor as readonly string[]).includes(format)).map((f) => f.key);
const AVAILABLE = ['glassbox', ...REGISTER_PUBLISH_FORMATS].map((id) => ({ id, requiredTexts: requiredTexts(id) }));

export const registerRoutes =
  (opts: { database: Database; publicBaseUrl: string }): FastifyPluginAsyncZod =>
  async (app) => {
    const entry = '/api/v1/orgs/:org/systems/:systemId/register-entry';

    app.get(entry, {
      config: { access: readers, systemScopedTokens: true },
      schema: { tags, summary: 'A system’s register entry draft: texts, which are public, links and facts, and its latest publication', params: systemParams, response: { 200: entryBody, ...errors } },
      handler: async (request) => getRegisterEntry(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId }),
    });

    app.put(entry, {
      config: { access: draftWriters, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'Save the draft: only the texts and details given change; publicFields replaces the list of public texts. Nothing is public until published.',
        params: systemParams,
        body: z
          .object({ texts: textsIn, publicFields: z.array(textKey).max(REGISTER_TEXT_KEYS.length), details: detailsIn })
          .partial()
          .strict()
          .refine((b) => Object.keys(b).length > 0, { message: 'Give at least one of texts, publicFields, details.' }),
        response: { 200: entryBody, ...errors },
      },
      handler: async (request) => saveRegisterEntry(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, ...request.body }),
    });

    app.get(`${entry}/preview`, {
      config: { access: readers, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'The public page exactly as publishing now would render it (HTML), in ?lang=en|es|fr (default: the caller’s language choice)',
        produces: ['text/html'],
        params: systemParams,
        querystring: z.object({ lang: z.enum(['en', 'es', 'fr']).optional() }).strict(),
        response: { 200: z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('The page (HTML).'), ...errors },
      },
      handler: async (request, reply) => {
        const org = orgOf(request);
        const preview = await previewRegisterEntry(request.ctx(), { organisationId: org.id, ref: request.params.systemId, publicBaseUrl: opts.publicBaseUrl });
        const lang = request.query.lang;
        const locale = isLocale(lang) ? lang : localeOf(request);
        // Every section the public page has (reported problems, decision requests, consultations,
        // open data) through the same code, with the version to come in the change history; only
        // the banner tells the two apart.
        const system = { id: preview.record.system.id, slug: preview.record.system.slug, name: preview.record.system.name };
        const extra = await renderSystemPageSections({ db: opts.database.db, locale, org: { id: org.id, slug: org.slug, name: org.name }, system, now: new Date() });
        const body = renderSystemPage({
          locale,
          org: { slug: org.slug, name: org.name },
          record: preview.record,
          assessments: preview.assessments,
          history: preview.history,
          extra,
          forms: { request: app.hasRoute({ method: 'GET', url: '/:org/requests/new' }), concern: app.hasRoute({ method: 'GET', url: '/:org/concerns/new' }) },
          preview: true,
        });
        return reply.header('cache-control', 'private, no-store').header('content-language', locale).type('text/html; charset=utf-8').send(Buffer.from(body));
      },
    });

    app.get(`${entry}/checks`, {
      config: { access: readers, systemScopedTokens: true },
      schema: {
        tags,
        summary:
          'What publishing now would still lack: required texts (empty or not public) and the other facts the chosen formats need, each with the format fields it fills and where to set it',
        params: systemParams,
        response: { 200: checksBody, ...errors },
      },
      handler: async (request) => checkRegisterEntry(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, publicBaseUrl: opts.publicBaseUrl }),
    });

    app.post(`${entry}/publish`, {
      config: { access: governors },
      schema: {
        tags,
        summary:
          'Publish the draft as the next version. 400 `register.missing_fields` names each required text that is empty or not public, with the formats that need it (fields, details.missing), and each other fact the chosen formats need, with where to set it (details.missingFacts); 409 when the system is internal, archived or unchanged.',
        params: systemParams,
        response: { 201: publicationBody, ...errors },
      },
      handler: async (request, reply) => {
        const out = await publishRegisterEntry(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, publicBaseUrl: opts.publicBaseUrl });
        return reply.status(201).send(out.publication);
      },
    });

    app.post(`${entry}/withdraw`, {
      config: { access: governors },
      schema: {
        tags,
        summary: 'Take the system off the public register; a new version in state withdrawn records why.',
        params: systemParams,
        body: z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
        response: { 201: publicationBody, ...errors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await withdrawRegisterEntry(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, reason: request.body.reason })),
    });

    app.get(`${entry}/publications`, {
      config: { access: readers, systemScopedTokens: true },
      schema: {
        tags,
        summary: 'The entry’s publications and withdrawals, newest first',
        params: systemParams,
        querystring: z.object(paging).strict(),
        response: { 200: z.object({ items: z.array(publicationBody), total: z.number().int() }), ...errors },
      },
      handler: async (request) =>
        listRegisterPublications(request.ctx(), { organisationId: orgOf(request).id, ref: request.params.systemId, limit: request.query.limit, offset: request.query.offset }),
    });

    app.get('/api/v1/orgs/:org/register-settings', {
      config: { access: readers },
      schema: { tags, summary: 'The formats the organisation publishes in (with the texts each requires) and the organisation facts formats need', params: orgParams, response: { 200: settingsBody, ...errors } },
      handler: async (request) => ({ ...(await getRegisterSettings(request.ctx(), { organisationId: orgOf(request).id })), available: AVAILABLE }),
    });

    app.put('/api/v1/orgs/:org/register-settings', {
      config: { access: governors },
      schema: {
        tags,
        summary: 'Choose the formats (their required texts are checked when publishing) and set the organisation facts some formats need',
        params: orgParams,
        body: z.object({ formats: z.array(formatEnum).max(20), organisation: orgDetails.partial().strict() }).partial().strict(),
        response: { 200: settingsBody, ...errors },
      },
      handler: async (request) => ({ ...(await updateRegisterSettings(request.ctx(), { organisationId: orgOf(request).id, ...request.body })), available: AVAILABLE }),
    });

    await app.register(publicRegister({ database: opts.database, publicBaseUrl: opts.publicBaseUrl }));
  };
