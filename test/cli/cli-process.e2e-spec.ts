import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

// jest runs from the repository root (its config lives there).
const ROOT = process.cwd();
const TSCONFIG = join(ROOT, 'apps/cli/tsconfig.app.json');

/**
 * The built CLI as an operator runs it: a real process, exit codes, stdout and stderr, and the
 * embedded database in DATA_DIR (no DATABASE_URL). The CLI alone is compiled into a private
 * folder under dist/, so the test neither depends on nor disturbs the shared build.
 */
describe('cli process', () => {
  let outDir: string;
  let main: string;
  let workDir: string;

  beforeAll(() => {
    outDir = mkdtempSync(join(ROOT, 'dist', '.cli-e2e-'));
    // tsc may report type errors elsewhere in libs/ while emitting fine; typechecking is `npm run typecheck`'s job.
    spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', TSCONFIG, '--outDir', outDir], { cwd: ROOT });
    const alias = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsc-alias/dist/bin/index.js'), '-p', TSCONFIG, '--outDir', outDir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    main = join(outDir, 'apps/cli/src/main.js');
    if (alias.status !== 0 || !existsSync(main)) throw new Error(`building the CLI failed: ${alias.stderr}`);
    // Run from an empty folder: no .env of the developer's leaks in.
    workDir = mkdtempSync(join(tmpdir(), 'cli-e2e-'));
  }, 180_000);

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  function cli(args: string[], env: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, [main, ...args], {
      cwd: workDir,
      encoding: 'utf8',
      // stdin is a pipe, not a terminal: create-admin must not wait for a prompt.
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: join(workDir, 'data'), ...env },
      timeout: 120_000,
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  }

  it('prints the commands for --help, exit code 0, nothing on stderr', () => {
    const result = cli(['--help']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Usage: npm run cli -- <command> \[options\]/);
    for (const name of ['migrate', 'create-admin', 'seed']) expect(result.out).toContain(`  ${name} `);
    expect(cli(['seed', '--help'])).toMatchObject({ code: 0, err: '' });
  });

  it('refuses a bad command line with exit code 2 and a single line', () => {
    const result = cli(['seed', '--users', '0']);
    expect(result).toEqual({ code: 2, out: '', err: 'error: --users must be a whole number from 1 to 10000000 (see: npm run cli -- seed --help)\n' });
  });

  it('migrates, creates an admin and seeds the embedded database in DATA_DIR, and exits', () => {
    const migrate = cli(['migrate']);
    expect(migrate).toMatchObject({ code: 0, err: '' });
    expect(migrate.out).toMatch(/^Applied migration \w+\n/);

    const password = 'process-Pa55word';
    const admin = cli(['create-admin', '--username', 'root-admin'], { ADMIN_PASSWORD: password });
    expect(admin).toEqual({ code: 0, out: 'Admin "root-admin" created.\n', err: '' });

    const seed = cli(['seed', '--users', '500']);
    expect(seed.code).toBe(0);
    expect(seed.out).toMatch(/^Seeded 500 users \(300 activated\) in /);

    // The data outlived the processes: nothing left to migrate, the admin is there to reset.
    expect(cli(['migrate'])).toEqual({ code: 0, out: 'No pending migrations; the schema is up to date.\n', err: '' });
    expect(cli(['create-admin', '--username', 'root-admin'], { ADMIN_PASSWORD: 'another-Pa55word' })).toEqual({
      code: 0,
      out: 'Admin "root-admin" password reset.\n',
      err: '',
    });
  }, 120_000);

  it('says in one line that another process holds the embedded database', () => {
    // The lock file of libs/database's embedded server, claimed by a live process (this one).
    const lock = join(workDir, 'data', 'pglite.lock');
    writeFileSync(lock, String(process.pid));
    try {
      const result = cli(['migrate']);
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toMatch(new RegExp(`^error: The embedded database is in use by process ${process.pid} \\(.*\\)\\..*\n$`));
    } finally {
      rmSync(lock, { force: true });
    }
  });

  it('does not hang waiting for a password when there is no terminal and no ADMIN_PASSWORD', () => {
    const result = cli(['create-admin', '--username', 'x']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^error: no password: pass --password, set ADMIN_PASSWORD, or run in a terminal/);
  });
});
