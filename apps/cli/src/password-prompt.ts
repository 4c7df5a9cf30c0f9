import type { CliEnvironment, CliIo } from './cli-command';
import { CliError, UsageError } from './cli-errors';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1024;

/** Throws a UsageError naming the rule; never echoes the password itself. */
export function validateAdminPassword(password: string, source = 'the password'): void {
  const length = [...password].length;
  if (length === 0) throw new UsageError(`${source} is empty`, 'create-admin');
  if (length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`${source} is too short: use at least ${MIN_PASSWORD_LENGTH} characters`, 'create-admin');
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new UsageError(`${source} is too long: use at most ${MAX_PASSWORD_LENGTH} characters`, 'create-admin');
  }
}

/**
 * Where the password comes from, in the contract's order: `--password`, else a hidden prompt
 * (asked twice) when a terminal is attached, else ADMIN_PASSWORD for scripts and containers.
 */
export async function resolveAdminPassword(given: string | undefined, io: CliIo, env: CliEnvironment): Promise<string> {
  if (given !== undefined) {
    validateAdminPassword(given);
    return given;
  }
  if (io.stdin.isTTY && io.stdin.setRawMode) {
    const first = await readHidden(io, 'Password: ', '');
    validateAdminPassword(first.value);
    const second = await readHidden(io, 'Repeat the password: ', first.rest);
    if (second.value !== first.value) throw new UsageError('the passwords do not match', 'create-admin');
    return first.value;
  }
  if (env.adminPassword !== undefined) {
    validateAdminPassword(env.adminPassword, 'ADMIN_PASSWORD');
    return env.adminPassword;
  }
  throw new UsageError('no password: pass --password, set ADMIN_PASSWORD, or run in a terminal to be asked', 'create-admin');
}

export interface KeyState {
  value: string;
  status: 'typing' | 'done' | 'cancelled';
  /** Input after the Enter that finished the field (typed ahead, or pasted): the next prompt's. */
  rest?: string;
}

/**
 * Applies one chunk of raw terminal input (a keystroke, or a whole paste) to the hidden field:
 * Enter finishes, Backspace deletes a character, Ctrl-C (or Ctrl-D on an empty field) cancels,
 * and arrow keys and other control sequences are ignored rather than stored in the password.
 */
export function applyKeystrokes(state: KeyState, chunk: string): KeyState {
  let { value } = state;
  const keys = [...chunk.replace(/\x1b\[[0-9;]*[A-Za-z~]|\x1b./g, '')];
  for (const [index, key] of keys.entries()) {
    if (key === '\r' || key === '\n') return { value, status: 'done', rest: keys.slice(index + 1).join('') };
    if (key === '\x03') return { value: '', status: 'cancelled' };
    if (key === '\x04') {
      if (value.length === 0) return { value: '', status: 'cancelled' };
      return { value, status: 'done' };
    }
    if (key === '\x7f' || key === '\b') value = [...value].slice(0, -1).join('');
    else if (key >= ' ') value += key;
  }
  return { value, status: 'typing' };
}

/** Reads one line from the terminal in raw mode, so nothing typed is echoed. */
function readHidden(io: CliIo, prompt: string, typedAhead: string): Promise<{ value: string; rest: string }> {
  const { stdin, stderr } = io;
  stderr.write(prompt);
  const typed = applyKeystrokes({ value: '', status: 'typing' }, typedAhead);
  if (typed.status !== 'typing') return finish(io, typed);
  return new Promise((resolve, reject) => {
    let state = typed;
    const onData = (chunk: Buffer | string) => {
      state = applyKeystrokes(state, chunk.toString());
      if (state.status === 'typing') return;
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      finish(io, state).then(resolve, reject);
    };
    stdin.setRawMode?.(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

async function finish(io: CliIo, state: KeyState): Promise<{ value: string; rest: string }> {
  io.stderr.write('\n');
  if (state.status === 'cancelled') throw new CliError('cancelled');
  return { value: state.value, rest: state.rest ?? '' };
}
