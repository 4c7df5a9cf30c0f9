/**
 * A light mirror of the server's phone rule, so the sign-in page can show the normalised number
 * while typing without shipping a full numbering-plan library (the sign-in page has a 150 KB
 * budget). Russian numbers (the default region) are normalised and formatted exactly; other
 * numbers must be typed with "+" and their country code. The server stays the judge: a number it
 * finds invalid comes back as 400 and is shown under the field.
 */
const PHONE_CHARS = /^[0-9+\-.() ]+$/;

export type PhoneCheck =
  | { ok: true; e164: string; display: string }
  | { ok: false; reason: 'required' | 'chars' | 'invalid' };

function toE164(trimmed: string): string | null {
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    if (digits.startsWith('7')) return digits.length === 11 ? `+${digits}` : null;
    return digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : null;
  }
  // Default region RU: 8 999 …, 7 999 … or just the ten national digits.
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) return `+7${digits.slice(1)}`;
  if (digits.length === 10) return `+7${digits}`;
  return null;
}

export function checkPhone(input: string): PhoneCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'required' };
  if (trimmed.length > 32 || !PHONE_CHARS.test(trimmed) || trimmed.lastIndexOf('+') > 0) {
    return { ok: false, reason: 'chars' };
  }
  const e164 = toE164(trimmed);
  if (!e164) return { ok: false, reason: 'invalid' };
  if (e164.startsWith('+7') && !/^\+7[3-9]/.test(e164)) return { ok: false, reason: 'invalid' };
  return { ok: true, e164, display: formatPhone(e164) };
}

/** "+79991234567" → "+7 999 123-45-67"; other countries stay in E.164. */
export function formatPhone(e164: string): string {
  const ru = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return ru ? `+7 ${ru[1]} ${ru[2]}-${ru[3]}-${ru[4]}` : e164;
}
