import type { Kysely } from 'kysely';
import type { DialectName } from './dialect.ts';
import type { SearchDocument } from './search-text.ts';
import type { Database } from './tables.ts';

// The one seam every layer above persists through: shared Kysely queries plus the few dialect-specific parts.
export interface SearchIndex {
  // Rebuilds the search rows of these contacts from the tables (call inside the same transaction as the write).
  reindex(db: Kysely<Database>, workspaceId: number, contactIds: readonly number[]): Promise<void>;
  // Adds rows for contacts that have none yet (just created), from documents the caller built with searchDocument.
  add(db: Kysely<Database>, workspaceId: number, documents: readonly SearchDocument[]): Promise<void>;
  remove(db: Kysely<Database>, workspaceId: number, contactIds: readonly number[]): Promise<void>;
  // Contact ids matching every word (prefix match), best first.
  search(db: Kysely<Database>, workspaceId: number, query: string, limit: number): Promise<number[]>;
}

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly workspaceId: number;
  readonly search: SearchIndex;
  readonly location: string;
  readonly inTransaction: boolean;
  // Runs fn in one write transaction (on SQLite it holds the write lock from the start); nested calls join the outer one.
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function makeStore(parts: {
  db: Kysely<Database>;
  dialect: DialectName;
  workspaceId: number;
  search: SearchIndex;
  location: string;
  close: () => Promise<void>;
  // How the dialect runs a write transaction, when Kysely's own (a plain BEGIN) is not the right one.
  writeTransaction?: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
}): Store {
  const { writeTransaction = (fn) => parts.db.transaction().execute(fn), ...rest } = parts;
  const store: Store = {
    ...rest,
    inTransaction: false,
    transaction: (fn) =>
      writeTransaction((trx) => {
        const tx: Store = { ...store, db: trx, inTransaction: true, transaction: (inner) => inner(tx) };
        return fn(tx);
      }),
  };
  return store;
}
