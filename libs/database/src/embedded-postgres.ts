import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** The most connections the embedded server accepts; the pool must stay below it. */
export const EMBEDDED_MAX_CONNECTIONS = 16;

export interface EmbeddedPostgres {
  /** A postgres:// URL for the ordinary `pg` driver. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), exposed on a loopback port through the wire
 * protocol, so the app talks to it with the same `pg` driver, migrations and SQL as to a real
 * server. `dataDir` undefined keeps everything in memory (tests).
 *
 * PGlite is a single backend: the socket server queues other connections while one holds a
 * transaction, so code inside a transaction must use that transaction's manager only.
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  let storage: string | undefined;
  if (dataDir) {
    storage = join(dataDir, 'pglite');
    mkdirSync(storage, { recursive: true });
  }
  const db = await PGlite.create({ dataDir: storage, extensions: { pg_trgm } });
  const port = await findFreePort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: EMBEDDED_MAX_CONNECTIONS });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
