// Louvain community detection (Blondel et al. 2008): greedy local moves, then fold each community into
// one node and repeat. Node order comes from a seeded PRNG so a report is the same on every run.
import { checkNonNegativeFinite, checkNonNegativeInteger } from './guards.ts';
import type { CsrGraph } from './csr.ts';
import { createRandom, shuffleInPlace, type Random } from './prng.ts';

export interface LouvainOptions {
  readonly seed?: number;
  // > 1 favours smaller communities, < 1 larger ones.
  readonly resolution?: number;
  // Use tie weights (default); false counts every tie as 1.
  readonly weighted?: boolean;
  // A node moves only when that raises modularity by more than this; it keeps float noise from
  // bouncing a node between two equally good communities.
  readonly threshold?: number;
}

export interface LouvainResult {
  // Community of each node, numbered 0..count-1 in order of each community's lowest node.
  readonly communities: Int32Array;
  readonly count: number;
  // Recomputed on the input graph; NaN when it has no ties.
  readonly modularity: number;
  // Local-moving phases that moved someone, over all rounds (a diagnostic of the work done).
  readonly levels: number;
}

// The graph of one level. After folding, a community's internal ties would be a self-loop; only its
// share of the degree matters to the gain formula, so the loop itself is not stored.
interface Level {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly weights: Float64Array;
  // Weighted degree, internal ties counted from both ends (the convention modularity uses).
  readonly degree: Float64Array;
}

export function louvain(graph: CsrGraph, options: LouvainOptions = {}): LouvainResult {
  const resolution = options.resolution ?? 1;
  const threshold = options.threshold ?? 1e-10;
  if (!(resolution > 0) || !Number.isFinite(resolution)) throw new RangeError(`resolution must be a finite number > 0, got ${resolution}`);
  checkNonNegativeFinite('threshold', threshold);
  if (options.seed !== undefined) checkNonNegativeInteger('seed', options.seed);
  const random = createRandom(options.seed ?? 1);
  const n = graph.nodeCount;
  scratch.reset();
  const weights = options.weighted === false ? scratch.float64(graph.neighbours.length).fill(1) : graph.weights;
  const base = firstLevel(graph, weights);
  let twoM = 0;
  for (let u = 0; u < n; u++) twoM += base.degree[u]!;
  let assignment: Int32Array = identityIn(n);
  let count = n;
  let levels = 0;

  for (let round = 0; round < MAX_REFINEMENTS && twoM > 0; round++) {
    let level = count === n ? base : fold(base, assignment, count);
    for (;;) {
      const local = moveNodes(level, twoM, resolution, threshold, random);
      if (!local.moved) break;
      levels++;
      const next = renumberIn(local.community);
      for (let i = 0; i < n; i++) assignment[i] = next.renumbered[assignment[i]!]!;
      if (next.count === level.n) break;
      count = next.count;
      level = fold(level, next.renumbered, count);
    }
    // Moves made on coarse levels can leave a single person in a worse community than a neighbour's;
    // a pass over the original nodes fixes that (so each person normally ends in their locally best
    // community, which keeps "why is Alice in this cluster" explainable), and if anyone moved, the
    // climb restarts from there.
    const refined = moveNodes(base, twoM, resolution, threshold, random, assignment);
    if (!refined.moved) break;
    ({ renumbered: assignment, count } = renumberIn(refined.community));
  }
  const { renumbered: final, count: communities } = renumberIn(assignment);
  const renumbered = final.slice();
  return {
    communities: renumbered,
    count: communities,
    modularity: modularityOf(graph, renumbered, communities, resolution, options.weighted !== false, scratch.float64(communities)),
    levels,
  };
}

const MAX_REFINEMENTS = 8;

// The working arrays of one louvain() call. A call on a graph of a few dozen nodes makes some forty
// small typed arrays over its levels; each gets its own backing store, which V8's GC threads track and
// free, and on karate that costs more CPU than the moves themselves (22.7 µs per call with the GC on one
// thread against 32.7 wall / 44.6 CPU with its helper threads). So the calls share one kept buffer,
// handed out zeroed from the start again at every call (louvain runs synchronously, so no two calls ever
// hold it). When a call needs more, the rest is allocated as before and the next call reserves enough,
// up to KEEP_BELOW_BYTES; only the returned communities are always an array of their own.
const KEEP_BELOW_BYTES = 1 << 20;

class Scratch {
  private buffer: ArrayBuffer = new ArrayBuffer(0);
  private at = 0;
  private wanted = 0;

  reset(): void {
    if (this.wanted > this.buffer.byteLength) this.buffer = new ArrayBuffer(Math.min(this.wanted, KEEP_BELOW_BYTES));
    this.at = 0;
    this.wanted = 0;
  }

  float64(length: number): Float64Array {
    const at = this.take(8 * length);
    return at < 0 ? new Float64Array(length) : new Float64Array(this.buffer, at, length).fill(0);
  }

  int32(length: number): Int32Array {
    const at = this.take(4 * length);
    return at < 0 ? new Int32Array(length) : new Int32Array(this.buffer, at, length).fill(0);
  }

  uint8(length: number): Uint8Array {
    const at = this.take(length);
    return at < 0 ? new Uint8Array(length) : new Uint8Array(this.buffer, at, length).fill(0);
  }

  // Byte offset of `bytes` more (8-aligned), or -1 when the buffer is full.
  private take(bytes: number): number {
    const at = this.at;
    const end = at + ((bytes + 7) & ~7);
    this.wanted = Math.max(this.wanted, end);
    if (end > this.buffer.byteLength) return -1;
    this.at = end;
    return at;
  }
}

const scratch = new Scratch();

function identityIn(n: number): Int32Array {
  const out = scratch.int32(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function copyIn(values: Int32Array, length = values.length): Int32Array {
  const out = scratch.int32(length);
  for (let i = 0; i < length; i++) out[i] = values[i]!;
  return out;
}

export interface ModularityOptions {
  readonly resolution?: number;
  readonly weighted?: boolean;
}

// Newman modularity Q = Σ_c [ L_c / m − γ (d_c / 2m)² ] (networkx's definition); `partition[u]` is any
// integer label. NaN for a graph without ties, where Q is undefined.
export function modularity(graph: CsrGraph, partition: ArrayLike<number>, options: ModularityOptions = {}): number {
  const n = graph.nodeCount;
  if (partition.length !== n) throw new RangeError(`partition has ${partition.length} labels for ${n} nodes`);
  const { renumbered, count } = renumber(partition);
  return modularityOf(graph, renumbered, count, options.resolution ?? 1, options.weighted !== false, new Float64Array(count));
}

// Q for labels already numbered 0..count-1; degreeSum is count zeros to work in.
function modularityOf(
  graph: CsrGraph,
  renumbered: Int32Array,
  count: number,
  resolution: number,
  useWeights: boolean,
  degreeSum: Float64Array,
): number {
  const { nodeCount: n, offsets, neighbours } = graph;
  let inside = 0;
  let total = 0;
  for (let u = 0; u < n; u++) {
    const cu = renumbered[u]!;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const w = useWeights ? graph.weights[a]! : 1;
      degreeSum[cu]! += w;
      total += w;
      if (renumbered[neighbours[a]!] === cu) inside += w;
    }
  }
  if (total === 0) return NaN;
  // Arc sums count every edge twice: total = 2m and inside = 2·Σ L_c.
  let expected = 0;
  for (let c = 0; c < count; c++) expected += degreeSum[c]! * degreeSum[c]!;
  return inside / total - (resolution * expected) / (total * total);
}

function firstLevel(graph: CsrGraph, weights: Float64Array): Level {
  const n = graph.nodeCount;
  const degree = scratch.float64(n);
  for (let u = 0; u < n; u++) {
    let s = 0;
    for (let a = graph.offsets[u]!, end = graph.offsets[u + 1]!; a < end; a++) s += weights[a]!;
    degree[u] = s;
  }
  return { n, offsets: graph.offsets, neighbours: graph.neighbours, weights, degree };
}

// Local moving with a work queue (the "fast local move" of Traag et al., Leiden 2019): every node
// is visited once in random order, then only nodes whose neighbourhood changed are revisited,
// instead of sweeping the whole graph until nothing moves. Same optimum quality, far fewer visits.
// Starts from singletons or from `initial` (community ids < n).
function moveNodes(
  level: Level,
  twoM: number,
  resolution: number,
  threshold: number,
  random: Random,
  initial?: Int32Array,
): { community: Int32Array; moved: boolean } {
  const { n, offsets, neighbours, weights, degree } = level;
  const community = initial === undefined ? identityIn(n) : copyIn(initial);
  const tot = scratch.float64(n);
  for (let u = 0; u < n; u++) tot[community[u]!]! += degree[u]!;
  // Circular queue holding each node at most once.
  const queue = shuffleInPlace(identityIn(n), random);
  const queued = scratch.uint8(n).fill(1);
  let head = 0;
  let size = n;
  // Per-community link weight from the current node; `seenAt` stamps avoid clearing it each time.
  const linkWeight = scratch.float64(n);
  const seenAt = scratch.int32(n).fill(-1);
  const touched = scratch.int32(n);
  // Gains below are m·ΔQ; a move must beat staying by more than `threshold` in ΔQ.
  const minGain = (threshold * twoM) / 2;
  let moved = false;
  while (size > 0) {
    const u = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[u] = 0;
    const cu = community[u]!;
    const ku = degree[u]!;
    let count = 0;
    seenAt[cu] = u;
    linkWeight[cu] = 0;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const c = community[neighbours[a]!]!;
      if (seenAt[c] !== u) {
        seenAt[c] = u;
        linkWeight[c] = 0;
        touched[count++] = c;
      }
      linkWeight[c]! += weights[a]!;
    }
    tot[cu]! -= ku;
    const factor = (resolution * ku) / twoM;
    const stay = linkWeight[cu]! - tot[cu]! * factor;
    let best = cu;
    let bestGain = stay + minGain;
    for (let i = 0; i < count; i++) {
      const c = touched[i]!;
      const gain = linkWeight[c]! - tot[c]! * factor;
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    tot[best]! += ku;
    seenAt[cu] = -1;
    for (let i = 0; i < count; i++) seenAt[touched[i]!] = -1;
    if (best === cu) continue;
    community[u] = best;
    moved = true;
    // Neighbours outside the new community may now prefer to follow u (or to leave).
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const v = neighbours[a]!;
      if (queued[v] === 0 && community[v] !== best) {
        queued[v] = 1;
        let at = head + size;
        if (at >= n) at -= n;
        queue[at] = v;
        size++;
      }
    }
  }
  return { community, moved };
}

// renumber() for labels in 0..labels.length-1 (every labelling inside louvain), into the scratch buffer.
function renumberIn(labels: Int32Array): { renumbered: Int32Array; count: number } {
  const n = labels.length;
  const id = scratch.int32(n).fill(-1);
  const renumbered = scratch.int32(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    let c = id[label]!;
    if (c < 0) id[label] = c = count++;
    renumbered[i] = c;
  }
  return { renumbered, count };
}

// Maps arbitrary integer labels to 0..count-1 in order of first appearance.
function renumber(labels: ArrayLike<number>): { renumbered: Int32Array; count: number } {
  const map = new Map<number, number>();
  const renumbered = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    let id = map.get(label);
    if (id === undefined) {
      id = map.size;
      map.set(label, id);
    }
    renumbered[i] = id;
  }
  return { renumbered, count: map.size };
}

// Collapses each community into one node; ties inside it survive only in the node's degree.
function fold(level: Level, community: Int32Array, count: number): Level {
  const { n, offsets, neighbours, weights, degree: oldDegree } = level;
  const memberStart = scratch.int32(count + 1);
  for (let u = 0; u < n; u++) memberStart[community[u]! + 1]!++;
  for (let c = 0; c < count; c++) memberStart[c + 1]! += memberStart[c]!;
  const members = scratch.int32(n);
  const cursor = copyIn(memberStart, count);
  for (let u = 0; u < n; u++) members[cursor[community[u]!]!++] = u;

  const newOffsets = scratch.int32(count + 1);
  const newNeighbours = scratch.int32(neighbours.length);
  const newWeights = scratch.float64(neighbours.length);
  const degree = scratch.float64(count);
  const slot = scratch.int32(count).fill(-1);
  let out = 0;
  for (let c = 0; c < count; c++) {
    newOffsets[c] = out;
    const rowStart = out;
    for (let m = memberStart[c]!, mEnd = memberStart[c + 1]!; m < mEnd; m++) {
      const u = members[m]!;
      degree[c]! += oldDegree[u]!;
      for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
        const d = community[neighbours[a]!]!;
        const w = weights[a]!;
        if (d === c) continue;
        if (slot[d]! < 0) {
          slot[d] = out;
          newNeighbours[out] = d;
          newWeights[out++] = w;
        } else {
          newWeights[slot[d]!]! += w;
        }
      }
    }
    for (let a = rowStart; a < out; a++) slot[newNeighbours[a]!] = -1;
  }
  newOffsets[count] = out;
  return {
    n: count,
    offsets: newOffsets,
    neighbours: newNeighbours.subarray(0, out),
    weights: newWeights.subarray(0, out),
    degree,
  };
}
