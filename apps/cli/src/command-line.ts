import { parseArgs } from 'node:util';
import { UsageError } from './cli-errors';

export const PROGRAM = 'npm run cli --';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Shown in help after the flag, e.g. `N` in `--users N`. */
  valueName?: string;
  description: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

/** What the parser needs to know about a command; commands add `run` on top (see cli-command.ts). */
export interface CommandSpec<TOptions> {
  name: string;
  summary: string;
  /** Synopsis after the command name, e.g. `--users N [--referral-rate R]`. */
  usage: string;
  description: string[];
  options: Record<string, OptionSpec>;
  /** Validates and converts parsed flags; throws UsageError. */
  toOptions(values: OptionValues): TOptions;
}

export type ParsedCommandLine<TCommand> =
  | { kind: 'help'; text: string; exitCode: 0 | 2 }
  | { kind: 'run'; command: TCommand; options: unknown };

/**
 * Splits `argv` (without node and the script) into a command and its validated options, or a
 * help text. Pure, so every rule here is unit-tested without a database or a process.
 */
export function parseCommandLine<TCommand extends CommandSpec<unknown>>(
  argv: readonly string[],
  commands: readonly TCommand[],
): ParsedCommandLine<TCommand> {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'help', text: programHelp(commands), exitCode: 2 };
  if (first === '--help' || first === '-h') return { kind: 'help', text: programHelp(commands), exitCode: 0 };
  if (first === 'help') {
    const topic = rest[0] === undefined ? undefined : findCommand(commands, rest[0]);
    return { kind: 'help', text: topic ? commandHelp(topic) : programHelp(commands), exitCode: 0 };
  }
  if (first.startsWith('-')) throw new UsageError(`expected a command before "${first}"`);
  const command = findCommand(commands, first);
  const values = parseFlags(command, rest);
  if (values.help === true) return { kind: 'help', text: commandHelp(command), exitCode: 0 };
  return { kind: 'run', command, options: command.toOptions(values) };
}

function findCommand<TCommand extends CommandSpec<unknown>>(commands: readonly TCommand[], name: string): TCommand {
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    throw new UsageError(`unknown command "${name}"; expected one of ${commands.map((c) => c.name).join(', ')}`);
  }
  return command;
}

function parseFlags(command: CommandSpec<unknown>, args: string[]): OptionValues {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(command.options)) options[name] = { type: spec.type };
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as OptionValues;
  } catch (error) {
    throw new UsageError(describeParseError(error), command.name);
  }
}

/** node:util's messages are long and suggest `--` tricks; say the same thing in a few words. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const subject = /'([^']+)'/.exec(message)?.[1] ?? '';
  // The subject reads `--users <value>` or `-h, --help`: name the long flag.
  const flag = /--[\w-]+/.exec(subject)?.[0] ?? subject;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${flag}"`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${subject}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message) ? `option ${flag} takes no value` : `option ${flag} needs a value`;
    default:
      return message.split('\n')[0] ?? message;
  }
}

export function programHelp(commands: readonly CommandSpec<unknown>[]): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 3;
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options.`,
    'Every command uses the server\'s configuration: DATABASE_URL, or the embedded database in',
    'DATA_DIR when it is unset. LOG_LEVEL=debug prints stack traces on failure.',
    '',
  ].join('\n');
}

export function commandHelp(command: CommandSpec<unknown>): string {
  const rows = Object.entries(command.options).map(([name, spec]) => {
    const flag = spec.valueName ? `--${name} ${spec.valueName}` : `--${name}`;
    return [flag, spec.description] as const;
  });
  rows.push(['-h, --help', 'Show this help.']);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 3;
  return [
    `Usage: ${PROGRAM} ${command.name} ${command.usage}`.trimEnd(),
    '',
    ...command.description,
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}${description}`),
    '',
  ].join('\n');
}

/** Whole numbers only: `1e3`, `10.0` and `0x10` are refused rather than guessed at. */
export function parseWholeNumber(raw: string | boolean | undefined, flag: string, min: number, max: number, command: string): number {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim())) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}`, command);
  }
  const value = Number(raw.trim());
  if (value < min || value > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}`, command);
  return value;
}

/** A decimal fraction in [0, 1], e.g. `0.6`, `.25` or `1`. */
export function parseFraction(raw: string | boolean | undefined, flag: string, command: string): number {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const value = Number(text);
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text) || value < 0 || value > 1) {
    throw new UsageError(`--${flag} must be a number from 0 to 1, e.g. 0.6`, command);
  }
  return value;
}
