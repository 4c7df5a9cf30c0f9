import type { PoolClient, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The pool's 15 s `query_timeout` turns a stuck API query into a quick 503, but a bulk
 * statement over a million rows may legitimately take longer (especially on the embedded
 * database), so the seed's statements carry their own, generous limit.
 */
const BULK_QUERY_TIMEOUT_MS = 10 * 60 * 1000;

export interface SqlSession {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number }>;
}

/**
 * Runs `work` in one transaction on one pooled connection: the whole seed lands, or none of it
 * does (a half-written seed would leave referrals counts that promise rows never inserted).
 * Parameters always travel separately from the SQL text.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (sql: SqlSession) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const sql: SqlSession = {
    async query<R extends QueryResultRow>(text: string, values?: unknown[]) {
      const result = await client.query<R>({ text, values, query_timeout: BULK_QUERY_TIMEOUT_MS } as { text: string });
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
  };
  try {
    await sql.query('BEGIN');
    const result = await work(sql);
    await sql.query('COMMIT');
    return result;
  } catch (error) {
    await sql.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
