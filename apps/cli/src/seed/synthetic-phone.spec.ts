import { describe, expect, it } from '@jest/globals';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalizePhone } from '@app/common';
import { MOBILE_BLOCKS, syntheticPhone } from './synthetic-phone';

/** Forces the generator to a given block and subscriber number. */
function fixed(blockIndex: number, subscriber: number) {
  let call = 0;
  return () => (call++ % 2 === 0 ? blockIndex : subscriber);
}

describe('syntheticPhone', () => {
  it('makes E.164 Russian mobile numbers: +79 and nine more digits', () => {
    for (let i = 0; i < 1000; i++) expect(syntheticPhone()).toMatch(/^\+79\d{9}$/);
  });

  it.each([0, 1234567, 9_999_999])('gives numbers the API accepts unchanged, in every block (subscriber %i)', (subscriber) => {
    for (let index = 0; index < MOBILE_BLOCKS.length; index++) {
      const phone = syntheticPhone(fixed(index, subscriber));
      expect(normalizePhone(phone, 'RU')).toBe(phone);
      expect(parsePhoneNumberFromString(phone)?.getType()).toBe('MOBILE');
    }
  });

  it('draws from about a billion numbers, so a seed of thousands rarely collides', () => {
    expect(MOBILE_BLOCKS).toHaveLength(99);
    const phones = new Set(Array.from({ length: 20_000 }, () => syntheticPhone()));
    expect(phones.size).toBeGreaterThan(19_990);
  });
});
