import { ConfigValidationError } from '@app/config';
import { isConnectionError } from '@app/database';

/** Exit codes: 0 success, 1 the command failed, 2 the command line (or a value given on it) was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * Bad input from the operator: an unknown option, a missing value, a password that breaks the
 * policy. `command` names the subcommand whose `--help` would have helped.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the operator can act on, with a message that already says what to do. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Turns any error into the lines printed on stderr and the exit code. Known failures become one
 * clear line each (one per configuration problem); stacks are printed only when asked for
 * (LOG_LEVEL=debug), never by default.
 */
export function describeFailure(error: unknown, verbose = false): { lines: string[]; exitCode: number } {
  if (error instanceof UsageError) {
    const hint = error.command ? ` (see: npm run cli -- ${error.command} --help)` : ' (see: npm run cli -- --help)';
    return { lines: [`error: ${error.message}${hint}`], exitCode: EXIT_USAGE };
  }
  if (error instanceof ConfigValidationError) {
    return { lines: error.problems.map((problem) => `error: configuration: ${problem}`), exitCode: EXIT_FAILURE };
  }
  const failure = asError(error);
  const message = firstLine(failure.message);
  const lines = isConnectionError(failure) ? [`error: cannot reach the database: ${message}`] : [`error: ${message}`];
  if (verbose && failure.stack) lines.push(failure.stack);
  return { lines, exitCode: EXIT_FAILURE };
}

/**
 * Errors thrown by Node itself can come from another realm (a vm context, as under jest) and
 * then fail `instanceof Error`; keep their message and codes rather than stringifying them.
 */
function asError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'object' && value !== null && typeof (value as Error).message === 'string') {
    const { message, stack, code, driverError } = value as Error & { code?: unknown; driverError?: unknown };
    return Object.assign(new Error(message), { stack, code, driverError });
  }
  return new Error(String(value));
}

function firstLine(text: string): string {
  const line = text.split('\n').find((part) => part.trim().length > 0);
  return line?.trim() || 'unknown error';
}
