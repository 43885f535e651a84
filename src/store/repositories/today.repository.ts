import { sql, type ExpressionBuilder } from 'kysely';
import type { FollowUp, FollowUpSource } from '../../domain/entities.ts';
import { maskToNetworks, type Network } from '../../domain/networks.ts';
import type { Store } from '../store.ts';
import type { Database } from '../tables.ts';

export interface DueContactRow {
  id: number;
  name: string;
  organisation: string | null;
  networks: Network[];
  lastInteractionAt: string | null;
  nextDueOn: string;
}

// Keep-in-touch due by a day, most overdue first, skipping contacts an open follow-up already covers and those
// `excluded` (listed in a section that takes precedence: met at a recent event, named in a due action).
export async function dueContacts(
  store: Store, dueBy: string, limit: number, offset = 0, excluded: readonly number[] = [],
): Promise<{ items: DueContactRow[]; total: number }> {
  const noFollowUp = (eb: ExpressionBuilder<Database & { c: Database['contacts'] }, 'c'>) =>
    eb.not(eb.exists(eb.selectFrom('follow_ups as f').select('f.id').whereRef('f.contact_id', '=', 'c.id').where('f.done_at', 'is', null)));
  let base = store.db
    .selectFrom('contacts as c')
    .where('c.workspace_id', '=', store.workspaceId)
    .where('c.archived', '=', 0)
    .where('c.next_due_on', '<=', dueBy)
    .where(noFollowUp);
  if (excluded.length > 0) base = base.where('c.id', 'not in', [...excluded]);
  const rows = await base
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.name', 'o.name as organisation', 'c.networks', 'c.last_interaction_at', 'c.next_due_on'])
    .orderBy('c.next_due_on')
    .orderBy('c.id')
    .limit(limit)
    .offset(offset)
    .execute();
  // Counted as (all due) − (due with an open follow-up) − (due, excluded, without one): index ranges and a short
  // id list, where the NOT EXISTS above would probe follow-ups once per due contact (10,000 probes at 30,000
  // contacts: most of the time `today` took).
  const due = store.db
    .selectFrom('contacts as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.workspace_id', '=', store.workspaceId)
    .where('c.archived', '=', 0)
    .where('c.next_due_on', '<=', dueBy);
  const [all, covered, skipped] = await Promise.all([
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
    excluded.length > 0 ? due.where('c.id', 'in', [...excluded]).where(noFollowUp).executeTakeFirstOrThrow() : Promise.resolve({ n: 0 }),
  ]);
  return {
    total: Number(all.n) - Number(covered.n) - Number(skipped.n),
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

// Open actions due by a day, most overdue first.
export async function actionsDue(store: Store, dueBy: string, limit: number, offset = 0): Promise<{ items: OpenActionRow[]; total: number }> {
  const open = store.db
    .selectFrom('actions as a')
    .where('a.workspace_id', '=', store.workspaceId)
    .where('a.done_at', 'is', null)
    .where('a.due_on', '<=', dueBy);
  const [rows, count] = await Promise.all([
    open
      .leftJoin('goals as g', 'g.id', 'a.goal_id')
      .leftJoin('contacts as c', 'c.id', 'a.contact_id')
      .select(['a.id', 'a.kind', 'a.description', 'a.due_on', 'a.goal_id', 'g.description as goal', 'a.contact_id', 'c.name as contact_name'])
      .orderBy('a.due_on')
      .orderBy('a.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    open.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map((r) => ({ id: r.id, kind: r.kind, description: r.description, dueOn: r.due_on, goalId: r.goal_id, goal: r.goal, contactId: r.contact_id, contactName: r.contact_name })) };
}

// Contacts named in an open action due by a day: the action already lists them.
export async function actionContactIds(store: Store, dueBy: string): Promise<number[]> {
  const rows = await store.db.selectFrom('actions').select('contact_id').distinct()
    .where('workspace_id', '=', store.workspaceId).where('done_at', 'is', null).where('due_on', '<=', dueBy).where('contact_id', 'is not', null).execute();
  return rows.map((r) => r.contact_id).filter((id): id is number => id !== null);
}

export interface MetAtEventRow {
  contactId: number;
  contactName: string;
  eventId: number;
  eventName: string;
  eventDate: string;
}

// Met at an event since `since`, and not a word exchanged since the event: one row per person (their latest such
// event), the longest waiting first. Few by nature (a two-week window), so read whole and paged by the caller.
export async function metAtRecentEvents(store: Store, since: string, today: string): Promise<MetAtEventRow[]> {
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
    .orderBy('e.id', 'desc')
    .limit(MET_AT_EVENTS_CAP)
    .execute();
  const latest = new Map<number, MetAtEventRow>();
  for (const r of rows) {
    if (!latest.has(r.contact_id)) latest.set(r.contact_id, { contactId: r.contact_id, contactName: r.name, eventId: r.event_id, eventName: r.event_name, eventDate: r.date });
  }
  return [...latest.values()].sort((a, b) => a.eventDate.localeCompare(b.eventDate) || a.contactName.localeCompare(b.contactName) || a.contactId - b.contactId);
}

const MET_AT_EVENTS_CAP = 5000;

// Open follow-ups due by a day and not snoozed past it, most overdue first, except for `excluded` contacts.
export async function followUpsDue(
  store: Store, dueBy: string, activeOn: string, limit: number, offset: number, excluded: readonly number[],
): Promise<{ items: FollowUp[]; total: number }> {
  let open = store.db
    .selectFrom('follow_ups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .where('f.workspace_id', '=', store.workspaceId)
    .where('f.done_at', 'is', null)
    .where('c.archived', '=', 0)
    .where('f.due_on', '<=', dueBy)
    .where((eb) => eb.or([eb('f.snoozed_until', 'is', null), eb('f.snoozed_until', '<=', activeOn)]));
  if (excluded.length > 0) open = open.where('f.contact_id', 'not in', [...excluded]);
  const [rows, count] = await Promise.all([
    open.select(['f.id', 'f.contact_id', 'c.name', 'f.due_on', 'f.reason', 'f.source', 'f.event_id', 'f.done_at', 'f.snoozed_until', 'f.created_at'])
      .orderBy('f.due_on').orderBy('f.id').limit(limit).offset(offset).execute(),
    open.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id, contactId: r.contact_id, contactName: r.name, dueOn: r.due_on, reason: r.reason, source: r.source as FollowUpSource,
      eventId: r.event_id, doneAt: r.done_at, snoozedUntil: r.snoozed_until, createdAt: r.created_at,
    })),
  };
}
