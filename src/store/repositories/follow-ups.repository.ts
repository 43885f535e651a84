import { sql } from 'kysely';
import type { FollowUp, FollowUpSource } from '../../domain/entities.ts';
import type { Store } from '../store.ts';

export async function loadFollowUps(store: Store, where: { ids?: readonly number[]; contactId?: number; openOnly?: boolean; dueBy?: string; activeOn?: string; limit?: number }): Promise<FollowUp[]> {
  let q = store.db
    .selectFrom('follow_ups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.contact_id', 'c.name', 'f.due_on', 'f.reason', 'f.source', 'f.event_id', 'f.done_at', 'f.snoozed_until', 'f.created_at'])
    .where('f.workspace_id', '=', store.workspaceId);
  if (where.ids) q = q.where('f.id', 'in', where.ids.length ? where.ids : [-1]);
  if (where.contactId !== undefined) q = q.where('f.contact_id', '=', where.contactId);
  if (where.openOnly) q = q.where('f.done_at', 'is', null).where('c.archived', '=', 0);
  if (where.dueBy) q = q.where('f.due_on', '<=', where.dueBy);
  // A snoozed follow-up stays off the list until its snooze ends.
  if (where.activeOn) {
    const day = where.activeOn;
    q = q.where((eb) => eb.or([eb('f.snoozed_until', 'is', null), eb('f.snoozed_until', '<=', day)]));
  }
  const rows = await q.orderBy('f.due_on').orderBy('f.id').limit(where.limit ?? 1000).execute();
  return rows.map(followUpOf);
}

interface FollowUpRow {
  id: number; contact_id: number; name: string; due_on: string; reason: string; source: string; event_id: number | null;
  done_at: string | null; snoozed_until: string | null; created_at: string;
}

function followUpOf(r: FollowUpRow): FollowUp {
  return {
    id: r.id,
    contactId: r.contact_id,
    contactName: r.name,
    dueOn: r.due_on,
    reason: r.reason,
    source: r.source as FollowUpSource,
    eventId: r.event_id,
    doneAt: r.done_at,
    snoozedUntil: r.snoozed_until,
    createdAt: r.created_at,
  };
}

// Each contact's first open follow-up (earliest due, as loadFollowUps orders them; snoozed ones count), for many
// contacts in one query per chunk: the occasion a batch of drafts is written for. Contacts with none are absent.
export async function firstOpenFollowUps(store: Store, contactIds: readonly number[]): Promise<Map<number, FollowUp>> {
  const ids = [...new Set(contactIds)];
  const out = new Map<number, FollowUp>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db.selectFrom((qb) => qb.selectFrom('follow_ups as f').innerJoin('contacts as c', 'c.id', 'f.contact_id')
      .select(['f.id', 'f.contact_id', 'c.name', 'f.due_on', 'f.reason', 'f.source', 'f.event_id', 'f.done_at', 'f.snoozed_until', 'f.created_at'])
      .select((eb) => eb.fn.agg<number>('row_number').over((o) => o.partitionBy('f.contact_id').orderBy('f.due_on').orderBy('f.id')).as('rn'))
      .where('f.workspace_id', '=', store.workspaceId).where('f.contact_id', 'in', ids.slice(i, i + 500))
      .where('f.done_at', 'is', null).where('c.archived', '=', 0)
      .as('r'))
      .selectAll().where('r.rn', '=', 1).execute();
    for (const r of rows) out.set(r.contact_id, followUpOf(r));
  }
  return out;
}

// A follow-up waits from its event's day (or the day it was made); only an interaction on or after that answers it.
export async function resolveFollowUps(store: Store, contactIds: readonly number[], interactionDay: string, now: string): Promise<void> {
  await store.db.updateTable('follow_ups').set((eb) => ({ done_at: now, revision: eb('revision', '+', 1) }))
    .where('contact_id', 'in', contactIds).where('done_at', 'is', null)
    .where((eb) => eb.or([
      eb.and([eb('event_id', 'is', null), eb(sql<string>`substr(created_at, 1, 10)`, '<=', interactionDay)]),
      eb('event_id', 'in', eb.selectFrom('events').select('id').where('date', '<=', interactionDay)),
    ]))
    .execute();
}
