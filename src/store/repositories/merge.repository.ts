import { sql } from 'kysely';
import { chunks } from '../chunks.ts';
import type { Store } from '../store.ts';
import type { LinkTable } from '../tables.ts';
import { insertRows } from './bulk-insert.ts';
import { orderedPair } from './links.repository.ts';
import type { OutreachTables } from './templates.repository.ts';

// Tables that point at a contact and the column that does; merge moves each. A test compares this list with the
// schema's foreign keys, so a table added later cannot lose a merged contact's rows to the cascade.
export const CONTACT_REFERENCES = [
  ['contact_emails', 'contact_id'], ['contact_phones', 'contact_id'], ['contact_web_links', 'contact_id'], ['contact_tags', 'contact_id'],
  ['interaction_participants', 'contact_id'], ['follow_ups', 'contact_id'], ['links', 'a_id'], ['links', 'b_id'], ['goal_contacts', 'contact_id'],
  ['actions', 'contact_id'], ['community_members', 'contact_id'], ['event_attendees', 'contact_id'], ['sent_messages', 'contact_id'],
  ['contact_card', 'contact_id'], ['contact_addresses', 'contact_id'], ['contact_dates', 'contact_id'], ['contact_card_properties', 'contact_id'],
  ['carddav_cards', 'contact_id'], ['sync_issues', 'contact_id'], ['met_people', 'contact_id'],
] as const;

// Moves everything `gone` takes part in to `keep`, joining rows both already have. Emails, phones, links, tags and
// the card (name parts, addresses, dates, kept vCard lines) are written by the caller (they need the merged draft);
// this handles the shared tables.
export async function moveContactReferences(store: Store, keep: number, gone: number): Promise<void> {
  const { db } = store;
  const both = (table: 'interaction_participants' | 'goal_contacts' | 'event_attendees' | 'community_members', key: 'interaction_id' | 'goal_id' | 'event_id' | 'community_id') =>
    sql`delete from ${sql.table(table)} where contact_id = ${gone} and ${sql.ref(key)} in (select ${sql.ref(key)} from ${sql.table(table)} where contact_id = ${keep})`.execute(db);

  // Met at the same event: one mark is enough; a role in a community the kept contact has without one is kept.
  await sql`update event_attendees set met_there = 1 where contact_id = ${keep} and event_id in (select event_id from event_attendees where contact_id = ${gone} and met_there = 1)`.execute(db);
  await sql`update community_members set role = (select g.role from community_members g where g.contact_id = ${gone} and g.community_id = community_members.community_id)
    where contact_id = ${keep} and role is null`.execute(db);
  for (const [table, key] of [['interaction_participants', 'interaction_id'], ['goal_contacts', 'goal_id'], ['event_attendees', 'event_id'], ['community_members', 'community_id']] as const) {
    await both(table, key);
    await db.updateTable(table).set({ contact_id: keep }).where('contact_id', '=', gone).execute();
  }
  await db.updateTable('follow_ups').set({ contact_id: keep }).where('contact_id', '=', gone).execute();
  await db.updateTable('actions').set({ contact_id: keep }).where('contact_id', '=', gone).execute();
  await db.withTables<OutreachTables>().updateTable('sent_messages').set({ contact_id: keep }).where('contact_id', '=', gone).execute();
  await db.updateTable('sync_issues').set({ contact_id: keep }).where('contact_id', '=', gone).execute();
  await db.updateTable('met_people').set({ contact_id: keep }).where('contact_id', '=', gone).execute();
  // A synced card of the merged-away contact stays that card where the kept one has none in its address book; where
  // both had one, it is left to go with the contact (set null), and the next sync deletes it from the server while
  // the kept card gets the merged fields.
  await sql`update carddav_cards set contact_id = ${keep} where contact_id = ${gone}
    and account_id not in (select account_id from carddav_cards where contact_id = ${keep})`.execute(db);

  // Links: the pair with each other person moves over (the stronger strength and any note win); a link between
  // the two merged contacts would become a self-link and is dropped. Both contacts' links are read once, the merged
  // pairs worked out here, then the old pairs deleted and the merged ones written in a few statements.
  const ws = store.workspaceId;
  const touching = (id: number) => db.selectFrom('links').selectAll().where('workspace_id', '=', ws).where((eb) => eb.or([eb('a_id', '=', id), eb('b_id', '=', id)])).execute();
  const [goneLinks, keepLinks] = [await touching(gone), await touching(keep)];
  const keptWith = new Map(keepLinks.map((l) => [l.a_id === keep ? l.b_id : l.a_id, l]));
  const merged: LinkRow[] = [];
  for (const l of goneLinks) {
    const other = l.a_id === gone ? l.b_id : l.a_id;
    if (other === keep) continue;
    const [a_id, b_id] = orderedPair(keep, other);
    const existing = keptWith.get(other);
    merged.push(!existing ? { a_id, b_id, strength: l.strength, note: l.note, created_at: l.created_at } : {
      a_id, b_id,
      strength: existing.strength === null ? l.strength : l.strength === null ? existing.strength : Math.max(existing.strength, l.strength),
      note: existing.note ?? l.note,
      created_at: existing.created_at < l.created_at ? existing.created_at : l.created_at,
    });
  }
  const replaced = merged.map((m) => (m.a_id === keep ? m.b_id : m.a_id)).filter((other) => keptWith.has(other));
  for (const others of chunks(replaced)) {
    await db.deleteFrom('links').where('workspace_id', '=', ws)
      .where((eb) => eb.or([eb.and([eb('a_id', '=', keep), eb('b_id', 'in', others)]), eb.and([eb('b_id', '=', keep), eb('a_id', 'in', others)])])).execute();
  }
  await db.deleteFrom('links').where('workspace_id', '=', ws).where((eb) => eb.or([eb('a_id', '=', gone), eb('b_id', '=', gone)])).execute();
  await insertRows(store, 'links', ['a_id', 'b_id', 'strength', 'note', 'created_at'], merged);
}

type LinkRow = Omit<LinkTable, 'workspace_id'>;

export async function contactPhoto(store: Store, id: number): Promise<string | null> {
  const row = await store.db.selectFrom('contacts').select('photo').where('id', '=', id).executeTakeFirst();
  return row?.photo ?? null;
}

export async function contactCreatedAt(store: Store, id: number): Promise<string | null> {
  const row = await store.db.selectFrom('contacts').select('created_at').where('id', '=', id).executeTakeFirst();
  return row?.created_at ?? null;
}
