import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// Which card on a CardDAV server is which contact, and the card as both sides last agreed on it (its etag, the
// vCard text, and a hash of what Rapport wrote for the contact): the base a later sync compares each side with, so
// it knows who changed what. Sync issues are what a sync could not decide alone: a field both sides changed, a
// card deleted on the server whose contact has history (archived instead). Neither goes into backups: they
// describe one server and one database.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const pk = <T extends string>(t: CreateTableBuilder<T, never>) =>
    t.addColumn('id', 'integer', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()));
  await pk(db.schema.createTable('carddav_cards'))
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('connected_accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('href', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('vcard', 'text', (c) => c.notNull()) // the card as last agreed
    .addColumn('local_hash', 'text', (c) => c.notNull()) // hash of Rapport's card for the contact then
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('carddav_cards_href').on('carddav_cards').columns(['account_id', 'href']).unique().execute();
  await db.schema.createIndex('carddav_cards_contact').on('carddav_cards').columns(['contact_id']).execute();

  await pk(db.schema.createTable('sync_issues'))
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('connected_accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'conflict' | 'deleted-on-server'
    .addColumn('item', 'text', (c) => c.notNull()) // the card's href
    .addColumn('detail', 'text', (c) => c.notNull()) // JSON: the fields both sides changed, with both values
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('sync_issues_account').on('sync_issues').columns(['account_id', 'item']).execute();
}
