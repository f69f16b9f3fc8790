/**
 * Who may call what. Every route declares `config.access`; a route without one stops the server at
 * start-up. The check runs in onRequest, before the body is read, so an unauthorised caller learns
 * nothing from validation errors.
 *
 *   { public: true }                        anyone, signed in or not
 *   { signedIn: true }                      any signed-in person (not API tokens)
 *   { org: [roles] | 'member', token? }     members of the organisation named by the :org path
 *                                           parameter holding one of the roles; API tokens of that
 *                                           organisation when `token` says which scope suffices
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  AppError,
  authenticateApiToken,
  hasAnyRole,
  isRole,
  loadSession,
  safeEqual,
  type Actor,
  type Ctx,
  type Database,
  type Role,
  type SessionInfo,
  PLATFORM_CHAIN,
} from '@glassbox/core';
import { sql } from 'kysely';

export type Access =
  | { public: true }
  | { signedIn: true }
  | { org: readonly Role[] | 'member'; token?: 'read' | 'write' };

/** `version`: the organisation's and the platform's audit chain heads, read with the organisation. */
export type OrgContext = { id: string; slug: string; name: string; version: { org: number; platform: number } };

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The route's service limits an API token scoped to one AI system (api_token.system_id) to that
     * system; without this flag such tokens are refused on organisation-wide routes.
     */
    systemScopedTokens?: true;
    /**
     * A POST that changes nothing (a calculation whose input is too large for a query string, such
     * as classifying screening answers): read tokens may call it like a GET.
     */
    readOnly?: true;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
    org: OrgContext | null;
    ctx(): Ctx;
  }
}

export const SESSION_COOKIE = 'gb_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type AccessOptions = { database: Database; sessionSecret: string };

/** The registry of declared routes, for the route × role test and the docs. */
export type DeclaredRoute = { method: string; url: string; access: Access; systemScopedTokens: boolean; readOnly: boolean };

async function accessPlugin(app: FastifyInstance, opts: AccessOptions): Promise<void> {
  const { db } = opts.database;
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) {
      throw new Error(`Route ${methods.join(',')} ${route.url} does not declare who may call it (config.access).`);
    }
    if ('org' in access && !route.url.includes(':org')) {
      throw new Error(`Route ${route.url} is organisation-scoped but has no :org parameter.`);
    }
    for (const method of methods) {
      if (method !== 'HEAD') declared.push({ method, url: route.url, access, systemScopedTokens: route.config?.systemScopedTokens === true, readOnly: route.config?.readOnly === true });
    }
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('org', null);
  app.decorateRequest('ctx', function (this: FastifyRequest): Ctx {
    if (!this.actor) throw new AppError('unauthenticated', 'auth.required', 'Sign in first.');
    return {
      db,
      actor: this.actor,
      request: { id: this.id, ip: this.ip },
      ...(this.org && { dataVersion: { organisationId: this.org.id, seq: this.org.version.org } }),
    };
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // 404 handler and framework routes
    await identify(request);
    if ('public' in access) return;

    const actor = request.actor;
    if (!actor) throw new AppError('unauthenticated', 'auth.required', 'Sign in to do this.');

    if (actor.kind === 'user' && request.session && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, request.session.csrfToken)) {
        throw new AppError('forbidden', 'auth.csrf', 'This request is missing its security token; reload the page and try again.');
      }
    }

    if ('signedIn' in access) {
      if (actor.kind !== 'user') throw new AppError('forbidden', 'auth.people_only', 'This can only be done by a person signed in, not with an API token.');
      return;
    }

    const slug = (request.params as Record<string, string | undefined>).org ?? '';
    const found = await db
      .selectFrom('organisation as o')
      .leftJoin('membership as m', (j) =>
        j.onRef('m.organisation_id', '=', 'o.id').on('m.user_id', '=', actor.kind === 'user' ? actor.userId : '00000000-0000-0000-0000-000000000000'),
      )
      // The audit chain heads come along: conditional GET and version-keyed caches use them.
      .leftJoin('audit_chain_head as h', (j) => j.on(sql<boolean>`h.chain = o.id::text`))
      .leftJoin('audit_chain_head as p', (j) => j.on('p.chain', '=', PLATFORM_CHAIN))
      .select(['o.id', 'o.slug', 'o.name', 'm.roles', 'h.seq as org_seq', 'p.seq as platform_seq'])
      .where('o.slug', '=', slug)
      .executeTakeFirst();
    if (!found) throw new AppError('not_found', 'organisation.not_found', `There is no organisation "${slug}".`);
    request.org = { id: found.id, slug: found.slug, name: found.name, version: { org: Number(found.org_seq ?? 0), platform: Number(found.platform_seq ?? 0) } };

    if (actor.kind === 'token') {
      const needed = access.token;
      if (!needed) throw new AppError('forbidden', 'auth.token_not_allowed', 'API tokens cannot call this endpoint; sign in as a person.');
      if (actor.organisationId !== found.id) throw new AppError('forbidden', 'auth.wrong_organisation', 'This token belongs to another organisation.');
      if (actor.systemId && request.routeOptions.config.systemScopedTokens !== true) throw new AppError('forbidden', 'auth.token_system_scope', 'This token is limited to one AI system and cannot call organisation-wide endpoints.');
      const writes = (UNSAFE.has(request.method) && request.routeOptions.config.readOnly !== true) || needed === 'write';
      if (writes && actor.scope !== 'write') throw new AppError('forbidden', 'auth.token_read_only', 'This token can only read.');
      return;
    }
    if (actor.kind !== 'user') throw new AppError('forbidden', 'auth.forbidden', 'Not allowed.');

    const roles = (found.roles ?? []).filter(isRole);
    if (roles.length === 0) throw new AppError('forbidden', 'auth.not_a_member', 'You are not a member of this organisation.');
    actor.roles = roles;
    actor.organisationId = found.id;
    if (access.org !== 'member' && !hasAnyRole(roles, access.org)) {
      throw new AppError('forbidden', 'auth.role_required', `This needs one of these roles: ${access.org.join(', ')}.`);
    }
    void reply;
  });

  async function identify(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await authenticateApiToken(db, header.slice(7).trim());
      if (!actor) throw new AppError('unauthenticated', 'auth.bad_token', 'This API token is not valid (unknown, revoked or expired).');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await loadSession(db, opts.sessionSecret, cookie);
    if (!session) return;
    request.session = session;
    request.actor = {
      kind: 'user',
      userId: session.user.id,
      email: session.user.email,
      displayName: session.user.displayName,
      sessionId: session.sessionId,
      roles: [],
      organisationId: null,
    };
  }
}

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  interface FastifyInstance {
    declaredRoutes: DeclaredRoute[];
  }
}

export default fp(accessPlugin, { name: 'access', dependencies: ['@fastify/cookie'] });
