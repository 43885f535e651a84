import { normalisePhone } from '../../domain/contact.ts';
import type { Store } from '../store.ts';
import { urlKey } from './contacts.repository.ts';
import { phoneRegion } from './settings.repository.ts';

export interface StoredKeys {
  emails: { contact_id: number; address: string }[];
  webLinks: { contact_id: number; url_key: string }[];
  phones: { contact_id: number; number_key: string }[];
  names: { id: number; name: string; organisation_key: string | null }[];
}

// Everything an import matches rows against, read once (a query per row would make 30,000 rows take minutes).
export async function loadStoredKeys(store: Store): Promise<StoredKeys> {
  const ws = store.workspaceId;
  const [emails, webLinks, phones, names] = await Promise.all([
    store.db.selectFrom('contact_emails').select(['contact_id', 'address']).where('workspace_id', '=', ws).orderBy('contact_id').execute(),
    store.db.selectFrom('contact_web_links').select(['contact_id', 'url_key']).where('workspace_id', '=', ws).where('url_key', 'like', '%linkedin.com/in/%').orderBy('contact_id').execute(),
    store.db.selectFrom('contact_phones').select(['contact_id', 'number_key']).where('workspace_id', '=', ws).orderBy('contact_id').execute(),
    store.db.selectFrom('contacts as c').leftJoin('organisations as o', 'o.id', 'c.organisation_id')
      .select(['c.id', 'c.name', 'o.name_key as organisation_key']).where('c.workspace_id', '=', ws).orderBy('c.id').execute(),
  ]);
  return { emails, webLinks, phones, names };
}

// "contactId|occurredAt" of the 'connected' interactions these contacts already have, so a re-import adds none twice.
export async function connectedInteractionKeys(store: Store, contactIds: readonly number[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (let i = 0; i < contactIds.length; i += 500) {
    const rows = await store.db.selectFrom('interaction_participants as p').innerJoin('interactions as i', 'i.id', 'p.interaction_id')
      .select(['p.contact_id', 'i.occurred_at']).where('i.kind', '=', 'connected').where('p.contact_id', 'in', contactIds.slice(i, i + 500)).execute();
    for (const r of rows) keys.add(`${r.contact_id}|${r.occurred_at}`);
  }
  return keys;
}

export interface ChildAdditions {
  emails: { contact_id: number; address: string; label: string | null; position: number }[];
  phones: { contact_id: number; number: string; label: string | null; position: number }[];
  webLinks: { contact_id: number; url: string; label: string | null; position: number }[];
  tags: { contact_id: number; tag: string }[];
}

// Adds emails, phones, links and tags to existing contacts without touching what they have.
export async function appendContactChildren(store: Store, add: ChildAdditions): Promise<void> {
  const ws = store.workspaceId;
  const { db } = store;
  for (let i = 0; i < add.emails.length; i += 500) await db.insertInto('contact_emails').values(add.emails.slice(i, i + 500).map((e) => ({ ...e, workspace_id: ws }))).execute();
  const region = await phoneRegion(store);
  for (let i = 0; i < add.phones.length; i += 500) await db.insertInto('contact_phones').values(add.phones.slice(i, i + 500).map((p) => ({ ...p, number_key: normalisePhone(p.number, region), workspace_id: ws }))).execute();
  for (let i = 0; i < add.webLinks.length; i += 500) await db.insertInto('contact_web_links').values(add.webLinks.slice(i, i + 500).map((l) => ({ ...l, url_key: urlKey(l.url), workspace_id: ws }))).execute();
  for (let i = 0; i < add.tags.length; i += 500) await db.insertInto('contact_tags').values(add.tags.slice(i, i + 500).map((t) => ({ ...t, workspace_id: ws }))).execute();
}
