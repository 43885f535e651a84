import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from '../tables.ts';

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

export function openSqlite(path: string): { db: Kysely<Database>; raw: SQLite.Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new SQLite(path);
  if (path !== ':memory:') raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // WAL with NORMAL sync is durable against application crashes (kill -9), which is what a laptop app needs.
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
  return { db, raw };
}
