import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = Symbol('requestId');
/** A caller's id is kept only if it is short and plain, so it cannot inject into logs. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * One id per request: the incoming `X-Request-Id` when it is sane (so nginx's id follows the
 * request), otherwise a new UUID. Fastify and the pino logger both ask; the first answer sticks.
 */
export function requestIdOf(request: IncomingMessage): string {
  const holder = request as IncomingMessage & { [REQUEST_ID]?: string };
  if (!holder[REQUEST_ID]) {
    const given = request.headers['x-request-id'];
    holder[REQUEST_ID] = typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
  }
  return holder[REQUEST_ID];
}
