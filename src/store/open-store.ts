import type { Kysely } from 'kysely';
import { describeLocation, isPostgresUrl, resolveDatabaseLocation } from './location.ts';
import { migrateToLatest } from './migrate.ts';
import { openSqlite } from './sqlite/open.ts';
import { sqliteSearchIndex } from './sqlite/search-index.ts';
import { makeStore, type Store } from './store.ts';

// Opens (creating if needed) the store at a location: a file path, ':memory:', or a postgres:// URL. Migrates on open.
export async function openStore(options: { location?: string | null; workspaceId?: number } = {}): Promise<Store> {
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
    } catch (e) {
      await db.destroy();
      throw e;
    }
    return makeStore({ db, dialect: 'postgres', workspaceId, search: postgresSearchIndex, location, close: async () => { await db.destroy(); void pool; } });
  }
  const { db, raw } = openSqlite(location);
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>, 'sqlite');
  } catch (e) {
    await db.destroy();
    throw e;
  }
  // Without statistics SQLite picks an index scan of every contact over 300 rowid lookups (a search hit list);
  // `optimize` gathers them where they are missing or stale, cheaply (SQLite's advice for every connection).
  raw.pragma('optimize = 0x10002');
  const close = async (): Promise<void> => {
    raw.pragma('optimize');
    await db.destroy();
  };
  return makeStore({ db, dialect: 'sqlite', workspaceId, search: sqliteSearchIndex, location, close });
}
