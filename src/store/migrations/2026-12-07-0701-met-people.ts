import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// "People you met": attendees of captured meetings who are not contacts, by address, offered in triage to be added
// (or dismissed). Never made contacts silently. status: 'waiting' | 'added' | 'dismissed'; a dismissed address is not
// offered again however many meetings it is in.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const pk = <T extends string>(t: CreateTableBuilder<T, never>) =>
    t.addColumn('id', 'integer', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()));
  await pk(db.schema.createTable('met_people'))
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('meetings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_met_at', 'text', (c) => c.notNull())
    .addColumn('last_met_at', 'text', (c) => c.notNull())
    .addColumn('last_meeting', 'text') // the summary of the latest meeting, to jog the memory
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('waiting'))
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('met_people_email').on('met_people').columns(['workspace_id', 'email']).unique().execute();
}
