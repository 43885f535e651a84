import type { Kysely } from 'kysely';

// The contact list pages through active contacts in name order; with archived in the key, counting them and
// skipping to a deep page read the index alone instead of one table row per skipped contact.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('contacts_list_by_name').on('contacts').columns(['workspace_id', 'archived', 'name_key', 'id']).execute();
}
