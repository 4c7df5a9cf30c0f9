/** Socket-level failures of the driver. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
/**
 * Server answers that mean "not now" rather than "bad query": class 08 (connection exception),
 * 57P01–57P03 (shutdown, crash, cannot connect now), 53300 (too many connections),
 * 55000 (database not accepting connections), 3D000 (database missing).
 */
const UNAVAILABLE_SQLSTATES = /^(08|57P0[1-3]$|53300$|55000$|3D000$)/;
const DRIVER_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Driver not Connected|DataSource is not initialized/i;

/** True when the error means the database cannot be reached (as opposed to a bad query). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
  if (code && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
  return DRIVER_MESSAGES.test(error.message);
}
