import { PassThrough, Writable } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '@app/config';
import { openCliContext } from '../../apps/cli/src/cli.module';
import type { CliIo } from '../../apps/cli/src/cli-command';
import { createTestDatabase, type TestDatabase } from '../support/database';

export const TEST_JWT_SECRET = 'cli-e2e-secret-that-is-long-enough-0123456789';

/** Stdout/stderr that remember what was written, and a stdin that is not a terminal. */
export function captureIo(): CliIo & { out(): string; err(): string } {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  return {
    stdin: new PassThrough(),
    stdout: sink((text) => (out += text)),
    stderr: sink((text) => (err += text)),
    out: () => out,
    err: () => err,
  };
}

/** The environment the CLI would see, pointed at a test database and nothing else. */
export function cliEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { NODE_ENV: 'test', DATABASE_URL: databaseUrl, JWT_SECRET: TEST_JWT_SECRET, ...extra };
}

export interface CliDatabase {
  db: TestDatabase;
  app: INestApplicationContext;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * A fresh database and the CLI's own Nest context on it, built exactly as main.ts builds it —
 * including the default `migrateOnStart: true` of a non-production config, which the CLI must
 * override so that nothing is migrated before a command decides.
 */
export async function openCliDatabase(): Promise<CliDatabase> {
  const db = await createTestDatabase();
  const app = await openCliContext(loadAppConfig(cliEnv(db.url)));
  return {
    db,
    app,
    dataSource: app.get(DataSource),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
