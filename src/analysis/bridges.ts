// Who bridges your clusters: betweenness among your contacts, exact where it fits a time budget, and above it an
// estimate from sampled shortest paths that says how much of its top k is settled (kernels/top-k-betweenness.ts).
// Either way the result is kept with the version of the graph it was computed on, so the next report reuses it
// (exact), or adds samples to it (estimated) instead of starting over. docs/bridges.md says how sure each is.
import { createHash } from 'node:crypto';
import type { KeptBridgeRanking } from '../domain/bridge-ranking.ts';
import { betweennessInWorkers, type CsrGraph } from './kernels/index.ts';
import { topKBetweenness, type PathSampleState } from './kernels/top-k-betweenness.ts';

export const BRIDGE_TOP_K = 10;
// Chance that a ranking called settled is wrong.
export const BRIDGE_DELTA = 0.05;
// Exact Brandes when its work (BFS sources × (nodes + arcs)) is at most this: about half a second here.
export const EXACT_WORK_BUDGET = 20_000_000;

// Exact betweenness across the machine's cores (the same bits as one thread; small graphs stay on this thread).
export const exactBetweenness = (graph: CsrGraph): Promise<Float64Array> => betweennessInWorkers(graph);

export type CachedRanking = KeptBridgeRanking;

export interface BridgeRanking {
  method: 'exact' | 'sampled';
  // Betweenness per node (estimated when sampled), unordered pairs.
  values: Float64Array;
  // The top k (values above 0), best first, and how many of them are settled: all of them when exact.
  top: Int32Array;
  settled: number;
  // 1 when exact, else 1 − δ: the chance that the settled ranks are the true ones.
  confidence: number;
  samples: number;
  computedAt: string;
  // Whether the ranking came from the cache as it was (nothing recomputed, nothing added).
  reused: boolean;
  // What to keep for the next report (the same as the cache when reused).
  cache: CachedRanking;
  // False when this is an exact ranking of an older graph, shown while the current one is computed: nothing in it
  // is settled for the current graph, so advice names nobody from it.
  current: boolean;
}

// Identifies the graph betweenness is computed on: which contact sits at which index, and who is linked to whom.
// A new link, a removed one or an archived contact changes it; a new interaction does not (betweenness counts hops).
export const graphVersion = (graph: CsrGraph, ids: readonly number[]): string => graphHash(ids, [graph.offsets, graph.neighbours]);

// A digest of the contact ids in index order and of the given CSR arrays.
export function graphHash(ids: readonly number[], arrays: readonly (Int32Array | Float64Array)[]): string {
  const hash = createHash('sha256');
  hash.update(Buffer.from(Int32Array.from(ids).buffer));
  for (const a of arrays) hash.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return hash.digest('base64url');
}

// BFS sources × (nodes + arcs) over the nodes that have a link: isolated contacts cost nothing.
export function exactWork(graph: CsrGraph): number {
  let linked = 0;
  for (let u = 0; u < graph.nodeCount; u++) if (graph.offsets[u + 1]! > graph.offsets[u]!) linked++;
  return linked * (linked + graph.neighbours.length);
}

export interface RankOptions {
  version: string;
  cached: CachedRanking | null;
  now: Date;
  // 'exact' computes exact betweenness whatever it costs (`rapport bridges`); 'budget' does so only under
  // exactWorkBudget and samples otherwise, until `stop` says the time is up.
  mode: 'exact' | 'budget';
  stop?: () => boolean;
  exactWorkBudget?: number;
  maxSamples?: number;
  k?: number;
}

export async function rankBridges(graph: CsrGraph, options: RankOptions): Promise<BridgeRanking> {
  const k = options.k ?? BRIDGE_TOP_K;
  const cached = options.cached !== null && options.cached.graphVersion === options.version && options.cached.values.length === graph.nodeCount ? options.cached : null;
  if (cached?.method === 'exact') return fromExact(cached, k, true);
  const exact = options.mode === 'exact' || exactWork(graph) <= (options.exactWorkBudget ?? EXACT_WORK_BUDGET);
  if (exact) {
    const values = await exactBetweenness(graph);
    return fromExact({ graphVersion: options.version, method: 'exact', computedAt: options.now.toISOString(), samples: 0, checks: 0, seed: 0, values }, k, false);
  }
  const resume: PathSampleState | undefined = cached === null ? undefined : { samples: cached.samples, hits: cached.values, checks: cached.checks, seed: cached.seed };
  const r = topKBetweenness(graph, {
    k, delta: BRIDGE_DELTA, ...(resume ? { resume } : { seed: 1 }),
    ...(options.stop ? { stop: options.stop } : {}),
    ...(options.maxSamples !== undefined ? { maxSamples: options.maxSamples } : {}),
  });
  const reused = cached !== null && r.state.samples === cached.samples;
  const computedAt = reused ? cached.computedAt : options.now.toISOString();
  return {
    method: 'sampled', values: r.estimate, top: r.ranking, settled: r.settled, confidence: 1 - BRIDGE_DELTA, samples: r.state.samples, computedAt, reused, current: true,
    cache: reused ? cached : { graphVersion: options.version, method: 'sampled', computedAt, samples: r.state.samples, checks: r.state.checks, seed: r.state.seed, values: r.state.hits },
  };
}

function fromExact(cache: CachedRanking, k: number, reused: boolean): BridgeRanking {
  const values = cache.values;
  const order: number[] = [];
  for (let v = 0; v < values.length; v++) if (values[v]! > 0) order.push(v);
  order.sort((a, b) => values[b]! - values[a]! || a - b);
  const top = Int32Array.from(order.slice(0, k));
  return { method: 'exact', values, top, settled: top.length, confidence: 1, samples: 0, computedAt: cache.computedAt, reused, cache, current: true };
}

// The best places of an exact ranking, by contact id, as kept for showing it after the graph has changed.
export function topByContact(values: Float64Array, ids: readonly number[], k = BRIDGE_TOP_K * 2): [number, number][] {
  const order: number[] = [];
  for (let v = 0; v < values.length; v++) if (values[v]! > 0) order.push(v);
  order.sort((a, b) => values[b]! - values[a]! || a - b);
  return order.slice(0, k).map((v) => [ids[v]!, values[v]!]);
}

// An exact ranking of an older graph, mapped onto today's contacts (people since archived or deleted drop out):
// shown as it was, with no place settled, until the background has ranked the current graph.
export function staleRanking(cache: CachedRanking, top: readonly [number, number][], indexOf: ReadonlyMap<number, number>, nodeCount: number, k = BRIDGE_TOP_K): BridgeRanking {
  const values = new Float64Array(nodeCount);
  const kept: number[] = [];
  for (const [id, value] of top) {
    const i = indexOf.get(id);
    if (i === undefined || kept.length >= k) continue;
    values[i] = value;
    kept.push(i);
  }
  return { method: 'exact', values, top: Int32Array.from(kept), settled: 0, confidence: 1, samples: 0, computedAt: cache.computedAt, reused: true, cache, current: false };
}
