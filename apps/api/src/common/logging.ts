import type { LoggerService } from '@nestjs/common';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { AppConfig } from '@app/config';

/**
 * One pino logger for the process: Fastify's request logs and Nest's own messages both go
 * through it as JSON lines. Headers that carry secrets are redacted; bodies (codes, passwords,
 * tokens) and query strings are never logged.
 */
export function createRootLogger(config: AppConfig): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { pid: process.pid },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'], censor: '[redacted]' },
    },
    // Synchronous: lines keep their order with the plain-text start-up banner, and none is lost
    // when the process exits right after logging.
    pino.destination({ dest: 1, sync: true }),
  );
}

/** One line per finished request (health probes excepted, they would drown everything else). */
export function logRequests(fastify: FastifyInstance, logger: FastifyBaseLogger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0]!;
    if (!path.startsWith('/api/health')) {
      const status = reply.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      logger[level](
        { reqId: request.id, method: request.method, path, status, ms: Math.round(reply.elapsedTime), ip: request.ip },
        'request completed',
      );
    }
    done();
  });
}

/** Nest's start-up chatter (every module and route, one line each): debug, not info. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Nest's LoggerService on top of pino, so framework and app messages share the format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: FastifyBaseLogger) {}

  log(message: unknown, context?: string): void {
    this.write(context && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info', message, context);
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    const hasStack = context !== undefined;
    this.logger.error({ context: hasStack ? context : stackOrContext, stack: hasStack ? stackOrContext : undefined }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }

  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, context?: string): void {
    this.logger[level]({ context }, typeof message === 'string' ? message : JSON.stringify(message));
  }
}
