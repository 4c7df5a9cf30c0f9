import { describe, expect, it } from 'vitest';
import { checkPhone, formatPhone } from './phone';

describe('checkPhone', () => {
  it.each(['89991234567', '+7 (999) 123-45-67', '7 999 123 45 67', '999.123.45.67', ' 8-999-123-45-67 '])(
    'normalises %s to +79991234567',
    (input) => {
      expect(checkPhone(input)).toEqual({ ok: true, e164: '+79991234567', display: '+7 999 123-45-67' });
    },
  );

  it('accepts other countries typed with their code', () => {
    expect(checkPhone('+44 20 7946 0958')).toMatchObject({ ok: true, e164: '+442079460958' });
  });

  it('asks for a number when the field is empty', () => {
    expect(checkPhone('   ')).toEqual({ ok: false, reason: 'required' });
  });

  it.each(['tel: 89991234567', '8999123456７', '+7 999 123+45-67', '8 999 123 45 67 ext'])('refuses characters in %s', (input) => {
    expect(checkPhone(input)).toEqual({ ok: false, reason: 'chars' });
  });

  it.each(['123', '8999123456789', '+7 999 12'])('calls %s not a phone number', (input) => {
    expect(checkPhone(input)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('formatPhone', () => {
  it('groups Russian numbers and leaves others in E.164', () => {
    expect(formatPhone('+79991234567')).toBe('+7 999 123-45-67');
    expect(formatPhone('+442079460958')).toBe('+442079460958');
  });
});
