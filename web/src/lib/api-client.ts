import createClient from 'openapi-fetch';
import type { paths } from '../generated/schema';
import { ApiError, networkError, problemFromResponse } from './api-error';
import { authSession, refreshSession } from './auth-session';

/** Endpoints whose 401 means "wrong credentials", never "access token expired". */
const NO_REFRESH = ['/api/auth/', '/api/admin/login'];

function withBearer(request: Request): Request {
  const token = authSession.accessToken();
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

async function send(request: Request): Promise<Response> {
  try {
    return await fetch(withBearer(request));
  } catch {
    throw networkError();
  }
}

/**
 * Adds the bearer token; on a 401 refreshes the session once (shared with concurrent requests)
 * and retries once. When the refresh fails the session ends and the app routes to sign-in.
 */
export async function authFetch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const retry = request.clone();
  const sentToken = authSession.accessToken();
  const response = await send(request);
  if (response.status !== 401 || NO_REFRESH.some((prefix) => path.startsWith(prefix))) return response;
  if (sentToken === null && authSession.hint() === null) return response;
  // Another request may already have refreshed while this one was in flight.
  const current = authSession.accessToken();
  const session = current !== null && current !== sentToken ? authSession.get() : await refreshSession().catch(() => null);
  if (!session) return response;
  const retried = await send(retry);
  if (retried.status === 401) authSession.end();
  return retried;
}

export const api = createClient<paths>({
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  fetch: authFetch,
  credentials: 'include',
});

/** Turns openapi-fetch's `{ data, error, response }` into data or a thrown ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw error instanceof ApiError ? error : networkError();
  }
  if (!result.response.ok) throw problemFromResponse(result.response, result.error);
  return result.data as T;
}
