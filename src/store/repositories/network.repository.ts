import { sql, type RawBuilder } from 'kysely';
import { CHANNELS, VALUE_FLOWS } from '../../domain/channels.ts';
import type { Store } from '../store.ts';

// Everything network analysis reads, in one bulk load with no per-contact round trips. Archived contacts are
// left out of `contacts`; rows that mention them are dropped by the analysis, which knows who is in.
export interface NetworkContactRow {
  id: number;
  name: string;
  organisation_id: number | null;
  networks: number;
  inside_organisation: number | null;
  industry: string | null;
}
export interface NetworkOrganisationRow { id: number; name: string; industry: string | null; is_mine: number }
export interface NetworkGoalRow { id: number; kind: string; description: string; contactIds: number[]; organisationIds: number[] }
export interface NetworkLabelRow { contact_id: number; label: string }

// One entry per (interaction, participant): a group coffee counts for each person at the table.
export interface InteractionColumns {
  length: number;
  interactionId: Int32Array;
  contactId: Int32Array;
  // Whole days since 1970-01-01 UTC (the domain's epochDay).
  day: Int32Array;
  // Indexes into CHANNELS and VALUE_FLOWS.
  channel: Uint8Array;
  value: Uint8Array;
  gratitude: Uint8Array;
  // 1 for a 'connected' interaction (LinkedIn's "Connected On"): a fact about a platform, not a conversation,
  // so it puts nobody in the user's ego network (docs/ego-network.md).
  connected: Uint8Array;
}
// strength 0 means the user did not say how well the two know each other.
export interface LinkColumns { length: number; a: Int32Array; b: Int32Array; strength: Uint8Array }

export interface NetworkData {
  contacts: NetworkContactRow[];
  organisations: NetworkOrganisationRow[];
  interactions: InteractionColumns;
  links: LinkColumns;
  openGoals: NetworkGoalRow[];
  // Community memberships (by community name) and tags: what a cluster of people may be named after.
  memberships: NetworkLabelRow[];
  tags: NetworkLabelRow[];
}

// The three big tables (300,000+ rows each at benchmark size) come back as one comma-separated list of integers
// per table, as bytes. Materialising a JavaScript row object per link or participant costs several times what
// SQLite spends reading them, and so does decoding a 4 MB string; scanning a byte buffer costs almost nothing.
// Only the names of the aggregate and the cast differ by dialect.
function joinedBytes(store: Store, expr: RawBuilder<unknown>): RawBuilder<Uint8Array | null> {
  return store.dialect === 'sqlite'
    ? sql<Uint8Array | null>`cast(group_concat(${expr}, ',') as blob)`
    : sql<Uint8Array | null>`convert_to(string_agg(${expr}, ','), 'UTF8')`;
}

// CASE expressions built from the domain's own lists (never from input), so the codes match CHANNELS / VALUE_FLOWS.
const codeOf = (column: string, values: readonly string[]): RawBuilder<unknown> =>
  sql.raw(`case ${column} ${values.map((v, i) => `when '${v}' then ${i}`).join(' ')} else 0 end`);

const COMMA = 44;
const ZERO = 48;

async function integers(store: Store, expr: RawBuilder<unknown>, table: 'links' | 'interactions' | 'interaction_participants'): Promise<Int32Array> {
  const { rows } = await sql<{ t: Uint8Array | null }>`select ${joinedBytes(store, expr)} as t from ${sql.table(table)} where workspace_id = ${store.workspaceId}`.execute(store.db);
  const bytes = rows[0]?.t ?? null;
  if (bytes === null || bytes.length === 0) return new Int32Array(0);
  let count = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === COMMA) count++;
  const out = new Int32Array(count);
  let k = 0;
  let v = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === COMMA) {
      out[k++] = v;
      v = 0;
    } else {
      v = v * 10 + (c - ZERO);
    }
  }
  out[k] = v;
  return out;
}

async function loadLinks(store: Store): Promise<LinkColumns> {
  const flat = await integers(store, sql`a_id || ',' || b_id || ',' || coalesce(strength, 0)`, 'links');
  const length = flat.length / 3;
  const links: LinkColumns = { length, a: new Int32Array(length), b: new Int32Array(length), strength: new Uint8Array(length) };
  for (let i = 0, k = 0; i < length; i++, k += 3) {
    links.a[i] = flat[k]!;
    links.b[i] = flat[k + 1]!;
    links.strength[i] = flat[k + 2]!;
  }
  return links;
}

const dayCache = new Map<number, number>();
// 20261123 → days since the epoch; a network spans a few hundred distinct days, so each is computed once.
function epochDayOf(yyyymmdd: number): number {
  let day = dayCache.get(yyyymmdd);
  if (day === undefined) {
    day = Math.floor(Date.UTC(Math.floor(yyyymmdd / 10000), (Math.floor(yyyymmdd / 100) % 100) - 1, yyyymmdd % 100) / 86_400_000);
    dayCache.set(yyyymmdd, day);
  }
  return day;
}

// Integers per interaction in the facts list: id, date, channel, value, gratitude, connected.
const FACTS = 6;

async function loadInteractions(store: Store): Promise<InteractionColumns> {
  const facts = await integers(store, sql`id || ',' || replace(substr(occurred_at, 1, 10), '-', '') || ',' || (${codeOf('channel', CHANNELS)}) || ',' || (${codeOf('value_flow', VALUE_FLOWS)}) || ',' || gratitude || ',' || (case kind when 'connected' then 1 else 0 end)`, 'interactions');
  const who = await integers(store, sql`interaction_id || ',' || contact_id`, 'interaction_participants');
  // Interaction ids are dense integers, so an array indexed by id finds each interaction's facts.
  let maxId = 0;
  for (let k = 0; k < facts.length; k += FACTS) maxId = Math.max(maxId, facts[k]!);
  const at = new Int32Array(maxId + 1).fill(-1);
  for (let k = 0; k < facts.length; k += FACTS) at[facts[k]!] = k;
  const length = who.length / 2;
  const out: InteractionColumns = {
    length, interactionId: new Int32Array(length), contactId: new Int32Array(length), day: new Int32Array(length),
    channel: new Uint8Array(length), value: new Uint8Array(length), gratitude: new Uint8Array(length), connected: new Uint8Array(length),
  };
  let n = 0;
  for (let k = 0; k < who.length; k += 2) {
    const id = who[k]!;
    const f = id <= maxId ? at[id]! : -1;
    if (f < 0) continue;
    out.interactionId[n] = id;
    out.contactId[n] = who[k + 1]!;
    out.day[n] = epochDayOf(facts[f + 1]!);
    out.channel[n] = facts[f + 2]!;
    out.value[n] = facts[f + 3]!;
    out.gratitude[n] = facts[f + 4]!;
    out.connected[n] = facts[f + 5]!;
    n++;
  }
  out.length = n;
  return out;
}

export async function loadNetworkData(store: Store): Promise<NetworkData> {
  const ws = store.workspaceId;
  const { db } = store;
  const contacts = await db.selectFrom('contacts')
    .select(['id', 'name', 'organisation_id', 'networks', 'inside_organisation', 'industry'])
    .where('workspace_id', '=', ws).where('archived', '=', 0).orderBy('id').execute();
  const organisations = await db.selectFrom('organisations').select(['id', 'name', 'industry', 'is_mine']).where('workspace_id', '=', ws).orderBy('id').execute();
  const interactions = await loadInteractions(store);
  const links = await loadLinks(store);
  const goals = await db.selectFrom('goals').select(['id', 'kind', 'description']).where('workspace_id', '=', ws).where('status', '=', 'open').orderBy('id').execute();
  const goalIds = goals.map((g) => g.id);
  const goalContacts = goalIds.length === 0 ? [] : await db.selectFrom('goal_contacts').select(['goal_id', 'contact_id']).where('goal_id', 'in', goalIds).execute();
  const goalOrgs = goalIds.length === 0 ? [] : await db.selectFrom('goal_organisations').select(['goal_id', 'organisation_id']).where('goal_id', 'in', goalIds).execute();
  const memberships = await db.selectFrom('community_members as m').innerJoin('communities as c', 'c.id', 'm.community_id')
    .select(['m.contact_id', 'c.name as label']).where('m.workspace_id', '=', ws).execute();
  const tags = await db.selectFrom('contact_tags').select(['contact_id', 'tag as label']).where('workspace_id', '=', ws).execute();
  return {
    contacts,
    organisations,
    interactions,
    links,
    openGoals: goals.map((g) => ({
      ...g,
      contactIds: goalContacts.filter((c) => c.goal_id === g.id).map((c) => c.contact_id),
      organisationIds: goalOrgs.filter((o) => o.goal_id === g.id).map((o) => o.organisation_id),
    })),
    memberships,
    tags,
  };
}
