import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// Every table carries workspace_id (one default workspace for now) so team mode adds users, not a rewrite.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const pk = <T extends string>(t: CreateTableBuilder<T, never>) =>
    t.addColumn('id', 'integer', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()));
  const ws = <T extends string>(t: CreateTableBuilder<T, never>) =>
    t.addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'));

  await pk(db.schema.createTable('workspaces'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('workspaces' as never).values({ id: 1, name: 'default', created_at: new Date().toISOString() } as never).execute();

  await ws(db.schema.createTable('settings'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['workspace_id', 'key'])
    .execute();

  await ws(db.schema.createTable('connection_types'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('default_network', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('connection_types_pk', ['workspace_id', 'key'])
    .execute();

  await ws(pk(db.schema.createTable('organisations')))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('website', 'text')
    .addColumn('is_mine', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organisations_name_key').unique().on('organisations').columns(['workspace_id', 'name_key']).execute();

  await ws(pk(db.schema.createTable('contacts')))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text')
    .addColumn('family_name', 'text')
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('title', 'text')
    .addColumn('location', 'text')
    .addColumn('birthday', 'text')
    .addColumn('met_how', 'text')
    .addColumn('met_where', 'text')
    .addColumn('notes', 'text')
    .addColumn('networks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('connection_type', 'text')
    .addColumn('inside_organisation', 'integer')
    // 1 when the user said inside/outside; 0 when it is derived from the organisation's is_mine (and follows it).
    .addColumn('inside_explicit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('industry', 'text')
    .addColumn('cadence_days', 'integer')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('photo', 'text')
    .addColumn('last_interaction_at', 'text')
    .addColumn('next_due_on', 'text', (c) => c.notNull())
    .addColumn('snoozed_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_due').on('contacts').columns(['workspace_id', 'archived', 'next_due_on']).execute();
  await db.schema.createIndex('contacts_name_key').on('contacts').columns(['workspace_id', 'name_key']).execute();
  await db.schema.createIndex('contacts_organisation').on('contacts').columns(['organisation_id']).execute();

  const contactChild = (name: string) =>
    ws(pk(db.schema.createTable(name)))
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('label', 'text')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0));
  await contactChild('contact_emails').addColumn('address', 'text', (c) => c.notNull()).execute();
  await db.schema.createIndex('contact_emails_address').on('contact_emails').columns(['workspace_id', 'address']).execute();
  await db.schema.createIndex('contact_emails_contact').on('contact_emails').columns(['contact_id']).execute();
  await contactChild('contact_phones').addColumn('number', 'text', (c) => c.notNull()).addColumn('number_key', 'text', (c) => c.notNull()).execute();
  await db.schema.createIndex('contact_phones_key').on('contact_phones').columns(['workspace_id', 'number_key']).execute();
  await db.schema.createIndex('contact_phones_contact').on('contact_phones').columns(['contact_id']).execute();
  await contactChild('contact_web_links').addColumn('url', 'text', (c) => c.notNull()).addColumn('url_key', 'text', (c) => c.notNull()).execute();
  await db.schema.createIndex('contact_web_links_key').on('contact_web_links').columns(['workspace_id', 'url_key']).execute();
  await db.schema.createIndex('contact_web_links_contact').on('contact_web_links').columns(['contact_id']).execute();

  await ws(db.schema.createTable('contact_tags'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_tags_pk', ['contact_id', 'tag'])
    .execute();
  await db.schema.createIndex('contact_tags_tag').on('contact_tags').columns(['workspace_id', 'tag']).execute();

  await ws(pk(db.schema.createTable('interactions')))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('value_flow', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('value_note', 'text')
    .addColumn('gratitude', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interactions_when').on('interactions').columns(['workspace_id', 'occurred_at']).execute();

  await ws(db.schema.createTable('interaction_participants'))
    .addColumn('interaction_id', 'integer', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('interaction_participants_pk', ['interaction_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('interaction_participants_contact').on('interaction_participants').columns(['contact_id', 'interaction_id']).execute();

  await ws(pk(db.schema.createTable('communities')))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('i_am_member', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await ws(db.schema.createTable('community_members'))
    .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('role', 'text')
    .addPrimaryKeyConstraint('community_members_pk', ['community_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('community_members_contact').on('community_members').columns(['contact_id']).execute();

  await ws(pk(db.schema.createTable('events')))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('community_id', 'integer', (c) => c.references('communities.id').onDelete('set null'))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await ws(db.schema.createTable('event_attendees'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('met_there', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('event_attendees_pk', ['event_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('event_attendees_contact').on('event_attendees').columns(['contact_id']).execute();

  await ws(pk(db.schema.createTable('follow_ups')))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('event_id', 'integer', (c) => c.references('events.id').onDelete('set null'))
    .addColumn('done_at', 'text')
    .addColumn('snoozed_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_open').on('follow_ups').columns(['workspace_id', 'done_at', 'due_on']).execute();
  await db.schema.createIndex('follow_ups_contact').on('follow_ups').columns(['contact_id']).execute();

  await ws(db.schema.createTable('links'))
    .addColumn('a_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('b_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('strength', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('links_pk', ['a_id', 'b_id'])
    .addCheckConstraint('links_ordered', sql`a_id < b_id`)
    .execute();
  await db.schema.createIndex('links_b').on('links').columns(['b_id']).execute();

  await ws(pk(db.schema.createTable('goals')))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('target_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await ws(db.schema.createTable('goal_contacts'))
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('goal_contacts_pk', ['goal_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('goal_contacts_contact').on('goal_contacts').columns(['contact_id']).execute();
  await ws(db.schema.createTable('goal_organisations'))
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('goal_organisations_pk', ['goal_id', 'organisation_id'])
    .execute();

  await ws(pk(db.schema.createTable('actions')))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_at', 'text')
    .addColumn('goal_id', 'integer', (c) => c.references('goals.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actions_open').on('actions').columns(['workspace_id', 'done_at', 'due_on']).execute();
  await db.schema.createIndex('actions_contact').on('actions').columns(['contact_id']).execute();

  // Full-text search over names, organisations, notes, tags and interaction summaries, one row per contact.
  if (dialect === 'sqlite') {
    await sql`create virtual table contact_search using fts5(name, organisation, notes, interactions, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  } else {
    await sql`create table contact_search (contact_id integer primary key references contacts(id) on delete cascade, workspace_id integer not null, document tsvector not null)`.execute(db);
    await sql`create index contact_search_document on contact_search using gin (document)`.execute(db);
  }
}
