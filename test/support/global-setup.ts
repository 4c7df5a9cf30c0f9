import { Client } from 'pg';

/** Says once, at the top of the run, which database the end-to-end suites will use. */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (process.env.TEST_DATABASE === 'embedded') {
    console.log('\ne2e: using the embedded database (TEST_DATABASE=embedded)');
    return;
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    console.log(`\ne2e: using PostgreSQL ${rows[0]?.server_version} at ${new URL(url).host} (one fresh database per test file)`);
  } catch {
    if (process.env.TEST_DATABASE === 'postgres') throw new Error(`TEST_DATABASE=postgres but ${url} does not answer`);
    console.log('\ne2e: PostgreSQL is not reachable; using the embedded database (PGlite)');
  } finally {
    await client.end().catch(() => undefined);
  }
}
