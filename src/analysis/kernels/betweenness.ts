// Brandes betweenness (undirected; each unordered pair counted once, as igraph and networkx report it).
// Exact cost is O(n·m): fine for a few thousand contacts; past that, `samples` pivots give the
// Brandes–Pich estimate so a 30,000-contact network still answers in about a second.
import type { CsrGraph } from './csr.ts';
import { IndexedMinHeap } from './heap.ts';
import { checkCosts } from './paths.ts';
import { createRandom, identity, sampleWithoutReplacement } from './prng.ts';
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
  const centrality = new Float64Array(n);
  if (n === 0) return centrality;
  if (options.costs !== undefined) checkCosts(graph, options.costs);
  let sources: Int32Array;
  let scale = 0.5; // an undirected pair is found from both of its ends
  if (options.samples !== undefined && options.samples < n) {
    sources = sampleWithoutReplacement(n, options.samples, createRandom(options.seed ?? 1));
    scale *= sources.length > 0 ? n / sources.length : 0;
  } else {
    sources = identity(n);
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
    sources = sources.map((s) => rank![s]!);
  }
  const raw = new Float64Array(n);
  if (costs !== undefined) accumulateWeighted(work, costs, sources, raw);
  else accumulateHops(work, sources, raw);
  for (let u = 0; u < n; u++) centrality[u] = raw[rank === undefined ? u : rank[u]!]! * scale;
  return centrality;
}

function accumulateHops(graph: CsrGraph, sources: Int32Array, centrality: Float64Array): void {
  const { nodeCount: n, offsets, neighbours } = graph;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  // coefficient[w] = (1 + δ(w)) / σ(w), kept non-zero only on the level below the one being
  // processed, so summing it over *all* neighbours picks exactly the successors: the inner loop
  // has no branch, which on a BFS DAG would be mispredicted about half the time.
  const coefficient = new Float64Array(n);
  const pending = new Float64Array(n);
  const order = new Int32Array(n);
  for (const s of sources) {
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
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
        } else if (dv === next) {
          sigma[v]! += su;
        }
      }
    }
    // BFS order lists the levels contiguously; walk them from the deepest up, δ(v) = σ(v)·Σ coefficient.
    let levelEnd = tail; // one past the current level
    let below = tail; // one past the level below it
    while (levelEnd > 1) {
      const level = dist[order[levelEnd - 1]!]!;
      let levelStart = levelEnd - 1;
      while (levelStart > 0 && dist[order[levelStart - 1]!] === level) levelStart--;
      for (let i = levelStart; i < levelEnd; i++) {
        const v = order[i]!;
        let sum = 0;
        for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) sum += coefficient[neighbours[a]!]!;
        const sv = sigma[v]!;
        centrality[v]! += sv * sum;
        pending[v] = 1 / sv + sum;
      }
      for (let i = levelEnd; i < below; i++) coefficient[order[i]!] = 0;
      for (let i = levelStart; i < levelEnd; i++) coefficient[order[i]!] = pending[order[i]!]!;
      below = levelEnd;
      levelEnd = levelStart;
    }
    for (let i = 0; i < tail; i++) {
      const u = order[i]!;
      dist[u] = -1;
      sigma[u] = 0;
      coefficient[u] = 0;
    }
  }
}

function accumulateWeighted(graph: CsrGraph, costs: Float64Array, sources: Int32Array, centrality: Float64Array): void {
  const { nodeCount: n, offsets, neighbours } = graph;
  const dist = new Float64Array(n).fill(Infinity);
  const sigma = new Float64Array(n);
  const coefficient = new Float64Array(n);
  const order = new Int32Array(n);
  const settled = new Uint8Array(n);
  const heap = new IndexedMinHeap(n, dist);
  const isPredecessor = (dv: number, cost: number, dw: number): boolean => {
    const through = dv + cost;
    return Math.abs(through - dw) <= EPSILON * Math.max(1, dw);
  };
  for (const s of sources) {
    dist[s] = 0;
    heap.push(s);
    let count = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      settled[u] = 1;
      order[count++] = u;
      const du = dist[u]!;
      // sigma is pulled from already-settled neighbours with the same predicate the backward pass
      // uses, so near-equal float lengths are treated consistently in both passes.
      let su = u === s ? 1 : 0;
      for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
        const v = neighbours[a]!;
        const c = costs[a]!;
        if (settled[v] === 1) {
          if (dist[v]! < du && isPredecessor(dist[v]!, c, du)) su += sigma[v]!;
        } else {
          const dv = du + c;
          if (dv < dist[v]!) {
            dist[v] = dv;
            heap.push(v);
          }
        }
      }
      sigma[u] = su;
    }
    for (let i = count - 1; i > 0; i--) {
      const v = order[i]!;
      const dv = dist[v]!;
      let sum = 0;
      for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
        const w = neighbours[a]!;
        const dw = dist[w]!;
        if (dw > dv && isPredecessor(dv, costs[a]!, dw)) sum += coefficient[w]!;
      }
      const sv = sigma[v]!;
      centrality[v]! += sv * sum;
      coefficient[v] = 1 / sv + sum;
    }
    for (let i = 0; i < count; i++) {
      const u = order[i]!;
      dist[u] = Infinity;
      sigma[u] = 0;
      coefficient[u] = 0;
      settled[u] = 0;
    }
  }
}
