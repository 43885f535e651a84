import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// What the journal needs to know of a table: its columns, its key, and the tables it points at.
export interface TableShape {
  name: string;
  columns: string[];
  key: string[];
  parents: string[];
}

// Tables that are not the user's data: bookkeeping (what the digest sent), the journal itself, the search index
// (rebuilt from the tables) and the bridge-ranking cache (recomputed when the links change).
export function isJournalled(table: string): boolean {
  return !/^(sqlite_|rapport_migrations|undo_|contact_search|bridge_rankings|digest_sends)/.test(table) && table !== 'workspaces';
}

export async function tableShapes(db: Kysely<unknown>, dialect: DialectName): Promise<Map<string, TableShape>> {
  return dialect === 'sqlite' ? sqliteShapes(db) : postgresShapes(db);
}

async function sqliteShapes(db: Kysely<unknown>): Promise<Map<string, TableShape>> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
  const out = new Map<string, TableShape>();
  for (const { name } of tables.rows) {
    if (!isJournalled(name)) continue;
    const cols = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name})`.execute(db);
    const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
    out.set(name, {
      name,
      columns: cols.rows.map((c) => c.name),
      key: cols.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      parents: [...new Set(fks.rows.map((f) => f.table))],
    });
  }
  return out;
}

// For the schema stamp (triggers.ts): how SQLite tables are read into shapes, as text.
export const sqliteShapesSource = (): string => `${String(sqliteShapes)}\n${String(isJournalled)}`;

async function postgresShapes(db: Kysely<unknown>): Promise<Map<string, TableShape>> {
  const cols = await sql<{ table: string; column: string }>`
    select c.table_name as "table", c.column_name as "column" from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() order by c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ table: string; column: string }>`
    select cl.relname as "table", a.attname as "column" from pg_index i
    join pg_class cl on cl.oid = i.indrelid join pg_namespace n on n.oid = cl.relnamespace
    join lateral unnest(i.indkey) with ordinality as k(attnum, pos) on true
    join pg_attribute a on a.attrelid = cl.oid and a.attnum = k.attnum
    where i.indisprimary and n.nspname = current_schema() order by cl.relname, k.pos`.execute(db);
  const fks = await sql<{ table: string; parent: string }>`
    select cl.relname as "table", p.relname as parent from pg_constraint co
    join pg_class cl on cl.oid = co.conrelid join pg_class p on p.oid = co.confrelid join pg_namespace n on n.oid = cl.relnamespace
    where co.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const out = new Map<string, TableShape>();
  for (const r of cols.rows) {
    if (!isJournalled(r.table)) continue;
    const shape = out.get(r.table) ?? out.set(r.table, { name: r.table, columns: [], key: [], parents: [] }).get(r.table)!;
    shape.columns.push(r.column);
  }
  for (const r of keys.rows) out.get(r.table)?.key.push(r.column);
  for (const r of fks.rows) {
    const shape = out.get(r.table);
    if (shape && !shape.parents.includes(r.parent)) shape.parents.push(r.parent);
  }
  return out;
}

// Parents before children, so rows put back satisfy their foreign keys; a table pointing at itself is ignored.
export function parentsFirst(shapes: Map<string, TableShape>): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const p of shapes.get(name)?.parents ?? []) if (p !== name) visit(p);
    if (shapes.has(name)) order.push(name);
  };
  for (const name of [...shapes.keys()].sort()) visit(name);
  return order;
}
