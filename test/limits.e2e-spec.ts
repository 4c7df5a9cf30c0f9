import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/app';
import { freshIp, freshPhone } from './support/flows';

/** Moves a phone's history back in time, as if `seconds` had passed. */
async function age(t: TestApp, phone: string, seconds: number): Promise<void> {
  await t.sql(`UPDATE login_codes SET created_at = created_at - make_interval(secs => $2) WHERE phone = $1`, [phone, seconds]);
  await t.sql(`UPDATE login_failures SET failed_at = failed_at - make_interval(secs => $2) WHERE phone = $1`, [phone, seconds]);
}

describe('abuse limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ask = (phone: string, ip = freshIp()) => t.http().post('/api/auth/codes').set('X-Forwarded-For', ip).send({ phone });
  const guess = (phone: string, code: string) => t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code });

  it('refuses a new code within the resend delay with 429 rate_limited and Retry-After', async () => {
    const phone = freshPhone();
    await ask(phone).expect(202);
    const again = await ask(phone).expect(429);
    expect(again.body).toMatchObject({ status: 429, code: 'rate_limited' });
    const wait = Number(again.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(58);
    expect(wait).toBeLessThanOrEqual(60);
    await age(t, phone, 61);
    await ask(phone).expect(202);
  });

  it('allows at most 5 codes per phone per hour, then says how long to wait', async () => {
    const phone = freshPhone();
    for (let i = 0; i < 5; i++) {
      await ask(phone).expect(202);
      await age(t, phone, 61);
    }
    const refused = await ask(phone).expect(429);
    expect(refused.body.code).toBe('rate_limited');
    // The oldest of the five was sent 5 × 61 s ago: it leaves the hour in 3600 − 305 s.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3600 - 305 - 5);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600 - 305);
    await age(t, phone, 3600 - 305);
    await ask(phone).expect(202);
  });

  it('allows at most 30 codes per client IP per hour; refused requests do not count', async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++) await ask(freshPhone(), ip).expect(202);
    for (let i = 0; i < 3; i++) expect((await ask(freshPhone(), ip).expect(429)).body.code).toBe('rate_limited');
    const issued = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM login_codes WHERE client_ip = $1`, [ip]);
    expect(Number(issued[0]!.n)).toBe(30);
    await ask(freshPhone(), freshIp()).expect(202);
  });

  it('locks a phone out of verification after 20 wrong guesses in 24 hours, across codes', async () => {
    const phone = freshPhone();
    for (let code = 0; code < 4; code++) {
      const sent = await ask(phone).expect(202);
      const wrong = sent.body.devCode === '0000' ? '1111' : '0000';
      for (let i = 0; i < 5; i++) await guess(phone, wrong).expect(401);
      await age(t, phone, 61);
      // Stay under 5 codes per hour: only the failures' 24 hours matter here.
      await t.sql(`UPDATE login_codes SET created_at = created_at - interval '1 hour' WHERE phone = $1`, [phone]);
    }
    const sent = await ask(phone).expect(202);
    const locked = await guess(phone, sent.body.devCode).expect(429);
    expect(locked.body.code).toBe('too_many_attempts');
    const wait = Number(locked.headers['retry-after']);
    expect(wait).toBeGreaterThan(20 * 3600);
    expect(wait).toBeLessThanOrEqual(24 * 3600);
    // The lockout did not consume the guess budget of the new code.
    const [{ attempts }] = await t.sql<{ attempts: number }>(
      `SELECT attempts FROM login_codes WHERE phone = $1 AND consumed_at IS NULL AND invalidated_at IS NULL`,
      [phone],
    );
    expect(attempts).toBe(0);
    await t.sql(`UPDATE login_failures SET failed_at = failed_at - interval '24 hours' WHERE phone = $1`, [phone]);
    await guess(phone, sent.body.devCode).expect(200);
  });

  it('answers 502 sms_failed when the provider refuses, leaving no pending code and no cooldown', async () => {
    const phone = freshPhone();
    t.sms.failNext();
    const failed = await ask(phone).expect(502);
    expect(failed.body).toMatchObject({ status: 502, code: 'sms_failed' });
    expect(await t.sql(`SELECT id FROM login_codes WHERE phone = $1`, [phone])).toHaveLength(0);
    await ask(phone).expect(202);
  });

  it('limits admin password guesses per client IP with 429 rate_limited', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await t.http().post('/api/admin/login').set('X-Forwarded-For', ip).send({ username: 'x', password: 'guess' });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    const last = await t.http().post('/api/token').set('X-Forwarded-For', ip).send({ username: 'x', password: 'guess' }).expect(429);
    expect(last.body.code).toBe('rate_limited');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('client address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '' });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    for (let i = 0; i < 30; i++) {
      await t.http().post('/api/auth/codes').set('X-Forwarded-For', `10.200.0.${i}`).send({ phone: freshPhone() }).expect(202);
    }
    const refused = await t.http().post('/api/auth/codes').set('X-Forwarded-For', '10.200.1.1').send({ phone: freshPhone() }).expect(429);
    expect(refused.body.code).toBe('rate_limited');
    const ips = await t.sql<{ client_ip: string }>(`SELECT DISTINCT client_ip FROM login_codes`);
    expect(ips.map((row) => row.client_ip)).toEqual([expect.stringMatching(/127\.0\.0\.1|::1/)]);
  });
});

describe('login codes without demo mode', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ OTP_DEMO: 'false', OTP_LENGTH: '6' });
  });
  afterAll(() => t.close());

  it('sends the code only by SMS and honours OTP_LENGTH', async () => {
    const phone = freshPhone();
    const sent = await t.http().post('/api/auth/codes').send({ phone }).expect(202);
    expect(sent.body.devCode).toBeUndefined();
    expect(sent.body.codeLength).toBe(6);
    const code = t.sms.lastCodeFor(phone);
    expect(code).toMatch(/^\d{6}$/);
    expect((await t.http().post('/api/auth/verify').send({ phone, code: code.slice(0, 4) }).expect(400)).body.code).toBe('validation_failed');
    await t.http().post('/api/auth/verify').send({ phone, code }).expect(200);
  });
});
