import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

// Outreach: templates you wrote or edited, and the messages you sent from a draft.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  // The definition is the validated template as JSON: its shape belongs to the domain (templateSchema) and is
  // checked on every read, so a new template field needs no migration.
  await db.schema.createTable('message_templates')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_templates_pk', ['workspace_id', 'key'])
    .execute();

  // The words actually sent, beside the interaction that records the send. Both cascades keep erase (privacy)
  // and interaction.delete (undo) complete without knowing about this table.
  await db.schema.createTable('sent_messages')
    .addColumn('id', 'integer', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()))
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('interaction_id', 'integer', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('template', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sent_messages_contact').on('sent_messages').columns(['contact_id', 'sent_at']).execute();
  await db.schema.createIndex('sent_messages_interaction').on('sent_messages').columns(['interaction_id']).execute();
}
