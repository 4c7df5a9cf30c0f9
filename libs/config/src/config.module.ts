import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadAppConfig } from './app-config';
import { withDotEnv } from './dot-env';

/** Injection token for the validated, typed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Shares the typed configuration. Entry points validate it before Nest starts (the HTTP
 * server's options depend on it) and pass it in; without one, the environment and `.env` are read.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      providers: [{ provide: APP_CONFIG, useFactory: () => config ?? loadAppConfig(withDotEnv(process.env)) }],
      exports: [APP_CONFIG],
    };
  }
}
