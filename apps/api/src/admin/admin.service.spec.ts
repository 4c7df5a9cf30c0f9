import { describe, expect, it } from '@jest/globals';
import { parseSearch } from './admin.service';

describe('parseSearch', () => {
  it('lists everyone for an empty term', () => {
    expect(parseSearch(undefined)).toBeNull();
    expect(parseSearch('   ')).toBeNull();
  });

  it('reads phone digits however they are separated', () => {
    expect(parseSearch('+7 (999) 123-45')).toEqual({ phoneDigits: '799912345', inviteCodePrefix: undefined });
  });

  it('reads a digit run as a possible code prefix too', () => {
    expect(parseSearch('1234')).toEqual({ phoneDigits: '1234', inviteCodePrefix: '1234' });
  });

  it('reads letters as a forgiving invite-code prefix', () => {
    expect(parseSearch('ab3o')).toEqual({ phoneDigits: undefined, inviteCodePrefix: 'AB30' });
  });

  it('matches nothing for a term that is neither', () => {
    expect(parseSearch("'; DROP TABLE users; --")).toEqual({ phoneDigits: undefined, inviteCodePrefix: undefined });
  });
});
