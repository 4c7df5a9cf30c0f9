/** One problem+json answer (RFC 9457) or a network failure, as the SPA sees it. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  /** The contract's stable code (`code_invalid`, `rate_limited`…); `network_error` when no answer came. */
  readonly code: string;
  readonly fieldErrors: FieldError[];
  /** Seconds from the `Retry-After` header, when the server sent one. */
  readonly retryAfter: number | null;
  readonly attemptsLeft: number | null;

  constructor(init: {
    status: number;
    code: string;
    title?: string;
    fieldErrors?: FieldError[];
    retryAfter?: number | null;
    attemptsLeft?: number | null;
  }) {
    super(init.title ?? init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter ?? null;
    this.attemptsLeft = init.attemptsLeft ?? null;
  }

  /** Whether the server complained about this request field. */
  concerns(field: string): boolean {
    return this.fieldErrors.some((error) => error.field === field || error.field.startsWith(`${field}.`));
  }
}

export function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'network_error' });
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((entry) => ({
    field: typeof entry.field === 'string' ? entry.field : '',
    message: typeof entry.message === 'string' ? entry.message : '',
  }));
}

/** Builds an ApiError from a non-2xx response and its already-parsed body. */
export function problemFromResponse(response: Response, body: unknown): ApiError {
  const problem = isRecord(body) ? body : {};
  const fallback = response.status >= 500 ? 'server_error' : response.status === 404 ? 'not_found' : 'http_error';
  return new ApiError({
    status: response.status,
    code: typeof problem.code === 'string' ? problem.code : fallback,
    title: typeof problem.title === 'string' ? problem.title : response.statusText,
    fieldErrors: parseFieldErrors(problem.errors),
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
    attemptsLeft: typeof problem.attemptsLeft === 'number' ? problem.attemptsLeft : null,
  });
}
