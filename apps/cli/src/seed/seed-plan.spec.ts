import { describe, expect, it } from '@jest/globals';
import { planSeed, SEED_WINDOW_MS, type RandomSource } from './seed-plan';

/** mulberry32: a tiny seeded generator, so a failing case can be replayed. */
function seeded(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOW = Date.UTC(2026, 2, 12, 12, 0, 0);

describe('planSeed', () => {
  const cases: [number, number, number][] = [
    [1, 0.6, 1],
    [2, 1, 2],
    [10, 0, 3],
    [1000, 0.6, 4],
    [5000, 0.25, 5],
    [5000, 1, 6],
    [20_000, 0.6, 7],
  ];

  it.each(cases)('plans %i users at rate %f (seed %i) within every rule', (size, rate, seed) => {
    const plan = planSeed(size, rate, NOW, seeded(seed));
    const counts = new Int32Array(size);
    const broken: string[] = [];
    const check = (ok: boolean, rule: string, slot: number) => {
      if (!ok && broken.length < 5) broken.push(`slot ${slot}: ${rule}`);
    };
    let activated = 0;
    for (let slot = 0; slot < size; slot++) {
      const created = plan.createdAt[slot]!;
      check(created >= NOW - SEED_WINDOW_MS && created < NOW && Number.isInteger(created), 'created in the window', slot);
      check(slot === 0 || created > plan.createdAt[slot - 1]!, 'sign-ups strictly ordered', slot);
      const referrer = plan.referrer[slot]!;
      if (referrer < 0) continue;
      activated++;
      counts[referrer]++;
      // Only an earlier sign-up may invite: no self-referral, no cycle.
      check(referrer < slot && plan.createdAt[referrer]! < created, 'referrer signed up earlier', slot);
      check(plan.activatedAt[slot]! > created && plan.activatedAt[slot]! <= NOW, 'activated after sign-up, not in the future', slot);
    }
    expect(broken).toEqual([]);
    expect(activated).toBe(plan.activations);
    expect(activated).toBe(Math.min(Math.round(rate * size), Math.max(0, size - 1)));
    expect(Array.from(plan.referralsCount)).toEqual(Array.from(counts));
  });

  it('spreads sign-ups over the whole 90 days', () => {
    const plan = planSeed(10_000, 0.6, NOW, seeded(11));
    const days = new Set(Array.from(plan.createdAt, (time) => Math.floor((NOW - time) / 86_400_000)));
    expect(days.size).toBeGreaterThanOrEqual(89);
  });

  it('picks referrers among all earlier users, not only the first ones', () => {
    const plan = planSeed(10_000, 1, NOW, seeded(12));
    const referrers = new Set(Array.from(plan.referrer).filter((slot) => slot >= 0));
    // A uniformly chosen earlier user invites each one: about half of all users invite someone.
    expect(referrers.size).toBeGreaterThan(4000);
    expect(Math.max(...referrers)).toBeGreaterThan(9000);
  });

  it('keeps sign-ups distinct and ordered even when the random source repeats itself', () => {
    const plan = planSeed(1000, 0.6, NOW, () => 0.5);
    for (let slot = 1; slot < plan.size; slot++) expect(plan.createdAt[slot]).toBeGreaterThan(plan.createdAt[slot - 1]!);
    expect(plan.createdAt[plan.size - 1]).toBeLessThan(NOW);
  });
});
