import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** ASCII digits, spaces, `+`, `-`, `.` and parentheses — nothing else, per the contract. */
const PHONE_INPUT = /^[0-9+\-.() ]+$/;
const MAX_INPUT_LENGTH = 32;

/**
 * Normalises a phone number as a person types it to E.164, or returns `null` when it is not a
 * valid number. The character check comes first so that no number is fished out of
 * surrounding text and non-ASCII digits (which libphonenumber would happily convert) are refused.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode): string | null {
  // Only ASCII spaces are trimmed: tabs, newlines and Unicode spaces are not allowed characters.
  const trimmed = input.replace(/^ +| +$/g, '');
  if (trimmed.length === 0 || trimmed.length > MAX_INPUT_LENGTH || !PHONE_INPUT.test(trimmed)) return null;
  // A plus sign is only meaningful as the very first character.
  if (trimmed.lastIndexOf('+') > 0) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/**
 * Masks someone else's number for display to a user: country code and the first group stay,
 * then only the last two digits, e.g. `+79991234567` → `+7 999 ***-**-67`.
 */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const groups = parsed ? parsed.formatInternational().split(' ') : [e164.slice(0, 2), e164.slice(2)];
  const [country, first, ...rest] = groups;
  if (rest.length === 0) return `${country} ${maskDigits(first ?? '', 2)}`;
  const tail = rest.join('-');
  return `${country} ${first} ${maskDigits(tail, 2)}`;
}

function maskDigits(text: string, keepLast: number): string {
  const digitCount = text.replace(/\D/g, '').length;
  let seen = 0;
  return text.replace(/\d/g, (digit) => (++seen > digitCount - keepLast ? digit : '*'));
}
