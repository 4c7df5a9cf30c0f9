import { describe, expect, it } from '@jest/globals';
import { lastDays } from './users.service';

describe('lastDays', () => {
  it('lists UTC dates ending today, oldest first', () => {
    expect(lastDays(3, new Date('2026-03-01T23:30:00Z'))).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(lastDays(1, new Date('2026-12-03T00:00:00Z'))).toEqual(['2026-12-03']);
  });
});
