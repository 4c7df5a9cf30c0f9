import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { readCliEnvironment, withDotEnv } from './cli-environment';

describe('withDotEnv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the keys of .env that the environment does not set, like the server does', () => {
    const file = join(dir, '.env');
    writeFileSync(file, 'DATABASE_URL=postgres://from-file/db\nDATA_DIR=/from/file\n# comment\nADMIN_PASSWORD="quoted value"\n');
    expect(withDotEnv({ DATA_DIR: '/from/env', PORT: '3000' }, file)).toEqual({
      DATABASE_URL: 'postgres://from-file/db',
      DATA_DIR: '/from/env',
      ADMIN_PASSWORD: 'quoted value',
      PORT: '3000',
    });
  });

  it('leaves the environment alone when there is no .env', () => {
    const env = { PORT: '1' };
    expect(withDotEnv(env, join(dir, 'missing.env'))).toBe(env);
  });
});

describe('readCliEnvironment', () => {
  it('reads ADMIN_PASSWORD as given, without trimming', () => {
    expect(readCliEnvironment({ ADMIN_PASSWORD: ' spaced pass ' })).toEqual({ adminPassword: ' spaced pass ' });
    expect(readCliEnvironment({})).toEqual({ adminPassword: undefined });
  });
});
