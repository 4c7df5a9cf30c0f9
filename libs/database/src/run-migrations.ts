import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EMBEDDED_APPLICATION_NAME } from './database-options';

/** Any constant shared by every process that migrates this database. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so several processes starting
 * at once (replicas, a one-shot migrate job) apply each migration exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const logger = new Logger('Migrations');
  if (poolSize(dataSource) < 2) {
    // The lock is held on one connection while the migrations run on another. The embedded
    // database has one connection and one process by construction (its directory is locked).
    if (!isEmbedded(dataSource)) {
      logger.warn('DATABASE_POOL_MAX=1: migrating without the cross-process lock; run `cli migrate` alone first.');
    }
    return applyPending(dataSource, logger);
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await applyPending(dataSource, logger);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

async function applyPending(dataSource: DataSource, logger: Logger): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of applied) logger.log(`Applied ${migration.name}`);
  return applied.map((migration) => migration.name);
}

function connectionOptions(dataSource: DataSource): { max?: number; application_name?: string } {
  return (dataSource.options as { extra?: { max?: number; application_name?: string } }).extra ?? {};
}

function poolSize(dataSource: DataSource): number {
  return connectionOptions(dataSource).max ?? 10;
}

function isEmbedded(dataSource: DataSource): boolean {
  return connectionOptions(dataSource).application_name === EMBEDDED_APPLICATION_NAME;
}
