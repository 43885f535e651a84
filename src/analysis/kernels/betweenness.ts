// Brandes betweenness (undirected; each unordered pair counted once, as igraph and networkx report it).
// Exact cost is O(n·m): fine for a few thousand contacts; past that, `samples` pivots give the
// Brandes–Pich estimate so a 30,000-contact network still answers in about a second.
import type { CsrGraph } from './csr.ts';
import { costSweeps, hopSweeps } from './betweenness-sweeps.ts';
import { checkNonNegativeInteger, checkPositiveInteger } from './guards.ts';
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

// Below this size the whole state fits in cache and renumbering would not pay for itself.
const RENUMBER_FROM = 4096;

// The sources are cut into this many parts, summed separately and then added in part order: the same
// additions in the same order whether one thread computes every part or workers share them, so
// betweennessInWorkers returns exactly betweenness's bits. Eight parts spread evenly over 1, 2, 4 or 8 threads.
export const PARTS = 8;

// A betweenness computation ready to run: the graph in the internal numbering, its sources cut into parts.
export interface BetweennessPlan {
  readonly graph: CsrGraph;
  readonly costs: Float64Array | undefined;
  readonly sources: Int32Array;
  // Part p is sources[bounds[p] .. bounds[p+1]).
  readonly bounds: Int32Array;
  // rank[callerId] = internal id, when renumbered.
  readonly rank: Int32Array | undefined;
  readonly scale: number;
}

export function betweenness(graph: CsrGraph, options: BetweennessOptions = {}): Float64Array {
  return sweepAll(planBetweenness(graph, options));
}

// On a graph of a few dozen nodes the arithmetic takes tens of microseconds, so allocating the parts and
// the sweeps' working arrays afresh (and collecting them later, partly on GC threads) is a noticeable
// share of a call. Up to this many bytes each, the calling thread keeps them between calls: the sweeps
// run synchronously, so no two calls ever hold them at once. Larger graphs allocate per call as before.
const KEEP_BELOW_BYTES = 1 << 20;
let keptParts: Float64Array | null = null;
let keptScratch: ArrayBuffer | null = null;

// Every part on the calling thread, into kept (zeroed) parts when the graph is small.
export function sweepAll(plan: BetweennessPlan): Float64Array {
  const length = PARTS * plan.graph.nodeCount;
  let parts: Float64Array;
  if (8 * length > KEEP_BELOW_BYTES) parts = new Float64Array(length);
  else {
    if (keptParts === null || keptParts.length < length) keptParts = new Float64Array(length);
    parts = keptParts.fill(0, 0, length);
  }
  sweepParts(plan, 0, PARTS, parts);
  return finishBetweenness(plan, parts);
}

// Room for either sweep's working arrays (costSweeps needs the most), or null to let the sweep allocate.
function scratchFor(graph: CsrGraph): ArrayBuffer | null {
  const bytes = 48 * graph.nodeCount + 4 * (1 + graph.neighbours.length);
  if (bytes > KEEP_BELOW_BYTES) return null;
  if (keptScratch === null || keptScratch.byteLength < bytes) keptScratch = new ArrayBuffer(bytes);
  return keptScratch;
}

// Checks the options and fixes everything the sweeps need: pivots, numbering, parts, the final scale.
export function planBetweenness(graph: CsrGraph, options: BetweennessOptions): BetweennessPlan {
  const n = graph.nodeCount;
  if (options.samples !== undefined) checkPositiveInteger('samples', options.samples);
  if (options.seed !== undefined) checkNonNegativeInteger('seed', options.seed);
  if (options.costs !== undefined) checkCosts(graph, options.costs);
  let sources: Int32Array;
  let scale = 0.5; // an undirected pair is found from both of its ends
  let bounds: Int32Array;
  if (options.samples !== undefined && options.samples < n) {
    sources = sampleWithoutReplacement(n, options.samples, createRandom(options.seed ?? 1));
    scale *= sources.length > 0 ? n / sources.length : 0;
    bounds = partBounds(sources.length);
  } else {
    // Every node, cut the same way on every call for this n: kept from the last call (never written to).
    if (allSources === null || allSources.length !== n) {
      allSources = identity(n);
      allBounds = partBounds(n);
    }
    sources = allSources;
    bounds = allBounds!;
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
  return { graph: work, costs, sources, bounds, rank, scale };
}

let allSources: Int32Array | null = null;
let allBounds: Int32Array | null = null;

function partBounds(count: number): Int32Array {
  const bounds = new Int32Array(PARTS + 1);
  for (let p = 0; p <= PARTS; p++) bounds[p] = Math.floor((p * count) / PARTS);
  return bounds;
}

// Sweeps the sources of parts [from, to) into out (one n-long slice per part, zeroed by the caller;
// out may be longer).
export function sweepParts(plan: BetweennessPlan, from: number, to: number, out: Float64Array): void {
  const { graph, costs, sources, bounds } = plan;
  if (graph.nodeCount === 0) return;
  const scratch = scratchFor(graph);
  if (costs === undefined) hopSweeps(graph.offsets, graph.neighbours, sources, bounds, from, to, out, scratch);
  else costSweeps(graph.offsets, graph.neighbours, costs, sources, bounds, from, to, out, scratch);
}

// Adds the PARTS slices in part order, scales, and maps back to the caller's numbering. Each node's sum
// starts at 0 and takes the parts in order, whichever numbering it is read in: the same bits everywhere.
export function finishBetweenness(plan: BetweennessPlan, parts: Float64Array): Float64Array {
  const n = plan.graph.nodeCount;
  const { rank, scale } = plan;
  const centrality = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const at = rank === undefined ? u : rank[u]!;
    let sum = 0;
    for (let p = 0; p < PARTS; p++) sum += parts[p * n + at]!;
    centrality[u] = sum * scale;
  }
  return centrality;
}
