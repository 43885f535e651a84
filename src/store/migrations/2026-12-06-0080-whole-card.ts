import { randomUUID } from 'node:crypto';
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { normalisePhone } from '../../domain/contact.ts';
import { regionOfLocale } from '../../domain/phone.ts';
import type { DialectName } from '../dialect.ts';

// The whole vCard: addresses, dated events, name parts and every property Rapport does not model (kept verbatim);
// phone keys in E.164 under a default region taken from the locale on first run; what a calendar needs to be a
// good subscription (a per-database id for globally unique UIDs, a revision per item for SEQUENCE).
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const pk = <T extends string>(t: CreateTableBuilder<T, never>) =>
    t.addColumn('id', 'integer', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()));
  const child = (name: string) =>
    pk(db.schema.createTable(name))
      .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0));

  await db.schema.createTable('contact_card')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().defaultTo(1).references('workspaces.id'))
    .addColumn('contact_id', 'integer', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('nickname', 'text')
    .addColumn('name_prefix', 'text')
    .addColumn('middle_name', 'text')
    .addColumn('name_suffix', 'text')
    .addColumn('organisation_unit', 'text')
    .execute();

  await child('contact_addresses')
    .addColumn('label', 'text')
    .addColumn('po_box', 'text')
    .addColumn('extended', 'text')
    .addColumn('street', 'text')
    .addColumn('locality', 'text')
    .addColumn('region', 'text')
    .addColumn('postcode', 'text')
    .addColumn('country', 'text')
    .execute();
  await db.schema.createIndex('contact_addresses_contact').on('contact_addresses').columns(['contact_id']).execute();

  // Birthdays stay on the contact (they predate this); anniversaries and other days live here, year optional.
  await child('contact_dates')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('year', 'integer')
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_dates_contact').on('contact_dates').columns(['contact_id']).execute();
  await db.schema.createIndex('contact_dates_day').on('contact_dates').columns(['workspace_id', 'month', 'day']).execute();

  // One unfolded content line each ("item1.X-SOCIALPROFILE;TYPE=twitter:https://…"), re-emitted as is.
  await child('contact_card_properties').addColumn('line', 'text', (c) => c.notNull()).execute();
  await db.schema.createIndex('contact_card_properties_contact').on('contact_card_properties').columns(['contact_id']).execute();

  // Emails are now stored as typed and matched without case.
  await db.schema.createIndex('contact_emails_address_lower').on('contact_emails').expression(sql`workspace_id, lower(address)`).execute();

  await db.schema.alterTable('follow_ups').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('actions').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('workspaces').addColumn('uid', 'text').execute();
  const workspaces = await sql<{ id: number }>`select id from workspaces`.execute(db);
  for (const w of workspaces.rows) await sql`update workspaces set uid = ${randomUUID()} where id = ${w.id}`.execute(db);

  // First run (or first run of this version): the phone region comes from the locale, unless already chosen.
  const locale = process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  const fromLocale = regionOfLocale(locale) ?? regionOfLocale(Intl.DateTimeFormat().resolvedOptions().locale);
  for (const w of workspaces.rows) {
    const set = await sql<{ value: string }>`select value from settings where workspace_id = ${w.id} and ${sql.ref('key')} = 'defaultRegion'`.execute(db);
    let region = set.rows[0] ? (JSON.parse(set.rows[0].value) as string | null) : null;
    if (!set.rows[0] && fromLocale) {
      region = fromLocale;
      await sql`insert into settings (workspace_id, ${sql.ref('key')}, value) values (${w.id}, 'defaultRegion', ${JSON.stringify(region)})`.execute(db);
    }
    const phones = await sql<{ id: number; number: string }>`select id, number from contact_phones where workspace_id = ${w.id}`.execute(db);
    for (const p of phones.rows) await sql`update contact_phones set number_key = ${normalisePhone(p.number, region)} where id = ${p.id}`.execute(db);
  }
}
