import { randomInt } from 'node:crypto';

/** Crockford base-32: no I, L, O or U, so codes survive being read aloud and retyped. */
export const INVITE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_CODE_LENGTH = 6;
export const INVITE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{6}$/;

/** A fresh invite code from a CSPRNG; uniqueness is the database's job (unique index + retry). */
export function generateInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/**
 * Forgiving input: trimmed, upper-cased, and the letters people confuse with digits mapped as
 * Crockford prescribes (`O`→`0`, `I`/`L`→`1`). Returns `null` when the result is not a code.
 */
export function normalizeInviteCode(input: string): string | null {
  const typed = input.trim();
  // ASCII letters and digits only, checked before upper-casing: `ı` or `ﬀ` would otherwise
  // upper-case into alphabet letters.
  if (!/^[0-9A-Za-z]+$/.test(typed)) return null;
  const code = typed.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return INVITE_CODE_PATTERN.test(code) ? code : null;
}
