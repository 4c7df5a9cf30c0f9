import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from '@app/common';
import { isConnectionError } from '@app/database';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  requestId?: string;
  [extension: string]: unknown;
}

/** Status → code for errors raised by the framework rather than our services. */
const FRAMEWORK_CODES: Record<number, { code: string; title: string }> = {
  400: { code: 'validation_failed', title: 'Validation failed' },
  401: { code: 'unauthorized', title: 'Unauthorized' },
  403: { code: 'forbidden', title: 'Forbidden' },
  404: { code: 'not_found', title: 'Not found' },
  405: { code: 'method_not_allowed', title: 'Method not allowed' },
  406: { code: 'not_acceptable', title: 'Not acceptable' },
  413: { code: 'payload_too_large', title: 'Payload too large' },
  415: { code: 'unsupported_media_type', title: 'Unsupported media type' },
  429: { code: 'rate_limited', title: 'Too many requests' },
  503: { code: 'service_unavailable', title: 'Service unavailable' },
};

/**
 * Turns everything thrown during a request into `application/problem+json` (RFC 9457).
 * Domain errors carry their own code; framework errors are mapped by status; a lost database
 * is a 503; anything else is a 500 with a generic detail and its stack in the log only.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, retryAfter } = this.toProblem(exception);
    problem.requestId = String(request.id);
    if (retryAfter !== undefined) void reply.header('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    void reply.status(problem.status).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem);
  }

  toProblem(exception: unknown): { problem: Problem; retryAfter?: number } {
    if (exception instanceof DomainError) {
      const problem: Problem = {
        type: 'about:blank',
        title: exception.title,
        status: exception.status,
        code: exception.code,
        detail: exception.message || undefined,
        ...exception.extensions,
      };
      if (exception instanceof ValidationFailedError) problem.errors = exception.errors;
      return { problem, retryAfter: exception.retryAfterSeconds };
    }
    if (exception instanceof HttpException) return { problem: this.fromHttpException(exception) };
    if (isFastifyError(exception) && exception.statusCode < 500) return { problem: this.fromFastifyError(exception) };
    if (isConnectionError(exception)) {
      this.logger.error(`Database unavailable: ${(exception as Error).message}`);
      return { problem: generic(503, 'The database is unavailable. Try again shortly.'), retryAfter: 5 };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { problem: { type: 'about:blank', title: 'Internal server error', status: 500, code: 'internal_error', detail: 'Something went wrong on our side.' } };
  }

  private fromHttpException(exception: HttpException): Problem {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const detail = typeof message === 'string' ? message : undefined;
    const problem = generic(status, status === 404 ? 'No such resource.' : detail);
    // The framework's 400s are about the body as a whole (malformed or empty JSON).
    if (status === 400) problem.errors = [{ field: 'body', message: detail ?? 'The body is not valid.' }];
    return problem;
  }

  private fromFastifyError(error: FastifyError): Problem {
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return generic(413, 'The request body is larger than 16 KiB.');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return generic(415, 'Send application/json (or a form for /api/token).');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return { ...generic(400, 'The body is not valid JSON.'), errors: [{ field: 'body', message: 'malformed JSON' }] };
      default:
        return generic(error.statusCode, undefined);
    }
  }
}

interface FastifyError extends Error {
  code: string;
  statusCode: number;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as FastifyError).statusCode === 'number' && typeof (error as FastifyError).code === 'string';
}

function generic(status: number, detail: string | undefined): Problem {
  const known = FRAMEWORK_CODES[status] ?? (status >= 500 ? FRAMEWORK_CODES[503]! : FRAMEWORK_CODES[400]!);
  const problem: Problem = { type: 'about:blank', title: known.title, status, code: known.code };
  if (detail) problem.detail = detail;
  return problem;
}
