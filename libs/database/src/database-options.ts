import type { AppConfig } from '@app/config';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { migrations } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

/** How the app names its connections; the embedded one is told apart by it (see runMigrations). */
export const APPLICATION_NAME = 'referral-system';
export const EMBEDDED_APPLICATION_NAME = 'referral-system-embedded';

/** Connection options shared by the API, the CLI and the tests: one schema, one SQL dialect. */
export function buildDataSourceOptions(url: string, config: AppConfig, entities: EntityList = []): DataSourceOptions {
  const embedded = !config.databaseUrl;
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    // The schema changes through migrations only.
    synchronize: false,
    logging: false,
    extra: {
      // PGlite is one backend: concurrent connections interleave their extended-protocol
      // messages (seen: "unnamed prepared statement does not exist", rows of one query answering
      // another), so the embedded database gets a single connection and requests queue for it.
      max: embedded ? 1 : config.databasePoolMax,
      application_name: embedded ? EMBEDDED_APPLICATION_NAME : APPLICATION_NAME,
      // A stuck query becomes an error (and a 503) instead of a hung request.
      query_timeout: 15_000,
      connectionTimeoutMillis: 5_000,
    },
  };
}
