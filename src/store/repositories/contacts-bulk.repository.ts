import { normaliseName, normalisePhone } from '../../domain/contact.ts';
import type { Store } from '../store.ts';
import { insertReturningIds, insertRows } from './bulk-insert.ts';
import { insertCards } from './card.repository.ts';
import { phoneRegion } from './settings.repository.ts';
import { uniqueTags, urlKey, type ContactChildren, type ContactRow } from './contacts.repository.ts';

const CONTACT_COLUMNS = [
  'name', 'name_key', 'given_name', 'family_name', 'organisation_id', 'title', 'location', 'birthday', 'met_how', 'met_where', 'notes',
  'networks', 'connection_type', 'inside_organisation', 'inside_explicit', 'industry', 'cadence_days', 'archived', 'photo',
  'last_interaction_at', 'next_due_on', 'snoozed_until', 'created_at', 'updated_at', 'sorted_at',
] as const;

// The row as stored, written out field by field: `{ ...row, name_key }` makes every copy a dictionary-mode object,
// several times the memory and time at 30,000 contacts.
const storedRow = (r: ContactRow): Required<Omit<ContactRow, 'id'>> & { name_key: string } => ({
  name: r.name, name_key: normaliseName(r.name), given_name: r.given_name, family_name: r.family_name, organisation_id: r.organisation_id,
  title: r.title, location: r.location, birthday: r.birthday, met_how: r.met_how, met_where: r.met_where, notes: r.notes, networks: r.networks,
  connection_type: r.connection_type, inside_organisation: r.inside_organisation, inside_explicit: r.inside_explicit ?? 0, industry: r.industry,
  cadence_days: r.cadence_days, archived: r.archived, photo: r.photo, last_interaction_at: r.last_interaction_at, next_due_on: r.next_due_on,
  snoozed_until: r.snoozed_until, created_at: r.created_at, updated_at: r.updated_at, sorted_at: r.sorted_at,
});

// Many contacts in few statements (see bulk-insert.ts), ids read back in insertion order (checked, not assumed).
export async function insertContactsBulk(store: Store, rows: readonly ContactRow[], children: readonly ContactChildren[]): Promise<number[]> {
  const keyed = rows.map(storedRow);
  const ids = await insertReturningIds(store, 'contacts', CONTACT_COLUMNS, keyed, 'name_key');
  const emails: { contact_id: number; address: string; label: string | null; position: number }[] = [];
  const phones: { contact_id: number; number: string; number_key: string; label: string | null; position: number }[] = [];
  const links: { contact_id: number; url: string; url_key: string; label: string | null; position: number }[] = [];
  const tags: { contact_id: number; tag: string }[] = [];
  const region = await phoneRegion(store);
  children.forEach((c, k) => {
    const contact_id = ids[k]!;
    const seen = new Set<string>();
    c.emails.filter((e) => !seen.has(e.address.toLowerCase()) && seen.add(e.address.toLowerCase())).forEach((e, position) => emails.push({ contact_id, address: e.address, label: e.label, position }));
    c.phones.forEach((p, position) => phones.push({ contact_id, number: p.number, number_key: normalisePhone(p.number, region), label: p.label, position }));
    c.webLinks.forEach((l, position) => links.push({ contact_id, url: l.url, url_key: urlKey(l.url), label: l.label, position }));
    for (const tag of uniqueTags(c.tags)) tags.push({ contact_id, tag });
  });
  await insertRows(store, 'contact_emails', ['contact_id', 'address', 'label', 'position'], emails);
  await insertRows(store, 'contact_phones', ['contact_id', 'number', 'number_key', 'label', 'position'], phones);
  await insertRows(store, 'contact_web_links', ['contact_id', 'url', 'url_key', 'label', 'position'], links);
  await insertRows(store, 'contact_tags', ['contact_id', 'tag'], tags);
  if (children.some((c) => c.card)) await insertCards(store, ids, children.map((c) => c.card));
  return ids;
}

export async function organisationIdsByKey(store: Store): Promise<Map<string, number>> {
  const rows = await store.db.selectFrom('organisations').select(['id', 'name_key', 'is_mine']).where('workspace_id', '=', store.workspaceId).execute();
  return new Map(rows.map((r) => [r.name_key, r.id]));
}

export async function myOrganisationIds(store: Store): Promise<Set<number>> {
  const rows = await store.db.selectFrom('organisations').select('id').where('workspace_id', '=', store.workspaceId).where('is_mine', '=', 1).execute();
  return new Set(rows.map((r) => r.id));
}

export async function organisationNames(store: Store, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom('organisations').select(['id', 'name']).where('workspace_id', '=', store.workspaceId).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}
