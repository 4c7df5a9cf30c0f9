import { describe, expect, it } from '@jest/globals';
import { readCliEnvironment } from './cli-environment';

describe('readCliEnvironment', () => {
  it('reads ADMIN_PASSWORD as given, without trimming', () => {
    expect(readCliEnvironment({ ADMIN_PASSWORD: ' spaced pass ' })).toEqual({ adminPassword: ' spaced pass ' });
    expect(readCliEnvironment({})).toEqual({ adminPassword: undefined });
  });
});
