import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { loadAppConfig, type AppConfig } from '@app/config';
import { SmsSender, type SmsMessage } from '@app/sms';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp, createFastifyAdapter } from '../../apps/api/src/configure-app';
import { createTestDatabase, type TestDatabase } from './database';

/** Records every SMS; `failNext()` makes the provider refuse, as a real one can. */
export class RecordingSmsSender extends SmsSender {
  readonly name = 'recording';
  readonly sent: SmsMessage[] = [];
  private failures = 0;

  failNext(times = 1): void {
    this.failures = times;
  }

  async send(message: SmsMessage): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('provider refused');
    }
    this.sent.push(message);
  }

  /** The code of the last SMS to `phone`. */
  lastCodeFor(phone: string): string {
    const message = [...this.sent].reverse().find((sms) => sms.to === phone);
    const code = message?.text.match(/\d{4,8}/)?.[0];
    if (!code) throw new Error(`no SMS was sent to ${phone}`);
    return code;
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  config: AppConfig;
  sms: RecordingSmsSender;
  database: TestDatabase;
  /** Runs SQL directly against the test database (to age rows, inspect state). */
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

/**
 * The real AppModule, configured by `configureApp` exactly as in production, on a fresh
 * database of its own. `env` overrides configuration keys (e.g. OTP limits).
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'referral-e2e-'));
  const config = loadAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    // PGlite answers one connection at a time (see buildDataSourceOptions).
    ...(database.kind === 'embedded' ? { DATABASE_POOL_MAX: '1' } : {}),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    WEB_DIST_DIR: join(dataDir, 'no-web'),
    // supertest connects over loopback; trusting it lets tests speak for many client IPs.
    TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1',
    ...env,
  });
  const sms = new RecordingSmsSender();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(SmsSender)
    .useValue(sms)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), { logger: false });
  await configureApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  const pool = new Pool({ connectionString: database.url, max: 2 });
  // A test that cuts the database off must not crash the run through an idle client.
  pool.on('error', () => undefined);
  return {
    app,
    http: () => request(app.getHttpServer()),
    config,
    sms,
    database,
    sql: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    close: async () => {
      await pool.end().catch(() => undefined);
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
