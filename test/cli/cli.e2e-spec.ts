import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../apps/cli/src/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { captureIo, cliEnv } from './cli-harness';

/** The whole command line in-process: parsing, config, the Nest context, exit codes and output. */
describe('cli command line', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  async function run(argv: string[], extraEnv: Record<string, string> = {}, env = cliEnv('', {})) {
    const io = captureIo();
    const code = await runCli(argv, { ...env, DATABASE_URL: db.url, ...extraEnv }, io);
    return { code, out: io.out(), err: io.err() };
  }

  it('migrates, then finds nothing to do', async () => {
    const first = await run(['migrate']);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/^Applied migration \w+\n/);
    await expect(run(['migrate'])).resolves.toEqual({ code: 0, out: 'No pending migrations; the schema is up to date.\n', err: '' });
  });

  it('creates an admin from ADMIN_PASSWORD when no terminal is attached, never printing it', async () => {
    const password = 'env-supplied-Pa55';
    const result = await run(['create-admin', '--username', 'ops'], { ADMIN_PASSWORD: password });
    expect(result).toEqual({ code: 0, out: 'Admin "ops" created.\n', err: '' });
    const again = await run(['create-admin', '--username', 'ops', '--password', 'flag-supplied-Pa55'], { ADMIN_PASSWORD: password });
    expect(again).toEqual({ code: 0, out: 'Admin "ops" password reset.\n', err: '' });
  });

  it('refuses a short password with exit code 2 and one line on stderr', async () => {
    const result = await run(['create-admin', '--username', 'ops', '--password', 'abc']);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: 'error: the password is too short: use at least 8 characters (see: npm run cli -- create-admin --help)\n',
    });
  });

  it('seeds from the command line and prints a summary', async () => {
    const result = await run(['seed', '--users', '300', '--referral-rate', '0.5']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Seeded 300 users \(150 activated\) in [\d.]+ s, [\d,]+ users\/s\.\n$/);
    expect(result.err).toContain('Seeding users: 300/300 (100%)');
  });

  it('says in one line that the database cannot be reached, exit code 1', async () => {
    const result = await run(['migrate'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^error: cannot reach the database: .*ECONNREFUSED.*\n$/);
  });

  it('lists every configuration problem, one line each, exit code 1', async () => {
    const result = await run(['migrate'], { PORT: 'eighty', OTP_LENGTH: '99' });
    expect(result.code).toBe(1);
    expect(result.err.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^error: configuration: OTP_LENGTH: /),
      expect.stringMatching(/^error: configuration: PORT: /),
    ]);
  });

  it('answers usage mistakes with exit code 2 before touching the database', async () => {
    await expect(run(['seed', '--users', 'many'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' })).resolves.toEqual({
      code: 2,
      out: '',
      err: 'error: --users must be a whole number from 1 to 10000000 (see: npm run cli -- seed --help)\n',
    });
    const bare = await run([]);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('Usage: npm run cli -- <command> [options]');
  });
});
