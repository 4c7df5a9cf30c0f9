import { DynamicModule, INestApplicationContext, LogLevel, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';

/** The server's config and database modules, without HTTP. The CLI speaks SQL, so no entities. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: CliModule, imports: [AppConfigModule.forRoot(config), DatabaseModule.forRoot()] };
  }
}

/**
 * A standalone Nest context on the configured database. `migrateOnStart` is forced off so that
 * nothing is applied behind a command's back: `migrate` reports what it applies, and the other
 * commands apply pending migrations themselves before they write.
 */
export function openCliContext(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(CliModule.forRoot({ ...config, migrateOnStart: false }), {
    logger: nestLogLevels(config.logLevel),
    // Failures come back to main.ts as errors and become one clear line, not a logged stack.
    abortOnError: false,
  });
}

/** Nest's boot chatter is noise on a command line; LOG_LEVEL=debug brings it back for diagnosis. */
function nestLogLevels(level: string): LogLevel[] | false {
  return level === 'debug' || level === 'trace' ? ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] : false;
}
