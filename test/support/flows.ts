import { hashPassword } from '@app/common';
import type { TestApp } from './app';

export interface SignedIn {
  phone: string;
  accessToken: string;
  refreshToken: string;
  inviteCode: string;
  userId: string;
  auth: { Authorization: string };
}

let counter = 0;

/** A distinct valid Russian mobile number for each call within a test file. */
export function freshPhone(): string {
  counter += 1;
  return `+7999${String(Date.now() % 1000).padStart(3, '0')}${String(counter).padStart(4, '0')}`;
}

/** A distinct client address per call, so sign-ins of one file stay under the per-IP limit. */
export function freshIp(): string {
  counter += 1;
  return `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
}

/** Code request + verify through the API, the way the SPA signs in. */
export async function signIn(t: TestApp, phone = freshPhone(), ip = freshIp()): Promise<SignedIn> {
  const sent = await t.http().post('/api/auth/codes').set('X-Forwarded-For', ip).send({ phone }).expect(202);
  const verified = await t
    .http()
    .post('/api/auth/verify')
    .set('X-Forwarded-For', ip)
    .send({ phone, code: sent.body.devCode ?? t.sms.lastCodeFor(sent.body.phone) })
    .expect(200);
  return {
    phone: verified.body.user.phone,
    accessToken: verified.body.accessToken,
    refreshToken: verified.body.refreshToken,
    inviteCode: verified.body.user.inviteCode,
    userId: verified.body.user.id,
    auth: { Authorization: `Bearer ${verified.body.accessToken}` },
  };
}

/** Creates an admin directly through the same hashing the CLI uses, then signs in. */
export async function signInAdmin(t: TestApp, username = 'operator', password = 'operator-password-1'): Promise<{ accessToken: string; refreshToken: string; auth: { Authorization: string } }> {
  await t.sql(
    `INSERT INTO admins (username, password_hash) VALUES ($1, $2)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash`,
    [username, await hashPassword(password)],
  );
  const response = await t.http().post('/api/admin/login').set('X-Forwarded-For', freshIp()).send({ username, password }).expect(200);
  return {
    accessToken: response.body.accessToken,
    refreshToken: response.body.refreshToken,
    auth: { Authorization: `Bearer ${response.body.accessToken}` },
  };
}
