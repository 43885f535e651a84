import { sql } from 'kysely';
import { normalisePhone } from '../../domain/contact.ts';
import type { Store } from '../store.ts';

export interface PairRow {
  a: number;
  b: number;
  value: string;
}

// Pairs of contacts (a < b) sharing an email, a LinkedIn profile or a phone number: one self-join each, on indexed keys.
export async function sharedKeyPairs(store: Store): Promise<{ email: PairRow[]; linkedIn: PairRow[]; phone: PairRow[] }> {
  const ws = store.workspaceId;
  // Emails are stored as given and compared without case (the index on lower(address) is migration 0080's).
  const email = await sql<PairRow>`select x.contact_id as a, y.contact_id as b, x.address as value
    from contact_emails x join contact_emails y on y.workspace_id = x.workspace_id and lower(y.address) = lower(x.address) and y.contact_id > x.contact_id
    where x.workspace_id = ${ws}`.execute(store.db);
  const linkedIn = await sql<PairRow>`select x.contact_id as a, y.contact_id as b, x.url as value
    from contact_web_links x join contact_web_links y on y.workspace_id = x.workspace_id and y.url_key = x.url_key and y.contact_id > x.contact_id
    where x.workspace_id = ${ws} and x.url_key like ${'%linkedin.com/in/%'}`.execute(store.db);
  const phone = await sql<PairRow>`select x.contact_id as a, y.contact_id as b, x.number as value
    from contact_phones x join contact_phones y on y.workspace_id = x.workspace_id and y.number_key = x.number_key and y.contact_id > x.contact_id
    where x.workspace_id = ${ws} and length(x.number_key) >= 7`.execute(store.db);
  return { email: email.rows, linkedIn: linkedIn.rows, phone: phone.rows };
}

// Every contact's name and organisation (0 for none), for pairing by name.
export async function contactNames(store: Store): Promise<{ id: number; name: string; organisation_id: number }[]> {
  const rows = await store.db.selectFrom('contacts').select(['id', 'name', 'organisation_id'])
    .where('workspace_id', '=', store.workspaceId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, organisation_id: r.organisation_id ?? 0 }));
}

// A new default region reads national numbers differently: every phone's key is computed again.
export async function rekeyPhones(store: Store, region: string | null): Promise<void> {
  const rows = await store.db.selectFrom('contact_phones').select(['id', 'number', 'number_key']).where('workspace_id', '=', store.workspaceId).execute();
  for (const r of rows) {
    const key = normalisePhone(r.number, region);
    if (key !== r.number_key) await store.db.updateTable('contact_phones').set({ number_key: key }).where('id', '=', r.id).execute();
  }
}

export async function contactLabels(store: Store, ids: readonly number[]): Promise<Map<number, { name: string; organisation: string | null; archived: boolean }>> {
  const out = new Map<number, { name: string; organisation: string | null; archived: boolean }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom('contacts as c').leftJoin('organisations as o', 'o.id', 'c.organisation_id')
      .select(['c.id', 'c.name', 'o.name as organisation', 'c.archived']).where('c.id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, { name: r.name, organisation: r.organisation, archived: r.archived === 1 });
  }
  return out;
}
