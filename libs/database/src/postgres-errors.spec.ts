import { describe, expect, it } from '@jest/globals';
import { isConnectionError } from './postgres-errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it.each([
    ['a refused socket', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['an admin shutdown', withCode('terminating connection due to administrator command', '57P01')],
    ['a closed database', withCode('database "x" is not currently accepting connections', '55000')],
    ['a connection exception class', withCode('connection failure', '08006')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a wrapped driver error', Object.assign(new Error('query failed'), { driverError: { code: '57P01' } })],
  ])('recognises %s', (_, error) => expect(isConnectionError(error)).toBe(true));

  it.each([
    ['a unique violation', withCode('duplicate key value', '23505')],
    ['a syntax error', withCode('syntax error at or near', '42601')],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error', 'ECONNREFUSED'],
  ])('does not mistake %s for an outage', (_, error) => expect(isConnectionError(error)).toBe(false));
});
