import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { RapportError } from '../../domain/errors.ts';
import type { Database } from '../tables.ts';
import { BUSY_TIMEOUT_MS } from './write-transaction.ts';

// Kysely prepares every query anew, and preparing costs as much as running a small query. The same texts
// recur all the time (every `today`, every full chunk of a bulk insert), so statements are kept by text.
// Safe on one connection: Kysely runs one query at a time on it, and SQLite re-prepares after a schema change.
const STATEMENT_CACHE_SIZE = 256;

function cachingStatements(raw: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => raw.close(),
    prepare: (sql) => {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = raw.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

// Checks the path before SQLite sees it, so a mistake is named with its path rather than "unable to open
// database file". Only the default data directory is created: a mistyped --db must not leave folders behind.
// A file this process may not change (or whose folder it may not add the -wal file to) is opened read-only.
function prepareFile(path: string, createDirectory: boolean): { readonly: boolean } {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new RapportError('invalid', `${path} is a folder, not a database file (name a file in it, e.g. ${join(path, 'rapport.db')})`);
  const dir = dirname(path);
  if (!existsSync(dir)) {
    if (!createDirectory) throw new RapportError('invalid', `cannot create ${path}: the folder ${dir} does not exist (check the path, or create the folder first)`);
    mkdirSync(dir, { recursive: true });
  }
  return { readonly: stat !== undefined && !(writable(path) && writable(dir)) };
}

export interface OpenedSqlite {
  db: Kysely<Database>;
  raw: SQLite.Database;
}

export function openSqlite(path: string, options: { createDirectory?: boolean } = {}): OpenedSqlite {
  const memory = path === ':memory:';
  const { readonly } = memory ? { readonly: false } : prepareFile(path, options.createDirectory ?? false);
  let raw: SQLite.Database;
  try {
    raw = new SQLite(path, { readonly });
    // The journal mode is stored in the file: a read-only file keeps the one it was written with.
    if (!memory && !readonly) raw.pragma('journal_mode = WAL');
    else if (readonly) raw.pragma('schema_version');
  } catch (e) {
    const why = (e as { code?: unknown }).code === 'SQLITE_READONLY_DIRECTORY' ? `its folder is read-only and SQLite needs to add ${path}-shm beside it` : e instanceof Error ? e.message : String(e);
    throw new RapportError('forbidden', `cannot open ${path}: ${why}`, { cause: e });
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL with NORMAL sync is durable against application crashes (kill -9), which is what a laptop app needs.
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
  return { db, raw };
}
