import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// The undo journal: one entry per write operation, and the before/after image of every row it changed, written by
// triggers in the same transaction as the write (installed by ensureJournalTriggers on open, so a table or column
// added by a later migration is journalled too). Images are JSON: text on SQLite, jsonb on PostgreSQL.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const id = <C extends { primaryKey(): { autoIncrement(): unknown; generatedByDefaultAsIdentity(): unknown } }>(c: C) =>
    (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()) as never;
  const image = dialect === 'sqlite' ? 'text' : 'jsonb';
  await db.schema.createTable('undo_entries')
    .addColumn('id', 'integer', id)
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('undone_at', 'text')
    // Set on the entry of an undo: the entry it undid (undoing it again is a redo).
    .addColumn('undoes', 'integer')
    .execute();
  await db.schema.createIndex('undo_entries_recent').on('undo_entries').columns(['workspace_id', 'id']).execute();
  await db.schema.createTable('undo_rows')
    .addColumn('id', 'integer', id)
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('undo_entries.id').onDelete('cascade'))
    .addColumn('tbl', 'text', (c) => c.notNull())
    .addColumn('before', sql.raw(image))
    .addColumn('after', sql.raw(image))
    .execute();
  await db.schema.createIndex('undo_rows_entry').on('undo_rows').columns(['entry_id', 'id']).execute();

  if (dialect === 'sqlite') {
    // The entry being written: one row while an operation runs, none otherwise. Triggers read it (SQLite has no
    // session variables); it is filled and emptied inside the operation's transaction.
    await db.schema.createTable('undo_current')
      .addColumn('entry_id', 'integer', (c) => c.notNull())
      .addColumn('workspace_id', 'integer', (c) => c.notNull())
      .execute();
    return;
  }
  // One trigger function for every table: the entry comes from a transaction-local setting, the images from to_jsonb.
  await sql`
    create or replace function rapport_journal() returns trigger language plpgsql as $fn$
    declare
      entry text := current_setting('rapport.undo_entry', true);
    begin
      if entry is null or entry = '' then return null; end if;
      if TG_OP = 'INSERT' then
        insert into undo_rows (workspace_id, entry_id, tbl, before, after)
          values (current_setting('rapport.undo_workspace')::integer, entry::integer, TG_TABLE_NAME, null, to_jsonb(NEW));
      elsif TG_OP = 'UPDATE' then
        insert into undo_rows (workspace_id, entry_id, tbl, before, after)
          values (current_setting('rapport.undo_workspace')::integer, entry::integer, TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW));
      else
        insert into undo_rows (workspace_id, entry_id, tbl, before, after)
          values (current_setting('rapport.undo_workspace')::integer, entry::integer, TG_TABLE_NAME, to_jsonb(OLD), null);
      end if;
      return null;
    end
    $fn$`.execute(db);
}
