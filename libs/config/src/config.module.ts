import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, loadAppConfig } from './app-config';

/** Injection token for the validated, typed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Validates the environment once, when the module is built, and shares the typed result.
 * Without an argument it reads `.env` (through @nestjs/config) and the process environment;
 * tests and tools pass a ready `AppConfig` instead, so nothing leaks in from a developer's `.env`.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config?: AppConfig): DynamicModule {
    const provider = { provide: APP_CONFIG, useFactory: () => config ?? loadAppConfig() };
    return {
      module: AppConfigModule,
      imports: config ? [] : [ConfigModule.forRoot({ envFilePath: ['.env'], validate: validateEnvironment })],
      providers: [provider],
      exports: [APP_CONFIG],
    };
  }
}

/** Runs after `.env` is merged into the environment: a bad value stops the process here. */
function validateEnvironment(env: Record<string, unknown>): Record<string, unknown> {
  loadAppConfig(env as Record<string, string | undefined>);
  return env;
}
