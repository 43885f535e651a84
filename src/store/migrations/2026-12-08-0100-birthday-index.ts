import { sql, type Kysely } from 'kysely';

// Today and the digest look for the birthdays coming up among active contacts. Without an index SQLite walked the
// name index and fetched every active contact's row to read its birthday (~30 ms at 30,000 contacts, on every
// `rapport today`); this one holds only the contacts with a birthday, with the name beside it, so the lookup reads
// the index alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('contacts_birthdays').on('contacts').columns(['workspace_id', 'archived', 'birthday', 'name'])
    .where(sql.ref('birthday'), 'is not', null).execute();
}
