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

export async function loadDraftFacts(store: Store, contactId: number): Promise<DraftFacts> {
  const { db, workspaceId } = store;
  const odb = outreachDb(store);
  const [count, interactions, events, communities, goals, conversation] = await Promise.all([
    db.selectFrom('interaction_participants').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).executeTakeFirstOrThrow(),
    odb.selectFrom('interaction_participants as p').innerJoin('interactions as i', 'i.id', 'p.interaction_id')
      .select(['i.occurred_at', 'i.kind', 'i.channel', 'i.summary', 'i.value_flow', 'i.value_note'])
      .select((eb) => eb.exists(eb.selectFrom('sent_messages as s').select('s.id').whereRef('s.interaction_id', '=', 'i.id')).as('from_draft'))
      .where('p.contact_id', '=', contactId).where('i.workspace_id', '=', workspaceId)
      .orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc').limit(RECENT).execute(),
    db.selectFrom('event_attendees as a').innerJoin('events as e', 'e.id', 'a.event_id')
      .select(['e.id', 'e.name', 'e.date', 'a.met_there'])
      .where('a.workspace_id', '=', workspaceId).where('a.contact_id', '=', contactId)
      .orderBy('a.met_there', 'desc').orderBy('e.date', 'desc').orderBy('e.id', 'desc').limit(1).execute(),
    db.selectFrom('community_members as m').innerJoin('communities as c', 'c.id', 'm.community_id')
      .select('c.name')
      .where('m.workspace_id', '=', workspaceId).where('m.contact_id', '=', contactId).where('c.i_am_member', '=', 1)
      .orderBy('c.name').execute(),
    db.selectFrom('goal_contacts as gc').innerJoin('goals as g', 'g.id', 'gc.goal_id')
      .select(['g.id', 'g.description'])
      .where('gc.workspace_id', '=', workspaceId).where('gc.contact_id', '=', contactId).where('g.status', '=', 'open')
      .orderBy('g.id', 'desc').execute(),
    conversationRecords(store, [contactId]),
  ]);
  const [event] = events;
  return {
    interactionCount: Number(count.n),
    conversation: conversation.get(contactId) ?? { lastConversationAt: null, connectedCount: 0 },
    recentInteractions: interactions.map((r) => ({
      occurredAt: r.occurred_at, kind: r.kind, channel: r.channel, summary: r.summary, valueFlow: r.value_flow, valueNote: r.value_note, fromDraft: Boolean(r.from_draft),
    })),
    event: event ? { id: event.id, name: event.name, date: event.date, metThere: event.met_there === 1, attended: true } : null,
    sharedCommunities: communities.map((c) => c.name),
    openGoals: goals,
  };
}

export async function loadDraftEvent(store: Store, eventId: number, contactId: number): Promise<DraftEvent | null> {
  const row = await store.db.selectFrom('events as e')
    .leftJoin('event_attendees as a', (j) => j.onRef('a.event_id', '=', 'e.id').on('a.contact_id', '=', contactId))
    .select(['e.id', 'e.name', 'e.date', 'a.met_there', 'a.contact_id'])
    .where('e.workspace_id', '=', store.workspaceId).where('e.id', '=', eventId).executeTakeFirst();
  return row ? { id: row.id, name: row.name, date: row.date, metThere: row.met_there === 1, attended: row.contact_id !== null } : null;
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
