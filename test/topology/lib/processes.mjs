// Child processes the topology test starts: every one is tracked, logged to a file and stopped
// at the end — on success, on failure, on Ctrl-C and on the watchdog.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const running = new Set();

export class ManagedProcess {
  constructor(name, command, args, { env, cwd, logFile }) {
    this.name = name;
    this.logFile = logFile;
    this.log = createWriteStream(logFile, { flags: 'a' });
    this.child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout.pipe(this.log, { end: false });
    this.child.stderr.pipe(this.log, { end: false });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        running.delete(this);
        resolve({ code, signal });
      });
      this.child.once('error', (error) => {
        running.delete(this);
        this.log.write(`spawn error: ${error.message}\n`);
        resolve({ code: -1, signal: null, error });
      });
    });
    this.exitInfo = null;
    this.exited.then((info) => {
      this.exitInfo = info;
    });
    running.add(this);
  }

  get pid() {
    return this.child.pid;
  }

  get alive() {
    return this.exitInfo === null;
  }

  signal(name) {
    if (this.alive) this.child.kill(name);
  }

  /** Sends `signal`, waits up to `graceMs`, then SIGKILL. Resolves with the exit info. */
  async stop(signal = 'SIGTERM', graceMs = 8000) {
    if (!this.alive) return this.exitInfo;
    this.signal(signal);
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const info = await this.exited;
    clearTimeout(timer);
    return info;
  }

  output() {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  tail(lines = 20) {
    return this.output().trimEnd().split('\n').slice(-lines).join('\n');
  }
}

export async function stopAll() {
  await Promise.all([...running].map((proc) => proc.stop('SIGTERM', 5000)));
}

/** Last resort on a synchronous exit: nothing we started may outlive the run. */
export function killAllNow() {
  for (const proc of running) {
    try {
      proc.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** A loopback port that was free a moment ago. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a command to completion with a time limit; resolves { status, stdout, stderr }. */
export function runSync(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 10 * 60_000, ...options });
  return { status: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

export function commandExists(command) {
  return runSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns truthy or `timeoutMs` passes. */
export async function waitFor(probe, { timeoutMs = 30_000, intervalMs = 200, what = 'condition', while: stillWorth } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (stillWorth && !stillWorth()) break;
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out waiting for ${what}${lastError ? ` (${lastError.message})` : ''}`);
}
