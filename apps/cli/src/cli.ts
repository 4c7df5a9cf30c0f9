import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '@app/config';
import type { CliCommand, CliIo, CommandContext } from './cli-command';
import { readCliEnvironment } from './cli-environment';
import { describeFailure, EXIT_OK } from './cli-errors';
import { openCliContext } from './cli.module';
import { parseCommandLine } from './command-line';
import { createAdminCommand } from './commands/create-admin.command';
import { migrateCommand } from './commands/migrate.command';
import { seedCommand } from './commands/seed.command';

export const COMMANDS: readonly CliCommand<unknown>[] = [migrateCommand, createAdminCommand, seedCommand];

type Env = Record<string, string | undefined>;

/**
 * Runs one command line to completion and returns the exit code; never throws. Every failure
 * becomes `error: …` lines on stderr. The database is opened only by commands that need it, and
 * always closed (which also stops an embedded server) before returning.
 */
export async function runCli(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  let app: INestApplicationContext | undefined;
  let verbose = false;
  try {
    const parsed = parseCommandLine(argv, COMMANDS);
    if (parsed.kind === 'help') {
      (parsed.exitCode === 0 ? io.stdout : io.stderr).write(parsed.text);
      return parsed.exitCode;
    }
    const config = loadAppConfig(env);
    verbose = config.logLevel === 'debug' || config.logLevel === 'trace';
    const context: CommandContext = {
      io,
      env: readCliEnvironment(env),
      database: async () => {
        app ??= await openCliContext(config);
        return app.get(DataSource);
      },
    };
    await parsed.command.run(parsed.options, context);
    return EXIT_OK;
  } catch (error) {
    const { lines, exitCode } = describeFailure(error, verbose);
    io.stderr.write(`${lines.join('\n')}\n`);
    return exitCode;
  } finally {
    await app?.close().catch(() => undefined);
  }
}
