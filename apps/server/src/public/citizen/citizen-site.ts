/**
 * Public routes of citizen services (issue #5 points 5, 6, 9): report a concern, ask about a
 * decision, and the private status pages. Registered inside the public site (publicSite), so its
 * HTML error pages apply; this scope adds the urlencoded body parser and answers the rate limit
 * with a translated page.
 *
 * A post is acknowledged only after its transaction has committed: the redirect to the status page
 * (post/redirect/get, so a reload never sends it twice) is the acknowledgement. A refused post
 * shows the form again with what the person typed, the error summary and a message by each field.
 */
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  CITIZEN_LIMITS,
  getCitizenSettings,
  getConcernByStatusToken,
  getOrganisationBySlug,
  getRedressByStatusToken,
  listPublicSystemChoices,
  submitConcern,
  submitRedressRequest,
  systemCtx,
  type Database,
  type OrganisationView,
} from '@glassbox/core';
import { t, type Locale } from '../i18n.js';
import { negotiateLocale, queryParam } from '../locale.js';
import { checkFormToken, formBodyLimit, formFields, HONEYPOT_FIELD, issueFormToken } from './forms.js';
import { renderConcernForm, renderConcernStatus, renderRedressForm, renderRedressStatus, renderStatusNotFound, renderTooMany, type FormState } from './citizen.pages.js';

export type CitizenSiteOptions = {
  database: Database;
  /** Signs the forms' CSRF tokens (the session secret). */
  secret: () => string;
  /** Builds the private links sent by email. */
  publicBaseUrl: string;
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Public forms: 5 posts per 10 minutes per client address. */
const POST_LIMIT = { max: 5, timeWindow: '10 minutes' };
/** Room for the longest concern or request within the field limits, in any script. */
const FORM_BODY_LIMIT = Math.max(
  formBodyLimit([CITIZEN_LIMITS.description, CITIZEN_LIMITS.name, CITIZEN_LIMITS.email, CITIZEN_LIMITS.phone]),
  formBodyLimit([CITIZEN_LIMITS.description, CITIZEN_LIMITS.decisionReference, CITIZEN_LIMITS.name, CITIZEN_LIMITS.email, CITIZEN_LIMITS.postalAddress]),
);

const route = (extra: Record<string, unknown> = {}) => ({ config: { access: { public: true as const }, ...extra }, schema: { hide: true } });

function send(reply: FastifyReply, locale: Locale, body: string, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .header('content-language', locale)
    .header('vary', 'Accept-Language, Cookie')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(body);
}

const CONCERN_KEYS = ['category', 'system', 'description', 'contactName', 'contactEmail', 'contactPhone'] as const;
const REDRESS_KEYS = ['kind', 'system', 'decisionReference', 'description', 'contactName', 'contactEmail', 'postalAddress'] as const;

function pick(fields: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, (fields[k] ?? '').slice(0, 20_000)]));
}

export const citizenSite =
  (opts: CitizenSiteOptions): FastifyPluginAsync =>
  async (app) => {
    const { db } = opts.database;
    const ctx = () => systemCtx(db, 'public');
    await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });

    app.setErrorHandler((error: unknown, request, reply) => {
      if ((error as { statusCode?: number } | null)?.statusCode === 429) {
        const locale = negotiateLocale(request, reply);
        return send(reply, locale, renderTooMany(locale, request.url.split('?')[0] ?? '/'), 429);
      }
      throw error;
    });

    async function orgOf(request: FastifyRequest<{ Params: { slug: string } }>): Promise<OrganisationView> {
      const org = SLUG.test(request.params.slug) ? await getOrganisationBySlug(db, request.params.slug) : null;
      if (!org) throw new AppError('not_found', 'organisation.not_found', 'No such organisation.');
      return org;
    }

    const statusUrl = (org: OrganisationView, kind: 'concerns' | 'requests') => (token: string) =>
      `${opts.publicBaseUrl.replace(/\/$/, '')}/${org.slug}/${kind}/status/${token}`;

    // ---- concerns

    const concernForm = async (request: FastifyRequest, reply: FastifyReply, org: OrganisationView, locale: Locale, state: Omit<FormState, 'token'>, status: number) => {
      const systems = await listPublicSystemChoices(ctx(), org.id);
      const token = issueFormToken(request, reply, opts.secret(), `concern:${org.id}`);
      return send(reply, locale, renderConcernForm(locale, org, systems, { ...state, token }), status);
    };

    app.get<{ Params: { slug: string } }>('/:slug/concerns/new', route(), async (request, reply) => {
      const org = await orgOf(request);
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      return concernForm(request, reply, org, locale, { values: { system: queryParam(request, 'system') ?? '' }, problems: {} }, 200);
    });

    app.post<{ Params: { slug: string } }>('/:slug/concerns', route({ rateLimit: POST_LIMIT }), async (request, reply) => {
      const org = await orgOf(request);
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      const fields = formFields(request.body);
      const values = pick(fields, CONCERN_KEYS);
      if (!checkFormToken(request, opts.secret(), `concern:${org.id}`, fields.formToken) || (fields[HONEYPOT_FIELD] ?? '') !== '') {
        return concernForm(request, reply, org, locale, { values, problems: {}, general: t(locale, 'formExpired') }, 400);
      }
      try {
        const sent = await submitConcern(ctx(), { organisationId: org.id, organisationName: org.name, locale, ...values, statusUrl: statusUrl(org, 'concerns') });
        return reply.redirect(`/${org.slug}/concerns/status/${sent.statusToken}?sent=1&lang=${locale}`, 303);
      } catch (e) {
        if (e instanceof AppError && e.code === 'citizen.invalid') {
          return concernForm(request, reply, org, locale, { values, problems: (e.details?.problems ?? {}) as Record<string, string> }, 400);
        }
        throw e;
      }
    });

    app.get<{ Params: { slug: string; token: string } }>('/:slug/concerns/status/:token', route(), async (request, reply) => {
      const org = await orgOf(request);
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      const path = `/${org.slug}/concerns/status/${request.params.token}`;
      try {
        const status = await getConcernByStatusToken(ctx(), { organisationId: org.id, token: request.params.token });
        return send(reply, locale, renderConcernStatus(locale, org, status, { justSent: queryParam(request, 'sent') === '1', path }));
      } catch (e) {
        if (e instanceof AppError && e.kind === 'not_found') return send(reply, locale, renderStatusNotFound(locale, org, path), 404);
        throw e;
      }
    });

    // ---- redress requests

    const redressForm = async (request: FastifyRequest, reply: FastifyReply, org: OrganisationView, locale: Locale, state: Omit<FormState, 'token'>, status: number) => {
      const [systems, settings] = await Promise.all([listPublicSystemChoices(ctx(), org.id), getCitizenSettings(ctx(), org.id)]);
      const token = issueFormToken(request, reply, opts.secret(), `redress:${org.id}`);
      const days = { explanation: settings.explanationDays, human_review: settings.humanReviewDays, appeal: settings.appealDays };
      return send(reply, locale, renderRedressForm(locale, org, systems, days, { ...state, token }), status);
    };

    app.get<{ Params: { slug: string } }>('/:slug/requests/new', route(), async (request, reply) => {
      const org = await orgOf(request);
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      const kind = queryParam(request, 'kind') ?? '';
      return redressForm(request, reply, org, locale, { values: { system: queryParam(request, 'system') ?? '', kind }, problems: {} }, 200);
    });

    app.post<{ Params: { slug: string } }>('/:slug/requests', route({ rateLimit: POST_LIMIT }), async (request, reply) => {
      const org = await orgOf(request);
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      const fields = formFields(request.body);
      const values = pick(fields, REDRESS_KEYS);
      if (!checkFormToken(request, opts.secret(), `redress:${org.id}`, fields.formToken) || (fields[HONEYPOT_FIELD] ?? '') !== '') {
        return redressForm(request, reply, org, locale, { values, problems: {}, general: t(locale, 'formExpired') }, 400);
      }
      try {
        const sent = await submitRedressRequest(ctx(), { organisationId: org.id, organisationName: org.name, locale, ...values, statusUrl: statusUrl(org, 'requests') });
        return reply.redirect(`/${org.slug}/requests/status/${sent.statusToken}?sent=1&lang=${locale}`, 303);
      } catch (e) {
        if (e instanceof AppError && e.code === 'citizen.invalid') {
          return redressForm(request, reply, org, locale, { values, problems: (e.details?.problems ?? {}) as Record<string, string> }, 400);
        }
        throw e;
      }
    });

    app.get<{ Params: { slug: string; token: string } }>('/:slug/requests/status/:token', route(), async (request, reply) => {
      const org = await orgOf(request);
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      const path = `/${org.slug}/requests/status/${request.params.token}`;
      try {
        const status = await getRedressByStatusToken(ctx(), { organisationId: org.id, token: request.params.token });
        return send(reply, locale, renderRedressStatus(locale, org, status, { justSent: queryParam(request, 'sent') === '1', path }));
      } catch (e) {
        if (e instanceof AppError && e.kind === 'not_found') return send(reply, locale, renderStatusNotFound(locale, org, path), 404);
        throw e;
      }
    });
  };
