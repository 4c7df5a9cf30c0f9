// API benchmark — prints numbers, asserts nothing (it is not a test and no test script runs it).
//
//   N=100000 DURATION=10 CONNECTIONS=20 node bench/api.mjs
//
// On a fresh database of the PostgreSQL server at BENCH_POSTGRES_URL (default
// postgres://postgres@127.0.0.1:5432/postgres): migrate, seed N users (60% activated), start the
// built server in production mode, then drive the read endpoints with autocannon over loopback
// and print requests/s, latency percentiles, errors and the server's resident memory.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';

const users = Number(process.env.N ?? 100_000);
const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 20);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `referral_bench_${randomBytes(4).toString('hex')}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'));
  return `${Math.round(Number(line.split(/\s+/)[1]) / 1024)} MB`;
}

async function main() {
  const build = spawnSync('node', ['scripts/ensure-built.mjs', '--api-only'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  await admin(`CREATE DATABASE ${name}`);
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(48).toString('base64'),
    OTP_DEMO: 'true',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    MIGRATE_ON_START: 'false',
  };
  let server;
  try {
    const cli = (...args) => {
      const run = spawnSync('node', ['dist/apps/cli/src/main.js', ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
      if (run.status !== 0) throw new Error(`cli ${args[0]} failed`);
    };
    cli('migrate');
    console.log(`seeding ${users} users…`);
    cli('seed', '--users', String(users), '--referral-rate', '0.6');
    cli('create-admin', '--username', 'bench', '--password', 'bench-password-1');

    server = spawn(process.execPath, ['dist/apps/api/src/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200 && !(await fetch(`${base}/api/health/ready`).then((r) => r.ok).catch(() => false)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`server RSS after start: ${rssMb(server.pid)}`);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query(`SELECT phone, invite_code FROM users ORDER BY referrals_count DESC LIMIT 1`);
    await db.end();
    const top = rows[0];
    const post = (path, body, headers = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.json());
    const sent = await post('/api/auth/codes', { phone: top.phone });
    const user = await post('/api/auth/verify', { phone: top.phone, code: sent.devCode });
    const operator = await post('/api/admin/login', { username: 'bench', password: 'bench-password-1' });
    const asUser = { authorization: `Bearer ${user.accessToken}` };
    const asAdmin = { authorization: `Bearer ${operator.accessToken}` };

    const cases = [
      ['GET /api/health/ready', '/api/health/ready', {}],
      ['GET /api/me', '/api/me', asUser],
      ['GET /api/me/referrals (top referrer)', '/api/me/referrals?limit=20', asUser],
      ['GET /api/list?invite_cod= (top code)', `/api/list?invite_cod=${top.invite_code}`, asAdmin],
      ['GET /api/referrals/{code}', `/api/referrals/${top.invite_code}?limit=20`, asAdmin],
      ['GET /api/admin/users (first page)', '/api/admin/users?limit=20', asAdmin],
      ['GET /api/admin/users?search=digits', '/api/admin/users?limit=20&search=12345', asAdmin],
      ['GET /api/admin/stats?days=30', '/api/admin/stats?days=30', asAdmin],
    ];
    console.log(`\n${users} users, ${connections} connections, ${duration} s per endpoint\n`);
    console.log('endpoint'.padEnd(40), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'non-2xx'.padStart(8));
    for (const [label, path, headers] of cases) {
      const result = await autocannon({ url: `${base}${path}`, headers, connections, duration });
      console.log(
        label.padEnd(40),
        String(Math.round(result.requests.average)).padStart(8),
        String(result.latency.p50).padStart(8),
        String(result.latency.p99).padStart(8),
        String(result.non2xx + result.errors).padStart(8),
      );
    }
    console.log(`\nserver RSS after the runs: ${rssMb(server.pid)}`);
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 3000));
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
