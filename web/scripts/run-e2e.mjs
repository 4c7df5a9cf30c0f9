// Browser end-to-end run: builds what is stale, creates a throw-away PostgreSQL database,
// migrates it and creates an admin with the CLI, then runs Playwright (whose webServer starts
// the real API serving the built SPA on a free port), and drops the database afterwards.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const webDir = new URL('..', import.meta.url).pathname;
const repoRoot = join(webDir, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const adminUrl = process.env.E2E_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

if (!existsSync(chromium)) {
  console.error(`FAIL: no Chromium at ${chromium}. Install Debian's: apt-get install -y chromium`);
  process.exit(1);
}

// The API is built by the root's script when its sources changed; the SPA is always rebuilt, so
// the browser tests see the current code and the sign-in page's size budget is checked too.
run('node', ['scripts/ensure-built.mjs', '--api-only'], { cwd: repoRoot });
run('npm', ['run', '--silent', 'build'], { cwd: webDir });

const database = `web_e2e_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const dataDir = mkdtempSync(join(tmpdir(), 'web-e2e-'));
const port = Number(process.env.E2E_PORT ?? (await freePort()));
const env = {
  ...process.env,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  E2E_PORT: String(port),
  E2E_ADMIN_USERNAME: 'e2e-admin',
  E2E_ADMIN_PASSWORD: `pw-${randomBytes(8).toString('hex')}`,
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
  DATA_DIR: dataDir,
  JWT_SECRET: randomBytes(32).toString('hex'),
  OTP_DEMO: 'true',
  NODE_ENV: 'test',
  WEB_DIST_DIR: join(webDir, 'dist'),
};

let status = 1;
try {
  run('node', ['dist/apps/cli/src/main.js', 'migrate'], { cwd: repoRoot, env });
  run('node', ['dist/apps/cli/src/main.js', 'create-admin', '--username', env.E2E_ADMIN_USERNAME], {
    cwd: repoRoot,
    env: { ...env, ADMIN_PASSWORD: env.E2E_ADMIN_PASSWORD },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const result = spawnSync(join(webDir, 'node_modules/.bin/playwright'), ['test', ...process.argv.slice(2)], {
    cwd: webDir,
    env,
    stdio: 'inherit',
  });
  status = result.status ?? 1;
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch((error) => console.error(error.message));
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
