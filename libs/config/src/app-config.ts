import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

export type NodeEnv = 'development' | 'production' | 'test';
export type SmsProviderName = 'console' | 'twilio';

export interface OtpPolicy {
  length: number;
  ttlSeconds: number;
  maxAttempts: number;
  resendSeconds: number;
  maxPerPhonePerHour: number;
  maxPerIpPerHour: number;
  maxFailuresPerPhone: number;
  demo: boolean;
}

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from: string;
  baseUrl: string;
}

export interface AppConfig {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  port: number;
  host: string;
  logLevel: string;
  dataDir: string;
  /** Unset means the embedded database (PGlite) in `dataDir`. */
  databaseUrl: string | undefined;
  /** Connections per process to a real server (the embedded database always gets one). */
  databasePoolMax: number;
  /** Apply pending migrations when the API starts (off in production, where `cli migrate` runs). */
  migrateOnStart: boolean;
  jwtSecret: string;
  redisUrl: string | undefined;
  trustProxy: string[];
  corsOrigins: string[];
  defaultCountry: CountryCode;
  otp: OtpPolicy;
  sms: { provider: SmsProviderName; timeoutMs: number; twilio: TwilioConfig | undefined };
  /** Directory of the built SPA; served with a history fallback when it exists. */
  webDistDir: string;
}

/** Thrown when the environment is unusable; `problems` holds one line per bad key. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

type Env = Record<string, string | undefined>;

const MIN_SECRET_BYTES = 32;

/**
 * Reads and validates the whole environment at once, so a bad deployment stops at boot with
 * every problem listed instead of failing on the first request that touches a key.
 */
export function loadAppConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const isProduction = nodeEnv === 'production';
  const dataDir = resolve(env.DATA_DIR?.trim() || './data');
  const smsProvider = read.oneOf('SMS_PROVIDER', ['console', 'twilio'] as const, 'console');

  const otp: OtpPolicy = {
    length: read.int('OTP_LENGTH', 4, 4, 8),
    ttlSeconds: read.int('OTP_TTL_SECONDS', 300, 30, 3600),
    maxAttempts: read.int('OTP_MAX_ATTEMPTS', 5, 1, 100),
    resendSeconds: read.int('OTP_RESEND_SECONDS', 60, 0, 3600),
    maxPerPhonePerHour: read.int('OTP_MAX_PER_PHONE_PER_HOUR', 5, 1, 1000),
    maxPerIpPerHour: read.int('OTP_MAX_PER_IP_PER_HOUR', 30, 1, 100_000),
    maxFailuresPerPhone: read.int('OTP_MAX_FAILURES_PER_PHONE', 20, 1, 10_000),
    demo: read.bool('OTP_DEMO', !isProduction),
  };

  const defaultCountry = (env.DEFAULT_COUNTRY?.trim().toUpperCase() || 'RU') as CountryCode;
  if (!isSupportedCountry(defaultCountry)) {
    problems.push(`DEFAULT_COUNTRY: "${env.DEFAULT_COUNTRY}" is not an ISO 3166-1 alpha-2 region`);
  }

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: must be a postgres:// or postgresql:// URL');
  }
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL: must be a redis:// or rediss:// URL');
  }

  const jwtSecret = resolveJwtSecret(env.JWT_SECRET, isProduction, dataDir, problems);
  const twilio = smsProvider === 'twilio' ? readTwilio(env, problems) : undefined;

  const config: AppConfig = {
    nodeEnv,
    isProduction,
    port: read.int('PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    dataDir,
    databaseUrl,
    databasePoolMax: read.int('DATABASE_POOL_MAX', 10, 1, 200),
    migrateOnStart: read.bool('MIGRATE_ON_START', !isProduction),
    jwtSecret,
    redisUrl,
    trustProxy: readTrustProxy(read.list('TRUST_PROXY'), problems),
    corsOrigins: read.list('CORS_ORIGINS'),
    defaultCountry,
    otp,
    sms: { provider: smsProvider, timeoutMs: read.int('SMS_TIMEOUT_MS', 5000, 100, 60_000), twilio },
    webDistDir: resolvePath(env.WEB_DIST_DIR?.trim() || 'web/dist'),
  };

  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}

function resolvePath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

/**
 * Production needs an explicit strong secret. Elsewhere one is generated once and kept in
 * DATA_DIR, so tokens survive restarts of a demo without any setup.
 */
function resolveJwtSecret(value: string | undefined, isProduction: boolean, dataDir: string, problems: string[]): string {
  const given = value?.trim();
  if (given) {
    if (Buffer.byteLength(given) < MIN_SECRET_BYTES) {
      problems.push(`JWT_SECRET: must be at least ${MIN_SECRET_BYTES} bytes`);
    }
    return given;
  }
  if (isProduction) {
    problems.push('JWT_SECRET: required when NODE_ENV=production (at least 32 random bytes)');
    return '';
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Names the proxy-address matcher understands besides addresses and CIDRs. */
const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Addresses, CIDRs (`10.0.0.0/8`) or keywords; anything else would crash the HTTP server at start. */
function readTrustProxy(entries: string[], problems: string[]): string[] {
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const validPrefix =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!PROXY_KEYWORDS.has(entry) && (family === 0 || !validPrefix || extra !== undefined)) {
      problems.push(`TRUST_PROXY: "${entry}" is not an IP address, a CIDR or one of loopback, linklocal, uniquelocal`);
    }
  }
  return entries;
}

function readTwilio(env: Env, problems: string[]): TwilioConfig {
  const required = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const;
  for (const key of required) {
    if (!env[key]?.trim()) problems.push(`${key}: required when SMS_PROVIDER=twilio`);
  }
  const baseUrl = env.TWILIO_BASE_URL?.trim() || 'https://api.twilio.com';
  if (!/^https?:\/\//.test(baseUrl)) problems.push('TWILIO_BASE_URL: must be an http(s) URL');
  return {
    accountSid: env.TWILIO_ACCOUNT_SID?.trim() ?? '',
    authToken: env.TWILIO_AUTH_TOKEN?.trim() ?? '',
    from: env.TWILIO_FROM?.trim() ?? '',
    baseUrl: baseUrl.replace(/\/+$/, ''),
  };
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  int(key: string, fallback: number, min: number, max: number): number {
    const raw = this.env[key]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${key}: "${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  bool(key: string, fallback: boolean): boolean {
    const raw = this.env[key]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${key}: "${this.env[key]}" must be true or false`);
    return fallback;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[key]?.trim();
    if (!raw) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${key}: "${raw}" must be one of ${allowed.join(', ')}`);
    return fallback;
  }

  list(key: string): string[] {
    return (this.env[key] ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
}
