import cookie from '@fastify/cookie';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import type { AppConfig } from '@app/config';
import { createRootLogger, logRequests, PinoNestLogger } from './common/logging';
import { requestIdOf } from './common/request-id';
import { buildOpenApiDocument } from './openapi';
import { serveSpa } from './spa';

/** The contract's body limit: anything larger is a 413 before it is parsed. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/** The HTTP server's options, shared by `main.ts` and the tests. */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    loggerInstance: createRootLogger(config),
    // Fastify's two lines per request are replaced by one of ours (see logRequests).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    // X-Forwarded-For is believed only from the proxies named in TRUST_PROXY.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 200 },
    genReqId: requestIdOf,
  });
}

/** Everything about the app that is not a module: prefix, cookies, CORS, docs, SPA, headers. */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<NestFastifyApplication> {
  const fastify = app.getHttpAdapter().getInstance();
  app.useLogger(new PinoNestLogger(fastify.log));
  logRequests(fastify, fastify.log);
  app.setGlobalPrefix('api');
  await app.register(cookie);
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: true });

  // JSON only (and forms, for the seed's /api/token): anything else is a 415, not a string body.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
  });
  await serveSpa(app, config.webDistDir);
  return app;
}
