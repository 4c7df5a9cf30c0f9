import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { createTestApp, type TestApp } from './support/app';
import { signIn, signInAdmin, type SignedIn } from './support/flows';

function jwt(header: object, payload: object, secret?: string): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(payload)}`;
  const signature = secret ? createHmac('sha256', secret).update(unsigned).digest('base64url') : '';
  return `${unsigned}.${signature}`;
}

/** Asserts the RFC 9457 shape and that nothing internal leaked into it. */
function expectProblem(response: { status: number; headers: Record<string, string>; body: Record<string, unknown>; text: string }, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ type: 'about:blank', title: expect.any(String), status, code });
  expect(response.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+|QueryFailedError|SELECT |INSERT |stack/i);
}

describe('HTTP edge cases', () => {
  let t: TestApp;
  let user: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    user = await signIn(t);
  });
  afterAll(() => t.close());

  describe('bad input is a 400 validation_failed and nothing else', () => {
    it('malformed JSON', async () => {
      const response = await t.http().post('/api/auth/codes').set('Content-Type', 'application/json').send('{"phone": "+7999');
      expectProblem(response, 400, 'validation_failed');
      expect(response.body.errors).toEqual([{ field: 'body', message: expect.any(String) }]);
    });

    it('an overlong path parameter or a broken URL', async () => {
      const admin = await signInAdmin(t);
      expectProblem(await t.http().get(`/api/referrals/${'A'.repeat(300)}`).set(admin.auth), 400, 'validation_failed');
      expectProblem(await t.http().get('/api/referrals/%E0%A4%A').set(admin.auth), 400, 'validation_failed');
    });

    it.each([
      ['an unknown field', { phone: '+79991234567', admin: true }, 'admin'],
      ['a number where a string belongs', { phone: 79991234567 }, 'phone'],
      ['null', { phone: null }, 'phone'],
      ['an object', { phone: { $ne: '' } }, 'phone'],
      ['a missing field', {}, 'phone'],
    ])('%s', async (_, body, field) => {
      const response = await t.http().post('/api/auth/codes').send(body);
      expectProblem(response, 400, 'validation_failed');
      expect(response.body.errors).toEqual([{ field, message: expect.any(String) }]);
    });

    it('names the broken rule, the type first', async () => {
      expect((await t.http().post('/api/auth/codes').send({ phone: 79991234567 })).body.errors).toEqual([{ field: 'phone', message: 'phone must be a string' }]);
      expect((await t.http().get('/api/me/referrals?limit=abc').set(user.auth)).body.errors).toEqual([{ field: 'limit', message: 'limit must be an integer number' }]);
    });

    it.each([['an array', '[1,2]'], ['a string', '"+79991234567"'], ['a number', '42'], ['null', 'null']])('a JSON body that is %s', async (_, raw) => {
      const response = await t.http().post('/api/auth/codes').set('Content-Type', 'application/json').send(raw);
      expectProblem(response, 400, 'validation_failed');
    });

    it('a body nested thousands of levels deep', async () => {
      const deep = `{"phone":${'['.repeat(5000)}${']'.repeat(5000)}}`;
      const response = await t.http().post('/api/auth/codes').set('Content-Type', 'application/json').send(deep);
      expectProblem(response, 400, 'validation_failed');
    });

    it('SQL-looking strings are just wrong values', async () => {
      const response = await t.http().post('/api/me/invite').set(user.auth).send({ inviteCode: "x'); DELETE FROM users; --" });
      expectProblem(response, 400, 'validation_failed');
      expect(await t.sql('SELECT id FROM users')).not.toHaveLength(0);
    });
  });

  it('refuses a body over 16 KiB with 413 payload_too_large', async () => {
    const response = await t.http().post('/api/auth/codes').send({ phone: '1'.repeat(17 * 1024) });
    expectProblem(response, 413, 'payload_too_large');
  });

  it('refuses a body that is not JSON with 415 unsupported_media_type (forms only on /api/token*)', async () => {
    expectProblem(await t.http().post('/api/auth/codes').set('Content-Type', 'text/plain').send('+79991234567'), 415, 'unsupported_media_type');
    expectProblem(await t.http().post('/api/auth/codes').type('form').send({ phone: '+79991234567' }), 415, 'unsupported_media_type');
    expectProblem(await t.http().post('/api/token').type('form').send({ username: 'x', password: 'y' }), 401, 'invalid_credentials');
  });

  it('answers unknown routes with 404 not_found', async () => {
    expectProblem(await t.http().get('/api/nope'), 404, 'not_found');
    expectProblem(await t.http().delete('/api/me'), 404, 'not_found');
  });

  it('ignores trailing slashes on every route', async () => {
    await t.http().get('/api/me/').set(user.auth).expect(200);
    await t.http().get('/api/health/live/').expect(200);
  });

  describe('bearer tokens', () => {
    const secret = 'test-secret-that-is-long-enough-for-hs256-0123456789';
    const now = Math.floor(Date.now() / 1000);

    it.each([
      ['missing', undefined],
      ['not a JWT', 'Bearer nonsense'],
      ['a different scheme', 'Basic dXNlcjpwYXNz'],
      ['signed with another key', `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'x', role: 'admin', jti: 'j', iat: now, exp: now + 60 }, 'another-secret-another-secret-1234')}`],
      ['alg none', `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, { sub: 'x', role: 'admin', jti: 'j', iat: now, exp: now + 60 })}`],
      ['expired', `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'x', role: 'user', jti: 'j', iat: now - 1000, exp: now - 100 }, secret)}`],
      ['an unknown role', `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'x', role: 'root', jti: 'j', iat: now, exp: now + 60 }, secret)}`],
    ])('%s → 401 unauthorized', async (_, header) => {
      const request = t.http().get('/api/me');
      if (header) request.set('Authorization', header);
      expectProblem(await request, 401, 'unauthorized');
    });

    it('a user token on an admin endpoint → 403 forbidden; an admin token on a user endpoint → 403', async () => {
      expectProblem(await t.http().get('/api/admin/stats').set(user.auth), 403, 'forbidden');
      const admin = await signInAdmin(t);
      expectProblem(await t.http().get('/api/me').set(admin.auth), 403, 'forbidden');
    });
  });

  it('keeps a sane X-Request-Id and makes one otherwise, in the header and the problem body', async () => {
    const kept = await t.http().get('/api/nope').set('X-Request-Id', 'edge-42.abc');
    expect(kept.headers['x-request-id']).toBe('edge-42.abc');
    expect(kept.body.requestId).toBe('edge-42.abc');
    const replaced = await t.http().get('/api/health/live').set('X-Request-Id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the API documentation', async () => {
    expect((await t.http().get('/api/docs').expect(200)).text).toContain('swagger');
    const document = (await t.http().get('/api/docs-json').expect(200)).body;
    expect(document.info.title).toBe('Referral system API');
  });

  describe('health', () => {
    it('is live and ready while the database answers', async () => {
      expect((await t.http().get('/api/health/live').expect(200)).body).toEqual({ status: 'ok' });
      expect((await t.http().get('/api/health/ready').expect(200)).body.status).toBe('ok');
    });
  });
});

describe('when the database goes away', () => {
  let t: TestApp;
  let user: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    user = await signIn(t);
  });
  afterAll(() => t.close());

  it('answers 503 service_unavailable (readiness too) and recovers nothing it should not', async () => {
    if (t.database.kind !== 'postgres') return; // PGlite in-process cannot be cut off from outside
    const name = new URL(t.database.url).pathname.slice(1);
    const admin = new Client({ connectionString: t.database.url.replace(`/${name}`, '/postgres') });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
      expectProblem(await t.http().get('/api/me').set(user.auth), 503, 'service_unavailable');
      expectProblem(await t.http().get('/api/health/ready'), 503, 'service_unavailable');
      await t.http().get('/api/health/live').expect(200);
    } finally {
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await t.http().get('/api/me').set(user.auth).expect(200);
  });
});
