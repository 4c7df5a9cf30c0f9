import cookie from '@fastify/cookie';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AppConfig } from '@app/config';
import { createRootLogger, logRequests, PinoNestLogger } from './common/logging';
import { requestIdOf } from './common/request-id';
import { sendProblem } from './common/send-problem';
import { UnsupportedMediaTypeError, ValidationFailedError } from '@app/common';
import { buildOpenApiDocument } from './openapi';
import { serveSpa } from './spa';

/** Where the seed's clients post forms. */
const FORM_ROUTES = /^\/api\/token(\/refresh)?\/?(\?|$)/;

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
    // Malformed URLs and overlong path parameters never reach a route: answer them in kind.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(request, reply, new ValidationFailedError([{ field: 'path', message: error.message }], 'The URL is not valid.')),
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

  // JSON only, and forms only where the seed's clients send them (/api/token*): anything else is
  // a 415, not a string body.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRequest', (request, reply, done) => {
    const form = request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded');
    if (form && !FORM_ROUTES.test(request.url)) {
      void sendProblem(request, reply, new UnsupportedMediaTypeError());
      return;
    }
    done();
  });
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
