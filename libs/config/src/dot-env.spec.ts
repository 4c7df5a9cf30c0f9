import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { withDotEnv } from './dot-env';

describe('withDotEnv', () => {
  it('fills in keys from the file, but the real environment wins', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dotenv-')), '.env');
    writeFileSync(file, '# comment\nPORT=4000\nOTP_LENGTH=6\nJWT_SECRET="quoted value"\n');
    expect(withDotEnv({ PORT: '5000' }, file)).toEqual({ PORT: '5000', OTP_LENGTH: '6', JWT_SECRET: 'quoted value' });
  });

  it('leaves the environment alone when there is no file', () => {
    const env = { PORT: '5000' };
    expect(withDotEnv(env, '/nonexistent/.env')).toBe(env);
  });
});
