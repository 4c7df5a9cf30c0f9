import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { loadAppConfig } from '@app/config';
import { MemoryRateLimitStore } from './rate-limit.store';
import { createRateLimitStore, RedisRateLimitStore } from './redis-rate-limit.store';

/** The development and CI machines run Redis here; TEST_REDIS_URL points elsewhere. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Every key this file writes starts with it, and only those keys are deleted afterwards. */
const PREFIX = `test:rate-limit:${process.pid}:${randomBytes(4).toString('hex')}:`;

/** Asked synchronously (one PING from a child process), so the suite can be skipped up front. */
function redisAnswers(): boolean {
  const { hostname, port } = new URL(REDIS_URL);
  const script = [
    `const s = require('net').connect(${Number(port) || 6379}, ${JSON.stringify(hostname)});`,
    `s.setTimeout(1000, () => process.exit(1)); s.on('error', () => process.exit(1));`,
    `s.on('connect', () => s.write('PING\\r\\n'));`,
    `s.on('data', (d) => process.exit(String(d).startsWith('+PONG') ? 0 : 1));`,
  ].join('\n');
  return spawnSync(process.execPath, ['-e', script], { timeout: 3000 }).status === 0;
}

const redisUp = redisAnswers();
if (!redisUp) {
  if (process.env.TEST_REDIS === 'required') throw new Error(`TEST_REDIS=required but ${REDIS_URL} does not answer`);
  console.warn(`Redis does not answer at ${REDIS_URL}: the shared-store specs are skipped (TEST_REDIS=required makes that fail)`);
}
const describeWithRedis = redisUp ? describe : describe.skip;

const opened: RedisRateLimitStore[] = [];
function replica(url = REDIS_URL): RedisRateLimitStore {
  const store = new RedisRateLimitStore(url, { keyPrefix: PREFIX });
  opened.push(store);
  return store;
}

let keySeq = 0;
const freshKey = () => `login:198.51.100.${++keySeq}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.onApplicationShutdown()));
});

describeWithRedis('RedisRateLimitStore (against Redis)', () => {
  afterAll(async () => {
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${PREFIX}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
  });

  it('counts the hits of a key within its window', async () => {
    const store = replica();
    const key = freshKey();

    const counts = [];
    for (let i = 0; i < 3; i++) counts.push(await store.hit(key, 60_000));

    expect(counts.map((c) => c.count)).toEqual([1, 2, 3]);
    expect(counts[0].resetInMs).toBeGreaterThan(59_000);
    expect(counts[2].resetInMs).toBeLessThanOrEqual(60_000);
  });

  it('shares one count between two API processes', async () => {
    const [first, second] = [replica(), replica()];
    const key = freshKey();

    const counts = [];
    for (let i = 0; i < 6; i++) counts.push((await (i % 2 ? second : first).hit(key, 60_000)).count);

    expect(counts).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives every racing hit its own number, across processes', async () => {
    const [first, second] = [replica(), replica()];
    const key = freshKey();

    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? first : second).hit(key, 60_000)));

    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('keeps keys apart', async () => {
    const store = replica();
    await store.hit('admin-login:203.0.113.1', 60_000);
    expect((await store.hit('verify:203.0.113.1', 60_000)).count).toBe(1);
    expect((await store.hit('admin-login:203.0.113.2', 60_000)).count).toBe(1);
  });

  it('stores each counter under the prefix with a TTL no longer than the window', async () => {
    const store = replica();
    const key = freshKey();
    await store.hit(key, 20_000);
    await store.hit(key, 20_000);

    const admin = new Redis(REDIS_URL);
    try {
      const ttl = await admin.pttl(`${PREFIX}${key}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(20_000);
    } finally {
      await admin.quit();
    }
  });

  it('starts a new window once the old one ends', async () => {
    const store = replica();
    const key = freshKey();
    await store.hit(key, 200);
    await store.hit(key, 200);

    await sleep(300);

    expect((await store.hit(key, 200)).count).toBe(1);
  });
});

describe('RedisRateLimitStore without Redis', () => {
  it('counts in this process, quickly, when Redis does not answer', async () => {
    const store = replica(`redis://127.0.0.1:${await closedPort()}`);
    const key = freshKey();
    const started = Date.now();

    const counts = [];
    for (let i = 0; i < 3; i++) counts.push((await store.hit(key, 60_000)).count);

    expect(counts).toEqual([1, 2, 3]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('createRateLimitStore', () => {
  const base = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(48), DATA_DIR: '/nonexistent-data-dir' };

  it('chooses Redis when REDIS_URL is set', async () => {
    const store = createRateLimitStore(loadAppConfig({ ...base, REDIS_URL }));
    expect(store).toBeInstanceOf(RedisRateLimitStore);
    await (store as RedisRateLimitStore).onApplicationShutdown();
  });

  it('keeps counting in process memory without REDIS_URL', () => {
    expect(createRateLimitStore(loadAppConfig(base))).toBeInstanceOf(MemoryRateLimitStore);
  });
});
