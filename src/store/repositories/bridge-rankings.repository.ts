import { sql } from 'kysely';
import type { KeptBridgeRanking } from '../../domain/bridge-ranking.ts';
import type { Store } from '../store.ts';

// The cached bridge ranking of the workspace (one row, replaced on every save). Values travel as base64 of
// little-endian float64s: 30,000 numbers in one text column on both dialects, read back without parsing JSON.
export type StoredBridgeRanking = KeptBridgeRanking;

// Louvain clusters and Burt's measures of one graph (with its link strengths): what the report would otherwise
// recompute on every run.
export interface StoredStructure {
  version: string;
  communities: Int32Array;
  communityCount: number;
  modularity: number;
  constraint: Float64Array;
  effectiveSize: Float64Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function encode(values: Float64Array | Int32Array): string {
  if (LITTLE_ENDIAN) return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
  const bytes = Buffer.alloc(values.byteLength);
  const width = values.BYTES_PER_ELEMENT;
  for (let i = 0; i < values.length; i++) {
    if (width === 8) bytes.writeDoubleLE(values[i]!, i * 8);
    else bytes.writeInt32LE(values[i]!, i * 4);
  }
  return bytes.toString('base64');
}

function decode<T extends Float64Array | Int32Array>(text: string, Kind: { new (n: number): T; BYTES_PER_ELEMENT: number }): T {
  const bytes = Buffer.from(text, 'base64');
  const out = new Kind(bytes.byteLength / Kind.BYTES_PER_ELEMENT);
  if (LITTLE_ENDIAN) {
    // A copy into the typed array's own (aligned) buffer: one memcpy instead of a read per number.
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  for (let i = 0; i < out.length; i++) out[i] = Kind.BYTES_PER_ELEMENT === 8 ? bytes.readDoubleLE(i * 8) : bytes.readInt32LE(i * 4);
  return out;
}

export async function loadBridgeRanking(store: Store): Promise<StoredBridgeRanking | null> {
  const row = await store.db.selectFrom('bridge_rankings')
    .select(['graph_version', 'method', 'computed_at', 'samples', 'checks', 'seed', 'payload', 'journal_mark', 'top'])
    .where('workspace_id', '=', store.workspaceId).executeTakeFirst();
  if (row === undefined) return null;
  return {
    graphVersion: row.graph_version, method: row.method === 'exact' ? 'exact' : 'sampled', computedAt: row.computed_at,
    samples: Number(row.samples), checks: Number(row.checks), seed: Number(row.seed), values: decode(row.payload, Float64Array),
    journalMark: row.journal_mark === null ? null : Number(row.journal_mark),
    top: row.top === null ? null : (JSON.parse(row.top) as [number, number][]),
  };
}

// Saves a ranking. A sampled estimate never replaces an exact ranking (even one of an older graph: that one is
// shown, marked as old, while the background computes the new one), and an exact ranking never replaces one read
// at a later journal entry (two computations finishing out of order). Returns whether the row was written.
export async function saveBridgeRanking(store: Store, ranking: StoredBridgeRanking): Promise<boolean> {
  const row = {
    graph_version: ranking.graphVersion, method: ranking.method, computed_at: ranking.computedAt,
    samples: ranking.samples, checks: ranking.checks, seed: ranking.seed, payload: encode(ranking.values),
    journal_mark: ranking.journalMark ?? null, top: ranking.top ? JSON.stringify(ranking.top) : null,
  };
  const mark = ranking.journalMark ?? null;
  const result = await store.db.insertInto('bridge_rankings').values({ workspace_id: store.workspaceId, ...row })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(row).where((eb) => ranking.method === 'sampled'
      ? eb('bridge_rankings.method', '<>', 'exact')
      : eb.or([
        eb('bridge_rankings.method', '<>', 'exact'),
        eb('bridge_rankings.journal_mark', 'is', null),
        ...(mark === null ? [] : [eb('bridge_rankings.journal_mark', '<=', mark)]),
      ])))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

// The cached structure, when it belongs to this version of the graph.
export async function loadStructure(store: Store, version: string): Promise<StoredStructure | null> {
  const row = await store.db.selectFrom('bridge_rankings').select(['structure_version', 'structure'])
    .where('workspace_id', '=', store.workspaceId).executeTakeFirst();
  if (row?.structure == null || row.structure_version !== version) return null;
  const [head, communities, constraint, effectiveSize] = row.structure.split('\n');
  const { count, modularity } = JSON.parse(head!) as { count: number; modularity: number };
  return {
    version, communityCount: count, modularity,
    communities: decode(communities!, Int32Array), constraint: decode(constraint!, Float64Array), effectiveSize: decode(effectiveSize!, Float64Array),
  };
}

// Kept beside the ranking (the row must exist: save the ranking first). Infinity and NaN (a contact without
// links has no constraint) survive: they travel as float64 bits, not JSON.
export async function saveStructure(store: Store, s: StoredStructure): Promise<void> {
  const text = [JSON.stringify({ count: s.communityCount, modularity: s.modularity }), encode(s.communities), encode(s.constraint), encode(s.effectiveSize)].join('\n');
  await store.db.updateTable('bridge_rankings').set({ structure_version: s.version, structure: text }).where('workspace_id', '=', store.workspaceId).execute();
}

// The newest journal entry: a write after it is a change the ranking read at this mark has not seen.
export async function journalMark(store: Store): Promise<number> {
  const { rows } = await sql<{ id: number | null }>`select max(id) as id from undo_entries where workspace_id = ${store.workspaceId}`.execute(store.db);
  return Number(rows[0]?.id ?? 0);
}

// Writes after `mark` that changed contacts or links (or, like loading the demo, kept no row images to tell).
// `atLeast` when the journal no longer holds the entry at the mark: it keeps only the last 50, so there were more.
export async function graphChangesSince(store: Store, mark: number): Promise<{ count: number; atLeast: boolean }> {
  const { rows } = await sql<{ n: number; older: number }>`
    select
      (select count(*) from undo_entries e where e.workspace_id = ${store.workspaceId} and e.id > ${mark}
        and (e.row_count = 0 or exists (select 1 from undo_rows r where r.entry_id = e.id and r.tbl in ('contacts', 'links')))) as n,
      (select count(*) from undo_entries e where e.workspace_id = ${store.workspaceId} and e.id <= ${mark}) as older`.execute(store.db);
  const count = Number(rows[0]?.n ?? 0);
  return { count, atLeast: mark > 0 && Number(rows[0]?.older ?? 0) === 0 && count > 0 };
}

// Whether a journal entry changed the graph: contacts or links rows, or no row images at all (loading the demo).
export async function entryChangesGraph(store: Store, entryId: number): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from undo_entries e where e.id = ${entryId}
      and (e.row_count = 0 or exists (select 1 from undo_rows r where r.entry_id = e.id and r.tbl in ('contacts', 'links')))`.execute(store.db);
  return Number(rows[0]?.n ?? 0) > 0;
}

// The background job's lock row. `owner` is "pid@host"; a row whose owner stopped saying it is alive (heartbeat
// older than staleMs, or a pid that is gone on this host) counts as free.
export interface BridgeJobState { owner: string | null; heartbeatAt: string | null; requests: number; lastError: string | null }

export async function loadBridgeJob(store: Store): Promise<BridgeJobState | null> {
  const row = await store.db.selectFrom('bridge_rankings_job').select(['owner', 'heartbeat_at', 'requests', 'last_error'])
    .where('workspace_id', '=', store.workspaceId).executeTakeFirst();
  return row === undefined ? null : { owner: row.owner, heartbeatAt: row.heartbeat_at, requests: Number(row.requests), lastError: row.last_error };
}

export async function updateBridgeJob(store: Store, set: Partial<{ owner: string | null; heartbeat_at: string | null; requests: number; last_error: string | null }>): Promise<void> {
  await store.db.insertInto('bridge_rankings_job').values({ workspace_id: store.workspaceId, owner: null, heartbeat_at: null, last_error: null, ...set })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(set)).execute();
}
