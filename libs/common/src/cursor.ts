/**
 * Opaque keyset cursors: the position after the last item of a page, as base64url JSON.
 * Clients must not build them; a malformed one is a 400, never a database error.
 */
export interface KeysetPosition {
  /** The last item's sort key as an ISO-8601 UTC timestamp with PostgreSQL's microseconds. */
  at: string;
  /** Tie-breaker: the last item's id. */
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rejects dates that parse but do not exist (`2026-02-31`) or that PostgreSQL would refuse. */
function isRealInstant(at: string): boolean {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return false;
  const iso = new Date(ms).toISOString();
  return iso.slice(0, 19) === at.slice(0, 19) && Number(at.slice(0, 4)) >= 1;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string') return null;
    // Kept as text: a JavaScript Date would drop the microseconds and break the keyset.
    if (!TIMESTAMP.test(at) || !isRealInstant(at) || !UUID.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}
