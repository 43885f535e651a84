import type { NetworkingEvent } from '../../domain/entities.ts';
import type { Store } from '../store.ts';
import { chunks } from '../chunks.ts';

export type EventFields = Omit<NetworkingEvent, 'id' | 'attendees'>;
export type EventSummary = Omit<NetworkingEvent, 'attendees'> & { attendeeCount: number };

export async function insertEvent(store: Store, fields: EventFields, now: string): Promise<number> {
  const row = await store.db
    .insertInto('events')
    .values({
      workspace_id: store.workspaceId, name: fields.name, kind: fields.kind, date: fields.date, place: fields.place,
      community_id: fields.communityId, notes: fields.notes, created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// Attending again updates the "met there" mark.
export async function recordAttendance(store: Store, eventId: number, contactIds: readonly number[], metThere: boolean): Promise<void> {
  const rows = [...new Set(contactIds)].map((contact_id) => ({ workspace_id: store.workspaceId, event_id: eventId, contact_id, met_there: metThere ? 1 : 0 }));
  for (let i = 0; i < rows.length; i += 500) {
    await store.db.insertInto('event_attendees').values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['event_id', 'contact_id']).doUpdateSet({ met_there: metThere ? 1 : 0 }))
      .execute();
  }
}

export async function removeAttendance(store: Store, eventId: number, contactIds: readonly number[]): Promise<number> {
  let removed = 0;
  for (const part of chunks([...new Set(contactIds)])) {
    const res = await store.db.deleteFrom('event_attendees')
      .where('workspace_id', '=', store.workspaceId).where('event_id', '=', eventId).where('contact_id', 'in', part).executeTakeFirst();
    removed += Number(res.numDeletedRows);
  }
  return removed;
}

// One open follow-up per person met at an event: attending twice must not nag twice.
export async function addEventFollowUps(store: Store, event: { id: number; name: string }, contactIds: readonly number[], dueOn: string, now: string): Promise<number> {
  const unique = [...new Set(contactIds)];
  if (unique.length === 0) return 0;
  const have = new Set<number>();
  for (const part of chunks(unique)) {
    const open = await store.db.selectFrom('follow_ups').select('contact_id')
      .where('workspace_id', '=', store.workspaceId).where('event_id', '=', event.id).where('done_at', 'is', null).where('contact_id', 'in', part).execute();
    for (const r of open) have.add(r.contact_id);
  }
  const rows = unique.filter((id) => !have.has(id)).map((contact_id) => ({
    workspace_id: store.workspaceId, contact_id, due_on: dueOn, reason: `Follow up after meeting at ${event.name}`, source: 'event',
    event_id: event.id, done_at: null, snoozed_until: null, created_at: now,
  }));
  for (let i = 0; i < rows.length; i += 500) await store.db.insertInto('follow_ups').values(rows.slice(i, i + 500)).execute();
  return rows.length;
}

function eventsQuery(store: Store) {
  return store.db
    .selectFrom('events')
    .selectAll('events')
    .select((eb) => eb.selectFrom('event_attendees').select(eb.fn.countAll<number>().as('n')).whereRef('event_attendees.event_id', '=', 'events.id').as('attendee_count'))
    .where('events.workspace_id', '=', store.workspaceId);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventsQuery>['execute']>>[number];
const toSummary = (r: EventRow): EventSummary => ({
  id: r.id, name: r.name, kind: r.kind as NetworkingEvent['kind'], date: r.date, place: r.place, communityId: r.community_id, notes: r.notes,
  attendeeCount: Number(r.attendee_count ?? 0),
});

export async function loadEvent(store: Store, id: number): Promise<NetworkingEvent | null> {
  const row = await eventsQuery(store).where('events.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const attendees = await store.db
    .selectFrom('event_attendees')
    .innerJoin('contacts', 'contacts.id', 'event_attendees.contact_id')
    .select(['contacts.id', 'contacts.name', 'event_attendees.met_there'])
    .where('event_attendees.event_id', '=', id)
    .orderBy('contacts.name_key')
    .orderBy('contacts.id')
    .execute();
  const { attendeeCount: _count, ...event } = toSummary(row);
  return { ...event, attendees: attendees.map((a) => ({ id: a.id, name: a.name, metThere: a.met_there === 1 })) };
}

// Newest first; an optional community narrows it to that community's events.
export async function listEvents(store: Store, opts: { communityId?: number | undefined; limit: number; offset: number }): Promise<{ items: EventSummary[]; total: number }> {
  let items = eventsQuery(store);
  let count = store.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('events.workspace_id', '=', store.workspaceId);
  if (opts.communityId !== undefined) {
    items = items.where('events.community_id', '=', opts.communityId);
    count = count.where('events.community_id', '=', opts.communityId);
  }
  const rows = await items.orderBy('events.date', 'desc').orderBy('events.id', 'desc').limit(opts.limit).offset(opts.offset).execute();
  return { items: rows.map(toSummary), total: Number((await count.executeTakeFirstOrThrow()).n) };
}
