import { describe, expect, it } from '@jest/globals';
import { MemoryRateLimitStore } from './rate-limit.store';

describe('MemoryRateLimitStore', () => {
  it('counts hits per key within a window and starts over after it', async () => {
    const store = new MemoryRateLimitStore();
    expect(await store.hit('a', 60_000, 1_000)).toEqual({ count: 1, resetInMs: 60_000 });
    expect(await store.hit('a', 60_000, 31_000)).toEqual({ count: 2, resetInMs: 30_000 });
    expect(await store.hit('b', 60_000, 31_000)).toEqual({ count: 1, resetInMs: 60_000 });
    expect(await store.hit('a', 60_000, 61_000)).toEqual({ count: 1, resetInMs: 60_000 });
  });
});
