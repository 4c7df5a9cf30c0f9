import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadAppConfig } from '@app/config';
import { AppModule } from './app.module';
import { createFastifyAdapter } from './configure-app';
import { buildOpenApiDocument } from './openapi';
import { sortKeysDeep } from './openapi-order';

/**
 * Writes the OpenAPI document to a file without a database: `preview` builds the module graph
 * (controllers and their metadata) without instantiating providers.
 */
async function exportDocument(target: string): Promise<void> {
  const config = loadAppConfig({ NODE_ENV: 'development', DATA_DIR: '/tmp/referral-openapi', JWT_SECRET: 'x'.repeat(32) });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createFastifyAdapter(config), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('api');
  const document = sortKeysDeep(buildOpenApiDocument(app));
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  console.log(`OpenAPI document written to ${target}`);
}

void exportDocument(process.argv[2] ?? 'openapi.json');
