import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/app';
import { signIn, signInAdmin, type SignedIn } from './support/flows';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function activate(t: TestApp, user: SignedIn, inviteCode: string) {
  return t.http().post('/api/me/invite').set(user.auth).send({ inviteCode });
}

/** Mis-typed like a person would: lower case, spaces, O for 0 and I/L for 1. */
function sloppy(code: string): string {
  return ` ${code.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')} `;
}

describe('referrals', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('POST /api/me/invite', () => {
    it('activates another user’s code and returns the profile with invitedBy set', async () => {
      const owner = await signIn(t);
      const user = await signIn(t);
      const response = await activate(t, user, sloppy(owner.inviteCode)).expect(200);
      expect(response.body).toEqual({
        id: user.userId,
        phone: user.phone,
        inviteCode: user.inviteCode,
        invitedBy: { inviteCode: owner.inviteCode, activatedAt: expect.stringMatching(ISO) },
        referralsCount: 0,
        createdAt: expect.stringMatching(ISO),
      });
      const me = await t.http().get('/api/me').set(owner.auth).expect(200);
      expect(me.body.referralsCount).toBe(1);
    });

    it('refuses a second activation with 409 invite_already_activated, even of another code', async () => {
      const [first, second, user] = [await signIn(t), await signIn(t), await signIn(t)];
      await activate(t, user, first.inviteCode).expect(200);
      for (const code of [first.inviteCode, second.inviteCode]) {
        const response = await activate(t, user, code).expect(409);
        expect(response.body).toMatchObject({ status: 409, code: 'invite_already_activated', title: expect.any(String) });
      }
      const me = await t.http().get('/api/me').set(user.auth).expect(200);
      expect(me.body.invitedBy.inviteCode).toBe(first.inviteCode);
      const counts = await t.sql<{ referrals_count: number }>(`SELECT referrals_count FROM users WHERE id = ANY($1) ORDER BY phone`, [[first.userId, second.userId]]);
      expect(counts.map((row) => row.referrals_count).sort()).toEqual([0, 1]);
    });

    it('refuses the user’s own code with 422 self_referral', async () => {
      const user = await signIn(t);
      const response = await activate(t, user, user.inviteCode.toLowerCase()).expect(422);
      expect(response.body).toMatchObject({ status: 422, code: 'self_referral' });
      const me = await t.http().get('/api/me').set(user.auth).expect(200);
      expect(me.body.invitedBy).toBeNull();
    });

    it('refuses a code that would close a cycle, directly or through a chain, with 422 referral_cycle', async () => {
      const [a, b, c] = [await signIn(t), await signIn(t), await signIn(t)];
      await activate(t, b, a.inviteCode).expect(200); // a invited b
      const direct = await activate(t, a, b.inviteCode).expect(422);
      expect(direct.body.code).toBe('referral_cycle');
      await activate(t, c, b.inviteCode).expect(200); // b invited c
      const chained = await activate(t, a, c.inviteCode).expect(422);
      expect(chained.body.code).toBe('referral_cycle');
    });

    it('answers 404 invite_code_not_found for a well-formed code nobody has', async () => {
      const user = await signIn(t);
      const taken = new Set((await t.sql<{ invite_code: string }>(`SELECT invite_code FROM users`)).map((row) => row.invite_code));
      const unused = ['ZZZZZZ', 'YYYYYY', 'XXXXXX'].find((code) => !taken.has(code))!;
      const response = await activate(t, user, unused).expect(404);
      expect(response.body).toMatchObject({ status: 404, code: 'invite_code_not_found' });
    });

    it.each([['too short', 'AB3'], ['U is not in the alphabet', 'UUUUUU'], ['punctuation', 'AB-3X9'], ['SQL', "' OR 1=1 --"], ['a number', 123456]])(
      'rejects %s with 400 validation_failed',
      async (_, inviteCode) => {
        const user = await signIn(t);
        const response = await t.http().post('/api/me/invite').set(user.auth).send({ inviteCode }).expect(400);
        expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'inviteCode' }] });
      },
    );

    it('needs a user token: 401 without one, 403 with an admin’s', async () => {
      const owner = await signIn(t);
      expect((await t.http().post('/api/me/invite').send({ inviteCode: owner.inviteCode }).expect(401)).body.code).toBe('unauthorized');
      const admin = await signInAdmin(t);
      expect((await t.http().post('/api/me/invite').set(admin.auth).send({ inviteCode: owner.inviteCode }).expect(403)).body.code).toBe('forbidden');
    });
  });

  describe('GET /api/me/referrals', () => {
    it('lists who joined through my code, newest first, masked, page by page', async () => {
      const owner = await signIn(t);
      const joined: SignedIn[] = [];
      for (let i = 0; i < 5; i++) {
        const user = await signIn(t);
        await activate(t, user, owner.inviteCode).expect(200);
        joined.push(user);
      }
      const mask = (phone: string) => `+7 ${phone.slice(2, 5)} ***-**-${phone.slice(-2)}`;
      const first = await t.http().get('/api/me/referrals?limit=2').set(owner.auth).expect(200);
      expect(first.body).toEqual({
        items: [
          { phone: mask(joined[4]!.phone), activatedAt: expect.stringMatching(ISO) },
          { phone: mask(joined[3]!.phone), activatedAt: expect.stringMatching(ISO) },
        ],
        nextCursor: expect.any(String),
        total: 5,
      });
      const second = await t.http().get(`/api/me/referrals?limit=2&cursor=${first.body.nextCursor}`).set(owner.auth).expect(200);
      const third = await t.http().get(`/api/me/referrals?limit=2&cursor=${second.body.nextCursor}`).set(owner.auth).expect(200);
      expect(third.body.nextCursor).toBeNull();
      const phones = [...first.body.items, ...second.body.items, ...third.body.items].map((item) => item.phone);
      expect(phones).toEqual(joined.map((user) => mask(user.phone)).reverse());
      expect(JSON.stringify([first.body, second.body, third.body])).not.toContain(joined[0]!.phone);
    });

    it('shows an empty list with total 0 and no cursor to a user nobody joined through', async () => {
      const user = await signIn(t);
      expect((await t.http().get('/api/me/referrals').set(user.auth).expect(200)).body).toEqual({ items: [], nextCursor: null, total: 0 });
    });

    it.each([['limit=0'], ['limit=101'], ['limit=abc'], ['cursor=garbage!'], ['cursor=eyJ4IjoxfQ'], ['unknown=1']])('rejects %s with 400', async (query) => {
      const user = await signIn(t);
      const response = await t.http().get(`/api/me/referrals?${query}`).set(user.auth).expect(400);
      expect(response.body.code).toBe('validation_failed');
    });
  });

  describe('GET /api/referrals/{inviteCode} (admin)', () => {
    it('shows the owner and every phone that activated the code, unmasked, paginated', async () => {
      const owner = await signIn(t);
      const joined = [await signIn(t), await signIn(t), await signIn(t)];
      for (const user of joined) await activate(t, user, owner.inviteCode).expect(200);
      const admin = await signInAdmin(t);
      const first = await t.http().get(`/api/referrals/${sloppy(owner.inviteCode).trim()}?limit=2`).set(admin.auth).expect(200);
      expect(first.body).toEqual({
        owner: { phone: owner.phone, inviteCode: owner.inviteCode },
        items: [
          { phone: joined[2]!.phone, activatedAt: expect.stringMatching(ISO) },
          { phone: joined[1]!.phone, activatedAt: expect.stringMatching(ISO) },
        ],
        nextCursor: expect.any(String),
        total: 3,
      });
      const rest = await t.http().get(`/api/referrals/${owner.inviteCode}?limit=2&cursor=${first.body.nextCursor}`).set(admin.auth).expect(200);
      expect(rest.body.items).toEqual([{ phone: joined[0]!.phone, activatedAt: expect.stringMatching(ISO) }]);
      expect(rest.body.nextCursor).toBeNull();
    });

    it('answers 404 invite_code_not_found, 400 for a malformed code, 403 for users and 401 without a token', async () => {
      const admin = await signInAdmin(t);
      const user = await signIn(t);
      expect((await t.http().get('/api/referrals/ZZZZZZ').set(admin.auth).expect(404)).body.code).toBe('invite_code_not_found');
      expect((await t.http().get('/api/referrals/ab').set(admin.auth).expect(400)).body.code).toBe('validation_failed');
      expect((await t.http().get(`/api/referrals/${user.inviteCode}`).set(user.auth).expect(403)).body.code).toBe('forbidden');
      expect((await t.http().get(`/api/referrals/${user.inviteCode}`).expect(401)).body.code).toBe('unauthorized');
    });
  });
});
