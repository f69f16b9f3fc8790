/** Liveness and readiness for load balancers and `npm start` scripts. */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@glassbox/core';

export const healthRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/healthz', {
      config: { access: { public: true } },
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
      handler: async () => ({ status: 'ok' as const }),
    });

    app.get('/readyz', {
      config: { access: { public: true } },
      schema: {
        tags: ['health'],
        summary: 'The database answers',
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: z.object({ status: z.literal('unavailable'), database: z.string() }) },
      },
      handler: async (request, reply) => {
        try {
          await sql`select 1`.execute(database.db);
          return { status: 'ready' as const, database: database.kind };
        } catch (err) {
          request.log.warn({ err }, 'database not reachable');
          return reply.status(503).send({ status: 'unavailable' as const, database: database.kind });
        }
      },
    });
  };
