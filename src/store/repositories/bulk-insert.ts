import { CompiledQuery } from 'kysely';
import type { Store } from '../store.ts';
import type { Database } from '../tables.ts';

// Multi-row inserts written as text with placeholders. At tens of thousands of rows, building a Kysely query
// tree per value costs more than SQLite's own work; these statements come from column lists fixed in the
// calling repository (never from input), run through Kysely's executor in the caller's transaction, and
// every full chunk has the same text, so SQLite's prepared statement is reused.

// Far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const PARAMS_PER_STATEMENT = 9_000;

interface Chunk { text: string; params: unknown[]; rows: number }

// The statements inserting these rows, chunk by chunk; `tail` ends each one (a RETURNING clause, or nothing).
function* chunks<T extends object>(store: Store, table: string, columns: readonly (keyof T & string)[], rows: readonly T[], tail: string): Generator<Chunk> {
  const all = ['workspace_id', ...columns];
  const width = all.length;
  const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / width));
  const head = `insert into ${table} (${all.join(', ')}) values `;
  // SQLite's placeholders are the same in every tuple; PostgreSQL's are numbered.
  const sqliteTuple = `(${all.map(() => '?').join(', ')})`;
  const tuples = (n: number): string => {
    if (store.dialect === 'sqlite') return new Array<string>(n).fill(sqliteTuple).join(', ');
    const out: string[] = [];
    for (let r = 0; r < n; r++) out.push(`(${all.map((_, i) => `$${r * width + i + 1}`).join(', ')})`);
    return out.join(', ');
  };
  const fullText = rows.length >= perStatement ? `${head}${tuples(perStatement)}${tail}` : '';
  for (let start = 0; start < rows.length; start += perStatement) {
    const end = Math.min(rows.length, start + perStatement);
    const params = new Array<unknown>((end - start) * width);
    let p = 0;
    for (let r = start; r < end; r++) {
      const row = rows[r]!;
      params[p++] = store.workspaceId;
      for (const c of columns) params[p++] = row[c];
    }
    yield { text: end - start === perStatement ? fullText : `${head}${tuples(end - start)}${tail}`, params, rows: end - start };
  }
}

export async function insertRows<T extends object, R extends string = never>(
  store: Store, table: keyof Database & string, columns: readonly (keyof T & string)[], rows: readonly T[], returning: readonly R[] = [],
): Promise<Record<R | 'id', unknown>[]> {
  const tail = returning.length > 0 ? ` returning id, ${returning.join(', ')}` : '';
  const out: Record<R | 'id', unknown>[] = [];
  for (const chunk of chunks(store, table, columns, rows, tail)) {
    const result = await store.db.executeQuery<Record<R | 'id', unknown>>(CompiledQuery.raw(chunk.text, chunk.params));
    for (const r of result.rows) out.push(r);
  }
  return out;
}

// Ids come back in insertion order on both dialects; a key column proves it rather than trusting it.
// On SQLite the ids are not read back at all: every table here is AUTOINCREMENT, so each row of a statement gets
// one more than the largest id the table ever had, in the order of its VALUES. A statement inserting n rows whose
// last id is n above the table's largest id before it therefore gave exactly the ids between (checked per statement:
// the write lock is held, no one else inserts). RETURNING would hand back 30,000 row objects to say the same.
export async function insertReturningIds<T extends object, K extends keyof T & string>(
  store: Store, table: keyof Database & string, columns: readonly (keyof T & string)[], rows: readonly T[], key: K,
): Promise<number[]> {
  if (store.dialect === 'sqlite' && store.inTransaction) return insertSqliteIds(store, table, columns, rows);
  const back = await insertRows(store, table, columns, rows, [key]);
  if (back.length !== rows.length) throw new Error(`bulk insert into ${table} returned ${back.length} ids for ${rows.length} rows`);
  return back.map((b, i) => {
    if (b[key] !== rows[i]![key]) throw new Error(`bulk insert into ${table} returned ids out of order`);
    return Number(b.id);
  });
}

async function insertSqliteIds<T extends object>(store: Store, table: keyof Database & string, columns: readonly (keyof T & string)[], rows: readonly T[]): Promise<number[]> {
  const ids = new Array<number>(rows.length);
  if (rows.length === 0) return ids;
  // The largest id the table ever gave (AUTOINCREMENT keeps it in sqlite_sequence, also after deletes).
  const top = await store.db.executeQuery<{ top: number }>(CompiledQuery.raw(
    `select max(coalesce((select seq from sqlite_sequence where name = ?), 0), coalesce((select max(id) from ${table}), 0)) as top`, [table]));
  let before = Number(top.rows[0]!.top);
  let at = 0;
  for (const chunk of chunks(store, table, columns, rows, '')) {
    const result = await store.db.executeQuery(CompiledQuery.raw(chunk.text, chunk.params));
    const last = Number(result.insertId);
    if (Number(result.numAffectedRows) !== chunk.rows || last - before !== chunk.rows) {
      throw new Error(`bulk insert into ${table}: ${String(result.numAffectedRows)} rows ending at id ${last} after id ${before}, expected ${chunk.rows} consecutive ids`);
    }
    for (let id = before + 1; id <= last; id++) ids[at++] = id;
    before = last;
  }
  return ids;
}
