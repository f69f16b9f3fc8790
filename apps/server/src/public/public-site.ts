/** Temporary: replaced by the server-rendered public site in the next commit. */
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '@glassbox/core';

export const publicSite =
  (_opts: { database: Database }): FastifyPluginAsync =>
  async () => undefined;
