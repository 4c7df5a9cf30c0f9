#!/usr/bin/env node
// The production topology, for real, without Docker: the project's nginx configuration rendered
// for loopback in front of two API processes (NODE_ENV=production) on a fresh PostgreSQL database
// and the shared Redis. Checks the main journeys, the SPA, the edge's headers and limits, the
// limits across replicas, and a rolling restart under load. Plus the static deployment checks.
//
//   npm run test:topology          (node test/topology/run.mjs)
//
// Needs nginx (installed with apt-get when missing and running as root), PostgreSQL at
// TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) and Redis at
// TEST_REDIS_URL (default redis://127.0.0.1:6379; a private redis-server is started when it is
// down and one is installed). Everything listens on 127.0.0.1; everything started is stopped.
// TOPOLOGY_KEEP=1 keeps the temporary directory (logs, rendered nginx config) even on success.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateDeployment } from '../deploy/validate.mjs';
import { checkEdge, checkSpa } from './checks/edge.mjs';
import { checkJourney } from './checks/journey.mjs';
import { checkLimits } from './checks/limits.mjs';
import { checkRollingRestart } from './checks/rolling-restart.mjs';
import { Client, usedIps } from './lib/client.mjs';
import { Harness, assert } from './lib/harness.mjs';
import { ManagedProcess, commandExists, freePort, killAllNow, runSync, stopAll, waitFor } from './lib/processes.mjs';
import { ADMIN, Stack } from './lib/stack.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WATCHDOG_MS = 8 * 60_000;
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const t = new Harness();
const tmp = mkdtempSync(join(tmpdir(), 'topology-'));
let stack;
let cleanedUp = false;

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping everything`);
    void cleanup().finally(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  console.log(`\nwatchdog: the run took longer than ${WATCHDOG_MS / 60_000} minutes`);
  t.failed += 1;
  void cleanup().finally(() => {
    t.summary();
    process.exit(1);
  });
}, WATCHDOG_MS);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'e2e', 'test-results'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function ensureNginx() {
  if (commandExists('nginx')) return;
  assert(process.getuid?.() === 0 && commandExists('apt-get'), 'nginx is not installed (apt-get install -y nginx)');
  console.log('  nginx is missing: apt-get install -y nginx');
  let result = runSync('apt-get', ['install', '-y', '-q', 'nginx'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    runSync('apt-get', ['update', '-q']);
    result = runSync('apt-get', ['install', '-y', '-q', 'nginx'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  assert(commandExists('nginx'), `could not install nginx:\n${result.stderr.slice(-1000)}`);
}

function ensureApiBuilt() {
  const result = runSync(process.execPath, ['scripts/ensure-built.mjs', '--api-only'], { cwd: ROOT });
  assert(result.status === 0, `npm run build:api failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
  for (const file of ['dist/apps/api/src/main.js', 'dist/apps/cli/src/main.js']) assert(existsSync(join(ROOT, file)), `${file} is missing after the build`);
}

/** Builds the SPA when it is missing or older than its sources; false when it cannot be had. */
function ensureWebBuilt() {
  const web = join(ROOT, 'web');
  if (!existsSync(join(web, 'package.json'))) return { built: false, reason: 'there is no web/ package' };
  const index = join(web, 'dist', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(web, 'src'))) return { built: true };
  if (!existsSync(join(web, 'node_modules'))) return { built: false, reason: 'web/node_modules is missing (npm install at the root installs it)' };
  console.log('  building the SPA (npm run build:web)');
  const result = runSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT });
  if (result.status !== 0 || !existsSync(index)) return { built: false, reason: `npm run build:web failed:\n${(result.stdout + result.stderr).slice(-2000)}` };
  return { built: true };
}

/** The shared Redis when it answers; otherwise a private redis-server on a free port, stopped at the end. */
async function ensureRedis(candidate) {
  const probe = new Stack({ root: ROOT, tmp, postgresAdminUrl: POSTGRES_ADMIN_URL, redisUrl: candidate, webDist: '' }).redis();
  try {
    await probe.connect();
    if ((await probe.ping()) === 'PONG') return candidate;
  } catch {
    // not there
  } finally {
    probe.disconnect();
  }
  assert(commandExists('redis-server'), `Redis does not answer at ${candidate} and redis-server is not installed`);
  const port = await freePort();
  console.log(`  Redis does not answer at ${candidate}: starting a private redis-server on 127.0.0.1:${port}`);
  const server = new ManagedProcess('redis', 'redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], {
    cwd: tmp,
    env: { PATH: process.env.PATH },
    logFile: join(tmp, 'redis.log'),
  });
  const url = `redis://127.0.0.1:${port}`;
  await waitFor(async () => {
    const client = new Stack({ root: ROOT, tmp, postgresAdminUrl: '', redisUrl: url, webDist: '' }).redis();
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  }, { timeoutMs: 10_000, what: 'the private redis-server', while: () => server.alive });
  return url;
}

/** Deletes only what this run wrote to Redis: the per-IP counters of its own client addresses. */
async function cleanRedis() {
  if (!stack || usedIps.length === 0) return;
  const redis = stack.redis();
  try {
    await redis.connect();
    const keys = (await redis.keys('referral:rate-limit:*')).filter((key) => usedIps.some((ip) => key.endsWith(`:${ip}`)));
    if (keys.length) await redis.del(...keys);
  } catch (error) {
    console.log(`  (could not clean Redis keys: ${error.message})`);
  } finally {
    redis.disconnect();
  }
}

async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  clearTimeout(watchdog);
  await stopAll();
  await cleanRedis();
  if (stack) await stack.dropDatabase().catch((error) => console.log(`  (could not drop ${stack.databaseName}: ${error.message})`));
  if (t.failed === 0 && !process.env.TOPOLOGY_KEEP) rmSync(tmp, { recursive: true, force: true });
  else console.log(`\nlogs and the rendered nginx config are kept in ${tmp}`);
}

async function main() {
  console.log(`topology test (temporary files in ${tmp})`);
  await validateDeployment(t);

  t.section('prerequisites');
  const ready = [
    await t.check('nginx is installed', ensureNginx),
    await t.check('the API and the CLI are built', ensureApiBuilt),
  ].every(Boolean);
  let web = { built: false, reason: 'not attempted' };
  await t.check('the SPA is built (web/dist)', () => {
    web = ensureWebBuilt();
    assert(web.built, web.reason);
  });
  let redisUrl;
  const haveRedis = await t.check('Redis answers', async () => {
    redisUrl = await ensureRedis(REDIS_URL);
  });
  if (!ready || !haveRedis) return;

  stack = new Stack({ root: ROOT, tmp, postgresAdminUrl: POSTGRES_ADMIN_URL, redisUrl, webDist: join(ROOT, 'web', 'dist') });
  t.section('the stack: PostgreSQL, Redis, two API replicas, nginx');
  const up = [
    await t.check(`a fresh database ${stack.databaseName} is created, migrated and given an admin (CLI)`, async () => {
      await stack.createDatabase();
      stack.cli(['migrate']);
      stack.cli(['create-admin', '--username', ADMIN.username, '--password', ADMIN.password]);
    }),
  ];
  if (!up[0]) return;
  up.push(
    await t.check('two API processes start (NODE_ENV=production, REDIS_URL, TRUST_PROXY=127.0.0.1)', async () => {
      await Promise.all([stack.startReplica(0), stack.startReplica(1)]);
    }),
  );
  if (!up[1]) return;
  up.push(
    await t.check("nginx starts with the project's configuration rendered for loopback", async () => {
      await stack.startNginx({ upstreamPorts: stack.replicas.map((r) => r.port) });
    }),
  );
  if (!up[2]) return;
  console.log(`      nginx http://127.0.0.1:${stack.nginxPort} → ${stack.replicas.map((r) => r.address).join(', ')}`);

  const client = new Client(stack.baseUrl);
  const journey = await checkJourney(t, { client, stack });
  await checkSpa(t, { client, stack, spaBuilt: web.built });
  await checkEdge(t, { client, stack });
  await checkLimits(t, { client, stack });
  await checkRollingRestart(t, { client, stack, token: journey.alice?.session.accessToken });
}

try {
  await main();
} catch (error) {
  t.failed += 1;
  console.log(`\nunexpected error: ${error?.stack ?? error}`);
} finally {
  await cleanup();
}
t.summary();
process.exit(t.failed > 0 ? 1 : 0);
