import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemDetailsFilter } from './problem-details.filter';

const problems = new ProblemDetailsFilter();

/**
 * Answers with problem+json from places Nest's exception filter does not reach: Fastify's own
 * router errors, request hooks and the SPA's catch-all route. Same body as everywhere else.
 */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const { problem, retryAfter } = problems.toProblem(error);
  if (retryAfter !== undefined) void reply.header('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
  return reply
    .status(problem.status)
    .header('X-Request-Id', String(request.id))
    .type('application/problem+json; charset=utf-8')
    .send({ ...problem, requestId: String(request.id) });
}
