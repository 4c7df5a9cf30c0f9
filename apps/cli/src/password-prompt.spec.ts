import { describe, expect, it, jest } from '@jest/globals';
import { PassThrough } from 'node:stream';
import type { CliIo } from './cli-command';
import { CliError, UsageError } from './cli-errors';
import { applyKeystrokes, resolveAdminPassword, validateAdminPassword, type KeyState } from './password-prompt';

const start: KeyState = { value: '', status: 'typing' };

function fakeIo(options: { tty: boolean }) {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: (mode: boolean) => void };
  const setRawMode = jest.fn<(mode: boolean) => void>();
  if (options.tty) Object.assign(stdin, { isTTY: true, setRawMode });
  const stderr = new PassThrough();
  let written = '';
  stderr.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const io: CliIo = { stdin, stdout: new PassThrough(), stderr };
  return { io, stdin, setRawMode, written: () => written };
}

/** Feeds keystrokes once the prompt has been shown. */
function typeAfterPrompts(stdin: PassThrough, ...lines: string[]) {
  let index = 0;
  const feed = () => {
    if (index < lines.length) setImmediate(() => stdin.write(lines[index++]!));
  };
  stdin.on('pause', feed);
  feed();
}

describe('validateAdminPassword', () => {
  it('refuses empty and short passwords, counting characters rather than bytes', () => {
    expect(() => validateAdminPassword('')).toThrow('the password is empty');
    expect(() => validateAdminPassword('1234567')).toThrow('at least 8 characters');
    expect(() => validateAdminPassword('пароль1')).toThrow('at least 8 characters');
    expect(() => validateAdminPassword('x'.repeat(1025))).toThrow('at most 1024');
    expect(() => validateAdminPassword('12345678')).not.toThrow();
    expect(() => validateAdminPassword('пароль12')).not.toThrow();
  });

  it('never repeats the password in its message', () => {
    try {
      validateAdminPassword('abc123');
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).not.toContain('abc123');
    }
  });
});

describe('applyKeystrokes', () => {
  it('collects printable keys and finishes on Enter', () => {
    expect(applyKeystrokes(start, 'abc')).toEqual({ value: 'abc', status: 'typing' });
    expect(applyKeystrokes({ value: 'abc', status: 'typing' }, '\r')).toEqual({ value: 'abc', status: 'done', rest: '' });
    expect(applyKeystrokes(start, 'pasted secret\n')).toEqual({ value: 'pasted secret', status: 'done', rest: '' });
  });

  it('keeps what was typed after Enter for the next prompt', () => {
    expect(applyKeystrokes(start, 'first one\rsecond one\r')).toEqual({ value: 'first one', status: 'done', rest: 'second one\r' });
  });

  it('deletes with Backspace, ignores arrows and cancels on Ctrl-C or an empty Ctrl-D', () => {
    expect(applyKeystrokes(start, 'abd\x7fc\x1b[D\x1b[A')).toEqual({ value: 'abc', status: 'typing' });
    expect(applyKeystrokes(start, 'ab\x03')).toEqual({ value: '', status: 'cancelled' });
    expect(applyKeystrokes(start, '\x04')).toEqual({ value: '', status: 'cancelled' });
    expect(applyKeystrokes(start, 'abc\x04')).toEqual({ value: 'abc', status: 'done' });
  });
});

describe('resolveAdminPassword', () => {
  const noEnv = { adminPassword: undefined };

  it('takes --password first, even with ADMIN_PASSWORD set and a terminal attached', async () => {
    const { io } = fakeIo({ tty: true });
    await expect(resolveAdminPassword('from-flag-1', io, { adminPassword: 'from-env-1' })).resolves.toBe('from-flag-1');
    await expect(resolveAdminPassword('short', io, noEnv)).rejects.toThrow('at least 8 characters');
  });

  it('asks twice, without echo, on a terminal', async () => {
    const { io, stdin, setRawMode, written } = fakeIo({ tty: true });
    typeAfterPrompts(stdin, 'correct horse\r', 'correct horse\r');
    await expect(resolveAdminPassword(undefined, io, { adminPassword: 'ignored-env' })).resolves.toBe('correct horse');
    expect(written()).toBe('Password: \nRepeat the password: \n');
    expect(setRawMode.mock.calls).toEqual([[true], [false], [true], [false]]);
  });

  it('refuses two different answers, and a short one before asking again', async () => {
    const mismatch = fakeIo({ tty: true });
    typeAfterPrompts(mismatch.stdin, 'correct horse\r', 'correct house\r');
    await expect(resolveAdminPassword(undefined, mismatch.io, noEnv)).rejects.toThrow('the passwords do not match');
    const short = fakeIo({ tty: true });
    typeAfterPrompts(short.stdin, 'abc\r');
    await expect(resolveAdminPassword(undefined, short.io, noEnv)).rejects.toThrow('at least 8 characters');
    expect(short.written()).toBe('Password: \n');
  });

  it('accepts both answers typed ahead in one go', async () => {
    const { io, stdin, written } = fakeIo({ tty: true });
    typeAfterPrompts(stdin, 'correct horse\rcorrect horse\r');
    await expect(resolveAdminPassword(undefined, io, noEnv)).resolves.toBe('correct horse');
    expect(written()).toBe('Password: \nRepeat the password: \n');
  });

  it('stops on Ctrl-C at the prompt', async () => {
    const { io, stdin } = fakeIo({ tty: true });
    typeAfterPrompts(stdin, 'abc\x03');
    await expect(resolveAdminPassword(undefined, io, noEnv)).rejects.toThrow(CliError);
  });

  it('reads ADMIN_PASSWORD without a terminal, and says what to do when it is missing or short', async () => {
    const { io } = fakeIo({ tty: false });
    await expect(resolveAdminPassword(undefined, io, { adminPassword: 'env-password' })).resolves.toBe('env-password');
    await expect(resolveAdminPassword(undefined, io, { adminPassword: '' })).rejects.toThrow('ADMIN_PASSWORD is empty');
    await expect(resolveAdminPassword(undefined, io, { adminPassword: 'short' })).rejects.toThrow('ADMIN_PASSWORD is too short');
    await expect(resolveAdminPassword(undefined, io, noEnv)).rejects.toThrow(/pass --password, set ADMIN_PASSWORD/);
  });
});
