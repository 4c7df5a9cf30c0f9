import type { Readable, Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { CommandSpec } from './command-line';

/** The process's streams, passed in so commands can be run (and tested) without a real terminal. */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  /** Results: what a script piping the CLI would want to read. */
  stdout: Writable;
  /** Prompts, progress and notes: everything a human watches but a pipe does not need. */
  stderr: Writable & { isTTY?: boolean };
}

/** Settings the CLI reads beyond the server's config; taken from the environment by main.ts only. */
export interface CliEnvironment {
  adminPassword: string | undefined;
}

export interface CommandContext {
  io: CliIo;
  env: CliEnvironment;
  /**
   * Opens the database (starting the embedded one if DATABASE_URL is unset) on first call.
   * Migrations never run implicitly: each command decides whether to apply them.
   */
  database(): Promise<DataSource>;
}

export interface CliCommand<TOptions> extends CommandSpec<TOptions> {
  run(options: TOptions, context: CommandContext): Promise<void>;
}
