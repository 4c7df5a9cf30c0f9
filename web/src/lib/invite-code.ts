/** Crockford base-32, as the API: trimmed, upper-cased, O→0, I/L→1; six characters. */
const INVITE_CODE = /^[0-9A-HJKMNP-TV-Z]{6}$/;

export function normalizeInviteCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return INVITE_CODE.test(code) ? code : null;
}
