import { sql } from 'kysely';
import { normaliseName } from '../../domain/contact.ts';
import type { Store } from '../store.ts';
import { insertReturningIds, insertRows } from './bulk-insert.ts';
import type {
  ActionTable, CommunityMemberTable, CommunityTable, EventAttendeeTable, EventTable, FollowUpTable, GoalContactTable,
  GoalOrganisationTable, GoalTable, InteractionTable, LinkTable, OrganisationTable,
} from '../tables.ts';

// Bulk writes for filling an empty database (the demo): close to a million rows at 30,000 contacts.
type Stored<T> = { [K in keyof T]: T[K] extends { __select__: infer S } ? S : T[K] };
type Row<T> = Omit<Stored<T>, 'workspace_id' | 'id' | 'revision'>;

export type CountedTable = 'contacts' | 'organisations' | 'interactions' | 'events' | 'communities' | 'goals';

export async function rowCounts(store: Store): Promise<Record<CountedTable, number>> {
  const tables: CountedTable[] = ['contacts', 'organisations', 'interactions', 'events', 'communities', 'goals'];
  const counts = await Promise.all(tables.map(async (table) => {
    const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', store.workspaceId).executeTakeFirstOrThrow();
    return [table, Number(row.n)] as const;
  }));
  return Object.fromEntries(counts) as Record<CountedTable, number>;
}

export function insertOrganisationsBulk(store: Store, rows: readonly Omit<Row<OrganisationTable>, 'name_key'>[]): Promise<number[]> {
  const keyed = rows.map((r) => ({ ...r, name_key: normaliseName(r.name) }));
  return insertReturningIds(store, 'organisations', ['name', 'name_key', 'industry', 'website', 'is_mine', 'notes', 'created_at', 'updated_at'], keyed, 'name_key');
}

export function insertCommunitiesBulk(store: Store, rows: readonly Row<CommunityTable>[]): Promise<number[]> {
  return insertReturningIds(store, 'communities', ['name', 'kind', 'notes', 'i_am_member', 'created_at'], rows, 'name');
}

export function insertEventsBulk(store: Store, rows: readonly Row<EventTable>[]): Promise<number[]> {
  return insertReturningIds(store, 'events', ['name', 'kind', 'date', 'place', 'community_id', 'notes', 'created_at'], rows, 'name');
}

export function insertGoalsBulk(store: Store, rows: readonly Row<GoalTable>[]): Promise<number[]> {
  return insertReturningIds(store, 'goals', ['kind', 'description', 'target_date', 'status', 'created_at'], rows, 'description');
}

// An interaction and its participants; the participant rows need the ids the interactions got.
export async function insertInteractionsBulk(store: Store, items: readonly { row: Row<InteractionTable>; contactIds: readonly number[] }[]): Promise<void> {
  const columns = ['occurred_at', 'kind', 'channel', 'summary', 'value_flow', 'value_note', 'gratitude', 'created_at'] as const;
  const ids = await insertReturningIds(store, 'interactions', columns, items.map((it) => it.row), 'occurred_at');
  const participants = items.flatMap((it, i) => [...new Set(it.contactIds)].map((contact_id) => ({ interaction_id: ids[i]!, contact_id })));
  await insertRows(store, 'interaction_participants', ['interaction_id', 'contact_id'], participants);
}

export const insertMembersBulk = (store: Store, rows: readonly Row<CommunityMemberTable>[]) => insertRows(store, 'community_members', ['community_id', 'contact_id', 'role'], rows);
export const insertAttendeesBulk = (store: Store, rows: readonly Row<EventAttendeeTable>[]) => insertRows(store, 'event_attendees', ['event_id', 'contact_id', 'met_there'], rows);
export const insertGoalContactsBulk = (store: Store, rows: readonly Row<GoalContactTable>[]) => insertRows(store, 'goal_contacts', ['goal_id', 'contact_id'], rows);
export const insertGoalOrganisationsBulk = (store: Store, rows: readonly Row<GoalOrganisationTable>[]) => insertRows(store, 'goal_organisations', ['goal_id', 'organisation_id'], rows);

export async function insertFollowUpsBulk(store: Store, rows: readonly Row<FollowUpTable>[]): Promise<void> {
  await insertRows(store, 'follow_ups', ['contact_id', 'due_on', 'reason', 'source', 'event_id', 'done_at', 'snoozed_until', 'created_at'], rows);
}

export async function insertActionsBulk(store: Store, rows: readonly Row<ActionTable>[]): Promise<void> {
  await insertRows(store, 'actions', ['kind', 'description', 'due_on', 'done_at', 'goal_id', 'contact_id', 'created_at'], rows);
}

// Pairs must already be ordered (a_id < b_id) and distinct. Inserted in key order, so the primary key grows at its end.
export async function insertLinksBulk(store: Store, rows: readonly Row<LinkTable>[]): Promise<void> {
  const sorted = [...rows].sort((x, y) => x.a_id - y.a_id || x.b_id - y.b_id);
  await insertRows(store, 'links', ['a_id', 'b_id', 'strength', 'note', 'created_at'], sorted);
}

export async function snoozeContactsUntil(store: Store, rows: readonly { id: number; until: string }[]): Promise<void> {
  for (const r of rows) await store.db.updateTable('contacts').set({ snoozed_until: r.until }).where('workspace_id', '=', store.workspaceId).where('id', '=', r.id).execute();
}

export async function archiveContacts(store: Store, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await store.db.updateTable('contacts').set({ archived: 1 }).where('workspace_id', '=', store.workspaceId).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}

// SQLite's default page cache (2 MB) thrashes on hundreds of thousands of index inserts in one transaction;
// a larger one for the duration of a bulk load roughly halves it. Returns how to put the old size back.
export async function widenCacheForBulkLoad(store: Store): Promise<() => Promise<void>> {
  if (store.dialect !== 'sqlite') return async () => undefined;
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(store.db);
  const previous = Math.trunc(Number(before.rows[0]?.cache_size ?? -2000));
  await sql.raw('pragma cache_size = -131072').execute(store.db);
  return async () => { await sql.raw(`pragma cache_size = ${previous}`).execute(store.db); };
}
