import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Connections the embedded server accepts: the app uses one, the rest serve tools (psql, tests). */
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
  let releaseLock = () => {};
  if (dataDir) {
    storage = join(dataDir, 'pglite');
    mkdirSync(storage, { recursive: true });
    releaseLock = acquireLock(join(dataDir, 'pglite.lock'));
  }
  try {
    const db = await PGlite.create({ dataDir: storage, extensions: { pg_trgm } });
    const port = await findFreePort();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: EMBEDDED_MAX_CONNECTIONS });
    await server.start();
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

export class EmbeddedDatabaseBusyError extends Error {
  constructor(lockFile: string, pid: number) {
    super(
      `The embedded database is in use by process ${pid} (${lockFile}). ` +
        'Stop that process (is `npm start` running?) or set DATABASE_URL to a PostgreSQL server.',
    );
    this.name = 'EmbeddedDatabaseBusyError';
  }
}

/**
 * PGlite files must never be opened by two processes at once (that corrupts them), so the
 * data directory is claimed with a pid file; a file left by a dead process is taken over.
 */
function acquireLock(lockFile: string): () => void {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(lockFile, 'utf8'));
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new EmbeddedDatabaseBusyError(lockFile, owner);
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
