import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { networkBit, type Network } from '../../domain/networks.ts';
import type { Store } from '../store.ts';

export interface ExportFilter {
  network?: Network | undefined;
  connectionType?: string | undefined;
  tag?: string | undefined;
  archived?: boolean | undefined;
  // Already resolved from a search query.
  ids?: readonly number[] | undefined;
}

// The contacts an export covers, oldest first (so two exports of the same data are the same file).
export async function exportContactIds(store: Store, filter: ExportFilter): Promise<number[]> {
  let q = store.db.selectFrom('contacts as c').select('c.id').where('c.workspace_id', '=', store.workspaceId);
  if (filter.archived !== undefined) q = q.where('c.archived', '=', filter.archived ? 1 : 0);
  if (filter.network) q = q.where(sql<number>`c.networks & ${networkBit(filter.network)}`, '<>', 0);
  if (filter.connectionType) q = q.where('c.connection_type', '=', filter.connectionType);
  if (filter.tag) {
    const tag = filter.tag;
    q = q.where((eb) => eb.exists(eb.selectFrom('contact_tags as t').select('t.tag').whereRef('t.contact_id', '=', 'c.id').where(sql<string>`lower(t.tag)`, '=', tag.toLowerCase())));
  }
  const rows = await q.orderBy('c.id').execute();
  const ids = rows.map((r) => r.id);
  if (!filter.ids) return ids;
  const wanted = new Set(filter.ids);
  return ids.filter((id) => wanted.has(id));
}

export async function photosOf(store: Store, ids: readonly number[]): Promise<Map<number, string>> {
  const photos = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom('contacts').select(['id', 'photo']).where('id', 'in', ids.slice(i, i + 500)).where('photo', 'is not', null).execute();
    for (const r of rows) if (r.photo !== null) photos.set(r.id, r.photo);
  }
  return photos;
}

export interface DueItemRow {
  kind: 'follow-up' | 'action';
  id: number;
  revision: number;
  day: string;
  text: string;
  detail: string | null;
  contact: string | null;
  created_at: string;
}

// Open follow-ups (at the day a snooze moved them to) and open actions with a due day, for the calendar feed.
// The random id this database was given once (migration 0080), which makes calendar UIDs globally unique.
export async function workspaceUid(store: Store): Promise<string> {
  const row = await store.db.selectFrom('workspaces').select('uid').where('id', '=', store.workspaceId).executeTakeFirst();
  if (row?.uid) return row.uid;
  const uid = randomUUID();
  await store.db.updateTable('workspaces').set({ uid }).where('id', '=', store.workspaceId).where('uid', 'is', null).execute();
  return (await store.db.selectFrom('workspaces').select('uid').where('id', '=', store.workspaceId).executeTakeFirst())?.uid ?? uid;
}

export async function openDueItems(store: Store): Promise<DueItemRow[]> {
  const follow = await store.db.selectFrom('follow_ups as f').innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.due_on', 'f.snoozed_until', 'f.reason', 'f.created_at', 'f.revision', 'c.name'])
    .where('f.workspace_id', '=', store.workspaceId).where('f.done_at', 'is', null).where('c.archived', '=', 0)
    .orderBy('f.id').execute();
  const actions = await store.db.selectFrom('actions as a').leftJoin('contacts as c', 'c.id', 'a.contact_id')
    .select(['a.id', 'a.due_on', 'a.kind', 'a.description', 'a.created_at', 'a.revision', 'c.name'])
    .where('a.workspace_id', '=', store.workspaceId).where('a.done_at', 'is', null).where('a.due_on', 'is not', null)
    .orderBy('a.id').execute();
  return [
    ...follow.map((f): DueItemRow => ({
      kind: 'follow-up', id: f.id, day: f.snoozed_until && f.snoozed_until > f.due_on ? f.snoozed_until : f.due_on,
      text: f.reason, detail: null, contact: f.name, created_at: f.created_at, revision: f.revision,
    })),
    ...actions.map((a): DueItemRow => ({ kind: 'action', id: a.id, day: a.due_on!, text: a.description, detail: a.kind, contact: a.name, created_at: a.created_at, revision: a.revision })),
  ];
}
