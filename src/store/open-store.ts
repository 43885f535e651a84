import type SQLiteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { RapportError } from '../domain/errors.ts';
import { defaultDatabaseLocation, describeLocation, isPostgresUrl, resolveDatabaseLocation } from './location.ts';
import { ensureJournalTriggers, journalTriggersSource } from './journal/triggers.ts';
import { migrateToLatest } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openSqlite } from './sqlite/open.ts';
import { sqliteSearchIndex } from './sqlite/search-index.ts';
import { isSqliteBusy, sqliteWriteTransaction } from './sqlite/write-transaction.ts';
import { makeStore, type Store } from './store.ts';

// Opens (creating if needed) the store at a location: a file path, ':memory:', or a postgres:// URL. Migrates on open.
// writeWaitMs: how long a SQLite writer waits for another process's write transaction (tests make it short).
export async function openStore(options: { location?: string | null; workspaceId?: number; writeWaitMs?: number } = {}): Promise<Store> {
  const location = resolveDatabaseLocation(options.location);
  const workspaceId = options.workspaceId ?? 1;
  if (isPostgresUrl(location)) {
    // The PostgreSQL driver loads only for a postgres:// location, so a SQLite command starts without it.
    const [{ openPostgres }, { postgresSearchIndex }] = await Promise.all([import('./postgres/open.ts'), import('./postgres/search-index.ts')]);
    const { db, pool, schema } = await openPostgres(location).catch((e: unknown) => {
      throw new Error(`cannot open PostgreSQL at ${describeLocation(location)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    });
    try {
      await migrateToLatest(db as unknown as Kysely<unknown>, 'postgres', schema);
      await ensureJournalTriggers(db as unknown as Kysely<unknown>, 'postgres');
    } catch (e) {
      await db.destroy();
      throw e;
    }
    return makeStore({ db, dialect: 'postgres', workspaceId, search: postgresSearchIndex, location, close: async () => { await db.destroy(); void pool; } });
  }
  const { db, raw } = openSqlite(location, { createDirectory: location === defaultDatabaseLocation() });
  try {
    // A file last brought up to date by this very build says so in user_version: the migrations' bookkeeping and
    // the ~80 catalogue reads that reconcile the journal triggers are skipped, so `rapport today` opens and answers.
    const stamp = sqliteSchemaStamp();
    if (raw.pragma('user_version', { simple: true }) !== stamp) {
      await migrateToLatest(db as unknown as Kysely<unknown>, 'sqlite');
      await ensureJournalTriggers(db as unknown as Kysely<unknown>, 'sqlite');
      // Without statistics SQLite picks an index scan of every contact over 300 rowid lookups (a search hit list);
      // `optimize = 0x10002` looks at every table and gathers them where they are missing or stale. A file this
      // build already checked had that pass, and every connection's closing `optimize` keeps the tables it used
      // current, so the pass (a read of every table's size) is not repeated on each open.
      optimize(raw, '0x10002');
      if (!raw.readonly) raw.pragma(`user_version = ${stamp}`);
    }
  } catch (e) {
    await db.destroy();
    if (raw.readonly) throw new RapportError('forbidden', `cannot upgrade ${location} to this version of Rapport: the file is read-only (open it once with write access)`, { cause: e });
    throw e;
  }
  const close = async (): Promise<void> => {
    optimize(raw);
    await db.destroy();
  };
  return makeStore({ db, dialect: 'sqlite', workspaceId, search: sqliteSearchIndex, location, close, writeTransaction: sqliteWriteTransaction(db, raw, location, options.writeWaitMs) });
}

// What a SQLite file is brought up to on open, as one number for PRAGMA user_version (a 31-bit FNV-1a hash): the
// migrations by name and the code that writes the journal triggers. Any new migration or change to that code gives
// another number, so the next open runs the full check again; Rapport uses user_version for nothing else.
let stampCache: number | null = null;
export function sqliteSchemaStamp(): number {
  if (stampCache !== null) return stampCache;
  let hash = 0x811c9dc5;
  for (const ch of `${Object.keys(MIGRATIONS).join('\n')}\n${journalTriggersSource()}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  stampCache = (hash & 0x7fffffff) || 1;
  return stampCache;
}

// Statistics are an optimisation: a read-only file goes without, and while another process holds the write lock
// (an import) they wait for another time rather than make a read wait or fail.
function optimize(raw: SQLiteDatabase.Database, mask?: string): void {
  if (raw.readonly) return;
  const timeout = raw.pragma('busy_timeout', { simple: true }) as number;
  raw.pragma('busy_timeout = 0');
  try {
    raw.pragma(mask ? `optimize = ${mask}` : 'optimize');
  } catch (e) {
    if (!isSqliteBusy(e)) throw e;
  } finally {
    raw.pragma(`busy_timeout = ${timeout}`);
  }
}
