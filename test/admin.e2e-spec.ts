import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/app';
import { signIn, signInAdmin, type SignedIn } from './support/flows';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('admin', () => {
  let t: TestApp;
  let owner: SignedIn;
  let joined: SignedIn[];

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signIn(t);
    joined = [await signIn(t), await signIn(t)];
    for (const user of joined) await t.http().post('/api/me/invite').set(user.auth).send({ inviteCode: owner.inviteCode }).expect(200);
  });
  afterAll(() => t.close());

  describe('POST /api/admin/login', () => {
    it('signs an operator in with an admin-role token, a refresh cookie and the account', async () => {
      await signInAdmin(t, 'root-op', 'root-op-password');
      const response = await t.http().post('/api/admin/login').send({ username: 'root-op', password: 'root-op-password' }).expect(200);
      expect(response.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        admin: { id: expect.any(String), username: 'root-op' },
      });
      const payload = JSON.parse(Buffer.from(response.body.accessToken.split('.')[1], 'base64url').toString());
      expect(payload).toMatchObject({ role: 'admin', sub: response.body.admin.id });
      expect(String(response.headers['set-cookie'])).toContain('refresh_token=');
    });

    it('answers the same 401 invalid_credentials for a wrong password and an unknown user', async () => {
      await signInAdmin(t, 'op-2', 'op-2-password');
      const wrong = await t.http().post('/api/admin/login').send({ username: 'op-2', password: 'nope-nope' }).expect(401);
      const unknown = await t.http().post('/api/admin/login').send({ username: 'nobody', password: 'nope-nope' }).expect(401);
      expect(wrong.body.code).toBe('invalid_credentials');
      expect({ ...unknown.body, requestId: undefined }).toEqual({ ...wrong.body, requestId: undefined });
    });

    it('refreshes an admin session through /api/auth/refresh', async () => {
      const admin = await signInAdmin(t, 'op-3', 'op-3-password');
      const response = await t.http().post('/api/auth/refresh').send({ refreshToken: admin.refreshToken }).expect(200);
      expect(response.body.admin).toEqual({ id: expect.any(String), username: 'op-3' });
      expect(response.body.user).toBeUndefined();
      await t.http().get('/api/admin/stats').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    });

    it('rejects a missing password with 400', async () => {
      const response = await t.http().post('/api/admin/login').send({ username: 'x' }).expect(400);
      expect(response.body.errors).toEqual([{ field: 'password', message: expect.any(String) }]);
    });
  });

  describe('GET /api/admin/users', () => {
    it('lists users newest first with their codes, who invited them and their counts', async () => {
      const admin = await signInAdmin(t);
      const response = await t.http().get('/api/admin/users?limit=3').set(admin.auth).expect(200);
      expect(response.body.total).toBe(3);
      expect(response.body.nextCursor).toBeNull();
      expect(response.body.items).toEqual([
        { id: joined[1]!.userId, phone: joined[1]!.phone, inviteCode: joined[1]!.inviteCode, invitedBy: owner.inviteCode, referralsCount: 0, createdAt: expect.stringMatching(ISO) },
        { id: joined[0]!.userId, phone: joined[0]!.phone, inviteCode: joined[0]!.inviteCode, invitedBy: owner.inviteCode, referralsCount: 0, createdAt: expect.stringMatching(ISO) },
        { id: owner.userId, phone: owner.phone, inviteCode: owner.inviteCode, invitedBy: null, referralsCount: 2, createdAt: expect.stringMatching(ISO) },
      ]);
    });

    it('pages with an opaque cursor without repeating or skipping anyone', async () => {
      const admin = await signInAdmin(t);
      const first = await t.http().get('/api/admin/users?limit=2').set(admin.auth).expect(200);
      const second = await t.http().get(`/api/admin/users?limit=2&cursor=${first.body.nextCursor}`).set(admin.auth).expect(200);
      expect(second.body.nextCursor).toBeNull();
      const ids = [...first.body.items, ...second.body.items].map((user: { id: string }) => user.id);
      expect(ids).toEqual([joined[1]!.userId, joined[0]!.userId, owner.userId]);
    });

    it('finds users by digits of the phone, however they are typed, and by the start of an invite code', async () => {
      const admin = await signInAdmin(t);
      const digits = owner.phone.slice(-7);
      const spaced = `${digits.slice(0, 3)} ${digits.slice(3, 5)}-${digits.slice(5)}`;
      const byPhone = await t.http().get('/api/admin/users').query({ search: spaced }).set(admin.auth).expect(200);
      expect(byPhone.body.items.map((user: { id: string }) => user.id)).toEqual([owner.userId]);
      expect(byPhone.body.total).toBe(1);
      const byCode = await t.http().get('/api/admin/users').query({ search: joined[0]!.inviteCode.slice(0, 5).toLowerCase() }).set(admin.auth).expect(200);
      expect(byCode.body.items.map((user: { id: string }) => user.id)).toContain(joined[0]!.userId);
      const none = await t.http().get('/api/admin/users').query({ search: "'; DROP TABLE users; --" }).set(admin.auth).expect(200);
      expect(none.body).toEqual({ items: [], nextCursor: null, total: 0 });
    });

    it('is for admins only', async () => {
      expect((await t.http().get('/api/admin/users').set(owner.auth).expect(403)).body.code).toBe('forbidden');
      expect((await t.http().get('/api/admin/users').expect(401)).body.code).toBe('unauthorized');
    });
  });

  describe('GET /api/admin/stats', () => {
    it('reports totals, the activation rate, a day-by-day series ending today and the top referrers', async () => {
      const admin = await signInAdmin(t);
      const response = await t.http().get('/api/admin/stats?days=7').set(admin.auth).expect(200);
      const today = new Date().toISOString().slice(0, 10);
      expect(response.body).toEqual({
        users: 3,
        activatedUsers: 2,
        activationRate: 0.6667,
        days: expect.any(Array),
        topReferrers: [{ inviteCode: owner.inviteCode, phone: owner.phone, referralsCount: 2 }],
      });
      expect(response.body.days).toHaveLength(7);
      expect(response.body.days.at(-1)).toEqual({ date: today, signups: 3, activations: 2 });
      expect(response.body.days.slice(0, 6).every((day: { signups: number }) => day.signups === 0)).toBe(true);
    });

    it('defaults to 30 days and refuses more than 365', async () => {
      const admin = await signInAdmin(t);
      expect((await t.http().get('/api/admin/stats').set(admin.auth).expect(200)).body.days).toHaveLength(30);
      expect((await t.http().get('/api/admin/stats?days=366').set(admin.auth).expect(400)).body.code).toBe('validation_failed');
    });
  });

  describe('seed-compatible endpoints', () => {
    it('POST /api/token takes a form like the seed’s clients send and returns { access, refresh }', async () => {
      await signInAdmin(t, 'legacy', 'legacy-password');
      const response = await t
        .http()
        .post('/api/token')
        .type('form')
        .send({ username: 'legacy', password: 'legacy-password' })
        .expect(200);
      expect(response.body).toEqual({ access: expect.any(String), refresh: expect.any(String) });
      const json = await t.http().post('/api/token/').send({ username: 'legacy', password: 'legacy-password' }).expect(200);
      expect(Object.keys(json.body).sort()).toEqual(['access', 'refresh']);
    });

    it('POST /api/token/refresh/ (trailing slash, as the seed’s clients call it) rotates the pair', async () => {
      await signInAdmin(t, 'legacy2', 'legacy2-password');
      const pair = (await t.http().post('/api/token').send({ username: 'legacy2', password: 'legacy2-password' }).expect(200)).body;
      const rotated = await t.http().post('/api/token/refresh/').send({ refresh: pair.refresh }).expect(200);
      expect(rotated.body).toEqual({ access: expect.any(String), refresh: expect.any(String) });
      expect((await t.http().post('/api/token/refresh').send({ refresh: pair.refresh }).expect(401)).body.code).toBe('refresh_invalid');
      // The reuse above revoked that sign-in; a fresh one refreshes through the cookie alone.
      const fresh = (await t.http().post('/api/token').send({ username: 'legacy2', password: 'legacy2-password' }).expect(200)).body;
      const byCookie = await t.http().post('/api/token/refresh').set('Cookie', `refresh_token=${fresh.refresh}`).send({}).expect(200);
      expect(byCookie.body).toEqual({ access: expect.any(String), refresh: expect.any(String) });
      expect((await t.http().post('/api/token/refresh').send({}).expect(401)).body.code).toBe('refresh_invalid');
    });

    it('POST /api/token answers 401 invalid_credentials for a wrong password', async () => {
      const response = await t.http().post('/api/token').type('form').send({ username: 'legacy', password: 'wrong' }).expect(401);
      expect(response.body.code).toBe('invalid_credentials');
    });

    it('GET /api/list?invite_cod= lists every phone that activated the code, oldest first', async () => {
      const pair = (await t.http().post('/api/token').send({ username: 'legacy', password: 'legacy-password' }).expect(200)).body;
      const auth = { Authorization: `Bearer ${pair.access}` };
      const response = await t.http().get(`/api/list?invite_cod=${owner.inviteCode.toLowerCase()}`).set(auth).expect(200);
      expect(response.body).toEqual([{ telephone: joined[0]!.phone }, { telephone: joined[1]!.phone }]);
      expect((await t.http().get(`/api/list/?invite_cod=${owner.inviteCode}&format=json`).set(auth).expect(200)).body).toHaveLength(2);
    });

    it('GET /api/list answers [] for a code nobody owns or nobody activated, 400 without the parameter', async () => {
      const auth = (await signInAdmin(t)).auth;
      expect((await t.http().get('/api/list?invite_cod=ZZZZZZ').set(auth).expect(200)).body).toEqual([]);
      expect((await t.http().get(`/api/list?invite_cod=${joined[0]!.inviteCode}`).set(auth).expect(200)).body).toEqual([]);
      const missing = await t.http().get('/api/list').set(auth).expect(400);
      expect(missing.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'invite_cod' }] });
    });

    it('GET /api/list is for admins only', async () => {
      expect((await t.http().get(`/api/list?invite_cod=${owner.inviteCode}`).set(owner.auth).expect(403)).body.code).toBe('forbidden');
      expect((await t.http().get(`/api/list?invite_cod=${owner.inviteCode}`).expect(401)).body.code).toBe('unauthorized');
    });
  });
});
