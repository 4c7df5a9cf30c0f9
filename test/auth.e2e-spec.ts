import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/app';
import { freshIp, freshPhone, signIn } from './support/flows';
import { RetentionService } from '../apps/api/src/auth/retention.service';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f-]{36}$/;

describe('phone login', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('POST /api/auth/codes', () => {
    it('normalises the phone and answers 202 with the expiry, the resend delay and the demo code', async () => {
      const before = Date.now();
      const response = await t.http().post('/api/auth/codes').send({ phone: '8 (999) 555-01-01' }).expect(202);
      expect(response.body).toEqual({
        phone: '+79995550101',
        expiresAt: expect.stringMatching(ISO),
        resendAfter: 60,
        codeLength: 4,
        devCode: expect.stringMatching(/^\d{4}$/),
      });
      const ttl = Date.parse(response.body.expiresAt) - before;
      expect(ttl).toBeGreaterThan(295_000);
      expect(ttl).toBeLessThan(305_000);
      expect(t.sms.lastCodeFor('+79995550101')).toBe(response.body.devCode);
    });

    it('treats the usual ways of writing one number as one phone', async () => {
      const ways = ['89995550202', '+7 (999) 555-02-02', '7 999 555 02 02', '+7.999.555.02.02'];
      for (const [i, phone] of ways.entries()) {
        await t.sql(`DELETE FROM login_codes WHERE phone = '+79995550202'`);
        const response = await t.http().post('/api/auth/codes').set('X-Forwarded-For', `10.9.0.${i}`).send({ phone }).expect(202);
        expect(response.body.phone).toBe('+79995550202');
      }
    });

    it.each([
      ['letters around a number', 'call +79991234567 now'],
      ['non-ASCII digits', '+７９９９１２３４５６７'],
      ['Arabic-Indic digits', '٨٩٩٩١٢٣٤٥٦٧'],
      ['too short', '+7999123'],
      ['not a valid number for its region', '+7 000 000 00 00'],
      ['a plus sign in the middle', '7+9991234567'],
      ['SQL', "'; DROP TABLE users; --"],
      ['empty', ''],
    ])('rejects %s with 400 validation_failed on the phone field', async (_, phone) => {
      const response = await t.http().post('/api/auth/codes').send({ phone }).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ type: 'about:blank', status: 400, code: 'validation_failed', errors: [{ field: 'phone', message: expect.any(String) }] });
    });

    it('answers the same for a phone that already has an account', async () => {
      const known = await signIn(t);
      await t.sql(`UPDATE login_codes SET created_at = created_at - interval '2 minutes' WHERE phone = $1`, [known.phone]);
      const forKnown = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone: known.phone }).expect(202);
      const forNew = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone: freshPhone() }).expect(202);
      expect(Object.keys(forKnown.body).sort()).toEqual(Object.keys(forNew.body).sort());
    });

    it('keeps only a keyed hash of the code in the database', async () => {
      const phone = freshPhone();
      const { body } = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
      const rows = await t.sql<{ code_hash: string }>(`SELECT code_hash FROM login_codes WHERE phone = $1`, [phone]);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]!.code_hash).not.toContain(body.devCode);
      const { createHash } = await import('node:crypto');
      expect(rows[0]!.code_hash).not.toBe(createHash('sha256').update(`${phone}:${body.devCode}`).digest('hex'));
    });
  });

  describe('POST /api/auth/verify', () => {
    it('creates the user on the first sign-in and returns tokens, the cookie and the whole profile', async () => {
      const phone = freshPhone();
      const sent = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
      const response = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: sent.body.devCode }).expect(200);
      expect(response.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        refreshToken: expect.stringMatching(/^[\w-]{43}$/),
        tokenType: 'Bearer',
        expiresIn: 900,
        isNewUser: true,
        user: {
          id: expect.stringMatching(UUID),
          phone,
          inviteCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{6}$/),
          invitedBy: null,
          referralsCount: 0,
          createdAt: expect.stringMatching(ISO),
        },
      });
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toContain(`refresh_token=${response.body.refreshToken}`);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/api\/auth/);
      expect(cookie).not.toMatch(/Secure/);

      const [header, payload] = response.body.accessToken.split('.').slice(0, 2).map((part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header.alg).toBe('HS256');
      expect(payload).toMatchObject({ sub: response.body.user.id, role: 'user', jti: expect.any(String) });
      expect(payload.exp - payload.iat).toBe(900);
    });

    it('signs the same person in again without creating a second account', async () => {
      const first = await signIn(t);
      await t.sql(`UPDATE login_codes SET created_at = created_at - interval '2 minutes' WHERE phone = $1`, [first.phone]);
      const sent = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone: first.phone }).expect(202);
      const again = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone: first.phone, code: sent.body.devCode }).expect(200);
      expect(again.body.isNewUser).toBe(false);
      expect(again.body.user.id).toBe(first.userId);
      expect(again.body.user.inviteCode).toBe(first.inviteCode);
    });

    it('answers 401 code_invalid with the attempts left for a wrong code', async () => {
      const phone = freshPhone();
      const sent = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
      const wrong = sent.body.devCode === '0000' ? '1111' : '0000';
      const response = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: wrong }).expect(401);
      expect(response.body).toMatchObject({ status: 401, code: 'code_invalid', attemptsLeft: 4 });
      const second = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: wrong }).expect(401);
      expect(second.body.attemptsLeft).toBe(3);
    });

    it('burns the code after 5 wrong guesses: even the right code then gets 429 too_many_attempts', async () => {
      const phone = freshPhone();
      const sent = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
      const wrong = sent.body.devCode === '0000' ? '1111' : '0000';
      for (let left = 4; left >= 0; left--) {
        const response = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: wrong }).expect(401);
        expect(response.body.attemptsLeft).toBe(left);
      }
      const burned = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: sent.body.devCode }).expect(429);
      expect(burned.body.code).toBe('too_many_attempts');
      expect(Number(burned.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(burned.headers['retry-after'])).toBeLessThanOrEqual(60);

      // A new code lifts it.
      await t.sql(`UPDATE login_codes SET created_at = created_at - interval '2 minutes' WHERE phone = $1`, [phone]);
      const fresh = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
      await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: fresh.body.devCode }).expect(200);
    });

    it('does not count a code of the wrong shape as a guess', async () => {
      const phone = freshPhone();
      const sent = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
      for (const code of ['123', '12345', '12a4', '１２３４', ' 1234', '']) {
        const response = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code }).expect(400);
        expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'code' }] });
      }
      const [{ attempts }] = await t.sql<{ attempts: number }>(`SELECT attempts FROM login_codes WHERE phone = $1`, [phone]);
      expect(attempts).toBe(0);
      await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: sent.body.devCode }).expect(200);
    });

    it('accepts a code once only', async () => {
      const phone = freshPhone();
      const sent = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
      await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: sent.body.devCode }).expect(200);
      const replay = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: sent.body.devCode }).expect(401);
      expect(replay.body.code).toBe('code_expired');
    });

    it('answers 401 code_expired after the code expires', async () => {
      const phone = freshPhone();
      const sent = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
      await t.sql(`UPDATE login_codes SET expires_at = now() - interval '1 second' WHERE phone = $1`, [phone]);
      const response = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: sent.body.devCode }).expect(401);
      expect(response.body).toMatchObject({ status: 401, code: 'code_expired' });
    });

    it('answers 401 code_expired for a phone that never asked for a code', async () => {
      const response = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone: freshPhone(), code: '1234' }).expect(401);
      expect(response.body.code).toBe('code_expired');
    });

    it('invalidates the previous code when a new one is asked for', async () => {
      const phone = freshPhone();
      const first = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
      await t.sql(`UPDATE login_codes SET created_at = created_at - interval '2 minutes' WHERE phone = $1`, [phone]);
      const second = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
      if (first.body.devCode !== second.body.devCode) {
        const old = await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: first.body.devCode }).expect(401);
        expect(old.body.code).toBe('code_invalid');
      }
      await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: second.body.devCode }).expect(200);
    });
  });

  describe('sessions', () => {
    it('rotates the refresh token: the new pair works, the profile comes back', async () => {
      const user = await signIn(t);
      const response = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        user: expect.objectContaining({ id: user.userId, phone: user.phone, inviteCode: user.inviteCode }),
      });
      expect(response.body.refreshToken).not.toBe(user.refreshToken);
      await t.http().get('/api/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    });

    it('takes the refresh token from the cookie when the body has none', async () => {
      const user = await signIn(t);
      const response = await t.http().post('/api/auth/refresh').set('Cookie', `refresh_token=${user.refreshToken}`).send({}).expect(200);
      expect(response.body.user.id).toBe(user.userId);
      expect(String(response.headers['set-cookie'])).toContain(`refresh_token=${response.body.refreshToken}`);
    });

    it('revokes the whole sign-in when a rotated refresh token is reused, but not other sign-ins', async () => {
      const user = await signIn(t);
      await t.sql(`UPDATE login_codes SET created_at = created_at - interval '2 minutes' WHERE phone = $1`, [user.phone]);
      const otherSignIn = await signIn(t, user.phone);
      const rotated = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);

      const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
      expect(reuse.body.code).toBe('refresh_invalid');
      const successor = await t.http().post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
      expect(successor.body.code).toBe('refresh_invalid');
      await t.http().post('/api/auth/refresh').send({ refreshToken: otherSignIn.refreshToken }).expect(200);
    });

    it.each([
      ['an unknown token', { refreshToken: 'not-a-token' }],
      ['no token at all', {}],
    ])('answers 401 refresh_invalid for %s', async (_, body) => {
      const response = await t.http().post('/api/auth/refresh').send(body).expect(401);
      expect(response.body).toMatchObject({ status: 401, code: 'refresh_invalid' });
    });

    it('rejects an expired refresh token', async () => {
      const user = await signIn(t);
      await t.sql(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE subject_id = $1`, [user.userId]);
      const response = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
      expect(response.body.code).toBe('refresh_invalid');
    });

    it('logs out: 204, the cookie cleared, the refresh token dead; again is still 204', async () => {
      const user = await signIn(t);
      const response = await t.http().post('/api/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
      expect(String(response.headers['set-cookie'])).toMatch(/refresh_token=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)/);
      await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
      await t.http().post('/api/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
      await t.http().post('/api/auth/logout').expect(204);
    });

    it('purges codes, wrong guesses and dead sessions once no rule needs them, and keeps the rest', async () => {
      const old = await signIn(t);
      const recent = await signIn(t);
      await t.sql(`UPDATE login_codes SET created_at = now() - interval '25 hours' WHERE phone = $1`, [old.phone]);
      await t.sql(`INSERT INTO login_failures (phone, failed_at) VALUES ($1, now() - interval '25 hours'), ($1, now())`, [old.phone]);
      await t.sql(`UPDATE refresh_tokens SET expires_at = now() - interval '2 days' WHERE subject_id = $1`, [old.userId]);

      const removed = await t.app.get(RetentionService).purge();

      expect(removed).toBeGreaterThanOrEqual(3);
      expect(await t.sql(`SELECT 1 FROM login_codes WHERE phone = $1`, [old.phone])).toHaveLength(0);
      expect(await t.sql(`SELECT 1 FROM login_failures WHERE phone = $1`, [old.phone])).toHaveLength(1);
      expect(await t.sql(`SELECT 1 FROM refresh_tokens WHERE subject_id = $1`, [old.userId])).toHaveLength(0);
      expect(await t.sql(`SELECT 1 FROM login_codes WHERE phone = $1`, [recent.phone])).toHaveLength(1);
      await t.http().post('/api/auth/refresh').send({ refreshToken: recent.refreshToken }).expect(200);
    });

    it('logs out through the cookie', async () => {
      const user = await signIn(t);
      await t.http().post('/api/auth/logout').set('Cookie', `refresh_token=${user.refreshToken}`).expect(204);
      await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    });
  });
});
