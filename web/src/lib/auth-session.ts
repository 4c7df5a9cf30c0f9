import { useSyncExternalStore } from 'react';

/**
 * The signed-in session: the access token lives in memory only; the refresh token is an
 * httpOnly cookie the API sets (Path=/api/auth), so scripts never see it. A non-secret hint
 * in localStorage ("a session of this role may exist") avoids a pointless refresh call — and
 * its 401 — for visitors who never signed in.
 */
export type Role = 'user' | 'admin';

export interface Session {
  accessToken: string;
  role: Role;
}

const HINT_KEY = 'referrals.session';
const REFRESH_URL = '/api/auth/refresh';

let current: Session | null = null;
let signedOut = false;
let pendingRefresh: Promise<Session | null> | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function readHint(): Role | null {
  try {
    const value = localStorage.getItem(HINT_KEY);
    return value === 'user' || value === 'admin' ? value : null;
  } catch {
    return null;
  }
}

function writeHint(role: Role | null): void {
  try {
    if (role) localStorage.setItem(HINT_KEY, role);
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Storage may be disabled; the session still works for this tab.
  }
}

/** Reads `role` from a JWT payload; the server verifies the token, the client only routes by it. */
export function roleFromToken(token: string): Role {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { role?: unknown };
    return claims.role === 'admin' ? 'admin' : 'user';
  } catch {
    return 'user';
  }
}

export const authSession = {
  get(): Session | null {
    return current;
  },
  accessToken(): string | null {
    return current?.accessToken ?? null;
  },
  /** A session of this role may be restorable from the refresh cookie. */
  hint(): Role | null {
    return readHint();
  },
  /** The last session ended because the person signed out (not because it expired). */
  signedOut(): boolean {
    return signedOut;
  },
  start(accessToken: string): Session {
    current = { accessToken, role: roleFromToken(accessToken) };
    signedOut = false;
    writeHint(current.role);
    emit();
    return current;
  },
  end(reason: 'expired' | 'signed-out' = 'expired'): void {
    const had = current !== null || readHint() !== null;
    current = null;
    signedOut = reason === 'signed-out';
    writeHint(null);
    if (had) emit();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

async function requestRefresh(): Promise<Session | null> {
  const response = await fetch(new URL(REFRESH_URL, location.origin), {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: '{}',
  });
  if (!response.ok) {
    // 401 refresh_invalid: the cookie is gone, expired or revoked. Anything else: also no session.
    authSession.end();
    return null;
  }
  const body = (await response.json()) as { accessToken?: unknown };
  if (typeof body.accessToken !== 'string') {
    authSession.end();
    return null;
  }
  return authSession.start(body.accessToken);
}

/**
 * Other tabs share the cookie: refreshing in two tabs at once would present one refresh token
 * twice. A Web Lock makes the tabs take turns; each reads the cookie as it is at its turn.
 */
function acrossTabs<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // The lock is held until the task's promise settles; request() resolves with its result.
  return locks ? (locks.request('referrals.refresh', task) as unknown as Promise<T>) : task();
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request:
 * the server rotates the refresh token on every use, and presenting a rotated one revokes
 * the whole sign-in, so two parallel refreshes would sign the user out.
 */
export function refreshSession(): Promise<Session | null> {
  pendingRefresh ??= acrossTabs(requestRefresh).finally(() => {
    pendingRefresh = null;
  });
  return pendingRefresh;
}

export function useSession(): Session | null {
  return useSyncExternalStore(authSession.subscribe, authSession.get, () => null);
}
