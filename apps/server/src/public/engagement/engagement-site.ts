/**
 * Public routes of consultations (issue #5 points 7 and 9): the list, one consultation with its
 * comment form while it is open, the post, and the thank-you page. Registered inside the public
 * site (publicSite), so its HTML error pages apply; this scope adds the urlencoded body parser and
 * answers the rate limit with a translated page, like the concern and request forms.
 *
 * A comment is acknowledged only after its transaction has committed: the redirect to the thank-you
 * page (post/redirect/get) is the acknowledgement. A refused post shows the page again with what
 * the person typed, the error summary and a message by each field.
 */
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  CONSULTATION_LIMITS,
  getOrganisationBySlug,
  getPublicConsultation,
  listPublicConsultations,
  submitConsultationComment,
  systemCtx,
  type Database,
  type OrganisationView,
  type PublicConsultation,
} from '@glassbox/core';
import { checkFormToken, formBodyLimit, formFields, HONEYPOT_FIELD, issueFormToken } from '../citizen/forms.js';
import { renderTooMany } from '../citizen/citizen.pages.js';
import { t, type Locale } from '../i18n.js';
import { negotiateLocale } from '../locale.js';
import { renderCommentThanks, renderConsultationList, renderConsultationPage, type CommentFormState } from './consultation.pages.js';

export type EngagementSiteOptions = {
  database: Database;
  /** Signs the forms' CSRF tokens (the session secret). */
  secret: () => string;
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Same limit as the other public forms: 5 posts per 10 minutes per client address. */
const POST_LIMIT = { max: 5, timeWindow: '10 minutes' };
/** Room for the longest comment within the field limits (every question answered), in any script. */
const FORM_BODY_LIMIT = formBodyLimit([
  CONSULTATION_LIMITS.comment,
  CONSULTATION_LIMITS.name,
  ...Array.from({ length: CONSULTATION_LIMITS.questions }, () => CONSULTATION_LIMITS.answer),
]);

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

type Params = { slug: string; id: string };

export const engagementSite =
  (opts: EngagementSiteOptions): FastifyPluginAsync =>
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

    async function orgOf(slug: string): Promise<OrganisationView> {
      const org = SLUG.test(slug) ? await getOrganisationBySlug(db, slug) : null;
      if (!org) throw new AppError('not_found', 'organisation.not_found', 'No such organisation.');
      return org;
    }

    async function consultationOf(org: OrganisationView, id: string): Promise<PublicConsultation> {
      const c = await getPublicConsultation(ctx(), { organisationId: org.id, consultationId: id });
      if (!c) throw new AppError('not_found', 'consultation.not_found', 'No such consultation.');
      return c;
    }

    const formId = (org: OrganisationView, c: { id: string }) => `consultation:${org.id}:${c.id}`;

    const page = (request: FastifyRequest, reply: FastifyReply, org: OrganisationView, locale: Locale, c: PublicConsultation, state: Omit<CommentFormState, 'token'>, status: number, refusedClosed = false) => {
      const token = c.state === 'open' ? issueFormToken(request, reply, opts.secret(), formId(org, c)) : '';
      return send(reply, locale, renderConsultationPage(locale, org, c, { ...state, token }, { refusedClosed }), status);
    };

    app.get<{ Params: { slug: string } }>('/:slug/consultations', route(), async (request, reply) => {
      const org = await orgOf(request.params.slug);
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      const items = await listPublicConsultations(ctx(), { organisationId: org.id });
      return send(reply, locale, renderConsultationList(locale, org, items));
    });

    app.get<{ Params: Params }>('/:slug/consultations/:id', route(), async (request, reply) => {
      const org = await orgOf(request.params.slug);
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      const c = await consultationOf(org, request.params.id);
      return page(request, reply, org, locale, c, { values: {}, problems: {} }, 200);
    });

    app.post<{ Params: Params }>('/:slug/consultations/:id/comments', route({ rateLimit: POST_LIMIT }), async (request, reply) => {
      const org = await orgOf(request.params.slug);
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      const c = await consultationOf(org, request.params.id);
      const fields = formFields(request.body);
      const keys = ['comment', 'name', 'showName', ...c.questions.map((_, i) => `answer_${i}`)];
      const values = Object.fromEntries(keys.map((k) => [k, (fields[k] ?? '').slice(0, CONSULTATION_LIMITS.comment * 4)]));
      if (!checkFormToken(request, opts.secret(), formId(org, c), fields.formToken) || (fields[HONEYPOT_FIELD] ?? '') !== '') {
        return page(request, reply, org, locale, c, { values, problems: {}, general: t(locale, 'formExpired') }, 400);
      }
      try {
        await submitConsultationComment(ctx(), {
          organisationId: org.id,
          consultationId: c.id,
          locale,
          comment: values.comment,
          name: values.name,
          showName: values.showName,
          answers: c.questions.map((_, i) => values[`answer_${i}`] ?? ''),
        });
        return reply.redirect(`/${org.slug}/consultations/${c.id}/thanks?lang=${locale}`, 303);
      } catch (e) {
        if (e instanceof AppError && e.code === 'citizen.invalid') {
          return page(request, reply, org, locale, c, { values, problems: (e.details?.problems ?? {}) as Record<string, string> }, 400);
        }
        if (e instanceof AppError && e.code === 'consultation.closed') {
          return page(request, reply, org, locale, { ...c, state: 'closed' }, { values, problems: {} }, 409, true);
        }
        throw e;
      }
    });

    app.get<{ Params: Params }>('/:slug/consultations/:id/thanks', route(), async (request, reply) => {
      const org = await orgOf(request.params.slug);
      const locale = negotiateLocale(request, reply, org.defaultLocale);
      const c = await consultationOf(org, request.params.id);
      return send(reply, locale, renderCommentThanks(locale, org, c));
    });
  };
