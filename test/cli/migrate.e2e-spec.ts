import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrations } from '@app/database';
import { migrate } from '../../apps/cli/src/commands/migrate.command';
import { captureIo, openCliDatabase, type CliDatabase } from './cli-harness';

describe('cli migrate', () => {
  let cli: CliDatabase;

  beforeAll(async () => {
    cli = await openCliDatabase();
  });

  afterAll(async () => {
    await cli.close();
  });

  async function tables(): Promise<string[]> {
    const rows = (await cli.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )) as { table_name: string }[];
    return rows.map((row) => row.table_name);
  }

  it('does not migrate when the context opens, even though the config would migrate on start', async () => {
    expect(await tables()).toEqual([]);
  });

  it('applies every migration on an empty database and says which', async () => {
    const io = captureIo();
    const applied = await migrate(cli.dataSource, io);
    const names = migrations.map((migration) => new migration().name);
    expect(applied).toEqual(names);
    expect(io.out()).toBe(`${names.map((name) => `Applied migration ${name}\n`).join('')}Applied ${names.length} migration${names.length === 1 ? '' : 's'}.\n`);
    expect(await tables()).toEqual(['admins', 'login_codes', 'login_failures', 'refresh_tokens', 'schema_migrations', 'users']);
  });

  it('applies nothing the second time and says the schema is up to date', async () => {
    const io = captureIo();
    expect(await migrate(cli.dataSource, io)).toEqual([]);
    expect(io.out()).toBe('No pending migrations; the schema is up to date.\n');
    const [{ count }] = (await cli.dataSource.query(`SELECT count(*)::int AS count FROM schema_migrations`)) as [{ count: number }];
    expect(count).toBe(migrations.length);
  });
});
