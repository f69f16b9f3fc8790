/**
 * Builds the Fastify instance: plugins, the API under /api/v1, its OpenAPI document, the staff app
 * at /app and the public site at /. main.ts starts it; tests call buildApp and use app.inject().
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createMailer, type Config, type Database, type Mailer } from '@glassbox/core';
import access from './plugins/access.js';
import errors from './plugins/errors.js';
import conditional from './plugins/conditional.js';
import { healthRoutes } from './routes/health.js';
import { authRoutes } from './routes/auth.routes.js';
import { orgRoutes } from './routes/org.routes.js';
import { adminRoutes } from './routes/admin.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { inventoryRoutes } from './routes/inventory.routes.js';
import { inventoryIoRoutes } from './routes/inventory-io.routes.js';
import { catalogueRoutes } from './routes/catalogue.routes.js';
import { classificationRoutes } from './routes/classification.routes.js';
import { obligationRoutes } from './routes/obligations.routes.js';
import { assessmentRoutes } from './routes/assessments.routes.js';
import { assessmentTemplateRoutes } from './routes/assessment-templates.routes.js';
import { assessmentRuleRoutes } from './routes/assessment-rules.routes.js';
import { citizenRoutes } from './routes/citizen.routes.js';
import { noticeRoutes } from './routes/notices.routes.js';
import { consultationRoutes } from './routes/consultations.routes.js';
import { taskRoutes } from './routes/tasks.routes.js';
import { publicSite, sendPublicNotFound } from './public/public-site.js';
import { registerRoutes } from './routes/register.routes.js';

export type AppConfig = Pick<Config, 'sessionSecret' | 'secureCookies' | 'publicBaseUrl' | 'smtpUrl' | 'mailFrom' | 'trustProxy' | 'logLevel'> & {
  /** Evidence files go to DATA_DIR/evidence; without it (tests), to a folder under the system's temporary folder. */
  dataDir?: string | undefined;
};

export type BuildOptions = {
  config: AppConfig;
  database: Database;
  /** Defaults to pino at config.logLevel. */
  logger?: FastifyServerOptions['logger'];
  /** Requests this returns true for skip rate limits (tests only; main.ts never sets it). */
  rateLimitAllowList?: (request: import('fastify').FastifyRequest) => boolean;
};

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Routes other plugins register (API docs, staff app files): public, declared here in one place. */
export const PUBLIC_FRAMEWORK_PREFIXES = ['/api/docs', '/app'];

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation needs an interface
  interface FastifyInstance {
    mailer: Mailer;
  }
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only; the public site adds a form parser inside its own scope.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const mailer = createMailer(database.db, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  app.decorate('mailer', mailer);
  app.addHook('onClose', async () => mailer.close());
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') mailer.kick();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Framework routes (docs UI, static files) carry no config of their own: declare them public here.
  app.addHook('onRoute', (route) => {
    if (PUBLIC_FRAMEWORK_PREFIXES.some((p) => route.url === p || route.url.startsWith(`${p}/`))) {
      route.config = { ...(route.config ?? {}), access: { public: true } };
    }
  });

  await app.register(errors);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    strictTransportSecurity: config.publicBaseUrl.startsWith('https://'),
  });
  await app.register(rateLimit, {
    global: false,
    max: 100,
    timeWindow: '1 minute',
    ...(opts.rateLimitAllowList && { allowList: opts.rateLimitAllowList }),
  });
  await app.register(access, { database, sessionSecret: config.sessionSecret });
  await app.register(conditional);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Glassbox API',
        version: '1.0.0',
        description:
          'Govern the AI a public body uses and publish how it is used. Authenticate with the session cookie (staff app) plus the `x-csrf-token` header on writes, or with `Authorization: Bearer gbx_…` API tokens where an endpoint allows them.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token created by an administrator' },
          session: { type: 'apiKey', in: 'cookie', name: 'gb_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', {
    config: { access: { public: true } },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  await app.register(healthRoutes(database));
  await app.register(authRoutes({ database, sessionSecret: config.sessionSecret, secureCookies: config.secureCookies, publicBaseUrl: config.publicBaseUrl }));
  await app.register(orgRoutes(database));
  await app.register(adminRoutes(database, config.publicBaseUrl));
  await app.register(auditRoutes(database));
  await app.register(inventoryRoutes);
  await app.register(inventoryIoRoutes);
  await app.register(catalogueRoutes);
  await app.register(classificationRoutes);
  // Files sit under <org>/<uuid>, so tests without a data folder can share one temporary folder.
  await app.register(obligationRoutes({ evidenceDir: path.join(config.dataDir ?? path.join(tmpdir(), 'glassbox-test-data'), 'evidence') }));
  await app.register(assessmentRoutes({ evidenceDir: path.join(config.dataDir ?? path.join(tmpdir(), 'glassbox-test-data'), 'evidence') }));
  await app.register(assessmentTemplateRoutes);
  await app.register(assessmentRuleRoutes);
  await app.register(taskRoutes);

  await app.register(citizenRoutes);
  await app.register(noticeRoutes({ publicBaseUrl: config.publicBaseUrl }));
  await app.register(consultationRoutes);

  await app.register(registerRoutes({ database, publicBaseUrl: config.publicBaseUrl }));
  await registerStaffApp(app);
  await app.register(publicSite({ database, secret: () => config.sessionSecret, publicBaseUrl: config.publicBaseUrl }));

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    // People who mistype a public address get the public site's page; programs get JSON.
    if (request.method === 'GET' && !pathname.startsWith('/api/') && !pathname.startsWith('/app/')) return sendPublicNotFound(request, reply);
    void reply.status(404).send({ code: 'route.not_found', message: `No such endpoint: ${request.method} ${pathname}` });
  });

  return app;
}

/** The React staff app, built by Vite into apps/web/dist; every /app path serves its index.html. */
async function registerStaffApp(app: FastifyInstance): Promise<void> {
  const index = path.join(WEB_DIST, 'index.html');
  if (!existsSync(index)) {
    app.get('/app', { config: { access: { public: true } }, schema: { hide: true } }, async (_req, reply) =>
      reply.status(503).type('text/plain; charset=utf-8').send('The staff app has not been built yet: run `npm run build:web` (npm start does it for you).'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/app/', wildcard: false, index: false, maxAge: '1h', immutable: false });
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', WEB_DIST);
  app.get('/app', { config: { access: { public: true } }, schema: { hide: true } }, sendIndex);
  app.get('/app/*', { config: { access: { public: true } }, schema: { hide: true } }, async (request, reply) => {
    const rel = (request.params as { '*': string })['*'];
    if (rel.startsWith('assets/') && existsSync(path.join(WEB_DIST, rel))) {
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(rel, WEB_DIST);
    }
    if (/\.[a-z0-9]+$/i.test(rel) && existsSync(path.join(WEB_DIST, rel))) return reply.sendFile(rel, WEB_DIST);
    if (rel.startsWith('assets/')) return reply.status(404).send({ code: 'route.not_found', message: 'No such file.' });
    return sendIndex(request, reply);
  });
}
