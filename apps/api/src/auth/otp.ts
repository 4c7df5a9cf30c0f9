import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';
import type { OtpPolicy } from '@app/config';

/** A login code of `length` ASCII digits from the CSPRNG. */
export function generateOtp(length: number): string {
  return randomInt(0, 10 ** length).toString().padStart(length, '0');
}

/** Exactly `length` ASCII digits (so `１２３４` or `12a4` never count as a guess). */
export function isOtpShaped(code: string, length: number): boolean {
  return code.length === length && /^[0-9]+$/.test(code);
}

/**
 * Codes are stored only as an HMAC keyed with a secret derived from JWT_SECRET: a copy of the
 * database alone does not reveal them (10^4 candidates are nothing against a plain hash).
 */
export class OtpHasher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'login-codes', 'otp-hmac-v1', 32));
  }

  hash(phone: string, code: string): string {
    return createHmac('sha256', this.key).update(`${phone}:${code}`).digest('hex');
  }

  /** Constant-time comparison of a stored hash with the hash of a guess. */
  matches(storedHash: string, phone: string, code: string): boolean {
    const expected = Buffer.from(storedHash, 'hex');
    const actual = Buffer.from(this.hash(phone, code), 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}

export type SendRefusal = { reason: 'cooldown' | 'phone_hourly' | 'ip_hourly'; retryAfterSeconds: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Whether a new code may be sent now. `phoneSends` and `ipSends` are the issue times within the
 * last hour, oldest first. The wait is until the blocking entry leaves its window.
 */
export function checkSendPolicy(
  policy: Pick<OtpPolicy, 'resendSeconds' | 'maxPerPhonePerHour' | 'maxPerIpPerHour'>,
  history: { now: Date; phoneSends: Date[]; ipSends: Date[] },
): SendRefusal | null {
  const now = history.now.getTime();
  const refusals: SendRefusal[] = [];
  const last = history.phoneSends.at(-1);
  if (last && now - last.getTime() < policy.resendSeconds * 1000) {
    refusals.push({ reason: 'cooldown', retryAfterSeconds: secondsUntil(last.getTime() + policy.resendSeconds * 1000, now) });
  }
  const phoneBlocker = blockerInWindow(history.phoneSends, policy.maxPerPhonePerHour);
  if (phoneBlocker) refusals.push({ reason: 'phone_hourly', retryAfterSeconds: secondsUntil(phoneBlocker.getTime() + HOUR_MS, now) });
  const ipBlocker = blockerInWindow(history.ipSends, policy.maxPerIpPerHour);
  if (ipBlocker) refusals.push({ reason: 'ip_hourly', retryAfterSeconds: secondsUntil(ipBlocker.getTime() + HOUR_MS, now) });
  // The longest wait is the honest one: retrying earlier would be refused again.
  return refusals.sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0] ?? null;
}

/**
 * Seconds until the phone may verify again after too many wrong guesses in 24 hours, or null.
 * `failures` are the wrong-guess times within the last 24 hours, oldest first.
 */
export function lockoutRetryAfter(maxFailures: number, failures: Date[], now: Date): number | null {
  const blocker = blockerInWindow(failures, maxFailures);
  return blocker ? secondsUntil(blocker.getTime() + DAY_MS, now.getTime()) : null;
}

/** Seconds until a new code may be asked for after the one created at `createdAt` (at least 1). */
export function secondsUntilResend(code: { createdAt: Date; now: Date }, resendSeconds: number): number {
  return secondsUntil(code.createdAt.getTime() + resendSeconds * 1000, code.now.getTime());
}

/** With `max` allowed per window and `events` in it (oldest first), the event whose expiry frees a slot. */
function blockerInWindow(events: Date[], max: number): Date | null {
  return events.length >= max ? events[events.length - max]! : null;
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}
