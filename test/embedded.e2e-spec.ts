import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

/**
 * `npm start` with no configuration: the built server as a real process, on the embedded
 * database in DATA_DIR, driven over real HTTP. No DATABASE_URL anywhere.
 */
interface Server {
  process: ChildProcess;
  output: () => string;
  base: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST_DIR: join(dataDir, 'no-web') };
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const ready = await fetch(`${base}/api/health/ready`).then((r) => r.ok).catch(() => false);
    if (ready) return { process: child, output: () => output, base };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready:\n${output}`);
}

async function stopServer(server: Server): Promise<number | null> {
  if (server.process.exitCode !== null) return server.process.exitCode;
  const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
  server.process.kill('SIGTERM');
  return exited;
}

async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (response.status === 204 ? null : await response.json()) as any };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function signIn(base: string, phone: string): Promise<any> {
  const sent = await call(base, 'POST', '/api/auth/codes', { phone });
  expect(sent.status).toBe(202);
  const verified = await call(base, 'POST', '/api/auth/verify', { phone, code: sent.body.devCode });
  expect(verified.status).toBe(200);
  return verified.body;
}

describe('zero-setup start on the embedded database', () => {
  let dataDir: string;

  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/ensure-built.mjs', '--api-only'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
    dataDir = mkdtempSync(join(tmpdir(), 'referral-embedded-'));
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the whole journey, prints the first admin password once, and keeps data across restarts', async () => {
    const first = await startServer(dataDir);
    let password: string;
    let ownerRefresh: string;
    try {
      const printed = first.output().match(/username "admin", password "([^"]+)"/);
      expect(printed).not.toBeNull();
      password = printed![1]!;

      const owner = await signIn(first.base, '+7 999 100-00-01');
      const friend = await signIn(first.base, '89991000002');
      expect(owner.isNewUser).toBe(true);
      ownerRefresh = owner.refreshToken;
      const activated = await call(first.base, 'POST', '/api/me/invite', { inviteCode: owner.user.inviteCode.toLowerCase() }, friend.accessToken);
      expect(activated.status).toBe(200);
      // Parallel requests queue for the embedded database's single connection, none fails.
      const burst = await Promise.all(Array.from({ length: 20 }, () => call(first.base, 'GET', '/api/me', undefined, owner.accessToken)));
      expect(burst.map((response) => response.status)).toEqual(Array(20).fill(200));
      const twice = await Promise.all([1, 2].map(() => call(first.base, 'POST', '/api/me/invite', { inviteCode: owner.user.inviteCode }, friend.accessToken)));
      expect(twice.map((response) => response.status)).toEqual([409, 409]);

      const token = await call(first.base, 'POST', '/api/token', { username: 'admin', password });
      expect(token.status).toBe(200);
      const list = await call(first.base, 'GET', `/api/list?invite_cod=${owner.user.inviteCode}`, undefined, token.body.access);
      expect(list).toEqual({ status: 200, body: [{ telephone: '+79991000002' }] });

      // Only one process may open the embedded files.
      await expect(startServer(dataDir)).rejects.toThrow(/in use by process/);
    } finally {
      expect(await stopServer(first)).toBe(0);
    }

    const second = await startServer(dataDir);
    try {
      expect(second.output()).not.toMatch(/password "/);
      const again = await call(second.base, 'POST', '/api/auth/refresh', { refreshToken: ownerRefresh! });
      expect(again.status).toBe(200);
      expect(again.body.user).toMatchObject({ phone: '+79991000001', referralsCount: 1 });
      const login = await call(second.base, 'POST', '/api/admin/login', { username: 'admin', password: password! });
      expect(login.status).toBe(200);
      // Secrets never reach the log: not the admin's tokens, not the refresh token.
      expect(second.output()).not.toContain(login.body.refreshToken);
      expect(second.output()).not.toContain(login.body.accessToken);
    } finally {
      expect(await stopServer(second)).toBe(0);
    }
  }, 150_000);
});
