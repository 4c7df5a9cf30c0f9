import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError } from '@app/config';
import { CliError, describeFailure, EXIT_FAILURE, EXIT_USAGE, UsageError } from './cli-errors';

describe('describeFailure', () => {
  it('turns a usage error into one line pointing at the command help, exit 2', () => {
    expect(describeFailure(new UsageError('--users is required', 'seed'))).toEqual({
      lines: ['error: --users is required (see: npm run cli -- seed --help)'],
      exitCode: EXIT_USAGE,
    });
  });

  it('prints one line per configuration problem', () => {
    const error = new ConfigValidationError(['PORT: "x" must be a whole number', 'DATABASE_URL: must be a postgres:// URL']);
    expect(describeFailure(error).lines).toEqual([
      'error: configuration: PORT: "x" must be a whole number',
      'error: configuration: DATABASE_URL: must be a postgres:// URL',
    ]);
  });

  it('says the database is unreachable instead of dumping a driver error', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(describeFailure(error)).toEqual({ lines: ['error: cannot reach the database: connect ECONNREFUSED 127.0.0.1:1'], exitCode: EXIT_FAILURE });
  });

  it('keeps only the first line of other errors, and the stack only when verbose', () => {
    const error = new CliError('the data directory is in use by process 42\n    at somewhere');
    expect(describeFailure(error).lines).toEqual(['error: the data directory is in use by process 42']);
    expect(describeFailure(error, true).lines).toHaveLength(2);
  });
});
