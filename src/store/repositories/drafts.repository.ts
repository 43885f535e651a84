import type { ConversationRecord } from '../../domain/message-mode.ts';
import type { Store } from '../store.ts';
import { outreachDb, type SentMessageTable } from './templates.repository.ts';

// What a draft can say about a person, read in a handful of small queries.
export interface DraftInteraction {
  occurredAt: string;
  kind: string;
  channel: string;
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
  // On the event's attendee list: only then may a draft say "good to meet you at ...".
  attended: boolean;
}
export interface DraftFacts {
  interactionCount: number;
  // Real conversations, not the 'connected' entries of an import: what decides a first message.
  conversation: ConversationRecord;
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

const noFacts = (): DraftFacts => ({
  interactionCount: 0, conversation: { lastConversationAt: null, connectedCount: 0 }, recentInteractions: [], event: null, sharedCommunities: [], openGoals: [],
});

export async function loadDraftFacts(store: Store, contactId: number): Promise<DraftFacts> {
  return (await loadDraftFactsMany(store, [contactId])).get(contactId)!;
}

// The facts of many contacts in six queries per chunk of CHUNK, whatever their number (outreach drafts up to 100
// at once). Every id asked for gets an entry, empty for a contact with no history.
export async function loadDraftFactsMany(store: Store, contactIds: readonly number[]): Promise<Map<number, DraftFacts>> {
  const ids = [...new Set(contactIds)];
  const out = new Map(ids.map((id) => [id, noFacts()]));
  for (let i = 0; i < ids.length; i += CHUNK) await loadFactsChunk(store, ids.slice(i, i + CHUNK), out);
  return out;
}

async function loadFactsChunk(store: Store, ids: number[], out: Map<number, DraftFacts>): Promise<void> {
  const { db, workspaceId } = store;
  const odb = outreachDb(store);
  const [counts, interactions, events, communities, goals, conversation] = await Promise.all([
    db.selectFrom('interaction_participants').select((eb) => ['contact_id', eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId).where('contact_id', 'in', ids).groupBy('contact_id').execute(),
    // The newest RECENT of each contact: numbered per contact, newest first, then cut.
    odb.selectFrom((qb) => qb.selectFrom('interaction_participants as p').innerJoin('interactions as i', 'i.id', 'p.interaction_id')
      .select(['p.contact_id', 'i.occurred_at', 'i.kind', 'i.channel', 'i.summary', 'i.value_flow', 'i.value_note'])
      .select((eb) => eb.exists(eb.selectFrom('sent_messages as s').select('s.id').whereRef('s.interaction_id', '=', 'i.id')).as('from_draft'))
      .select((eb) => eb.fn.agg<number>('row_number').over((o) => o.partitionBy('p.contact_id').orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc')).as('rn'))
      .where('p.contact_id', 'in', ids).where('i.workspace_id', '=', workspaceId)
      .as('r'))
      .selectAll().where('r.rn', '<=', RECENT).orderBy('r.contact_id').orderBy('r.rn').execute(),
    // Where each met: the latest event they were marked met at, else the latest they attended.
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
    conversationRecords(store, ids),
  ]);
  const factsOf = (id: number): DraftFacts => out.get(id)!;
  for (const c of counts) factsOf(c.contact_id).interactionCount = Number(c.n);
  for (const [id, record] of conversation) factsOf(id).conversation = record;
  for (const r of interactions) {
    factsOf(r.contact_id).recentInteractions.push({
      occurredAt: r.occurred_at, kind: r.kind, channel: r.channel, summary: r.summary, valueFlow: r.value_flow, valueNote: r.value_note, fromDraft: Boolean(r.from_draft),
    });
  }
  for (const e of events) factsOf(e.contact_id).event = { id: e.id, name: e.name, date: e.date, metThere: e.met_there === 1, attended: true };
  for (const c of communities) factsOf(c.contact_id).sharedCommunities.push(c.name);
  for (const g of goals) factsOf(g.contact_id).openGoals.push({ id: g.id, description: g.description });
}

export const draftEventKey = (eventId: number, contactId: number): string => `${eventId}:${contactId}`;

// Several events as each of several contacts saw them (outreach's met-at-event drafts), in two queries, keyed by
// draftEventKey. A pair whose event does not exist is absent; attended says whether that contact was on its list.
export async function loadDraftEvents(store: Store, pairs: readonly { eventId: number; contactId: number }[]): Promise<Map<string, DraftEvent>> {
  const out = new Map<string, DraftEvent>();
  const eventIds = [...new Set(pairs.map((p) => p.eventId))];
  const contactIds = [...new Set(pairs.map((p) => p.contactId))];
  if (eventIds.length === 0) return out;
  const { db, workspaceId } = store;
  const events = new Map<number, { id: number; name: string; date: string }>();
  const attendance = new Map<string, boolean>();
  for (let i = 0; i < eventIds.length; i += CHUNK) {
    const chunk = eventIds.slice(i, i + CHUNK);
    const [rows, attendees] = await Promise.all([
      db.selectFrom('events').select(['id', 'name', 'date']).where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute(),
      db.selectFrom('event_attendees').select(['event_id', 'contact_id', 'met_there'])
        .where('workspace_id', '=', workspaceId).where('event_id', 'in', chunk).where('contact_id', 'in', contactIds).execute(),
    ]);
    for (const e of rows) events.set(e.id, e);
    for (const a of attendees) attendance.set(draftEventKey(a.event_id, a.contact_id), a.met_there === 1);
  }
  for (const { eventId, contactId } of pairs) {
    const e = events.get(eventId);
    const key = draftEventKey(eventId, contactId);
    if (e) out.set(key, { id: e.id, name: e.name, date: e.date, metThere: attendance.get(key) ?? false, attended: attendance.has(key) });
  }
  return out;
}

export async function loadGoalDescriptions(store: Store, goalIds: readonly number[]): Promise<Map<number, string>> {
  const ids = [...new Set(goalIds)];
  if (ids.length === 0) return new Map();
  const rows = await store.db.selectFrom('goals').select(['id', 'description'])
    .where('workspace_id', '=', store.workspaceId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.description]));
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

// Per contact: the newest interaction that was a real conversation (any kind but 'connected'), and how many
// 'connected' entries there are. Contacts with no interaction at all are absent from the map.
export async function conversationRecords(store: Store, contactIds: readonly number[]): Promise<Map<number, ConversationRecord>> {
  const out = new Map<number, ConversationRecord>();
  for (let i = 0; i < contactIds.length; i += 500) {
    const rows = await store.db.selectFrom('interaction_participants as p').innerJoin('interactions as i', 'i.id', 'p.interaction_id')
      .select((eb) => [
        'p.contact_id',
        eb.fn.max(eb.case().when('i.kind', '!=', 'connected').then(eb.ref('i.occurred_at')).end()).as('last_conversation'),
        eb.fn.sum<number>(eb.case().when('i.kind', '=', 'connected').then(1).else(0).end()).as('connected'),
      ])
      .where('p.workspace_id', '=', store.workspaceId).where('p.contact_id', 'in', contactIds.slice(i, i + 500))
      .groupBy('p.contact_id').execute();
    for (const r of rows) out.set(r.contact_id, { lastConversationAt: (r.last_conversation as string | null) ?? null, connectedCount: Number(r.connected ?? 0) });
  }
  return out;
}
