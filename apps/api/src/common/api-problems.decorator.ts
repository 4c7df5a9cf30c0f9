import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

/** Every stable error code of the contract and its status. */
export const PROBLEM_STATUS = {
  validation_failed: 400,
  unauthorized: 401,
  code_invalid: 401,
  code_expired: 401,
  invalid_credentials: 401,
  refresh_invalid: 401,
  forbidden: 403,
  not_found: 404,
  invite_code_not_found: 404,
  invite_already_activated: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  self_referral: 422,
  referral_cycle: 422,
  rate_limited: 429,
  too_many_attempts: 429,
  sms_failed: 502,
  service_unavailable: 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

const BY_STATUS: Record<number, ProblemCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  429: 'rate_limited',
  502: 'sms_failed',
};

/**
 * Documents an endpoint's error answers as problem+json, grouped by status, naming the codes.
 * Takes codes, or a status for its usual code.
 */
export function ApiProblems(...items: (ProblemCode | number)[]) {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const item of items) {
    const code = typeof item === 'number' ? BY_STATUS[item]! : item;
    const status = PROBLEM_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, codes]) =>
      ApiResponse({
        status,
        description: `application/problem+json with \`code\`: ${codes.map((code) => `\`${code}\``).join(', ')}`,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
