import { randomInt } from 'node:crypto';

/** An integer in [0, max); `crypto.randomInt` by default, injectable for tests. */
export type RandomInt = (max: number) => number;

/**
 * Russian mobile numbers are +7 9XX XXX-XX-XX. libphonenumber (which the API validates with)
 * treats parts of the 930 block as unassigned, so that block is skipped: every number made here
 * is a valid RU mobile number, and the API accepts it as typed.
 */
const SKIPPED_BLOCK = 30;
export const MOBILE_BLOCKS = Array.from({ length: 100 }, (_, block) => block).filter((block) => block !== SKIPPED_BLOCK);
const SUBSCRIBER_NUMBERS = 10_000_000;

/** `+79XXXXXXXXX` in E.164 — ~990 million possibilities, so collisions are rare and retried. */
export function syntheticPhone(random: RandomInt = randomInt): string {
  const block = MOBILE_BLOCKS[random(MOBILE_BLOCKS.length)]!;
  const subscriber = random(SUBSCRIBER_NUMBERS);
  return `+79${String(block).padStart(2, '0')}${String(subscriber).padStart(7, '0')}`;
}
