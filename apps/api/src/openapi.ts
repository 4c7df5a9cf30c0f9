import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDto } from './common/problem.dto';

/** The OpenAPI document served at /api/docs-json and committed for the SPA's generated client. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Referral system API')
    .setDescription(
      [
        'Phone sign-in with one-time codes, personal invite codes activated once, and an operators’ view of who joined through which code.',
        'Every error is `application/problem+json` (RFC 9457) with a stable `code`. Trailing slashes are ignored on every route.',
        'Bodies are limited to 16 KiB (413 `payload_too_large`); JSON is expected (415 `unsupported_media_type` otherwise, forms only on `/api/token*`).',
      ].join('\n\n'),
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addCookieAuth('refresh_token', { type: 'apiKey', in: 'cookie', name: 'refresh_token' })
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] });
}
