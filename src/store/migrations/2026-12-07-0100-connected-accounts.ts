import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// Servers Rapport syncs with (an address book over CardDAV, a calendar over CalDAV or an .ics feed): one row per
// account, its sync position (token, ctag) and its last result, so `rapport serve` and `rapport sync` resume where
// the last run stopped. A credential is stored only when the user consents; otherwise it names an environment variable.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const pk = <T extends string>(t: CreateTableBuilder<T, never>) =>
    t.addColumn('id', 'integer', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()));
  await pk(db.schema.createTable('connected_accounts'))
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'carddav' | 'caldav' | 'ics'
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('secret', 'text') // stored only with consent; never exported
    .addColumn('secret_env', 'text') // or the name of an environment variable holding it
    .addColumn('collection_url', 'text') // the chosen address book or calendar
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}')) // JSON: which contacts sync, attendee limit...
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sync_token', 'text')
    .addColumn('ctag', 'text')
    .addColumn('last_sync_at', 'text')
    .addColumn('last_result', 'text') // JSON summary of the last run
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('connected_accounts_name').on('connected_accounts').columns(['workspace_id', 'name']).unique().execute();
}
