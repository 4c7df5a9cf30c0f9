import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { generateInviteCode, INVITE_ALPHABET, INVITE_CODE_PATTERN, normalizeInviteCode } from './invite-code';

describe('invite codes', () => {
  it('uses the 32-character Crockford alphabet without I, L, O and U', () => {
    expect(INVITE_ALPHABET).toHaveLength(32);
    expect(new Set(INVITE_ALPHABET).size).toBe(32);
    expect(INVITE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('generates 6 alphabet characters, spread over the whole alphabet', () => {
    const seen = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateInviteCode();
      expect(code).toMatch(INVITE_CODE_PATTERN);
      codes.add(code);
      for (const char of code) seen.add(char);
    }
    expect(seen.size).toBe(32);
    expect(codes.size).toBeGreaterThan(1990);
  });

  it.each([
    ['ab3x9k', 'AB3X9K'],
    ['  AB3X9K\t', 'AB3X9K'],
    ['oOiIlL', '001111'],
    ['q7m2zk', 'Q7M2ZK'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizeInviteCode(input)).toBe(expected);
  });

  it.each([['AB3X9'], ['AB3X9KK'], ['UUUUUU'], ['AB-3X9'], ['AB 3X9'], [''], ['АВ3Х9К'], ['ıııııı'], ['ﬀ1234']])('rejects %j', (input) => {
    expect(normalizeInviteCode(input)).toBeNull();
  });

  it('accepts every generated code however its case is mangled', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (lower) => {
        const code = generateInviteCode();
        const typed = [...code].map((char, i) => (lower[i] ? char.toLowerCase() : char)).join('');
        return normalizeInviteCode(typed) === code;
      }),
    );
  });

  it('returns null or a valid code for any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (input) => {
      const code = normalizeInviteCode(input);
      return code === null || INVITE_CODE_PATTERN.test(code);
    }));
  });
});
