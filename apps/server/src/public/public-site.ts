/**
 * The public website: server-rendered HTML that works without JavaScript (and sends none), in
 * English, Spanish and French. `/` is the instance home, `/:slug` an organisation's landing page,
 * `/assets/public.css` the only stylesheet. Registered without fastify-plugin on purpose: the HTML
 * error handler set here applies to these routes only, while the API keeps its JSON errors.
 */
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, getOrganisationBySlug, listOrganisations, type Database } from '@glassbox/core';
import { renderBadRequestPage, renderNotFoundPage, renderServerErrorPage } from './error.page.js';
import { renderOrganisationList } from './home.page.js';
import type { Locale } from './i18n.js';
import { renderLandingPage } from './landing.page.js';
import { citizenSite } from './citizen/citizen-site.js';
import { engagementSite } from './engagement/engagement-site.js';
import { localeOf, negotiateLocale } from './locale.js';
import { PUBLIC_CSS, PUBLIC_CSS_ETAG, STYLESHEET_PATH } from './public.css.js';

/** Every public-site route: open to anyone, and kept out of the API's OpenAPI document. */
const PUBLIC_ROUTE = { config: { access: { public: true as const } }, schema: { hide: true } };

/** Same rule as createOrganisation: anything else cannot be a slug, so it is a 404 without a query. */
const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function sendPage(reply: FastifyReply, locale: Locale, body: string, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('cache-control', 'no-cache')
    .header('content-language', locale)
    .header('vary', 'Accept-Language, Cookie')
    .type('text/html; charset=utf-8')
    .send(body);
}

/** The request's path for the language switcher, reduced to something that can only point at this site. */
function switcherPath(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '/';
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : '/';
}

function statusOf(error: unknown): number {
  if (error instanceof AppError) return error.status;
  const status = (error as Partial<FastifyError> | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/**
 * The public site's HTML 404, for the app-wide not-found handler to use on paths outside /api and
 * /app (e.g. /riverton/unknown), which no route of this plugin matches.
 */
export function sendPublicNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = localeOf(request);
  return sendPage(reply, locale, renderNotFoundPage(locale, switcherPath(request)), 404);
}

export type PublicSiteOptions = {
  database: Database;
  /** Signs the CSRF tokens of the public forms (the session secret); read when a form is served. */
  secret: () => string;
  /** The site's public address, for links sent by email. */
  publicBaseUrl: string;
};

export const publicSite =
  (opts: PublicSiteOptions): FastifyPluginAsync =>
  async (app) => {
    const { db } = opts.database;

    app.setErrorHandler((error: unknown, request, reply) => {
      const status = statusOf(error);
      const locale = localeOf(request);
      const path = switcherPath(request);
      if (status >= 500) {
        request.log.error({ err: error }, 'public page failed');
        return sendPage(reply, locale, renderServerErrorPage(locale, path, request.id), 500);
      }
      request.log.info({ status, code: error instanceof AppError ? error.code : undefined }, 'public page request refused');
      if (status === 404) return sendPage(reply, locale, renderNotFoundPage(locale, path), 404);
      return sendPage(reply, locale, renderBadRequestPage(locale, path), status);
    });

    app.get(STYLESHEET_PATH, PUBLIC_ROUTE, async (request, reply) => {
      void reply.header('cache-control', 'public, max-age=3600').header('etag', PUBLIC_CSS_ETAG);
      if (request.headers['if-none-match'] === PUBLIC_CSS_ETAG) return reply.status(304).send();
      return reply.type('text/css; charset=utf-8').send(PUBLIC_CSS);
    });

    // One statement: the list. With a single organisation it is that organisation's landing page.
    app.get('/', PUBLIC_ROUTE, async (request, reply) => {
      const orgs = await listOrganisations(db);
      const only = orgs.length === 1 ? orgs[0] : undefined;
      if (only) {
        const locale = negotiateLocale(request, reply, only.defaultLocale);
        return sendPage(reply, locale, await renderLandingPage({ db, org: only, locale }, '/'));
      }
      const locale = negotiateLocale(request, reply);
      return sendPage(reply, locale, renderOrganisationList(locale, orgs));
    });

    // One statement for the organisation, plus the landing sections' own fixed number.
    app.get<{ Params: { slug: string } }>('/:slug', PUBLIC_ROUTE, async (request, reply) => {
      const { slug } = request.params;
      const org = SLUG_PATTERN.test(slug) ? await getOrganisationBySlug(db, slug) : null;
      if (!org) {
        const locale = negotiateLocale(request, reply);
        return sendPage(reply, locale, renderNotFoundPage(locale, `/${encodeURIComponent(slug)}`), 404);
      }
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      return sendPage(reply, locale, await renderLandingPage({ db, org, locale }, `/${org.slug}`));
    });

    await app.register(citizenSite({ database: opts.database, secret: opts.secret, publicBaseUrl: opts.publicBaseUrl }));
    await app.register(engagementSite({ database: opts.database, secret: opts.secret }));
  };
