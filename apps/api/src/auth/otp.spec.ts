import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkSendPolicy, generateOtp, isOtpShaped, lockoutRetryAfter, OtpHasher } from './otp';

const policy = { resendSeconds: 60, maxPerPhonePerHour: 5, maxPerIpPerHour: 30 };
const now = new Date('2026-12-03T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('login codes', () => {
  it('are OTP_LENGTH ASCII digits, leading zeros kept, from the whole range', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const code = generateOtp(4);
      expect(code).toMatch(/^\d{4}$/);
      seen.add(code[0]!);
    }
    expect(seen.size).toBe(10);
    expect(generateOtp(6)).toMatch(/^\d{6}$/);
  });

  it('take only exactly OTP_LENGTH ASCII digits as a guess', () => {
    expect(isOtpShaped('0123', 4)).toBe(true);
    for (const code of ['123', '12345', '12a4', '１２３４', '١٢٣٤', ' 123', '12.3']) expect(isOtpShaped(code, 4)).toBe(false);
  });

  it('are stored as a keyed hash that depends on the key, the phone and the code', () => {
    const hasher = new OtpHasher('secret-one-secret-one-secret-one-!!');
    const other = new OtpHasher('secret-two-secret-two-secret-two-!!');
    const hash = hasher.hash('+79991234567', '1234');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hasher.matches(hash, '+79991234567', '1234')).toBe(true);
    expect(hasher.matches(hash, '+79991234567', '1235')).toBe(false);
    expect(hasher.matches(hash, '+79991234568', '1234')).toBe(false);
    expect(other.hash('+79991234567', '1234')).not.toBe(hash);
  });

  it('match only their own code (property)', () => {
    const hasher = new OtpHasher('x'.repeat(32));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }), (a, b) => {
        const [codeA, codeB] = [a, b].map((n) => String(n).padStart(4, '0'));
        return hasher.matches(hasher.hash('+79991234567', codeA!), '+79991234567', codeB!) === (a === b);
      }),
    );
  });
});

describe('checkSendPolicy', () => {
  it('allows the first code', () => {
    expect(checkSendPolicy(policy, { now, phoneSends: [], ipSends: [] })).toBeNull();
  });

  it('holds the resend delay, counting down', () => {
    expect(checkSendPolicy(policy, { now, phoneSends: [ago(20)], ipSends: [ago(20)] })).toEqual({ reason: 'cooldown', retryAfterSeconds: 40 });
    expect(checkSendPolicy(policy, { now, phoneSends: [ago(60)], ipSends: [ago(60)] })).toBeNull();
  });

  it('allows 5 codes per phone per hour and says when the oldest leaves the window', () => {
    const five = [ago(3000), ago(2000), ago(1000), ago(500), ago(100)];
    expect(checkSendPolicy(policy, { now, phoneSends: five.slice(1), ipSends: [] })).toBeNull();
    expect(checkSendPolicy(policy, { now, phoneSends: five, ipSends: [] })).toEqual({ reason: 'phone_hourly', retryAfterSeconds: 600 });
  });

  it('allows 30 codes per client IP per hour', () => {
    const sends = Array.from({ length: 30 }, (_, i) => ago(3500 - i * 100));
    expect(checkSendPolicy(policy, { now, phoneSends: [], ipSends: sends.slice(1) })).toBeNull();
    expect(checkSendPolicy(policy, { now, phoneSends: [], ipSends: sends })).toEqual({ reason: 'ip_hourly', retryAfterSeconds: 100 });
  });

  it('reports the longest of several waits', () => {
    const phoneSends = [ago(3000), ago(2000), ago(1000), ago(500), ago(10)];
    expect(checkSendPolicy(policy, { now, phoneSends, ipSends: [] })).toEqual({ reason: 'phone_hourly', retryAfterSeconds: 600 });
  });

  it('never asks to wait less than a second or more than an hour (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3599 }), { maxLength: 40 }), (offsets) => {
        const sends = offsets.sort((a, b) => b - a).map(ago);
        const refusal = checkSendPolicy(policy, { now, phoneSends: sends, ipSends: sends });
        return refusal === null || (refusal.retryAfterSeconds >= 1 && refusal.retryAfterSeconds <= 3600);
      }),
    );
  });
});

describe('lockoutRetryAfter', () => {
  it('locks after the 20th failure in 24 hours until the oldest relevant one expires', () => {
    const failures = Array.from({ length: 20 }, (_, i) => ago(80_000 - i * 60));
    expect(lockoutRetryAfter(20, failures.slice(1), now)).toBeNull();
    expect(lockoutRetryAfter(20, failures, now)).toBe(86_400 - 80_000);
  });
});
