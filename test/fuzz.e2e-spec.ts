import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createTestApp, type TestApp } from './support/app';
import { signIn, signInAdmin } from './support/flows';

/**
 * Whatever a client sends, the answer is never a 500: random JSON bodies and query strings for
 * every endpoint, with and without the right token.
 */
describe('random input', () => {
  let t: TestApp;
  let userAuth: Record<string, string>;
  let adminAuth: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    userAuth = (await signIn(t)).auth;
    adminAuth = (await signInAdmin(t)).auth;
  });
  afterAll(() => t.close());

  const posts = ['/api/auth/codes', '/api/auth/verify', '/api/auth/refresh', '/api/auth/logout', '/api/me/invite', '/api/admin/login', '/api/token', '/api/token/refresh'];
  const gets = ['/api/me', '/api/me/referrals', '/api/referrals/AB3X9K', '/api/admin/users', '/api/admin/stats', '/api/list'];
  const fields = fc.constantFrom('phone', 'code', 'refreshToken', 'inviteCode', 'username', 'password', 'refresh', 'limit', 'cursor', 'search', 'days', 'invite_cod');
  const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fields, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }));
  const query = fc.dictionary(fields, fc.oneof(fc.string({ maxLength: 40 }), fc.integer().map(String)), { maxKeys: 3 });

  it('never answers a POST with a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...posts), body, fc.constantFrom(userAuth, adminAuth, {}), async (path, payload, auth) => {
        const response = await t.http().post(path).set(auth).set('Content-Type', 'application/json').set('X-Forwarded-For', '10.250.0.1').send(JSON.stringify(payload));
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 300 },
    );
  });

  it('never answers a GET with a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets), query, fc.constantFrom(userAuth, adminAuth, {}), async (path, params, auth) => {
        const response = await t.http().get(path).query(params).set(auth);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 300 },
    );
  });
});
