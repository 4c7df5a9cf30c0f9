import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '@app/config';
import { MemoryRateLimitStore, RateLimitStore, type WindowCount } from './rate-limit.store';

export interface RedisRateLimitOptions {
  /** Prepended to every key, so one Redis can serve several deployments (and tests). */
  keyPrefix?: string;
  /** A command slower than this counts as Redis being unavailable. */
  commandTimeoutMs?: number;
}

/**
 * One atomic step of a fixed window: count the hit; the first hit (or a key somehow left without a
 * TTL) starts the window. Returns { count, ms until the window ends }.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if count == 1 or left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return { count, left }
`;

type HitCommand = (key: string, windowMs: number) => Promise<[number, number]>;

/**
 * Per-IP counters in Redis, so the limits hold across every API replica: one Lua script per hit
 * (atomic: no read-then-write race between replicas), every key with a TTL, nothing left behind.
 *
 * When Redis is unreachable or slow the store counts in this process instead and says so in the
 * log: limits keep holding per process rather than every guarded request failing. Commands are not
 * queued while disconnected, so an outage never hangs a request, and a queued hit is never replayed
 * late to count twice.
 */
export class RedisRateLimitStore extends RateLimitStore implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisRateLimitStore.name);
  private readonly redis: Redis;
  private readonly fallback = new MemoryRateLimitStore();
  private readonly keyPrefix: string;
  private readonly commandTimeoutMs: number;
  /**
   * Settles at the first connection or after one command timeout, whichever comes first: hits at
   * start-up wait for the connection (briefly) instead of falling back while it is being made.
   */
  private readonly startup: Promise<void>;
  private degraded = false;

  constructor(redisUrl: string, options: RedisRateLimitOptions = {}) {
    super();
    this.keyPrefix = options.keyPrefix ?? 'referral:rate-limit:';
    this.commandTimeoutMs = options.commandTimeoutMs ?? 500;
    this.redis = new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: this.commandTimeoutMs,
      connectTimeout: 2000,
      // Keep trying to come back, at most every 2 s.
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Failures surface through the commands (and the fallback warning); this only keeps ioredis
    // from reporting every reconnect attempt as an unhandled error event.
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.startup = new Promise<void>((resolve) => {
      setTimeout(resolve, this.commandTimeoutMs).unref();
      this.redis.once('ready', () => resolve());
    });
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    await this.startup;
    try {
      const hitCommand = (this.redis as unknown as { rateLimitHit: HitCommand }).rateLimitHit;
      const [count, resetInMs] = await hitCommand.call(this.redis, `${this.keyPrefix}${key}`, Math.max(1, Math.ceil(windowMs)));
      this.recovered();
      return { count, resetInMs };
    } catch (error) {
      this.degrade(error);
      return this.fallback.hit(key, windowMs);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private degrade(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(`Redis unavailable (${reason}); per-IP limits are counted in this process until it is back`);
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.log('Redis is back; per-IP limits are shared again');
  }
}

/** The store for per-IP limits: shared in Redis with REDIS_URL, in process memory without. */
export function createRateLimitStore(config: AppConfig): RateLimitStore {
  return config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : new MemoryRateLimitStore();
}
