import { CompiledQuery } from 'kysely';
import type { Store } from '../store.ts';
import type { Database } from '../tables.ts';

// Many rows of one table updated by id, each with its own values, in a few statements rather than one per row:
//   with v(id, a, b) as (values (?, ?, ?), …) update t set a = v.a, b = v.b from v where t.id = v.id and t.workspace_id = ?
// Rows setting the same columns share statements, so the count follows the kinds of change, not the number of rows.
// Column names come from the calling repository's fixed lists (never from input), as in bulk-insert.ts.

const PARAMS_PER_STATEMENT = 9_000;

// PostgreSQL types a VALUES list from its first row, and bare parameters there would all be text; the first row's
// parameters are cast to the table's own column types, read once per statement group from the catalogue.
async function postgresColumnTypes(store: Store, table: string): Promise<Map<string, string>> {
  const result = await store.db.executeQuery<{ name: string; type: string }>(CompiledQuery.raw(
    'select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped',
    [table],
  ));
  return new Map(result.rows.map((r) => [r.name, r.type]));
}

export async function updateRowsById<T extends { id: number }>(store: Store, table: keyof Database & string, rows: readonly T[]): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const columns = Object.keys(row).filter((k) => k !== 'id' && row[k as keyof T] !== undefined).sort();
    if (columns.length === 0) continue;
    const key = columns.join(',');
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(row);
  }
  if (groups.size === 0) return;
  const types = store.dialect === 'postgres' ? await postgresColumnTypes(store, table) : null;
  for (const [key, group] of groups) {
    const columns = key.split(',');
    const all = ['id', ...columns];
    const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / all.length));
    for (let start = 0; start < group.length; start += perStatement) {
      const part = group.slice(start, start + perStatement);
      const params: unknown[] = [];
      const tuples = part.map((row, r) => {
        const marks = all.map((column) => {
          params.push(row[column as keyof T]);
          if (!types) return '?';
          const type = types.get(column);
          if (type === undefined) throw new Error(`bulk update of ${table}: no column ${column}`);
          return r === 0 ? `$${params.length}::${type}` : `$${params.length}`;
        });
        return `(${marks.join(', ')})`;
      });
      params.push(store.workspaceId);
      const ws = types ? `$${params.length}` : '?';
      const text = `with v(${all.join(', ')}) as (values ${tuples.join(', ')}) update ${table} set ${columns.map((c) => `${c} = v.${c}`).join(', ')} from v where ${table}.id = v.id and ${table}.workspace_id = ${ws}`;
      await store.db.executeQuery(CompiledQuery.raw(text, params));
    }
  }
}
