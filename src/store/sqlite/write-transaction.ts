import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { RapportError } from '../../domain/errors.ts';
import type { Database } from '../tables.ts';

// How long a writer waits for another process's write transaction before giving up. A CLI import of 30,000
// rows holds the lock for a few seconds (longer on a loaded machine): the server and `rapport log` wait for it.
export const WRITE_WAIT_MS = 30_000;
// SQLite's own (synchronous) wait for a lock. It blocks the event loop, so the wait for the write lock is done
// here instead, asynchronously; the connection's busy timeout still covers the rare lock a reader needs.
export const BUSY_TIMEOUT_MS = 5_000;
const MAX_POLL_MS = 50;

const BUSY = Symbol('busy');

export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const isSqliteReadOnly = (error: unknown): boolean => String((error as { code?: unknown } | null)?.code).startsWith('SQLITE_READONLY');

export const readOnlyError = (location: string, cause?: unknown): RapportError =>
  new RapportError('forbidden', `cannot write to ${location}: it is read-only (for this user, or its folder is); nothing was changed`, { cause });

export function busyError(location: string, waitedMs: number, cause?: unknown): RapportError {
  return new RapportError('busy', `the database is busy: another process (an import?) has been writing to ${location} for over ${Math.round(waitedMs / 1000)} s; try again`, { cause });
}

// Write transactions begin IMMEDIATE: the write lock is taken before the first read, so a transaction never
// reads a snapshot another process then changes (a plain BEGIN that reads and then writes fails at once with
// SQLITE_BUSY_SNAPSHOT, and no busy timeout helps). Kysely's SQLite driver only knows a plain BEGIN, so the
// transaction is run here on its single connection. While another process writes, the lock is asked for again
// with a growing pause, up to WRITE_WAIT_MS, leaving this process's event loop (and its readers) free meanwhile.
export function sqliteWriteTransaction(db: Kysely<Database>, raw: SQLite.Database, location: string, waitMs = WRITE_WAIT_MS) {
  return async <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> => {
    if (raw.readonly) throw readOnlyError(location);
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const outcome = await db.connection().execute(async (conn): Promise<typeof BUSY | { value: T }> => {
        raw.pragma('busy_timeout = 0');
        try {
          await sql`begin immediate`.execute(conn);
        } catch (e) {
          if (isSqliteBusy(e)) return BUSY;
          throw isSqliteReadOnly(e) ? readOnlyError(location, e) : e;
        } finally {
          raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        }
        try {
          const value = await fn(conn);
          await sql`commit`.execute(conn);
          return { value };
        } catch (e) {
          if (raw.inTransaction) await sql`rollback`.execute(conn);
          throw isSqliteReadOnly(e) ? readOnlyError(location, e) : e;
        }
      });
      if (outcome !== BUSY) return outcome.value;
      const waited = Date.now() - started;
      if (waited >= waitMs) throw busyError(location, waited);
      await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_POLL_MS, 2 ** attempt, waitMs - waited)));
    }
  };
}
