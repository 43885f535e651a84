import type { Store } from '../store.ts';
import { outreachDb, type SentMessageTable } from './templates.repository.ts';

// What a draft can say about a person, read in a handful of small queries.
export interface DraftInteraction {
  occurredAt: string;
  kind: string;
  summary: string | null;
  valueFlow: string;
  valueNote: string | null;
  // Sent from a draft: its summary is our own subject line, not something they said.
  fromDraft: boolean;
}
export interface DraftEvent {
  id: number;
  name: string;
  date: string;
  metThere: boolean;
}
export interface DraftFacts {
  interactionCount: number;
  // Newest first, a few: enough to find the last topic and the last help received.
  recentInteractions: DraftInteraction[];
  // Where you met: the latest event they were marked met at, else the latest they attended.
  event: DraftEvent | null;
  sharedCommunities: string[];
  openGoals: { id: number; description: string }[];
}

const RECENT = 20;
// Contacts per batch of queries: well under every dialect's limit on bound parameters.
const CHUNK = 500;

export async function loadDraftFacts(store: Store, contactId: number): Promise<DraftFacts> {
  return (await loadDraftFactsMany(store, [contactId])).get(contactId)!;
}

// The facts of many contacts in five queries per chunk, whatever their number (outreach drafts up to 100 at once).
export async function loadDraftFactsMany(store: Store, contactIds: readonly number[]): Promise<Map<number, DraftFacts>> {
  const out = new Map<number, DraftFacts>();
  const ids = [...new Set(contactIds)];
  for (const id of ids) out.set(id, { interactionCount: 0, recentInteractions: [], event: null, sharedCommunities: [], openGoals: [] });
  for (let i = 0; i < ids.length; i += CHUNK) await loadChunk(store, ids.slice(i, i + CHUNK), out);
  return out;
}

async function loadChunk(store: Store, ids: number[], out: Map<number, DraftFacts>): Promise<void> {
  const { db, workspaceId } = store;
  const odb = outreachDb(store);
  const [counts, interactions, events, communities, goals] = await Promise.all([
    interactionCounts(store, ids),
    // The newest RECENT of each contact: numbered per contact, newest first, then cut.
    odb.selectFrom((qb) => qb.selectFrom('interaction_participants as p').innerJoin('interactions as i', 'i.id', 'p.interaction_id')
      .select(['p.contact_id', 'i.occurred_at', 'i.kind', 'i.summary', 'i.value_flow', 'i.value_note'])
      .select((eb) => eb.exists(eb.selectFrom('sent_messages as s').select('s.id').whereRef('s.interaction_id', '=', 'i.id')).as('from_draft'))
      .select((eb) => eb.fn.agg<number>('row_number').over((o) => o.partitionBy('p.contact_id').orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc')).as('rn'))
      .where('p.contact_id', 'in', ids).where('i.workspace_id', '=', workspaceId)
      .as('r'))
      .selectAll().where('r.rn', '<=', RECENT).orderBy('r.contact_id').orderBy('r.rn').execute(),
    db.selectFrom((qb) => qb.selectFrom('event_attendees as a').innerJoin('events as e', 'e.id', 'a.event_id')
      .select(['a.contact_id', 'e.id', 'e.name', 'e.date', 'a.met_there'])
      .select((eb) => eb.fn.agg<number>('row_number').over((o) => o.partitionBy('a.contact_id').orderBy('a.met_there', 'desc').orderBy('e.date', 'desc').orderBy('e.id', 'desc')).as('rn'))
      .where('a.workspace_id', '=', workspaceId).where('a.contact_id', 'in', ids)
      .as('r'))
      .selectAll().where('r.rn', '=', 1).execute(),
    db.selectFrom('community_members as m').innerJoin('communities as c', 'c.id', 'm.community_id')
      .select(['m.contact_id', 'c.name'])
      .where('m.workspace_id', '=', workspaceId).where('m.contact_id', 'in', ids).where('c.i_am_member', '=', 1)
      .orderBy('c.name').execute(),
    db.selectFrom('goal_contacts as gc').innerJoin('goals as g', 'g.id', 'gc.goal_id')
      .select(['gc.contact_id', 'g.id', 'g.description'])
      .where('gc.workspace_id', '=', workspaceId).where('gc.contact_id', 'in', ids).where('g.status', '=', 'open')
      .orderBy('g.id', 'desc').execute(),
  ]);
  for (const [id, n] of counts) out.get(id)!.interactionCount = n;
  for (const r of interactions) {
    out.get(r.contact_id)!.recentInteractions.push({
      occurredAt: r.occurred_at, kind: r.kind, summary: r.summary, valueFlow: r.value_flow, valueNote: r.value_note, fromDraft: Boolean(r.from_draft),
    });
  }
  for (const e of events) out.get(e.contact_id)!.event = { id: e.id, name: e.name, date: e.date, metThere: e.met_there === 1 };
  for (const c of communities) out.get(c.contact_id)!.sharedCommunities.push(c.name);
  for (const g of goals) out.get(g.contact_id)!.openGoals.push({ id: g.id, description: g.description });
}

export async function loadDraftEvent(store: Store, eventId: number, contactId: number): Promise<DraftEvent | null> {
  const row = await store.db.selectFrom('events as e')
    .leftJoin('event_attendees as a', (j) => j.onRef('a.event_id', '=', 'e.id').on('a.contact_id', '=', contactId))
    .select(['e.id', 'e.name', 'e.date', 'a.met_there'])
    .where('e.workspace_id', '=', store.workspaceId).where('e.id', '=', eventId).executeTakeFirst();
  return row ? { id: row.id, name: row.name, date: row.date, metThere: row.met_there === 1 } : null;
}

// Several events as seen by several contacts (outreach's met-at-event drafts): two queries, keyed "event:contact".
export async function loadDraftEvents(store: Store, pairs: readonly { eventId: number; contactId: number }[]): Promise<Map<string, DraftEvent>> {
  const out = new Map<string, DraftEvent>();
  if (pairs.length === 0) return out;
  const eventIds = [...new Set(pairs.map((p) => p.eventId))];
  const contactIds = [...new Set(pairs.map((p) => p.contactId))];
  const [events, attendees] = await Promise.all([
    store.db.selectFrom('events').select(['id', 'name', 'date']).where('workspace_id', '=', store.workspaceId).where('id', 'in', eventIds).execute(),
    store.db.selectFrom('event_attendees').select(['event_id', 'contact_id', 'met_there'])
      .where('workspace_id', '=', store.workspaceId).where('event_id', 'in', eventIds).where('contact_id', 'in', contactIds).execute(),
  ]);
  const met = new Map(attendees.map((a) => [`${a.event_id}:${a.contact_id}`, a.met_there === 1]));
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const { eventId, contactId } of pairs) {
    const e = byId.get(eventId);
    if (e) out.set(`${eventId}:${contactId}`, { id: e.id, name: e.name, date: e.date, metThere: met.get(`${eventId}:${contactId}`) ?? false });
  }
  return out;
}

export async function loadGoalDescription(store: Store, goalId: number): Promise<string | null> {
  const row = await store.db.selectFrom('goals').select('description')
    .where('workspace_id', '=', store.workspaceId).where('id', '=', goalId).executeTakeFirst();
  return row?.description ?? null;
}

export type SentMessageRow = Omit<SentMessageTable, 'id' | 'workspace_id'>;
export interface SentMessage {
  id: number;
  interactionId: number;
  contactId: number;
  template: string | null;
  subject: string;
  text: string;
  channel: string;
  via: string;
  sentAt: string;
}

export async function insertSentMessage(store: Store, row: SentMessageRow): Promise<number> {
  const { id } = await outreachDb(store).insertInto('sent_messages').values({ ...row, workspace_id: store.workspaceId }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function listSentMessages(store: Store, contactId: number, limit: number): Promise<SentMessage[]> {
  const rows = await outreachDb(store).selectFrom('sent_messages').selectAll()
    .where('workspace_id', '=', store.workspaceId).where('contact_id', '=', contactId)
    .orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id, interactionId: r.interaction_id, contactId: r.contact_id, template: r.template, subject: r.subject, text: r.body,
    channel: r.channel, via: r.via, sentAt: r.sent_at,
  }));
}

export async function interactionCounts(store: Store, contactIds: readonly number[]): Promise<Map<number, number>> {
  if (contactIds.length === 0) return new Map();
  const rows = await store.db.selectFrom('interaction_participants').select(['contact_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', store.workspaceId).where('contact_id', 'in', [...contactIds]).groupBy('contact_id').execute();
  return new Map(rows.map((r) => [r.contact_id, Number(r.n)]));
}
