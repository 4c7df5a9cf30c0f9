import { runMigrations } from '@app/database';
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { CliCommand, CliIo } from '../cli-command';

/**
 * Applies pending migrations (under the advisory lock `runMigrations` takes, so it is safe next
 * to a starting API) and reports each on `out`. Returns the names applied, oldest first.
 */
export async function applyPendingMigrations(dataSource: DataSource, out: Writable): Promise<string[]> {
  const applied = await runMigrations(dataSource);
  for (const name of applied) out.write(`Applied migration ${name}\n`);
  return applied;
}

/** `migrate`: the one-shot job of a deployment where the API does not migrate on start. */
export async function migrate(dataSource: DataSource, io: Pick<CliIo, 'stdout'>): Promise<string[]> {
  const applied = await applyPendingMigrations(dataSource, io.stdout);
  io.stdout.write(
    applied.length === 0
      ? 'No pending migrations; the schema is up to date.\n'
      : `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}.\n`,
  );
  return applied;
}

export const migrateCommand: CliCommand<Record<string, never>> = {
  name: 'migrate',
  summary: 'Apply pending database migrations and exit.',
  usage: '',
  description: [
    'Applies every pending migration, in order, and prints what it applied. Safe to run again',
    '(it then applies nothing) and next to running API processes (an advisory lock serialises it).',
  ],
  options: {},
  // Takes no options: the parser already refuses any.
  toOptions: () => ({}),
  async run(_options, context) {
    await migrate(await context.database(), context.io);
  },
};
