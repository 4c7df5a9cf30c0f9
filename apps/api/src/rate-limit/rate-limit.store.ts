/** Counts hits of one key within a fixed window. */
export interface WindowCount {
  count: number;
  /** Milliseconds until the window (and its count) ends. */
  resetInMs: number;
}

/**
 * Where per-IP counters live. The in-memory store serves a single process; a shared store
 * (Redis) makes the limits hold across replicas.
 */
export abstract class RateLimitStore {
  abstract hit(key: string, windowMs: number): Promise<WindowCount>;
}

/** Fixed windows in process memory; expired windows are swept as keys are touched. */
export class MemoryRateLimitStore extends RateLimitStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private lastSweep = 0;

  async hit(key: string, windowMs: number, now = Date.now()): Promise<WindowCount> {
    this.sweep(now, windowMs);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  private sweep(now: number, windowMs: number): void {
    if (now - this.lastSweep < windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
