import { CompiledQuery } from 'kysely';
import type { Store } from '../store.ts';
import type { Database } from '../tables.ts';

// Multi-row inserts written as text with placeholders. At tens of thousands of rows, building a Kysely query
// tree per value costs more than SQLite's own work; these statements come from column lists fixed in the
// calling repository (never from input), run through Kysely's executor in the caller's transaction, and
// every full chunk has the same text, so SQLite's prepared statement is reused.

// Far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const PARAMS_PER_STATEMENT = 9_000;

export async function insertRows<T extends object, R extends string = never>(
  store: Store, table: keyof Database & string, columns: readonly (keyof T & string)[], rows: readonly T[], returning: readonly R[] = [],
): Promise<Record<R | 'id', unknown>[]> {
  const all = ['workspace_id', ...columns];
  const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / all.length));
  // SQLite's placeholders are the same in every tuple; PostgreSQL's are numbered.
  const sqliteTuple = `(${all.map(() => '?').join(', ')})`;
  const tuple = store.dialect === 'sqlite' ? () => sqliteTuple : (first: number) => `(${all.map((_, i) => `$${first + i}`).join(', ')})`;
  const out: Record<R | 'id', unknown>[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const part = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = part.map((row) => {
      const first = params.length + 1;
      params.push(store.workspaceId);
      for (const c of columns) params.push(row[c]);
      return tuple(first);
    });
    const tail = returning.length > 0 ? ` returning id, ${returning.join(', ')}` : '';
    const text = `insert into ${table} (${all.join(', ')}) values ${tuples.join(', ')}${tail}`;
    const result = await store.db.executeQuery<Record<R | 'id', unknown>>(CompiledQuery.raw(text, params));
    out.push(...result.rows);
  }
  return out;
}

// Ids come back in insertion order on both dialects; a key column proves it rather than trusting it.
export async function insertReturningIds<T extends object, K extends keyof T & string>(
  store: Store, table: keyof Database & string, columns: readonly (keyof T & string)[], rows: readonly T[], key: K,
): Promise<number[]> {
  const back = await insertRows(store, table, columns, rows, [key]);
  if (back.length !== rows.length) throw new Error(`bulk insert into ${table} returned ${back.length} ids for ${rows.length} rows`);
  return back.map((b, i) => {
    if (b[key] !== rows[i]![key]) throw new Error(`bulk insert into ${table} returned ids out of order`);
    return Number(b.id);
  });
}
