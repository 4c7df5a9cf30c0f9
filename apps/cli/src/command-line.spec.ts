import { describe, expect, it } from '@jest/globals';
import { UsageError } from './cli-errors';
import { COMMANDS } from './cli';
import { parseCommandLine, parseFraction, parseWholeNumber } from './command-line';

function parse(...argv: string[]) {
  return parseCommandLine(argv, COMMANDS);
}

function usageErrorOf(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseCommandLine', () => {
  it('prints the command list for --help and exits 0', () => {
    const result = parse('--help');
    expect(result).toMatchObject({ kind: 'help', exitCode: 0 });
    if (result.kind !== 'help') return;
    for (const name of ['migrate', 'create-admin', 'seed']) expect(result.text).toContain(`  ${name} `);
  });

  it('prints the command list but fails (exit 2) when no command is given', () => {
    expect(parse()).toMatchObject({ kind: 'help', exitCode: 2 });
  });

  it.each(['migrate', 'create-admin', 'seed'])('gives %s its own --help, even next to missing required options', (name) => {
    for (const flag of ['--help', '-h']) {
      const result = parse(name, flag);
      expect(result).toMatchObject({ kind: 'help', exitCode: 0 });
      if (result.kind === 'help') expect(result.text).toContain(`Usage: npm run cli -- ${name}`);
    }
    expect(parse('help', name)).toEqual(parse(name, '--help'));
  });

  it('parses seed options with the default referral rate', () => {
    expect(parse('seed', '--users', '2000')).toMatchObject({ kind: 'run', options: { users: 2000, referralRate: 0.6 } });
    expect(parse('seed', '--users=5', '--referral-rate', '0.25')).toMatchObject({ options: { users: 5, referralRate: 0.25 } });
    expect(parse('seed', '--users', '1000000', '--referral-rate', '1')).toMatchObject({ options: { users: 1_000_000, referralRate: 1 } });
  });

  it('parses create-admin with and without a password, trimming the username', () => {
    expect(parse('create-admin', '--username', ' boss ')).toMatchObject({ options: { username: 'boss', password: undefined } });
    expect(parse('create-admin', '--username', 'boss', '--password', 's3cret pass')).toMatchObject({
      options: { username: 'boss', password: 's3cret pass' },
    });
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['--users', '5'], /expected a command before "--users"/],
    [['seed'], /--users is required/],
    [['seed', '--users'], /option --users needs a value/],
    [['seed', '--users', '0'], /--users must be a whole number from 1 to 10000000/],
    [['seed', '--users', '1e3'], /--users must be a whole number/],
    [['seed', '--users', '-5'], /option --users needs a value|--users must be/],
    [['seed', '--users', '10', '--referral-rate', '1.5'], /--referral-rate must be a number from 0 to 1/],
    [['seed', '--users', '10', '--referral-rate', 'abc'], /--referral-rate must be a number from 0 to 1/],
    [['seed', '--users', '10', '--verbose'], /unknown option "--verbose"/],
    [['seed', '--users', '10', 'extra'], /unexpected argument "extra"/],
    [['migrate', '--help=yes'], /option --help takes no value/],
    [['create-admin'], /--username is required/],
    [['create-admin', '--username', '   '], /--username is required and must not be blank/],
    [['create-admin', '--username', 'x'.repeat(151)], /at most 150 characters/],
    [['create-admin', '--username', 'bad\u0007name'], /control characters/],
  ])('refuses %j with a one-line usage error', (argv, message) => {
    const error = usageErrorOf(() => parse(...argv));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('names the command whose help would have helped', () => {
    expect(usageErrorOf(() => parse('seed', '--users', 'x')).command).toBe('seed');
    expect(usageErrorOf(() => parse('nope')).command).toBeUndefined();
  });
});

describe('number options', () => {
  it('accepts only whole numbers in range', () => {
    expect(parseWholeNumber('42', 'n', 1, 100, 'x')).toBe(42);
    for (const raw of ['0', '101', '4.2', ' ', '0x10', undefined, true]) {
      expect(() => parseWholeNumber(raw, 'n', 1, 100, 'x')).toThrow(UsageError);
    }
  });

  it('accepts fractions from 0 to 1 only', () => {
    expect(parseFraction('0', 'r', 'x')).toBe(0);
    expect(parseFraction('.5', 'r', 'x')).toBe(0.5);
    expect(parseFraction('1.0', 'r', 'x')).toBe(1);
    for (const raw of ['1.01', '-0.1', 'NaN', 'Infinity', '', '6e-1']) expect(() => parseFraction(raw, 'r', 'x')).toThrow(UsageError);
  });
});
