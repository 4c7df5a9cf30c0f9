import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor } from './cursor';

describe('keyset cursors', () => {
  const position = { at: '2026-12-03T10:42:25.685123Z', id: '9fc48019-93be-47a5-80f8-9b14eb4fb81b' };

  it('round-trips a position with its microseconds', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of something else', Buffer.from('{"x":1}').toString('base64url')],
    ['a bad timestamp', encodeCursor({ at: 'yesterday', id: position.id })],
    ['a day that does not exist', encodeCursor({ at: '2026-02-31T23:59:59Z', id: position.id })],
    ['year zero', encodeCursor({ at: '0000-01-01T00:00:00Z', id: position.id })],
    ['a bad id', encodeCursor({ at: position.at, id: "1'; DROP TABLE users" })],
    ['an overlong string', 'a'.repeat(300)],
  ])('rejects %s', (_, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
