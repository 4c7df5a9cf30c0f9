// The production topology on loopback: a fresh PostgreSQL database, the shared Redis, two API
// processes and nginx rendered from the project's own templates in front of them.
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { renderNginx } from '../../../nginx/render.mjs';
import { ManagedProcess, freePort, runSync, waitFor } from './processes.mjs';

export const ADMIN = { username: 'topology-admin', password: `Topology-${randomBytes(6).toString('hex')}` };

/** The login-code policy the replicas run with: small, so the limits are reachable quickly. */
export const OTP_POLICY = {
  OTP_RESEND_SECONDS: '2',
  OTP_MAX_PER_PHONE_PER_HOUR: '3',
  OTP_MAX_PER_IP_PER_HOUR: '4',
};

export class Stack {
  constructor({ root, tmp, postgresAdminUrl, redisUrl, webDist }) {
    this.root = root;
    this.tmp = tmp;
    this.postgresAdminUrl = postgresAdminUrl;
    this.redisUrl = redisUrl;
    this.webDist = webDist;
    this.require = createRequire(join(root, 'package.json'));
    this.replicas = [];
    this.databaseName = `topology_${process.pid}_${randomBytes(3).toString('hex')}`;
    this.jwtSecret = randomBytes(36).toString('base64url'); // 48 characters
  }

  get databaseUrl() {
    const url = new URL(this.postgresAdminUrl);
    url.pathname = `/${this.databaseName}`;
    return url.toString();
  }

  async withPostgres(work) {
    const { Client } = this.require('pg');
    const client = new Client({ connectionString: this.postgresAdminUrl, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async createDatabase() {
    await this.withPostgres((client) => client.query(`CREATE DATABASE ${this.databaseName}`));
    this.databaseCreated = true;
  }

  async dropDatabase() {
    if (!this.databaseCreated) return;
    await this.withPostgres((client) => client.query(`DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`));
    this.databaseCreated = false;
  }

  redis() {
    const { Redis } = this.require('ioredis');
    const client = new Redis(this.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    client.on('error', () => undefined);
    return client;
  }

  /** Environment of an API process or a CLI run: production mode, as in docker-compose.yml. */
  serverEnv(extra = {}) {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? this.tmp,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      DATABASE_URL: this.databaseUrl,
      DATA_DIR: join(this.tmp, 'data'),
      JWT_SECRET: this.jwtSecret,
      REDIS_URL: this.redisUrl,
      TRUST_PROXY: '127.0.0.1',
      MIGRATE_ON_START: 'false',
      OTP_DEMO: 'true',
      SMS_PROVIDER: 'console',
      WEB_DIST_DIR: this.webDist,
      ...OTP_POLICY,
      ...extra,
    };
  }

  cli(args) {
    const result = runSync(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
      cwd: this.root,
      env: this.serverEnv(),
      timeout: 120_000,
    });
    if (result.status !== 0) {
      throw new Error(`cli ${args[0]} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
  }

  /** Starts API replica `index` on `port` (a new port unless given) and waits until it is ready. */
  async startReplica(index, port) {
    const listenPort = port ?? (await freePort());
    const generation = this.replicas.filter((r) => r.index === index).length;
    const proc = new ManagedProcess(`api-${index}`, process.execPath, ['dist/apps/api/src/main.js'], {
      cwd: this.root,
      env: this.serverEnv({ PORT: String(listenPort) }),
      logFile: join(this.tmp, `api-${index}.${generation}.log`),
    });
    const replica = { index, port: listenPort, proc, address: `127.0.0.1:${listenPort}` };
    this.replicas.push(replica);
    await waitFor(
      async () => {
        const response = await fetch(`http://127.0.0.1:${listenPort}/api/health/ready`, { signal: AbortSignal.timeout(1000) });
        return response.status === 200;
      },
      { timeoutMs: 45_000, what: `api-${index} on :${listenPort} to be ready`, while: () => proc.alive },
    ).catch((error) => {
      throw new Error(`${error.message}\n--- api-${index} log ---\n${proc.tail(30)}`);
    });
    return replica;
  }

  liveReplica(index) {
    return this.replicas.filter((r) => r.index === index && r.proc.alive).at(-1);
  }

  /** Renders the project's nginx configuration for loopback and starts nginx in the foreground. */
  async startNginx({ upstreamPorts }) {
    const prefix = join(this.tmp, 'nginx');
    mkdirSync(prefix, { recursive: true });
    this.nginxPort = await freePort();
    const servers = upstreamPorts.map((port) => `server 127.0.0.1:${port} max_fails=3 fail_timeout=5s;`).join(' ');
    // A copy under our own world-readable temp dir: the checkout may sit below a private
    // directory (CI clones into one) that nginx's unprivileged workers cannot enter.
    const webRoot = join(this.tmp, 'web');
    cpSync(this.webDist, webRoot, { recursive: true });
    const conf = renderNginx({
      prefix,
      vars: {
        NGINX_LISTEN: `127.0.0.1:${this.nginxPort}`,
        NGINX_API_SERVERS: servers,
        NGINX_WEB_ROOT: webRoot,
        NGINX_REAL_IP_FROM: '127.0.0.1',
        NGINX_RESOLVER: '127.0.0.1',
      },
    });
    // Run as root, nginx's workers drop to an unprivileged user: they must reach the temp dirs.
    for (const dir of [this.tmp, prefix, join(prefix, 'tmp')]) chmodSync(dir, 0o755);
    chmodTree(webRoot);
    this.accessLog = join(prefix, 'logs', 'access.log');
    const test = runSync('nginx', ['-t', '-q', '-p', prefix, '-c', conf, '-g', 'daemon off;']);
    if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
    this.nginx = new ManagedProcess('nginx', 'nginx', ['-p', prefix, '-c', conf, '-g', 'daemon off;'], {
      cwd: prefix,
      env: { PATH: process.env.PATH },
      logFile: join(prefix, 'logs', 'stderr.log'),
    });
    this.baseUrl = `http://127.0.0.1:${this.nginxPort}`;
    await waitFor(
      async () => (await fetch(`${this.baseUrl}/api/health/live`, { signal: AbortSignal.timeout(1000) })).status === 200,
      { timeoutMs: 15_000, what: 'nginx to answer', while: () => this.nginx.alive },
    ).catch((error) => {
      throw new Error(`${error.message}\n--- nginx ---\n${this.nginx.tail(20)}\n${readErrorLog(prefix)}`);
    });
  }

  /** nginx's JSON access log, parsed. */
  accessEntries() {
    let text = '';
    try {
      text = readFileSync(this.accessLog, 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        try {
          return JSON.parse(line);
        } catch {
          return null;
        }
      })
      .filter(Boolean);
  }

  /** Which replica addresses answered the requests with these ids (from nginx's access log). */
  upstreamsOf(requestIds) {
    const wanted = new Set(requestIds);
    const served = new Set();
    for (const entry of this.accessEntries()) {
      if (!wanted.has(entry.request_id)) continue;
      // After a retry the field lists every replica tried; the last one answered.
      const answered = String(entry.upstream).split(/[,\s]+/).filter(Boolean).at(-1);
      if (answered) served.add(answered);
    }
    return served;
  }
}

function readErrorLog(prefix) {
  try {
    return readFileSync(join(prefix, 'logs', 'error.log'), 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

/** Directories 755, files 644, all the way down. */
function chmodTree(dir) {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(path);
    else chmodSync(path, 0o644);
  }
}
