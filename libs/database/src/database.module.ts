import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { buildDataSourceOptions } from './database-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './run-migrations';
import { TransactionHost } from './transaction-host';

export const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export interface DatabaseModuleOptions { entities?: MixedList<Function | string | EntitySchema> }

/**
 * Stops the embedded server after the pool is closed (TypeORM's own shutdown hook may come
 * later, so the pool is closed here first; closing twice is guarded).
 */
@Injectable()
class EmbeddedPostgresLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded.stop();
  }
}

/**
 * PostgreSQL through TypeORM: a real server when `DATABASE_URL` is set, otherwise the
 * embedded PGlite kept in `DATA_DIR`. Pending migrations run at start when configured.
 */
/** Owns the embedded server, so exactly one is started however many modules ask for it. */
@Module({
  providers: [
    {
      provide: EMBEDDED_POSTGRES,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<EmbeddedPostgres | null> => {
        if (config.databaseUrl) return null;
        const started = await startEmbeddedPostgres(config.dataDir);
        new Logger('Database').log(`Embedded PostgreSQL (PGlite) in ${config.dataDir}`);
        return started;
      },
    },
  ],
  exports: [EMBEDDED_POSTGRES],
})
class EmbeddedPostgresModule {}

/**
 * PostgreSQL through TypeORM: a real server when `DATABASE_URL` is set, otherwise the
 * embedded PGlite kept in `DATA_DIR`. Pending migrations run at start when configured.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        EmbeddedPostgresModule,
        TypeOrmModule.forRootAsync({
          imports: [EmbeddedPostgresModule],
          inject: [APP_CONFIG, EMBEDDED_POSTGRES],
          useFactory: (config: AppConfig, embedded: EmbeddedPostgres | null) => ({
            ...buildDataSourceOptions(embedded?.url ?? config.databaseUrl!, config, options.entities),
            // Fail fast at boot instead of retrying for half a minute; the orchestrator restarts us.
            retryAttempts: 2,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [EmbeddedPostgresLifecycle, TransactionHost, migrationsOnStart()],
      exports: [TransactionHost],
    };
  }
}

function migrationsOnStart() {
  return {
    provide: Symbol('MIGRATIONS_ON_START'),
    inject: [APP_CONFIG, getDataSourceToken()],
    useFactory: async (config: AppConfig, dataSource: DataSource) => {
      if (config.migrateOnStart) await runMigrations(dataSource);
      return true;
    },
  };
}
