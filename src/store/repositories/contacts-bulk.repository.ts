import { normaliseName, normalisePhone } from '../../domain/contact.ts';
import type { Store } from '../store.ts';
import { urlKey, type ContactChildren, type ContactRow } from './contacts.repository.ts';

const CHUNK = 200;

// Many contacts in few statements: multi-row inserts, ids read back in insertion order (checked, not assumed).
export async function insertContactsBulk(store: Store, rows: readonly ContactRow[], children: readonly ContactChildren[]): Promise<number[]> {
  const ws = store.workspaceId;
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => ({ ...r, workspace_id: ws, name_key: normaliseName(r.name) }));
    const back = await store.db.insertInto('contacts').values(chunk).returning(['id', 'name_key']).execute();
    back.forEach((b, j) => {
      if (b.name_key !== chunk[j]!.name_key) throw new Error('bulk insert returned ids out of order');
      ids.push(b.id);
    });
  }
  const emails: { workspace_id: number; contact_id: number; address: string; label: string | null; position: number }[] = [];
  const phones: { workspace_id: number; contact_id: number; number: string; number_key: string; label: string | null; position: number }[] = [];
  const links: { workspace_id: number; contact_id: number; url: string; url_key: string; label: string | null; position: number }[] = [];
  const tags: { workspace_id: number; contact_id: number; tag: string }[] = [];
  children.forEach((c, k) => {
    const contact_id = ids[k]!;
    const seen = new Set<string>();
    c.emails.filter((e) => !seen.has(e.address) && seen.add(e.address)).forEach((e, position) => emails.push({ workspace_id: ws, contact_id, address: e.address, label: e.label, position }));
    c.phones.forEach((p, position) => phones.push({ workspace_id: ws, contact_id, number: p.number, number_key: normalisePhone(p.number), label: p.label, position }));
    c.webLinks.forEach((l, position) => links.push({ workspace_id: ws, contact_id, url: l.url, url_key: urlKey(l.url), label: l.label, position }));
    for (const tag of new Set(c.tags)) tags.push({ workspace_id: ws, contact_id, tag });
  });
  for (let i = 0; i < emails.length; i += 500) await store.db.insertInto('contact_emails').values(emails.slice(i, i + 500)).execute();
  for (let i = 0; i < phones.length; i += 500) await store.db.insertInto('contact_phones').values(phones.slice(i, i + 500)).execute();
  for (let i = 0; i < links.length; i += 500) await store.db.insertInto('contact_web_links').values(links.slice(i, i + 500)).execute();
  for (let i = 0; i < tags.length; i += 500) await store.db.insertInto('contact_tags').values(tags.slice(i, i + 500)).execute();
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
