import type { Kysely } from 'kysely';

// Rows the demo made carry demo = 1, so "remove demo data" takes out exactly those and nothing the user added.
// Only tables with rows of their own are marked; rows that hang off a contact (emails, tags, participants,
// attendees, memberships) go with it.
export const DEMO_TABLES = ['organisations', 'contacts', 'interactions', 'events', 'communities', 'goals', 'actions', 'follow_ups', 'links'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of DEMO_TABLES) {
    await db.schema.alterTable(table).addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
}
