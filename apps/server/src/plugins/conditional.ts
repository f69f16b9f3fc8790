/**
 * Conditional GET for organisation data: repeat requests cost three small queries and a 304.
 *
 * Every state change writes an audit event in the same transaction (see audit.service.ts), and the
 * audit chain heads count those events: the organisation's chain for its own changes, the platform
 * chain for changes to people's accounts (sign-ins, lockouts, password resets), which show in member
 * lists and owner names. A route opts in with `config.conditional`:
 *   'org'         the answer depends only on the organisation's own records;
 *   'org+people'  it also shows people's account fields (names, last sign-in, lockout), so any
 *                 account change on the platform gives a new ETag — safe, at the cost of fewer hits.
 * The ETag is built from the version and the request URL; an If-None-Match that still matches is
 * answered 304 before the handler runs. Only routes whose whole answer is covered by audited changes
 * may opt in (not the outbox, whose delivery status is not audited, nor chain verification, which
 * must re-read the rows every time).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  interface FastifyContextConfig {
    conditional?: 'org' | 'org+people';
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  interface FastifyRequest {
    etag: string | null;
  }
}

export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));
}

async function conditionalPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('etag', null);

  // Runs after the access plugin's onRequest (registered earlier), so request.org is known.
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const mode = request.routeOptions.config.conditional;
    if (!mode || request.method !== 'GET' || !request.org) return;
    // The heads were read with the organisation in the access check: no statement of our own.
    const { org, platform } = request.org.version;
    const version = mode === 'org+people' ? `${org}.${platform}` : String(org);
    const etag = `"${createHash('sha256').update(`${version}\n${request.url}`).digest('base64url').slice(0, 27)}"`;
    request.etag = etag;
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      return reply.status(304).header('etag', etag).header('cache-control', 'private, no-cache').send();
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.etag && reply.statusCode === 200) {
      reply.header('etag', request.etag).header('cache-control', 'private, no-cache');
    }
    return payload;
  });
}

export default fp(conditionalPlugin, { name: 'conditional', dependencies: ['access'] });
