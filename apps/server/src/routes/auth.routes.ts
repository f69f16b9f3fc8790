/** Sign-in, sessions, passwords, invitations: the routes people use before and around signing in. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  acceptInvitation,
  AppError,
  changePassword,
  completePasswordReset,
  describeInvitation,
  describeSession,
  loadSession,
  requestPasswordReset,
  SESSION_ABSOLUTE_MS,
  signIn,
  signOut,
  switchOrganisation,
  type Ctx,
  type Database,
  type SessionView,
} from '@glassbox/core';
import { SESSION_COOKIE } from '../plugins/access.js';
import { errors, noContent, roleSchema, timestamp } from '../schemas.js';

export type AuthRouteOptions = { database: Database; sessionSecret: string; secureCookies: boolean; publicBaseUrl: string };

const organisationChoice = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), roles: z.array(roleSchema) });
const sessionBody = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), displayName: z.string() }),
  organisations: z.array(organisationChoice),
  currentOrganisation: z.string().nullable(),
  csrfToken: z.string(),
});

const presentSession = (s: SessionView) => ({
  user: s.user,
  organisations: s.organisations,
  currentOrganisation: s.currentOrganisation?.slug ?? null,
  csrfToken: s.csrfToken,
});

const email = z.string().trim().min(3).max(254).regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address such as name@example.org.');
const password = z.string().min(1, 'Enter your password.').max(200);
const newPassword = z.string().min(12, 'Use at least 12 characters.').max(200);
const strictLimit = { max: 10, timeWindow: '1 minute' };

export const authRoutes =
  (opts: AuthRouteOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = opts.database;
    const anonymousCtx = (request: { id: string; ip: string }): Ctx => ({
      db,
      actor: { kind: 'system', name: 'public' },
      request: { id: request.id, ip: request.ip },
    });
    const setCookie = (reply: FastifyReply, value: string) =>
      reply.setCookie(SESSION_COOKIE, value, {
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        path: '/',
        maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
      });

    app.post('/api/v1/auth/sign-in', {
      config: { access: { public: true }, rateLimit: strictLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: z.object({ email, password }).strict(),
        response: { 200: sessionBody, ...errors, 423: errors[400] },
      },
      handler: async (request, reply) => {
        const { cookieValue, view } = await signIn(anonymousCtx(request), {
          email: request.body.email,
          password: request.body.password,
          secret: opts.sessionSecret,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setCookie(reply, cookieValue);
        return presentSession(view);
      },
    });

    app.get('/api/v1/auth/session', {
      config: { access: { signedIn: true } },
      schema: { tags: ['auth'], summary: 'The signed-in person, their organisations and the CSRF token', response: { 200: sessionBody, ...errors } },
      handler: async (request) => {
        if (!request.session) throw new AppError('unauthenticated', 'auth.required', 'Sign in first.');
        return presentSession(await describeSession(db, request.session));
      },
    });

    app.post('/api/v1/auth/sign-out', {
      config: { access: { signedIn: true } },
      schema: { tags: ['auth'], summary: 'End this session', response: { 204: noContent, ...errors } },
      handler: async (request, reply) => {
        if (request.session) await signOut(request.ctx(), request.session.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    });

    app.post('/api/v1/auth/switch-organisation', {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['auth'],
        summary: 'Make another of your organisations the current one',
        body: z.object({ organisation: z.string().min(1).max(63) }).strict(),
        response: { 200: sessionBody, ...errors },
      },
      handler: async (request) => {
        const session = request.session;
        if (!session) throw new AppError('unauthenticated', 'auth.required', 'Sign in first.');
        await switchOrganisation(request.ctx(), { sessionId: session.sessionId, userId: session.user.id, slug: request.body.organisation });
        const cookie = request.cookies[SESSION_COOKIE] ?? '';
        const fresh = await loadSession(db, opts.sessionSecret, cookie);
        if (!fresh) throw new AppError('unauthenticated', 'auth.required', 'Sign in first.');
        return presentSession(await describeSession(db, fresh));
      },
    });

    app.post('/api/v1/auth/change-password', {
      config: { access: { signedIn: true }, rateLimit: strictLimit },
      schema: {
        tags: ['auth'],
        summary: 'Change your password (ends your other sessions)',
        body: z.object({ currentPassword: password, newPassword }).strict(),
        response: { 204: noContent, ...errors },
      },
      handler: async (request, reply) => {
        const actor = request.actor;
        if (actor?.kind !== 'user') throw new AppError('unauthenticated', 'auth.required', 'Sign in first.');
        await changePassword(request.ctx(), { userId: actor.userId, sessionId: actor.sessionId, ...request.body });
        return reply.status(204).send(null);
      },
    });

    app.post('/api/v1/auth/password-reset/request', {
      config: { access: { public: true }, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Send a password reset link (answers the same whether or not the account exists)',
        body: z.object({ email }).strict(),
        response: { 202: z.object({ message: z.string() }), ...errors },
      },
      handler: async (request, reply) => {
        await requestPasswordReset(anonymousCtx(request), { email: request.body.email, baseUrl: opts.publicBaseUrl });
        return reply.status(202).send({ message: 'If this address has an account, a reset link is on its way.' });
      },
    });

    app.post('/api/v1/auth/password-reset/complete', {
      config: { access: { public: true }, rateLimit: strictLimit },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset link token',
        body: z.object({ token: z.string().min(10).max(200), newPassword }).strict(),
        response: { 204: noContent, ...errors },
      },
      handler: async (request, reply) => {
        await completePasswordReset(anonymousCtx(request), request.body);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/invitations/:token', {
      config: { access: { public: true }, rateLimit: strictLimit },
      schema: {
        tags: ['auth'],
        summary: 'What an invitation link offers',
        params: z.object({ token: z.string().min(10).max(200) }).strict(),
        response: {
          200: z.object({ email: z.string(), organisationName: z.string(), roles: z.array(roleSchema), expiresAt: timestamp, userExists: z.boolean() }),
          ...errors,
        },
      },
      handler: async (request) => describeInvitation(db, request.params.token),
    });

    app.post('/api/v1/invitations/accept', {
      config: { access: { public: true }, rateLimit: strictLimit },
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation (new people also choose their name and password)',
        body: z
          .object({ token: z.string().min(10).max(200), displayName: z.string().trim().min(1).max(200).optional(), password: newPassword.optional() })
          .strict(),
        response: { 204: noContent, ...errors },
      },
      handler: async (request, reply) => {
        await acceptInvitation(anonymousCtx(request), request.body);
        return reply.status(204).send(null);
      },
    });
  };
