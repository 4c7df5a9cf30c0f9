// Seed benchmark — prints numbers, asserts nothing (it is not a test and no test script runs it).
//
//   N=1000000 node bench/seed.mjs
//
// Creates a fresh database on the PostgreSQL server at BENCH_POSTGRES_URL (default
// postgres://postgres@127.0.0.1:5432/postgres, trust auth), applies the schema with the built
// CLI, times `node dist/apps/cli/src/main.js seed --users N` against it, prints elapsed seconds,
// users/s and the database size, then drops the database. REFERRAL_RATE (default 0.6) is passed on.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';

const CLI = 'dist/apps/cli/src/main.js';
const users = Number(process.env.N ?? 100_000);
const rate = process.env.REFERRAL_RATE ?? '0.6';
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

if (!Number.isInteger(users) || users < 1) {
  console.error(`N must be a positive whole number, got "${process.env.N}"`);
  process.exit(2);
}

async function withAdmin(work) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs the CLI; stderr (the progress bar) goes straight to the terminal, stdout is kept. */
function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`cli ${args[0]} exited with ${code}`))));
  });
}

function mb(bytes) {
  return `${(Number(bytes) / 1024 / 1024).toFixed(0)} MB`;
}

async function measure(env, databaseUrl) {
  await runCli(['migrate'], env);
  const started = process.hrtime.bigint();
  const summary = await runCli(['seed', '--users', String(users), '--referral-rate', rate], env);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT pg_database_size(current_database()) AS database,
             pg_table_size('users') AS heap,
             pg_indexes_size('users') AS indexes,
             (SELECT count(*) FROM users) AS users,
             (SELECT count(*) FROM users WHERE referrer_id IS NOT NULL) AS activated,
             current_setting('server_version') AS version`);
    return { seconds, summary: summary.trim(), ...rows[0] };
  } finally {
    await client.end();
  }
}

/** Same as `npm run cli`: builds apps/ and libs/ when the output is missing or older than the sources. */
function ensureBuilt() {
  const build = spawnSync(process.execPath, ['scripts/ensure-built.mjs', '--api-only'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function main() {
  ensureBuilt();
  const name = `referral_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // The identifier is ours (letters, digits, underscores); CREATE DATABASE takes no parameters.
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  try {
    const env = { ...process.env, DATABASE_URL: url.toString(), JWT_SECRET: randomBytes(48).toString('base64url') };
    console.error(`seed benchmark: ${users.toLocaleString('en-US')} users, referral rate ${rate}, database ${name}`);
    const result = await measure(env, url.toString());
    const perSecond = Math.round(Number(result.users) / result.seconds);
    console.log(
      [
        `seed benchmark — PostgreSQL ${result.version}, ${cpus().length} CPU(s), Node ${process.version}`,
        `  users                ${Number(result.users).toLocaleString('en-US')} (${Number(result.activated).toLocaleString('en-US')} activated)`,
        `  elapsed              ${result.seconds.toFixed(1)} s (process start to exit)`,
        `  throughput           ${perSecond.toLocaleString('en-US')} users/s`,
        `  database size        ${mb(result.database)} (users: ${mb(result.heap)} table + ${mb(result.indexes)} indexes)`,
        `  CLI summary          ${result.summary}`,
      ].join('\n'),
    );
  } finally {
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

main().catch((error) => {
  console.error(`bench/seed: ${error.message}`);
  process.exit(1);
});
