import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadAppConfig } from './app-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'config-spec-'));

describe('loadAppConfig', () => {
  it('gives the contract’s defaults with no configuration at all', () => {
    const config = loadAppConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: undefined,
      redisUrl: undefined,
      trustProxy: [],
      corsOrigins: [],
      defaultCountry: 'RU',
      migrateOnStart: true,
      otp: { length: 4, ttlSeconds: 300, maxAttempts: 5, resendSeconds: 60, maxPerPhonePerHour: 5, maxPerIpPerHour: 30, maxFailuresPerPhone: 20, demo: true },
      sms: { provider: 'console' },
    });
  });

  it('generates a JWT secret once in DATA_DIR outside production and reuses it', () => {
    const dir = dataDir();
    const first = loadAppConfig({ DATA_DIR: dir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first.jwtSecret);
    expect(loadAppConfig({ DATA_DIR: dir }).jwtSecret).toBe(first.jwtSecret);
  });

  it('requires a strong JWT_SECRET in production and turns demo codes off there', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(/JWT_SECRET: required/);
    expect(() => loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32 bytes/);
    const config = loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48) });
    expect(config.otp.demo).toBe(false);
    expect(config.migrateOnStart).toBe(false);
    expect(loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48), OTP_DEMO: 'true' }).otp.demo).toBe(true);
  });

  it('reports every bad key at once, one line each', () => {
    try {
      loadAppConfig({ DATA_DIR: dataDir(), PORT: 'eighty', OTP_LENGTH: '3', DEFAULT_COUNTRY: 'XX', DATABASE_URL: 'mysql://x', OTP_DEMO: 'maybe' });
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const problems = (error as ConfigValidationError).problems;
      expect(problems).toHaveLength(5);
      expect(problems.join('\n')).toMatch(/PORT[\s\S]*OTP_LENGTH|OTP_LENGTH[\s\S]*PORT/);
      for (const key of ['PORT', 'OTP_LENGTH', 'DEFAULT_COUNTRY', 'DATABASE_URL', 'OTP_DEMO']) expect(problems.some((p) => p.startsWith(`${key}:`))).toBe(true);
    }
  });

  it('refuses TRUST_PROXY entries that are not addresses, CIDRs or keywords', () => {
    expect(() => loadAppConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'not-an-ip' })).toThrow(/TRUST_PROXY: "not-an-ip"/);
    expect(() => loadAppConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY: "10.0.0.0\/99"/);
    expect(loadAppConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'loopback,::1,fd00::/8,172.16.0.0/12' }).trustProxy).toHaveLength(4);
  });

  it('reads lists and allows OTP_LENGTH 6', () => {
    const config = loadAppConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/8, 127.0.0.1', CORS_ORIGINS: 'https://a.example,https://b.example', OTP_LENGTH: '6' });
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.otp.length).toBe(6);
  });
});
