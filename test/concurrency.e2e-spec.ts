import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/app';
import { freshIp, freshPhone, signIn, type SignedIn } from './support/flows';
import { SessionsService } from '../apps/api/src/auth/sessions.service';
import { UsersService } from '../apps/api/src/users/users.service';

const PARALLEL = 24;

/** Fires `count` requests at once and tallies the answers by status. */
async function burst(count: number, fire: (i: number) => Promise<{ status: number; body: { code?: string } }>) {
  const responses = await Promise.all(Array.from({ length: count }, (_, i) => fire(i)));
  const statuses: Record<number, number> = {};
  for (const response of responses) statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  return { responses, statuses };
}

describe('rules that hold under parallel requests', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it(`lets exactly one of ${PARALLEL} parallel activations by one user succeed`, async () => {
    const owners = await Promise.all(Array.from({ length: 4 }, () => signIn(t)));
    const user = await signIn(t);
    const { statuses } = await burst(PARALLEL, (i) =>
      t.http().post('/api/me/invite').set(user.auth).send({ inviteCode: owners[i % owners.length]!.inviteCode }),
    );
    expect(statuses).toEqual({ 200: 1, 409: PARALLEL - 1 });
    const counts = await t.sql<{ total: string }>(`SELECT sum(referrals_count) AS total FROM users WHERE id = ANY($1)`, [owners.map((o) => o.userId)]);
    expect(Number(counts[0]!.total)).toBe(1);
  });

  it(`counts every one of ${PARALLEL} different users activating one code at once`, async () => {
    const owner = await signIn(t);
    const users: SignedIn[] = [];
    for (let i = 0; i < PARALLEL; i++) users.push(await signIn(t));
    const { statuses } = await burst(PARALLEL, (i) => t.http().post('/api/me/invite').set(users[i]!.auth).send({ inviteCode: owner.inviteCode }));
    expect(statuses).toEqual({ 200: PARALLEL });
    const me = await t.http().get('/api/me').set(owner.auth).expect(200);
    expect(me.body.referralsCount).toBe(PARALLEL);
  });

  it('never lets two users who activate each other’s codes at the same moment close a cycle', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await signIn(t), await signIn(t)];
      const { statuses } = await burst(2, (i) =>
        i === 0
          ? t.http().post('/api/me/invite').set(a.auth).send({ inviteCode: b.inviteCode })
          : t.http().post('/api/me/invite').set(b.auth).send({ inviteCode: a.inviteCode }),
      );
      expect(statuses).toEqual({ 200: 1, 422: 1 });
    }
  });

  it(`creates exactly one account when ${PARALLEL} first sign-ins of one phone race`, async () => {
    const phone = freshPhone();
    const ip = freshIp();
    // One code, verified by all at once: only one verify can consume it...
    const sent = await t.http().post('/api/auth/codes').set('X-Forwarded-For', ip).send({ phone }).expect(202);
    const { statuses, responses } = await burst(PARALLEL, () =>
      t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: sent.body.devCode }),
    );
    expect(statuses[200]).toBe(1);
    expect(responses.filter((r) => r.status !== 200).every((r) => r.body.code === 'code_expired' || r.body.code === 'too_many_attempts')).toBe(true);
    const users = await t.sql(`SELECT id FROM users WHERE phone = $1`, [phone]);
    expect(users).toHaveLength(1);
  });

  it('creates exactly one account when sign-ins of one phone through separate codes meet at the insert', async () => {
    // The second half of many sign-ins whose codes were all consumed: only the users table's
    // unique index (insert … on conflict do nothing) keeps the phone to one account.
    const users = t.app.get(UsersService);
    const phone = freshPhone();
    const results = await Promise.all(Array.from({ length: PARALLEL }, () => users.findOrCreateByPhone(phone)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.user.id)).size).toBe(1);
    expect(await t.sql(`SELECT id FROM users WHERE phone = $1`, [phone])).toHaveLength(1);
  });

  it(`caps ${PARALLEL} parallel wrong guesses at the attempt limit`, async () => {
    const phone = freshPhone();
    const sent = await t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }).expect(202);
    const wrong = sent.body.devCode === '0000' ? '1111' : '0000';
    const { statuses } = await burst(PARALLEL, () => t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: wrong }));
    expect(statuses).toEqual({ 401: 5, 429: PARALLEL - 5 });
    const [{ attempts }] = await t.sql<{ attempts: number }>(`SELECT attempts FROM login_codes WHERE phone = $1`, [phone]);
    expect(attempts).toBe(5);
    // The right code no longer works either.
    await t.http().post('/api/auth/verify').set('X-Forwarded-For', freshIp()).send({ phone, code: sent.body.devCode }).expect(429);
  });

  it(`issues exactly one code when ${PARALLEL} requests for one phone arrive at once`, async () => {
    const phone = freshPhone();
    const { statuses } = await burst(PARALLEL, () => t.http().post('/api/auth/codes').set('X-Forwarded-For', freshIp()).send({ phone }));
    expect(statuses).toEqual({ 202: 1, 429: PARALLEL - 1 });
    const rows = await t.sql(`SELECT id FROM login_codes WHERE phone = $1`, [phone]);
    expect(rows).toHaveLength(1);
  });

  it('holds the per-IP hourly limit exactly under a parallel burst from one address', async () => {
    const ip = freshIp();
    const { statuses } = await burst(40, () => t.http().post('/api/auth/codes').set('X-Forwarded-For', ip).send({ phone: freshPhone() }));
    expect(statuses).toEqual({ 202: 30, 429: 10 });
  });

  it('lets only one of parallel uses of one refresh token through and then revokes the sign-in', async () => {
    const user = await signIn(t);
    const { statuses, responses } = await burst(10, () => t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken }));
    expect(statuses).toEqual({ 200: 1, 401: 9 });
    const winner = responses.find((r) => r.status === 200) as unknown as { body: { refreshToken: string } };
    // The reuse revoked the family, the winner's new token included.
    await t.http().post('/api/auth/refresh').send({ refreshToken: winner.body.refreshToken }).expect(401);
  });

  it('never lets a successor token survive a parallel reuse of its predecessor (200 races)', async () => {
    const user = await signIn(t);
    const sessions = t.app.get(SessionsService);
    let survivors = 0;
    for (let trial = 0; trial < 200; trial++) {
      const { refreshToken } = await sessions.start({ id: user.userId, role: 'user' });
      const [a, b] = await Promise.all([1, 2].map(() => t.http().post('/api/auth/refresh').send({ refreshToken })));
      const winner = [a!, b!].find((response) => response.status === 200);
      expect([a!.status, b!.status].sort()).toEqual([200, 401]);
      const again = await t.http().post('/api/auth/refresh').send({ refreshToken: winner!.body.refreshToken });
      if (again.status === 200) survivors++;
    }
    expect(survivors).toBe(0);
  });

  it('never lets a refresh racing a logout keep the sign-in alive (200 races)', async () => {
    const user = await signIn(t);
    const sessions = t.app.get(SessionsService);
    let survivors = 0;
    for (let trial = 0; trial < 200; trial++) {
      const { refreshToken } = await sessions.start({ id: user.userId, role: 'user' });
      const [refreshed] = await Promise.all([
        t.http().post('/api/auth/refresh').send({ refreshToken }),
        t.http().post('/api/auth/logout').send({ refreshToken }).expect(204),
      ]);
      if (refreshed!.status === 200) {
        const again = await t.http().post('/api/auth/refresh').send({ refreshToken: refreshed!.body.refreshToken });
        if (again.status === 200) survivors++;
      }
    }
    expect(survivors).toBe(0);
  });
});
