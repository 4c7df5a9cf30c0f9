/** SQLSTATE codes the repositories react to. */
export const PG_UNIQUE_VIOLATION = '23505';

/** True when the error means the database cannot be reached (as opposed to a bad query). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
  if (code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300'].includes(code)) {
    return true;
  }
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|not initialized/i.test(
    error.message,
  );
}
