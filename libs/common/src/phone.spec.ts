import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { maskPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['89991234567', '+79991234567'],
    ['+7 (999) 123-45-67', '+79991234567'],
    ['7 999 123 45 67', '+79991234567'],
    ['9991234567', '+79991234567'],
    ['  +7.999.123.45.67  ', '+79991234567'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizePhone(input, 'RU')).toBe(expected);
  });

  it('uses the default region for numbers without a country code', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhone('020 7946 0958', 'RU')).toBeNull();
  });

  it.each([
    ['text around the number', 'tel: +79991234567'],
    ['full-width digits', '+７９９９１２３４５６７'],
    ['Arabic-Indic digits', '٨٩٩٩١٢٣٤٥٦٧'],
    ['a second plus', '++79991234567'],
    ['a plus inside', '7+9991234567'],
    ['an invalid number', '+7 000 000 00 00'],
    ['too few digits', '12345'],
    ['nothing', '   '],
    ['a tab and a newline around it', '\t+79991234567\n'],
    ['a no-break space before it', '\u00a0+79991234567'],
    ['an extension', '+79991234567 ext 5'],
    ['a very long string', '9'.repeat(40)],
  ])('rejects %s', (_, input) => {
    expect(normalizePhone(input, 'RU')).toBeNull();
  });

  it('returns either null or E.164 for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        const result = normalizePhone(input, 'RU');
        return result === null || /^\+[1-9]\d{6,14}$/.test(result);
      }),
    );
  });

  it('is stable: a normalised number normalises to itself, whatever the separators', () => {
    const separators = fc.constantFrom(' ', '-', '.', '');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }), separators, (digits, sep) => {
        const written = `+7 999${sep}${digits.slice(0, 3).join('')}${sep}${digits.slice(3, 5).join('')}${sep}${digits.slice(5).join('')}`;
        const normalised = normalizePhone(written, 'RU');
        return normalised === `+7999${digits.join('')}` && normalizePhone(normalised, 'RU') === normalised;
      }),
    );
  });
});

describe('maskPhone', () => {
  it('keeps the country code, the first group and the last two digits', () => {
    expect(maskPhone('+79991234567')).toBe('+7 999 ***-**-67');
    expect(maskPhone('+442079460958')).toBe('+44 20 ****-**58');
  });

  it('never shows more than the first group and the last two digits of a number', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }), (digits) => {
        const masked = maskPhone(`+7999${digits.join('')}`);
        return masked === `+7 999 ***-**-${digits.slice(5).join('')}`;
      }),
    );
  });
});
