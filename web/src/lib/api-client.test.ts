import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, json, problem } from '../test/render';
import { api, unwrap } from './api-client';
import { ApiError } from './api-error';
import { authSession } from './auth-session';

/** A JWT-shaped token (unsigned: the client only reads `role`). */
function token(role: 'user' | 'admin', n: number): string {
  const payload = btoa(JSON.stringify({ sub: 'u1', role, jti: String(n) }));
  return `h.${payload.replace(/=+$/, '')}.s${n}`;
}

afterEach(() => authSession.end());

describe('api client', () => {
  it('sends the in-memory access token as a bearer', async () => {
    authSession.start(token('user', 1));
    const calls = mockApi({ 'GET /api/me': () => json(200, { id: 'u1' }) });
    await unwrap(api.GET('/api/me'));
    expect(calls[0]?.auth).toBe(`Bearer ${token('user', 1)}`);
  });

  it('refreshes once through the cookie on a 401 and retries with the new token', async () => {
    authSession.start(token('user', 1));
    const calls = mockApi({
      'GET /api/me': (request) =>
        request.headers.get('Authorization') === `Bearer ${token('user', 2)}` ? json(200, { id: 'u1' }) : problem(401, 'unauthorized'),
      'POST /api/auth/refresh': () => json(200, { accessToken: token('user', 2), refreshToken: 'r2' }),
    });
    await expect(unwrap(api.GET('/api/me'))).resolves.toEqual({ id: 'u1' });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/me', 'POST /api/auth/refresh', 'GET /api/me']);
    expect(calls[1]?.body).toEqual({});
    expect(authSession.accessToken()).toBe(token('user', 2));
  });

  it('shares one refresh between concurrent requests (a reused refresh token would end the session)', async () => {
    authSession.start(token('user', 1));
    const calls = mockApi({
      'GET /api/me': (request) =>
        request.headers.get('Authorization') === `Bearer ${token('user', 2)}` ? json(200, {}) : problem(401, 'unauthorized'),
      'GET /api/me/referrals': (request) =>
        request.headers.get('Authorization') === `Bearer ${token('user', 2)}` ? json(200, { items: [] }) : problem(401, 'unauthorized'),
      'POST /api/auth/refresh': async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return json(200, { accessToken: token('user', 2) });
      },
    });
    await Promise.all([unwrap(api.GET('/api/me')), unwrap(api.GET('/api/me/referrals')), unwrap(api.GET('/api/me'))]);
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh is refused, and reports the original 401', async () => {
    authSession.start(token('user', 1));
    mockApi({
      'GET /api/me': () => problem(401, 'unauthorized'),
      'POST /api/auth/refresh': () => problem(401, 'refresh_invalid'),
    });
    const error = await unwrap(api.GET('/api/me')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('unauthorized');
    expect(authSession.get()).toBeNull();
    expect(authSession.hint()).toBeNull();
  });

  it('never refreshes on a wrong login code', async () => {
    const calls = mockApi({ 'POST /api/auth/verify': () => problem(401, 'code_invalid', { attemptsLeft: 3 }) });
    const error = (await unwrap(api.POST('/api/auth/verify', { body: { phone: '+79991234567', code: '1111' } })).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.code).toBe('code_invalid');
    expect(error.attemptsLeft).toBe(3);
    expect(calls).toHaveLength(1);
  });

  it('turns a failed connection into a network_error', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await unwrap(api.GET('/api/me')).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('network_error');
  });

  it('reads the role from the access token', () => {
    expect(authSession.start(token('admin', 3)).role).toBe('admin');
    expect(authSession.hint()).toBe('admin');
  });
});
