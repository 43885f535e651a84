import { sql } from 'kysely';
import { maskToNetworks, type Network } from '../../domain/networks.ts';
import type { Store } from '../store.ts';

export interface DueContactRow {
  id: number;
  name: string;
  organisation: string | null;
  networks: Network[];
  lastInteractionAt: string | null;
  nextDueOn: string;
}

// Keep-in-touch due by a day, skipping contacts an open follow-up already covers (follow-ups come first).
export async function dueContacts(store: Store, dueBy: string, limit: number): Promise<{ items: DueContactRow[]; total: number }> {
  const base = store.db
    .selectFrom('contacts as c')
    .where('c.workspace_id', '=', store.workspaceId)
    .where('c.archived', '=', 0)
    .where('c.next_due_on', '<=', dueBy)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('follow_ups as f').select('f.id').whereRef('f.contact_id', '=', 'c.id').where('f.done_at', 'is', null))));
  const rows = await base
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.name', 'o.name as organisation', 'c.networks', 'c.last_interaction_at', 'c.next_due_on'])
    .orderBy('c.next_due_on')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  // Counted as (all due) − (due with an open follow-up): two index ranges, where the NOT EXISTS above would probe
  // follow-ups once per due contact (10,000 probes at 30,000 contacts: most of the time `today` took).
  const due = store.db
    .selectFrom('contacts as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.workspace_id', '=', store.workspaceId)
    .where('c.archived', '=', 0)
    .where('c.next_due_on', '<=', dueBy);
  const [all, covered] = await Promise.all([
    due.executeTakeFirstOrThrow(),
    store.db
      .selectFrom('follow_ups as f')
      .innerJoin('contacts as c', 'c.id', 'f.contact_id')
      .select(sql<number>`count(distinct c.id)`.as('n'))
      .where('f.workspace_id', '=', store.workspaceId)
      .where('f.done_at', 'is', null)
      .where('c.archived', '=', 0)
      .where('c.next_due_on', '<=', dueBy)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(all.n) - Number(covered.n),
    items: rows.map((r) => ({ id: r.id, name: r.name, organisation: r.organisation, networks: maskToNetworks(r.networks), lastInteractionAt: r.last_interaction_at, nextDueOn: r.next_due_on })),
  };
}

export interface OpenActionRow {
  id: number;
  kind: string;
  description: string;
  dueOn: string | null;
  goalId: number | null;
  goal: string | null;
  contactId: number | null;
  contactName: string | null;
}

export async function actionsDue(store: Store, dueBy: string, limit: number): Promise<OpenActionRow[]> {
  const rows = await store.db
    .selectFrom('actions as a')
    .leftJoin('goals as g', 'g.id', 'a.goal_id')
    .leftJoin('contacts as c', 'c.id', 'a.contact_id')
    .select(['a.id', 'a.kind', 'a.description', 'a.due_on', 'a.goal_id', 'g.description as goal', 'a.contact_id', 'c.name as contact_name'])
    .where('a.workspace_id', '=', store.workspaceId)
    .where('a.done_at', 'is', null)
    .where('a.due_on', '<=', dueBy)
    .orderBy('a.due_on')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, description: r.description, dueOn: r.due_on, goalId: r.goal_id, goal: r.goal, contactId: r.contact_id, contactName: r.contact_name }));
}

export interface MetAtEventRow {
  contactId: number;
  contactName: string;
  eventId: number;
  eventName: string;
  eventDate: string;
}

// Met at an event since `since`, and not a word exchanged since the event.
export async function metAtRecentEvents(store: Store, since: string, today: string, limit: number): Promise<MetAtEventRow[]> {
  const rows = await store.db
    .selectFrom('event_attendees as ea')
    .innerJoin('events as e', 'e.id', 'ea.event_id')
    .innerJoin('contacts as c', 'c.id', 'ea.contact_id')
    .select(['c.id as contact_id', 'c.name', 'e.id as event_id', 'e.name as event_name', 'e.date'])
    .where('ea.workspace_id', '=', store.workspaceId)
    .where('ea.met_there', '=', 1)
    .where('c.archived', '=', 0)
    .where('e.date', '>=', since)
    .where('e.date', '<=', today)
    .where((eb) => eb.or([eb('c.last_interaction_at', 'is', null), eb('c.last_interaction_at', '<', eb.ref('e.date'))]))
    .orderBy('e.date', 'desc')
    .orderBy('c.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ contactId: r.contact_id, contactName: r.name, eventId: r.event_id, eventName: r.event_name, eventDate: r.date }));
}
