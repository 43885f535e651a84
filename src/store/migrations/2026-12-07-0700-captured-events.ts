import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// Meetings captured from a calendar (a CalDAV account, an .ics feed or file). captured_sources: one row per source,
// with the position of its last capture (the calendar's ctag, and the instant captured up to), so a capture of an
// unchanged calendar reads only what moved into the past since. captured_events: one row per event occurrence
// (UID + recurrence id, '' for a single event) and the interaction made from it, so a capture run twice makes no
// duplicate, an edited event updates its interaction (the hash of what was taken from it) and a cancelled or
// vanished one removes it. interaction_id is null while no contact was in it (matched 0), and when the user deleted
// the interaction (matched > 0): that one is not made again. attendees, summary, channel: so someone added later
// from "people you met" joins their past meetings at once.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const pk = <T extends string>(t: CreateTableBuilder<T, never>) =>
    t.addColumn('id', 'integer', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()));
  await pk(db.schema.createTable('captured_sources'))
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('source', 'text', (c) => c.notNull()) // 'account:<id>', a file's absolute path, or a URL
    .addColumn('ctag', 'text')
    .addColumn('captured_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('captured_sources_source').on('captured_sources').columns(['workspace_id', 'source']).unique().execute();
  await pk(db.schema.createTable('captured_events'))
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('captured_sources.id').onDelete('cascade'))
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('recurrence_id', 'text', (c) => c.notNull())
    .addColumn('interaction_id', 'integer', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('attendees', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of lower-case addresses
    .addColumn('matched', 'integer', (c) => c.notNull()) // contacts found in it when captured
    .execute();
  await db.schema.createIndex('captured_events_key').on('captured_events').columns(['source_id', 'uid', 'recurrence_id']).unique().execute();
  await db.schema.createIndex('captured_events_when').on('captured_events').columns(['source_id', 'occurred_at']).execute();
  await db.schema.createIndex('captured_events_interaction').on('captured_events').column('interaction_id').execute();
}
