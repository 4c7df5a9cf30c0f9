/**
 * Base of every error a client can cause. `code` is the stable, machine-readable code of the
 * API contract; the HTTP layer maps it to a status and an `application/problem+json` body.
 * Services throw these and never think about HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  abstract readonly title: string;
  /** Extra members for the problem body (for example `attemptsLeft`). */
  readonly extensions: Record<string, unknown> = {};
  /** Seconds the client should wait; sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;

  constructor(detail?: string) {
    super(detail);
    this.name = new.target.name;
  }
}

/** A field-level validation problem, as listed in the problem body's `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

export class ValidationFailedError extends DomainError {
  readonly code = 'validation_failed';
  readonly status = 400;
  readonly title = 'Validation failed';

  constructor(
    readonly errors: FieldError[],
    detail = 'The request is not valid.',
  ) {
    super(detail);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  readonly status = 404;
  readonly title = 'Not found';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported_media_type';
  readonly status = 415;
  readonly title = 'Unsupported media type';

  constructor(detail = 'Send application/json (forms only to /api/token).') {
    super(detail);
  }
}

export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  readonly status = 429;
  readonly title = 'Too many requests';

  constructor(
    detail: string,
    override readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly code = 'service_unavailable';
  readonly status = 503;
  readonly title = 'Service unavailable';
}
