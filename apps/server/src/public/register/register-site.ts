/**
 * The public register's routes (issue #5 points 1, 3, 12), all under the organisation's path:
 *
 *   /:org/register                      the list (search, filters, sort, pages), HTML
 *   /:org/register/:system              one system's page, HTML
 *   /:org/register.json | .csv          the whole register
 *   /:org/register/:system.json         one record
 *   /:org/register/:system/<format>     one record in a format: uk-atrs.json?tier=1|2,
 *                                       nl-algoritmeregister.json, eurocities.json,
 *                                       eu-annex-viii-c.json, us-omb-2025.csv
 *   /:org/register/formats/<format>     the whole register in a format (same names; OMB also .json)
 *   /:org/register/feed.atom            publications and withdrawals
 *   /assets/register.css                the register's stylesheet
 *
 * Every response costs at most one indexed statement when it can be answered from the cache: the
 * organisation with its audit chain head, register version and consultation schedule mark
 * (getPublicRegisterHead), shared by the requests for the same organisation that arrive while the
 * next one waits (freshReads). The ETag derives from those, the language and the URL, so a repeat
 * request gets a 304 and a first request for an unchanged page is served from the in-process cache
 * (page-cache.ts). The schedule mark moves when a consultation opens or closes by its dates (no
 * audited change then), so a system page never keeps showing the state from before. Pages render
 * from data read after the head, as of the head's time, so a key never holds an older page. Last-Modified
 * is the time of the latest publication or organisation change; If-Modified-Since is honoured for
 * open data when no If-None-Match is sent (HTML pages also show other modules' data, so they
 * revalidate by ETag only).
 */
import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  getPublicRegisterFacets,
  getPublicRegisterHead,
  getPublicSystem,
  listPublicRecords,
  listPublicRegister,
  listRegisterFeed,
  type Database,
  type PublicRegisterHead,
} from '@glassbox/core';
import { renderBadRequestPage, renderNotFoundPage, renderServerErrorPage } from '../error.page.js';
import type { Locale } from '../i18n.js';
import { localeOf, negotiateLocale, queryParam } from '../locale.js';
import { renderRegisterList, parseListQuery, PAGE_SIZE } from './list.page.js';
import { exportOne, formatId, formatJson, isUrlFormat, ombCsv, recordJson, registerAtom, registerCsv, registerJson, type UrlFormat } from './open-data.js';
import { freshReads, PageCache, type CachedResponse } from './page-cache.js';
import { REGISTER_CSS, REGISTER_CSS_ETAG, REGISTER_CSS_PATH } from './register.css.js';
import { renderSystemPageSections } from './system-page.sections.js';
import { renderSystemPage } from './system.page.js';

const PUBLIC_ROUTE = { config: { access: { public: true as const } }, schema: { hide: true } };
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SYSTEM_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';
const ATOM = 'application/atom+xml; charset=utf-8';

type Kind = 'html' | 'data';

function switcherPath(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '/';
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : '/';
}

function statusOf(error: unknown): number {
  if (error instanceof AppError) return error.status;
  const status = (error as Partial<FastifyError> | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((c) => c.trim().replace(/^W\//, '') === etag);
}

export type PublicRegisterOptions = { database: Database; publicBaseUrl: string; cache?: PageCache };

export const publicRegister =
  (opts: PublicRegisterOptions): FastifyPluginAsync =>
  async (app: FastifyInstance) => {
    const { db } = opts.database;
    const baseUrl = opts.publicBaseUrl.replace(/\/+$/, '');
    const cache = opts.cache ?? new PageCache();
    let forms: { request: boolean; concern: boolean } | null = null;
    const citizenForms = () =>
      (forms ??= {
        request: app.hasRoute({ method: 'GET', url: '/:org/requests/new' }),
        concern: app.hasRoute({ method: 'GET', url: '/:org/concerns/new' }),
      });

    app.setErrorHandler((error: unknown, request, reply) => {
      const status = statusOf(error);
      const locale = localeOf(request);
      const path = switcherPath(request);
      if (status >= 500) {
        request.log.error({ err: error }, 'register page failed');
        return sendHtml(reply, locale, renderServerErrorPage(locale, path, request.id), 500);
      }
      if (status === 404) return sendHtml(reply, locale, renderNotFoundPage(locale, path), 404);
      return sendHtml(reply, locale, renderBadRequestPage(locale, path), status);
    });

    function sendHtml(reply: FastifyReply, locale: Locale, body: string, status = 200): FastifyReply {
      return reply.status(status).header('cache-control', 'no-cache').header('content-language', locale).header('vary', 'Accept-Language, Cookie').type(HTML).send(body);
    }

    const notFound = (): never => {
      throw new AppError('not_found', 'register.not_found', 'Not on the register.');
    };

    /**
     * Requests for the same organisation share head reads (freshReads): under load most requests
     * cost no statement of their own, yet each gets a read that started after it arrived, so none
     * sees a version from before a publication that had committed when it came in.
     */
    const readHead = freshReads((slug) => getPublicRegisterHead(db, slug));
    const rendering = new Map<string, Promise<CachedResponse | null>>();
    async function headOf(slug: string): Promise<PublicRegisterHead> {
      if (!SLUG.test(slug)) return notFound();
      return (await readHead(slug)) ?? notFound();
    }

    const lastModified = (head: PublicRegisterHead): Date => {
      const times = [head.org.updatedAt.getTime(), head.publishedAt?.getTime() ?? 0];
      // HTTP dates have whole seconds.
      return new Date(Math.floor(Math.max(...times) / 1000) * 1000);
    };

    /**
     * Answers from the version: 304 when the client has it, the cached body when we do, else
     * renders (render returns null for a 404) and caches a 200.
     */
    async function serve(
      request: FastifyRequest,
      reply: FastifyReply,
      head: PublicRegisterHead,
      kind: Kind,
      locale: Locale | null,
      render: () => Promise<{ body: string; contentType: string } | null>,
    ): Promise<FastifyReply> {
      const version = `${head.org.id}|${head.dataVersion}|${head.registerVersion}|${head.org.updatedAt.getTime()}|${head.scheduleMark}`;
      const key = `${version}|${locale ?? '-'}|${request.url}`;
      const etag = `"${createHash('sha1').update(key).digest('base64url')}"`;
      const modified = lastModified(head);
      void reply.header('etag', etag).header('last-modified', modified.toUTCString()).header('cache-control', 'no-cache');
      if (locale) void reply.header('content-language', locale).header('vary', 'Accept-Language, Cookie');
      else void reply.header('access-control-allow-origin', '*');
      const inm = request.headers['if-none-match'];
      const ims = request.headers['if-modified-since'];
      if (matches(inm, etag) || (kind === 'data' && !inm && ims && Date.parse(ims) >= modified.getTime())) {
        return reply.status(304).send();
      }
      let hit: CachedResponse | null | undefined = cache.get(key);
      if (!hit) {
        // Concurrent misses for the same page share one rendering.
        let pending = rendering.get(key);
        if (!pending) {
          pending = render()
            .then((rendered) => {
              if (!rendered) return null;
              const entry = { body: Buffer.from(rendered.body), etag, status: 200, contentType: rendered.contentType };
              cache.set(key, entry);
              return entry;
            })
            .finally(() => rendering.delete(key));
          rendering.set(key, pending);
        }
        hit = await pending;
        if (!hit) return notFound();
      }
      return reply.status(hit.status).type(hit.contentType).send(hit.body);
    }

    app.get(REGISTER_CSS_PATH, PUBLIC_ROUTE, async (request, reply) => {
      void reply.header('cache-control', 'public, max-age=3600').header('etag', REGISTER_CSS_ETAG);
      if (request.headers['if-none-match'] === REGISTER_CSS_ETAG) return reply.status(304).send();
      return reply.type('text/css; charset=utf-8').send(REGISTER_CSS);
    });

    app.get<{ Params: { org: string } }>('/:org/register', PUBLIC_ROUTE, async (request, reply) => {
      const head = await headOf(request.params.org);
      const locale = negotiateLocale(request, reply, head.org.defaultLocale);
      return serve(request, reply, head, 'html', locale, async () => {
        const query = parseListQuery(request.query);
        const [list, facets] = await Promise.all([
          listPublicRegister(db, {
            organisationId: head.org.id,
            q: query.q,
            tier: query.tier || undefined,
            area: query.area || undefined,
            status: query.status || undefined,
            unit: query.unit || undefined,
            sort: query.sort,
            limit: PAGE_SIZE,
            offset: (query.page - 1) * PAGE_SIZE,
          }),
          getPublicRegisterFacets(db, head.org.id),
        ]);
        const body = renderRegisterList({ locale, org: head.org, query, items: list.items, total: list.total, facets });
        return { body, contentType: HTML };
      });
    });

    app.get<{ Params: { org: string } }>('/:org/register.json', PUBLIC_ROUTE, async (request, reply) => {
      const head = await headOf(request.params.org);
      return serve(request, reply, head, 'data', null, async () => ({
        body: registerJson(head.org, baseUrl, await listPublicRecords(db, head.org.id), head.publishedAt),
        contentType: JSON_TYPE,
      }));
    });

    app.get<{ Params: { org: string } }>('/:org/register.csv', PUBLIC_ROUTE, async (request, reply) => {
      const head = await headOf(request.params.org);
      void reply.header('content-disposition', `attachment; filename="${head.org.slug}-ai-register.csv"`);
      return serve(request, reply, head, 'data', null, async () => ({ body: registerCsv(await listPublicRecords(db, head.org.id)), contentType: CSV }));
    });

    app.get<{ Params: { org: string; format: string } }>('/:org/register/formats/:format', PUBLIC_ROUTE, async (request, reply) => {
      const head = await headOf(request.params.org);
      const match = /^([a-z0-9-]+)\.(json|csv)$/.exec(request.params.format);
      const name = match?.[1] ?? '';
      if (!match || !isUrlFormat(name) || (match[2] === 'csv' && name !== 'us-omb-2025')) return notFound();
      const tier = tierOf(request);
      if (tier === null) return notFound();
      return serve(request, reply, head, 'data', null, async () => {
        const published = await listPublicRecords(db, head.org.id);
        if (match[2] === 'csv') return { body: ombCsv(published), contentType: CSV };
        return { body: formatJson(formatId(name, tier), head.org, published), contentType: JSON_TYPE };
      });
    });

    // One route for the system page, its JSON and the feed: the router cannot tell `x` from `x.json`.
    app.get<{ Params: { org: string; item: string } }>('/:org/register/:item', PUBLIC_ROUTE, async (request, reply) => {
      const head = await headOf(request.params.org);
      const { item } = request.params;
      if (item === 'feed.atom') {
        const locale = negotiateLocale(request, reply, head.org.defaultLocale);
        return serve(request, reply, head, 'data', locale, async () => ({
          body: registerAtom(locale, head.org, baseUrl, await listRegisterFeed(db, head.org.id), head.publishedAt),
          contentType: ATOM,
        }));
      }
      if (item.endsWith('.json')) {
        const slug = item.slice(0, -5);
        if (!SYSTEM_SLUG.test(slug)) return notFound();
        return serve(request, reply, head, 'data', null, async () => {
          const found = await getPublicSystem(db, { organisationId: head.org.id, slug });
          return found ? { body: recordJson(found), contentType: JSON_TYPE } : null;
        });
      }
      if (!SYSTEM_SLUG.test(item)) return notFound();
      const locale = negotiateLocale(request, reply, head.org.defaultLocale);
      return serve(request, reply, head, 'html', locale, async () => {
        const found = await getPublicSystem(db, { organisationId: head.org.id, slug: item });
        if (!found) return null;
        const extra = await renderSystemPageSections({
          db,
          locale,
          org: { id: head.org.id, slug: head.org.slug, name: head.org.name },
          system: { id: found.systemId, slug: found.record.system.slug, name: found.record.system.name },
          now: head.asOf,
        });
        const body = renderSystemPage({
          locale,
          org: head.org,
          record: found.record,
          assessments: found.assessments,
          history: found.history,
          assessedAt: found.assessedAt,
          extra,
          forms: citizenForms(),
        });
        return { body, contentType: HTML };
      });
    });

    app.get<{ Params: { org: string; system: string; format: string } }>('/:org/register/:system/:format', PUBLIC_ROUTE, async (request, reply) => {
      const head = await headOf(request.params.org);
      const { system, format } = request.params;
      const match = /^([a-z0-9-]+)\.(json|csv)$/.exec(format);
      const name = match?.[1] ?? '';
      if (!SYSTEM_SLUG.test(system) || !match || !isUrlFormat(name)) return notFound();
      if ((name === 'us-omb-2025') !== (match[2] === 'csv')) return notFound();
      const tier = tierOf(request);
      if (tier === null) return notFound();
      return serve(request, reply, head, 'data', null, async () => {
        const found = await getPublicSystem(db, { organisationId: head.org.id, slug: system });
        if (!found) return null;
        if (name === 'us-omb-2025') return { body: ombCsv([found]), contentType: CSV };
        const out = exportOne(formatId(name as UrlFormat, tier), found);
        return { body: JSON.stringify({ system: system, format: formatId(name as UrlFormat, tier), record: out.data, missing: out.missing, warnings: out.warnings }), contentType: JSON_TYPE };
      });
    });
  };

/** ?tier=1|2 for UK ATRS (default 1); null for anything else given. */
function tierOf(request: FastifyRequest): 1 | 2 | null {
  const tier = queryParam(request, 'tier');
  if (tier === undefined || tier === '1') return 1;
  if (tier === '2') return 2;
  return null;
}
