import type { Insertable, Selectable } from 'kysely';
import { chunks } from '../chunks.ts';
import { insertRows } from './bulk-insert.ts';
import type { Store } from '../store.ts';
import type { CapturedEventTable, CapturedSourceTable, MetPersonTable } from '../tables.ts';

export type CapturedSource = Selectable<CapturedSourceTable>;
export type CapturedEvent = Selectable<CapturedEventTable>;
export type MetPerson = Selectable<MetPersonTable>;

// The source's row, made on its first capture.
export async function capturedSource(store: Store, source: string, now: string): Promise<CapturedSource> {
  const found = await store.db.selectFrom('captured_sources').selectAll().where('workspace_id', '=', store.workspaceId).where('source', '=', source).executeTakeFirst();
  if (found) return found;
  return store.db.insertInto('captured_sources').values({ workspace_id: store.workspaceId, source, ctag: null, captured_until: null, created_at: now })
    .returningAll().executeTakeFirstOrThrow();
}

export async function setSourcePosition(store: Store, id: number, ctag: string | null, capturedUntil: string): Promise<void> {
  await store.db.updateTable('captured_sources').set({ ctag, captured_until: capturedUntil }).where('id', '=', id).execute();
}

export async function capturedEventsOf(store: Store, sourceId: number): Promise<CapturedEvent[]> {
  return store.db.selectFrom('captured_events').selectAll().where('source_id', '=', sourceId).execute();
}

type NewCapturedEvent = Omit<Insertable<CapturedEventTable>, 'workspace_id' | 'id'> & { interaction_id: number | null };

// Multi-row inserts: a first capture writes a year of meetings at once.
export async function insertCapturedEvents(store: Store, rows: readonly NewCapturedEvent[]): Promise<void> {
  await insertRows(store, 'captured_events', ['source_id', 'uid', 'recurrence_id', 'interaction_id', 'occurred_at', 'hash', 'summary', 'channel', 'attendees', 'matched'], rows);
}

export async function updateCapturedEvent(store: Store, id: number, row: Partial<Omit<CapturedEventTable, 'id' | 'workspace_id' | 'source_id'>>): Promise<void> {
  await store.db.updateTable('captured_events').set(row).where('id', '=', id).execute();
}

export async function deleteCapturedEvents(store: Store, ids: readonly number[]): Promise<void> {
  for (const chunk of chunks(ids)) await store.db.deleteFrom('captured_events').where('id', 'in', chunk).execute();
}

export async function deleteInteractions(store: Store, ids: readonly number[]): Promise<void> {
  for (const chunk of chunks(ids)) await store.db.deleteFrom('interactions').where('workspace_id', '=', store.workspaceId).where('id', 'in', chunk).execute();
}

// Contacts by lower-case address; one address may be on several contacts (namesakes, a shared inbox).
export async function contactsByAddress(store: Store, addresses: readonly string[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const chunk of chunks([...new Set(addresses)])) {
    const rows = await store.db.selectFrom('contact_emails').select(['contact_id', 'address'])
      .where('workspace_id', '=', store.workspaceId).where((eb) => eb.fn<string>('lower', ['address']), 'in', chunk).execute();
    for (const r of rows) {
      const key = r.address.toLowerCase();
      const ids = out.get(key) ?? out.set(key, []).get(key)!;
      if (!ids.includes(r.contact_id)) ids.push(r.contact_id);
    }
  }
  return out;
}

export async function metPeopleByEmail(store: Store, emails: readonly string[]): Promise<Map<string, MetPerson>> {
  const out = new Map<string, MetPerson>();
  for (const chunk of chunks([...new Set(emails)])) {
    const rows = await store.db.selectFrom('met_people').selectAll().where('workspace_id', '=', store.workspaceId).where('email', 'in', chunk).execute();
    for (const r of rows) out.set(r.email, r);
  }
  return out;
}

type NewMetPerson = Omit<Insertable<MetPersonTable>, 'workspace_id' | 'id'> & { name: string | null; last_meeting: string | null; contact_id: number | null };

export async function insertMetPeople(store: Store, rows: readonly NewMetPerson[]): Promise<void> {
  await insertRows(store, 'met_people', ['email', 'name', 'meetings', 'first_met_at', 'last_met_at', 'last_meeting', 'status', 'contact_id', 'created_at'], rows);
}

export async function updateMetPerson(store: Store, id: number, row: Partial<Omit<MetPersonTable, 'id' | 'workspace_id' | 'email'>>): Promise<void> {
  await store.db.updateTable('met_people').set(row).where('id', '=', id).execute();
}

export async function listMetPeople(store: Store, status: MetPersonTable['status'], limit: number, offset: number): Promise<{ rows: MetPerson[]; total: number }> {
  const base = store.db.selectFrom('met_people').where('workspace_id', '=', store.workspaceId).where('status', '=', status);
  const rows = await base.selectAll().orderBy('meetings', 'desc').orderBy('last_met_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export async function metPersonByEmail(store: Store, email: string): Promise<MetPerson | undefined> {
  return store.db.selectFrom('met_people').selectAll().where('workspace_id', '=', store.workspaceId).where('email', '=', email.toLowerCase()).executeTakeFirst();
}

// Captured meetings someone was in, by address (the attendees column is a JSON array of quoted addresses; LIKE
// narrows, the parsed list decides, since '_' in an address is a LIKE wildcard).
export async function capturedEventsWith(store: Store, email: string): Promise<CapturedEvent[]> {
  const address = email.toLowerCase();
  const rows = await store.db.selectFrom('captured_events').selectAll().where('workspace_id', '=', store.workspaceId)
    .where('attendees', 'like', `%${JSON.stringify(address)}%`).execute();
  return rows.filter((r) => (JSON.parse(r.attendees) as string[]).includes(address));
}
