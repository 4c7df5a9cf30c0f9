/** A uniform number in [0, 1); injectable so tests can make the plan reproducible. */
export type RandomSource = () => number;

export const SEED_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;
/** Sign-ups stop this long before "now", so every activation fits between sign-up and now. */
const LATEST_SIGNUP_GAP_MS = 60 * 1000;

/**
 * Who signs up when and who invited whom, decided in memory before any row is written, so the
 * database receives each row once, complete (referrer, activation time and referrals count),
 * instead of being updated in several passes. Slots are in sign-up order: slot `i` may only be
 * invited by a slot `j < i`, which was created strictly earlier, so no cycle can form.
 */
export interface SeedPlan {
  size: number;
  /** Sign-up times, epoch ms, strictly increasing. */
  createdAt: Float64Array;
  /** The slot of the referrer, or -1. */
  referrer: Int32Array;
  /** Activation times, epoch ms (meaningless where `referrer` is -1). */
  activatedAt: Float64Array;
  referralsCount: Int32Array;
  activations: number;
}

export function planSeed(size: number, referralRate: number, nowMs: number, random: RandomSource = Math.random): SeedPlan {
  const createdAt = planSignups(size, nowMs, random);
  const referrer = new Int32Array(size).fill(-1);
  const activatedAt = new Float64Array(size);
  const referralsCount = new Int32Array(size);
  // Slot 0 has nobody earlier to invite it, hence at most size - 1 activations.
  const wanted = Math.min(Math.round(referralRate * size), Math.max(0, size - 1));
  let needed = wanted;
  for (let slot = 1; slot < size && needed > 0; slot++) {
    // Selection sampling (Knuth's algorithm S): exactly `wanted` slots, each equally likely.
    if (random() * (size - slot) >= needed) continue;
    needed--;
    const invitedBy = Math.floor(random() * slot);
    referrer[slot] = invitedBy;
    referralsCount[invitedBy]++;
    activatedAt[slot] = activationTime(createdAt[slot]!, nowMs, random);
  }
  return { size, createdAt, referrer, activatedAt, referralsCount, activations: wanted };
}

/** Uniform over the last 90 days, whole milliseconds, sorted and nudged to be strictly increasing. */
function planSignups(size: number, nowMs: number, random: RandomSource): Float64Array {
  const first = nowMs - SEED_WINDOW_MS;
  const span = SEED_WINDOW_MS - LATEST_SIGNUP_GAP_MS;
  const createdAt = new Float64Array(size);
  for (let slot = 0; slot < size; slot++) createdAt[slot] = first + Math.floor(random() * span);
  createdAt.sort();
  // Two sign-ups in the same millisecond would make "created before" ambiguous; the nudges are
  // a few ms at most and stay inside the gap before now.
  for (let slot = 1; slot < size; slot++) {
    if (createdAt[slot]! <= createdAt[slot - 1]!) createdAt[slot] = createdAt[slot - 1]! + 1;
  }
  return createdAt;
}

/** Strictly after the sign-up (and so after the referrer's), and not after now. */
function activationTime(createdAtMs: number, nowMs: number, random: RandomSource): number {
  const room = nowMs - createdAtMs - 1;
  return createdAtMs + 1 + Math.floor(random() * Math.max(0, room));
}
