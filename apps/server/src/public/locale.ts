/**
 * The request side of language choice: reads ?lang, the gb_lang cookie and Accept-Language, and
 * remembers an explicit ?lang choice in the cookie for a year.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { chooseLocale, isLocale, type Locale } from './i18n.js';

export const LANG_COOKIE = 'gb_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** A single-valued query parameter; repeated or missing parameters give undefined. */
export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const query = request.query;
  if (typeof query !== 'object' || query === null) return undefined;
  const value: unknown = (query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The language for this request, without side effects (used by the error pages too). */
export function localeOf(request: FastifyRequest, orgDefault?: string): Locale {
  return chooseLocale({
    query: queryParam(request, 'lang'),
    cookie: request.cookies[LANG_COOKIE],
    acceptLanguage: request.headers['accept-language'],
    orgDefault,
  });
}

/** The language for this request; a valid ?lang is also remembered in the cookie. */
export function negotiateLocale(request: FastifyRequest, reply: FastifyReply, orgDefault?: string): Locale {
  const asked = queryParam(request, 'lang');
  if (isLocale(asked)) {
    void reply.setCookie(LANG_COOKIE, asked, {
      path: '/',
      sameSite: 'lax',
      maxAge: ONE_YEAR_SECONDS,
      httpOnly: true,
      secure: request.protocol === 'https',
    });
  }
  return localeOf(request, orgDefault);
}
