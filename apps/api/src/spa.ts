import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from '@nestjs/common';
import { NotFoundError } from '@app/common';
import { sendProblem } from './common/send-problem';

/**
 * Serves the built SPA (web/dist) from the API process: files as they are, hashed assets with a
 * year-long cache, and every other GET outside /api answered with index.html (history fallback),
 * so `npm start` is the whole product on one port.
 */
export async function serveSpa(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) {
    new Logger('SPA').warn(`No built web app in ${distDir}; serving the API only (run \`npm run build:web\`).`);
    return false;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    setHeaders: (response, path) => {
      const immutable = path.includes(`${join(distDir, 'assets')}`);
      void response.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      if (request.url === '/api' || request.url.startsWith('/api/')) return sendProblem(request, reply, new NotFoundError('No such resource.'));
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    });
  return true;
}
