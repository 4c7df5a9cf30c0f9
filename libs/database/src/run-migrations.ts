import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** Any constant shared by every process that migrates this database. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so several processes starting
 * at once (replicas, a one-shot migrate job) apply each migration exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const logger = new Logger('Migrations');
  if (poolSize(dataSource) <= 1) {
    // The embedded database: one process by construction (its data directory is locked), and
    // holding the lock's connection would leave none for the migrations themselves.
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

function poolSize(dataSource: DataSource): number {
  const extra = (dataSource.options as { extra?: { max?: number } }).extra;
  return extra?.max ?? 10;
}
