import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@app/database';

/** Where the suite's server lives; overridable, e.g. TEST_POSTGRES_URL=postgres://postgres@db:5432/postgres. */
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** A URL for the `pg` driver, to a database that exists only for this test file. */
  url: string;
  /** 'postgres' for a real server, 'embedded' for PGlite. */
  kind: 'postgres' | 'embedded';
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a new database on the real PostgreSQL server
 * when one answers (or TEST_DATABASE=postgres demands it), otherwise an in-memory PGlite, so the
 * suite also passes on a machine with nothing installed. TEST_DATABASE=embedded forces PGlite.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const wanted = process.env.TEST_DATABASE;
  if (wanted !== 'embedded') {
    const created = await createOnServer().catch((error: Error) => {
      if (wanted === 'postgres') throw error;
      return null;
    });
    if (created) return created;
  }
  const embedded = await startEmbeddedPostgres();
  return { url: embedded.url, kind: 'embedded', drop: () => embedded.stop() };
}

async function createOnServer(): Promise<TestDatabase> {
  const name = `referral_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgres',
    drop: async () => {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
