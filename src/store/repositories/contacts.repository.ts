import { sql } from 'kysely';
import { dueOrNull, effectiveCadenceDays, NOT_CONVERSATION_KINDS, nextDueOn, type CadenceDefaults } from '../../domain/cadence.ts';
import { emptyCard, type ContactCard } from '../../domain/card.ts';
import type { Contact } from '../../domain/contact.ts';
import { isLinkedInUrl, normaliseLinkedInUrl, normaliseName, normalisePhone } from '../../domain/contact.ts';
import { maskToNetworks } from '../../domain/networks.ts';
import type { Store } from '../store.ts';
import { loadCards, replaceCard } from './card.repository.ts';
import { phoneRegion } from './settings.repository.ts';
import type { ContactTable } from '../tables.ts';
import { chunks } from '../chunks.ts';


// inside_explicit is optional so callers that never set inside_organisation by hand need not know it (defaults to derived).
export type ContactRow = Omit<ContactTable, 'id' | 'workspace_id' | 'name_key' | 'inside_explicit'> & { id?: number; inside_explicit?: number };

// The latest interaction that was a conversation ('connected' is not), per contact: "last spoken" everywhere.
export const lastConversationSql = sql<string | null>`(select max(i.occurred_at) from interaction_participants p join interactions i on i.id = p.interaction_id where p.contact_id = contacts.id and i.kind not in (${sql.join([...NOT_CONVERSATION_KINDS])}))`;

export interface ContactChildren {
  emails: { address: string; label: string | null }[];
  phones: { number: string; label: string | null }[];
  webLinks: { url: string; label: string | null }[];
  tags: string[];
  card?: ContactCard;
}

// Tags sort the same on both dialects whatever their case ("math" before "Mentor").
export const byTag = (a: string, b: string): number => a.toLowerCase().localeCompare(b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0);

// Tags keep the case they were given; the first spelling of a tag wins.
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

export const urlKey = (url: string): string => (isLinkedInUrl(url) ? normaliseLinkedInUrl(url) : url.toLowerCase().replace(/\/+$/, ''));

export async function insertContactRow(store: Store, row: ContactRow): Promise<number> {
  const inserted = await store.db
    .insertInto('contacts')
    .values({ ...row, workspace_id: store.workspaceId, name_key: normaliseName(row.name) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateContactRow(store: Store, id: number, patch: Partial<Omit<ContactRow, 'id'>>): Promise<void> {
  const values = { ...patch, ...(patch.name !== undefined ? { name_key: normaliseName(patch.name) } : {}) };
  await store.db.updateTable('contacts').set(values).where('id', '=', id).where('workspace_id', '=', store.workspaceId).execute();
}

// Replaces whichever child lists are given; lists left undefined stay as they are.
export async function writeContactChildren(store: Store, contactId: number, children: Partial<ContactChildren>): Promise<void> {
  const ws = store.workspaceId;
  const { db } = store;
  if (children.emails) {
    await db.deleteFrom('contact_emails').where('contact_id', '=', contactId).execute();
    const seen = new Set<string>();
    const rows = children.emails.filter((e) => !seen.has(e.address.toLowerCase()) && seen.add(e.address.toLowerCase()));
    if (rows.length) await db.insertInto('contact_emails').values(rows.map((e, i) => ({ workspace_id: ws, contact_id: contactId, address: e.address, label: e.label, position: i }))).execute();
  }
  if (children.phones) {
    await db.deleteFrom('contact_phones').where('contact_id', '=', contactId).execute();
    const region = await phoneRegion(store);
    if (children.phones.length) await db.insertInto('contact_phones').values(children.phones.map((p, i) => ({ workspace_id: ws, contact_id: contactId, number: p.number, number_key: normalisePhone(p.number, region), label: p.label, position: i }))).execute();
  }
  if (children.webLinks) {
    await db.deleteFrom('contact_web_links').where('contact_id', '=', contactId).execute();
    if (children.webLinks.length) await db.insertInto('contact_web_links').values(children.webLinks.map((l, i) => ({ workspace_id: ws, contact_id: contactId, url: l.url, url_key: urlKey(l.url), label: l.label, position: i }))).execute();
  }
  if (children.card) await replaceCard(store, contactId, children.card);
  if (children.tags) {
    await db.deleteFrom('contact_tags').where('contact_id', '=', contactId).execute();
    const tags = uniqueTags(children.tags);
    if (tags.length) await db.insertInto('contact_tags').values(tags.map((tag) => ({ workspace_id: ws, contact_id: contactId, tag }))).execute();
  }
}

export async function loadContacts(store: Store, ids: readonly number[], defaults: CadenceDefaults): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const out = new Map<number, Contact>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const c of await loadChunk(store, ids.slice(i, i + 500), defaults)) out.set(c.id, c);
  }
  return ids.map((id) => out.get(id)).filter((c): c is Contact => c !== undefined);
}

async function loadChunk(store: Store, ids: readonly number[], defaults: CadenceDefaults): Promise<Contact[]> {
  const { db } = store;
  const rows = await db
    .selectFrom('contacts')
    .leftJoin('organisations', 'organisations.id', 'contacts.organisation_id')
    .selectAll('contacts')
    .select('organisations.name as organisation_name')
    .where('contacts.workspace_id', '=', store.workspaceId)
    .where('contacts.id', 'in', ids)
    .execute();
  const [emails, phones, links, tags] = await Promise.all([
    db.selectFrom('contact_emails').select(['contact_id', 'address', 'label']).where('contact_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('contact_phones').select(['contact_id', 'number', 'label']).where('contact_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('contact_web_links').select(['contact_id', 'url', 'label']).where('contact_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('contact_tags').select(['contact_id', 'tag']).where('contact_id', 'in', ids).orderBy('tag').execute(),
  ]);
  const by = <T extends { contact_id: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of list) (m.get(r.contact_id) ?? m.set(r.contact_id, []).get(r.contact_id)!).push(r);
    return m;
  };
  const e = by(emails), p = by(phones), l = by(links), t = by(tags);
  const cards = await loadCards(store, ids);
  return rows.map((r) => {
    const networks = maskToNetworks(r.networks);
    return {
      id: r.id,
      name: r.name,
      givenName: r.given_name,
      familyName: r.family_name,
      emails: (e.get(r.id) ?? []).map((x) => ({ address: x.address, label: x.label })),
      phones: (p.get(r.id) ?? []).map((x) => ({ number: x.number, label: x.label })),
      organisationId: r.organisation_id,
      organisation: r.organisation_name,
      title: r.title,
      location: r.location,
      webLinks: (l.get(r.id) ?? []).map((x) => ({ url: x.url, label: x.label })),
      birthday: r.birthday,
      metHow: r.met_how,
      metWhere: r.met_where,
      notes: r.notes,
      tags: (t.get(r.id) ?? []).map((x) => x.tag).sort(byTag),
      networks,
      connectionType: r.connection_type,
      insideOrganisation: r.inside_organisation === null ? null : r.inside_organisation === 1,
      industry: r.industry,
      cadenceDays: r.cadence_days,
      effectiveCadenceDays: effectiveCadenceDays(networks, r.cadence_days, defaults),
      lastInteractionAt: r.last_interaction_at,
      nextDueOn: dueOrNull(r.next_due_on),
      sortedAt: r.sorted_at,
      snoozedUntil: r.snoozed_until,
      archived: r.archived === 1,
      hasPhoto: r.photo !== null,
      card: cards.get(r.id) ?? emptyCard(),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

// Recomputes last conversation and next due from the interactions themselves: the single place the cadence rule is
// applied. A contact found with a network but still unsorted (given one by any path: edit, bulk, import, triage)
// is sorted now, and its cadence starts.
export async function refreshDue(store: Store, ids: readonly number[] | 'all', defaults: CadenceDefaults, now: string): Promise<void> {
  const { db } = store;
  const chunks: (readonly number[] | null)[] = [];
  if (ids === 'all') chunks.push(null);
  else for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
  for (const chunk of chunks) {
    if (chunk !== null && chunk.length === 0) continue;
    let update = db
      .updateTable('contacts')
      .set({
        last_interaction_at: lastConversationSql,
        sorted_at: sql<string | null>`case when sorted_at is null and networks <> 0 then ${now} else sorted_at end`,
      })
      .where('workspace_id', '=', store.workspaceId);
    if (chunk) update = update.where('id', 'in', chunk);
    await update.execute();
    let select = db
      .selectFrom('contacts')
      .select(['id', 'networks', 'cadence_days', 'last_interaction_at', 'sorted_at', 'snoozed_until', 'next_due_on'])
      .where('workspace_id', '=', store.workspaceId);
    if (chunk) select = select.where('id', 'in', chunk);
    const rows = await select.execute();
    const byDue = new Map<string, number[]>();
    for (const r of rows) {
      const cadence = effectiveCadenceDays(maskToNetworks(r.networks), r.cadence_days, defaults);
      let due = nextDueOn({ lastConversationAt: r.last_interaction_at, sortedAt: r.sorted_at, cadenceDays: cadence });
      if (r.sorted_at !== null && r.snoozed_until && r.snoozed_until > due) due = r.snoozed_until;
      if (due !== r.next_due_on) (byDue.get(due) ?? byDue.set(due, []).get(due)!).push(r.id);
    }
    for (const [due, dueIds] of byDue) {
      for (let i = 0; i < dueIds.length; i += 500) {
        await db.updateTable('contacts').set({ next_due_on: due }).where('id', 'in', dueIds.slice(i, i + 500)).execute();
      }
    }
  }
}

export async function contactIdsByNameFragment(store: Store, fragment: string, limit: number): Promise<{ id: number; name: string; organisation: string | null; archived: number }[]> {
  const key = normaliseName(fragment);
  if (key === '') return [];
  const escaped = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  return store.db
    .selectFrom('contacts')
    .leftJoin('organisations', 'organisations.id', 'contacts.organisation_id')
    .select(['contacts.id', 'contacts.name', 'organisations.name as organisation', 'contacts.archived'])
    .where('contacts.workspace_id', '=', store.workspaceId)
    .where((eb) => eb.or([
      eb('contacts.name_key', '=', key),
      eb('contacts.name_key', 'like', sql<string>`${`${escaped}%`} escape '\\'`),
      eb('contacts.name_key', 'like', sql<string>`${`% ${escaped}%`} escape '\\'`),
    ]))
    .orderBy('contacts.archived')
    .orderBy('contacts.name')
    .limit(limit)
    .execute();
}

export async function existingContactIds(store: Store, ids: readonly number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await store.db.selectFrom('contacts').select('id').where('workspace_id', '=', store.workspaceId).where('id', 'in', part).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

export async function contactIdsByEmail(store: Store, addresses: readonly string[]): Promise<{ contact_id: number; address: string; name: string }[]> {
  if (addresses.length === 0) return [];
  return store.db
    .selectFrom('contact_emails')
    .innerJoin('contacts', 'contacts.id', 'contact_emails.contact_id')
    .select(['contact_emails.contact_id', 'contact_emails.address', 'contacts.name'])
    .where('contact_emails.workspace_id', '=', store.workspaceId)
    .where(sql<string>`lower(contact_emails.address)`, 'in', [...new Set(addresses.map((a) => a.toLowerCase()))])
    .execute();
}
