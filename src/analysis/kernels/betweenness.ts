// Brandes betweenness (undirected; each unordered pair counted once, as igraph and networkx report it).
// Exact cost is O(n·m): fine for a few thousand contacts; past that, `samples` pivots give the
// Brandes–Pich estimate so a 30,000-contact network still answers in about a second.
import { Arena } from './arena.ts';
import type { CsrGraph } from './csr.ts';
import { checkNonNegativeInteger, checkPositiveInteger } from './guards.ts';
import { IndexedMinHeap } from './heap.ts';
import { checkCosts } from './paths.ts';
import { createRandom, sampleWithoutReplacement } from './prng.ts';
import { bfsOrder, permuteArcValues, permuteGraph } from './reorder.ts';

export interface BetweennessOptions {
  // Per-arc path lengths (e.g. 1 / strength) for the weighted variant; hops when omitted.
  readonly costs?: Float64Array;
  // Divide by (n-1)(n-2)/2, the number of pairs not involving the node (networkx `normalized=True`).
  readonly normalized?: boolean;
  // Use this many random source pivots and scale by n/samples; exact when omitted or >= n.
  readonly samples?: number;
  readonly seed?: number;
}

// Weighted path lengths are sums of floats; lengths this close (relative) count as equal, as igraph does.
const EPSILON = 1e-10;

// Below this size the whole state fits in cache and renumbering would not pay for itself.
const RENUMBER_FROM = 4096;

export function betweenness(graph: CsrGraph, options: BetweennessOptions = {}): Float64Array {
  const n = graph.nodeCount;
  if (options.samples !== undefined) checkPositiveInteger('samples', options.samples);
  if (options.seed !== undefined) checkNonNegativeInteger('seed', options.seed);
  const centrality = new Float64Array(n);
  if (n === 0) return centrality;
  if (options.costs !== undefined) checkCosts(graph, options.costs);
  // Pivots for the sampled estimate; undefined means every node, in order.
  let sources: Int32Array | undefined;
  let scale = 0.5; // an undirected pair is found from both of its ends
  if (options.samples !== undefined && options.samples < n) {
    sources = sampleWithoutReplacement(n, options.samples, createRandom(options.seed ?? 1));
    scale *= sources.length > 0 ? n / sources.length : 0;
  }
  if (options.normalized === true) scale *= n > 2 ? 2 / ((n - 1) * (n - 2)) : 0;

  let work = graph;
  let costs = options.costs;
  let rank: Int32Array | undefined;
  if (n >= RENUMBER_FROM) {
    const permuted = permuteGraph(graph, bfsOrder(graph));
    work = permuted.graph;
    rank = permuted.rank;
    if (costs !== undefined) costs = permuteArcValues(graph, permuted, costs);
    sources = sources?.map((s) => rank![s]!);
  }
  // Sums in the internal numbering, then scaled (and mapped back when renumbered).
  const raw = rank === undefined ? centrality : new Float64Array(n);
  if (costs !== undefined) accumulateWeighted(work, costs, sources, raw);
  else accumulateHops(work, sources, raw);
  if (rank === undefined) for (let u = 0; u < n; u++) centrality[u]! *= scale;
  else for (let u = 0; u < n; u++) centrality[u] = raw[rank[u]!]! * scale;
  return centrality;
}

// Each pass records, per node in BFS order, its successors on the shortest-path DAG (`succ`, rows
// from `start`), so the backward pass reads exactly those arcs, at most half of them, with no
// distance test. Only `dist` needs resetting between sources: sigma is assigned when a node is
// reached, and coefficient is written before it is read (the backward pass meets successors first).
function accumulateHops(graph: CsrGraph, sources: Int32Array | undefined, centrality: Float64Array): void {
  const { nodeCount: n, offsets, neighbours } = graph;
  const arena = new Arena(2 * n, 3 * n + 1 + neighbours.length);
  const sigma = arena.float64(n);
  // coefficient[w] = (1 + δ(w)) / σ(w), so δ(v) = σ(v) · Σ over successors w of coefficient[w].
  const coefficient = arena.float64(n);
  const dist = arena.int32(n).fill(-1);
  const order = arena.int32(n);
  const start = arena.int32(n + 1);
  const succ = arena.int32(neighbours.length);
  const sourceCount = sources === undefined ? n : sources.length;
  for (let i = 0; i < sourceCount; i++) {
    const s = sources === undefined ? i : sources[i]!;
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    let k = 0;
    while (head < tail) {
      start[head] = k;
      const u = order[head++]!;
      const next = dist[u]! + 1;
      const su = sigma[u]!;
      for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
        const v = neighbours[a]!;
        const dv = dist[v]!;
        if (dv < 0) {
          dist[v] = next;
          sigma[v] = su;
          order[tail++] = v;
          succ[k++] = v;
        } else if (dv === next) {
          sigma[v]! += su;
          succ[k++] = v;
        }
      }
    }
    start[tail] = k;
    for (let j = tail - 1; j > 0; j--) {
      const v = order[j]!;
      let sum = 0;
      for (let e = start[j]!, end = start[j + 1]!; e < end; e++) sum += coefficient[succ[e]!]!;
      const sv = sigma[v]!;
      centrality[v]! += sv * sum;
      coefficient[v] = 1 / sv + sum;
      dist[v] = -1;
    }
    dist[s] = -1;
  }
}

// Dijkstra with the predecessors recorded as each node settles (pulled from settled neighbours, so
// near-equal float lengths are judged once, by the same predicate), then the backward pass pushes
// each node's coefficient to exactly those predecessors.
function accumulateWeighted(
  graph: CsrGraph,
  costs: Float64Array,
  sources: Int32Array | undefined,
  centrality: Float64Array,
): void {
  const { nodeCount: n, offsets, neighbours } = graph;
  const arena = new Arena(4 * n, 4 * n + 1 + neighbours.length); // the heap takes n + 2n
  const dist = arena.float64(n).fill(Infinity);
  const sigma = arena.float64(n);
  // Σ over successors w of (1 + δ(w)) / σ(w), so δ(v) = σ(v) · acc(v).
  const acc = arena.float64(n);
  const order = arena.int32(n);
  const start = arena.int32(n + 1);
  const pred = arena.int32(neighbours.length);
  const heap = new IndexedMinHeap(n, dist, arena);
  const sourceCount = sources === undefined ? n : sources.length;
  for (let i = 0; i < sourceCount; i++) {
    const s = sources === undefined ? i : sources[i]!;
    dist[s] = 0;
    heap.push(s);
    let count = 0;
    let k = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      start[count] = k;
      order[count++] = u;
      const du = dist[u]!;
      const tolerance = EPSILON * Math.max(1, du);
      let su = u === s ? 1 : 0;
      for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
        const v = neighbours[a]!;
        const c = costs[a]!;
        const dv = dist[v]!;
        // Every node still queued is at least as far as u, so a shorter neighbour is settled: no
        // `settled` array is needed. A predecessor is one whose length plus the arc is u's length.
        if (dv < du) {
          if (Math.abs(dv + c - du) <= tolerance) {
            su += sigma[v]!;
            pred[k++] = v;
          }
        } else {
          const through = du + c;
          if (through < dv) {
            dist[v] = through;
            heap.push(v);
          }
        }
      }
      sigma[u] = su;
    }
    start[count] = k;
    for (let j = count - 1; j > 0; j--) {
      const w = order[j]!;
      const sw = sigma[w]!;
      const aw = acc[w]!;
      centrality[w]! += sw * aw;
      const coefficient = 1 / sw + aw;
      for (let e = start[j]!, end = start[j + 1]!; e < end; e++) acc[pred[e]!]! += coefficient;
    }
    for (let j = 0; j < count; j++) {
      const u = order[j]!;
      dist[u] = Infinity;
      acc[u] = 0;
    }
  }
}
