import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { sqliteShapesSource, tableShapes } from './shapes.ts';

// Every journalled table gets triggers that copy each changed row into undo_rows while an entry is open. They are
// reconciled on every open rather than written once in a migration: a column or table added later is then
// journalled without anyone remembering to. An unchanged schema costs one read of the catalogue.
export async function ensureJournalTriggers(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') await sqliteTriggers(db);
  else await postgresTriggers(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const shapes = await tableShapes(db, 'sqlite');
  const existing = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' and name like 'rapport_journal_%'`.execute(db);
  const have = new Map(existing.rows.map((r) => [r.name, r.sql]));
  const wanted = new Map<string, string>();
  for (const shape of shapes.values()) {
    const image = (row: 'NEW' | 'OLD') => `json_object(${shape.columns.map((c) => `'${c}', ${row}."${c}"`).join(', ')})`;
    const changed = shape.columns.map((c) => `OLD."${c}" IS NOT NEW."${c}"`).join(' OR ');
    const insert = (before: string, after: string) =>
      `INSERT INTO undo_rows (workspace_id, entry_id, tbl, before, after) SELECT workspace_id, entry_id, '${shape.name}', ${before}, ${after} FROM undo_current;`;
    const t = `rapport_journal_${shape.name}`;
    wanted.set(`${t}_insert`, `CREATE TRIGGER ${t}_insert AFTER INSERT ON "${shape.name}" BEGIN ${insert('NULL', image('NEW'))} END`);
    wanted.set(`${t}_update`, `CREATE TRIGGER ${t}_update AFTER UPDATE ON "${shape.name}" WHEN ${changed} BEGIN ${insert(image('OLD'), image('NEW'))} END`);
    wanted.set(`${t}_delete`, `CREATE TRIGGER ${t}_delete AFTER DELETE ON "${shape.name}" BEGIN ${insert(image('OLD'), 'NULL')} END`);
  }
  const stale = [...have].filter(([name, text]) => wanted.get(name) !== text).map(([name]) => name);
  const missing = [...wanted].filter(([name, text]) => have.get(name) !== text);
  if (stale.length === 0 && missing.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const name of stale) await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(trx);
    for (const [, text] of missing) await sql.raw(text).execute(trx);
  });
}

// The code that decides which SQLite triggers exist and what they say, as text: part of the stamp with which
// open-store.ts recognises a file this build has already reconciled (a change here makes every file check again).
export function journalTriggersSource(): string {
  return [sqliteTriggers, tableShapes, sqliteShapesSource()].map(String).join('\n');
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  const shapes = await tableShapes(db, 'postgres');
  const existing = await sql<{ table: string }>`
    select c.relname as "table" from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where t.tgname = 'rapport_journal_write' and n.nspname = current_schema()`.execute(db);
  const have = new Set(existing.rows.map((r) => r.table));
  const missing = [...shapes.keys()].filter((t) => !have.has(t));
  if (missing.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const table of missing) {
      await sql.raw(`create trigger rapport_journal_write after insert or delete on "${table}" for each row execute function rapport_journal()`).execute(trx);
      await sql.raw(`create trigger rapport_journal_change after update on "${table}" for each row when (old.* is distinct from new.*) execute function rapport_journal()`).execute(trx);
    }
  });
}
