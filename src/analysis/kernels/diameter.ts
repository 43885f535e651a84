// The diameter (longest shortest path, in hops) without all-pairs BFS: the bounding-diameters method
// (Takes & Kosters, "Determining the diameter of small world networks", CIKM 2011). Each BFS from v bounds
// every node's eccentricity by the triangle inequality, max(d(v,w), ecc(v) − d(v,w)) ≤ ecc(w) ≤ ecc(v) +
// d(v,w); nodes whose bounds can no longer change the answer drop out, and the search stops when the
// lower and upper bounds on the diameter meet. On contact networks that takes a handful to a few dozen
// BFS instead of one per node (iFUB, tried first, needed thousands here: a small-world graph's outermost
// BFS level is huge); the worst case stays n BFS, the cost of the all-pairs method.
// The bounds stall when the answer is known to be lower or lower + 1 and thousands of nodes could still
// have eccentricity lower + 1 (a 30,000-node clustered graph: diameter 6, ~7,000 such nodes left after a
// dozen searches, then about 20 fewer per search). From there the bounds give way to a check of those
// nodes 32 at a time: one bit-parallel BFS (a bit per source in one Int32 per node) runs `lower` levels,
// and a source whose bit has not reached every node of the component is farther out; only such a node
// gets a full search, which raises the lower bound. The answer stays exact.
import { connectedComponents } from './components.ts';
import type { CsrGraph } from './csr.ts';
import { bfsOrder, permuteGraph } from './reorder.ts';

// From this size the graph is renumbered in BFS order first (reorder.ts): every search then walks memory
// nearly in order, which halves the time on 30,000 nodes for the cost of about one tenth of it.
const RENUMBER_FROM = 4096;

// Longest shortest path over all components (igraph `diameter(unconn=True)`); 0 without edges.
export function diameter(input: CsrGraph): number {
  const n = input.nodeCount;
  if (n === 0) return 0;
  const graph = n >= RENUMBER_FROM ? permuteGraph(input, bfsOrder(input)).graph : input;
  const { component, count, sizes } = connectedComponents(graph);
  // One start node per component, largest components first: a component of k nodes cannot have a
  // diameter above k − 1, so the small ones are skipped once the best found reaches that.
  const first = new Int32Array(count).fill(-1);
  for (let u = 0; u < n; u++) if (first[component[u]!]! < 0) first[component[u]!] = u;
  const bySize = Array.from({ length: count }, (_, c) => c).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const scratch = new Scratch(n);
  let best = 0;
  for (const c of bySize) {
    if (sizes[c]! - 1 <= best) break;
    best = Math.max(best, componentDiameter(graph, first[c]!, scratch));
  }
  return best;
}

// Reused BFS state: `dist` is -1 everywhere between searches (each search resets what it touched).
class Scratch {
  readonly dist: Int32Array;
  readonly order: Int32Array;
  // Bounds on each node's eccentricity, set for a component's nodes when its search starts.
  readonly lowerEcc: Int32Array;
  readonly upperEcc: Int32Array;
  constructor(n: number) {
    this.dist = new Int32Array(n).fill(-1);
    this.order = new Int32Array(n);
    this.lowerEcc = new Int32Array(n);
    this.upperEcc = new Int32Array(n);
  }
}

// BFS from s over its component; returns the number reached. order[0..count) holds them by distance,
// dist their distances until `reset`.
function bfs(graph: CsrGraph, s: number, scratch: Scratch): number {
  const { offsets, neighbours } = graph;
  const { dist, order } = scratch;
  dist[s] = 0;
  order[0] = s;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = order[head++]!;
    const next = dist[u]! + 1;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const v = neighbours[a]!;
      if (dist[v]! < 0) {
        dist[v] = next;
        order[tail++] = v;
      }
    }
  }
  return tail;
}

function reset(scratch: Scratch, count: number): void {
  for (let i = 0; i < count; i++) scratch.dist[scratch.order[i]!] = -1;
}

function componentDiameter(graph: CsrGraph, start: number, scratch: Scratch): number {
  const { offsets } = graph;
  const { dist, order } = scratch;
  let count = bfs(graph, start, scratch);
  if (count === 1) {
    reset(scratch, count);
    return 0;
  }
  // The candidates: every node whose eccentricity could still move a bound.
  const candidates = order.slice(0, count);
  reset(scratch, count);
  const { lowerEcc, upperEcc } = scratch;
  for (const w of candidates) {
    lowerEcc[w] = 0;
    upperEcc[w] = 0x3fffffff;
  }
  let live = count;
  let lower = 0;
  let upper = 0x3fffffff;
  // The component's nodes, for the bit-parallel check.
  const members = candidates.slice();
  let lastDrop = count;
  for (let round = 0; lower < upper && live > 0; round++) {
    if (round >= MIN_ROUNDS && lastDrop < STALL) return checkFarthest(graph, members, candidates, live, lower, scratch);
    // Alternately the candidate with the highest upper bound and the one with the lowest lower bound
    // (the periphery and the centre), the higher degree on ties.
    let v = candidates[0]!;
    for (let i = 1; i < live; i++) {
      const w = candidates[i]!;
      const better =
        round % 2 === 0
          ? upperEcc[w]! > upperEcc[v]! || (upperEcc[w] === upperEcc[v] && offsets[w + 1]! - offsets[w]! > offsets[v + 1]! - offsets[v]!)
          : lowerEcc[w]! < lowerEcc[v]! || (lowerEcc[w] === lowerEcc[v] && offsets[w + 1]! - offsets[w]! > offsets[v + 1]! - offsets[v]!);
      if (better) v = w;
    }
    count = bfs(graph, v, scratch);
    const ecc = dist[order[count - 1]!]!;
    lower = Math.max(lower, ecc);
    upper = Math.min(upper, 2 * ecc);
    // Every w is at least max(d, ecc − d) and at most ecc + d from something (triangle inequality).
    let maxUpper = 0;
    let kept = 0;
    for (let i = 0; i < live; i++) {
      const w = candidates[i]!;
      const d = dist[w]!;
      const lo = Math.max(lowerEcc[w]!, d, ecc - d);
      const hi = Math.min(upperEcc[w]!, ecc + d);
      lowerEcc[w] = lo;
      upperEcc[w] = hi;
      if (lo > lower) lower = lo;
      if (hi > maxUpper) maxUpper = hi;
    }
    upper = Math.min(upper, maxUpper);
    // A node leaves once it can neither raise the lower bound nor, as a BFS source, lower the upper one.
    for (let i = 0; i < live; i++) {
      const w = candidates[i]!;
      if (lowerEcc[w] !== upperEcc[w] && !(upperEcc[w]! <= lower && 2 * lowerEcc[w]! >= upper)) candidates[kept++] = w;
    }
    lastDrop = live - kept;
    live = kept;
    reset(scratch, count);
  }
  return lower;
}

// Searches by bounds at least this many times before the bit-parallel check may take over, and hands over
// once a search rules out fewer candidates than this (a 32-source check costs a few searches' work).
const MIN_ROUNDS = 8;
const STALL = 64;

// The diameter of the component `members`, knowing it is at least `lower` and that only the first `live`
// of `candidates` could have a larger eccentricity (every other node's upper bound is at most `lower`,
// or the node can only lower the upper bound, which the check does not need).
function checkFarthest(graph: CsrGraph, members: Int32Array, candidates: Int32Array, live: number, lower: number, scratch: Scratch): number {
  const { dist, order, upperEcc } = scratch;
  const pending: number[] = [];
  for (let i = 0; i < live; i++) if (upperEcc[candidates[i]!]! > lower) pending.push(candidates[i]!);
  const n = graph.nodeCount;
  const visited = new Int32Array(WORDS * n);
  const frontier = new Int32Array(WORDS * n);
  const next = new Int32Array(WORDS * n);
  for (let at = 0; at < pending.length; at += 32 * WORDS) {
    const batch = pending.slice(at, at + 32 * WORDS);
    const farther = beyond(graph, members, batch, lower, visited, frontier, next);
    for (const w of farther) {
      // At least one node is more than `lower` from w: its search gives the new lower bound, and the
      // sources still to check are checked against it.
      const count = bfs(graph, w, scratch);
      lower = Math.max(lower, dist[order[count - 1]!]!);
      reset(scratch, count);
    }
  }
  return lower;
}

// Sources per bit-parallel BFS: 32 × WORDS. Node v's words are [WORDS·v, WORDS·v + WORDS), 16 bytes that
// one memory access brings in, so four words cost little more than one.
const WORDS = 4;

// The sources of `batch` (at most 32 × WORDS, all in the component `members`) with a node of the component more than `levels` hops away:
// a BFS from all of them at once, source i's reach being bit i of each node's words, pulled level by
// level. Leaves the three arrays zeroed on the component's nodes.
export function beyond(
  graph: CsrGraph,
  members: Int32Array,
  batch: number[],
  levels: number,
  visited: Int32Array,
  frontier: Int32Array,
  next: Int32Array,
): number[] {
  const { offsets, neighbours } = graph;
  // The bits in use, per word.
  const full = new Int32Array(WORDS);
  for (let i = 0; i < batch.length; i++) {
    const bit = 1 << (i & 31);
    const at = WORDS * batch[i]! + (i >> 5);
    visited[at]! |= bit;
    frontier[at]! |= bit;
    full[i >> 5]! |= bit;
  }
  const f0 = full[0]!;
  const f1 = full[1]!;
  const f2 = full[2]!;
  const f3 = full[3]!;
  const size = members.length;
  let e0 = f0;
  let e1 = f1;
  let e2 = f2;
  let e3 = f3;
  let from = frontier;
  let to = next;
  for (let level = 1; level <= levels; level++) {
    let moved = 0;
    for (let i = 0; i < size; i++) {
      const v = members[i]!;
      const at = WORDS * v;
      const s0 = visited[at]!;
      const s1 = visited[at + 1]!;
      const s2 = visited[at + 2]!;
      const s3 = visited[at + 3]!;
      if (s0 === f0 && s1 === f1 && s2 === f2 && s3 === f3) {
        to[at] = 0;
        to[at + 1] = 0;
        to[at + 2] = 0;
        to[at + 3] = 0;
        continue;
      }
      let r0 = 0;
      let r1 = 0;
      let r2 = 0;
      let r3 = 0;
      for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
        const b = WORDS * neighbours[a]!;
        r0 |= from[b]!;
        r1 |= from[b + 1]!;
        r2 |= from[b + 2]!;
        r3 |= from[b + 3]!;
      }
      r0 &= ~s0;
      r1 &= ~s1;
      r2 &= ~s2;
      r3 &= ~s3;
      to[at] = r0;
      to[at + 1] = r1;
      to[at + 2] = r2;
      to[at + 3] = r3;
      moved |= r0 | r1 | r2 | r3;
    }
    e0 = f0;
    e1 = f1;
    e2 = f2;
    e3 = f3;
    for (let i = 0; i < size; i++) {
      // Mark what this level reached, and keep the bits that have reached every node so far.
      const at = WORDS * members[i]!;
      const s0 = (visited[at] = visited[at]! | to[at]!);
      const s1 = (visited[at + 1] = visited[at + 1]! | to[at + 1]!);
      const s2 = (visited[at + 2] = visited[at + 2]! | to[at + 2]!);
      const s3 = (visited[at + 3] = visited[at + 3]! | to[at + 3]!);
      e0 &= s0;
      e1 &= s1;
      e2 &= s2;
      e3 &= s3;
    }
    const swap = from;
    from = to;
    to = swap;
    if ((e0 === f0 && e1 === f1 && e2 === f2 && e3 === f3) || moved === 0) break;
  }
  if (levels === 0) {
    for (let i = 0; i < size; i++) {
      const at = WORDS * members[i]!;
      e0 &= visited[at]!;
      e1 &= visited[at + 1]!;
      e2 &= visited[at + 2]!;
      e3 &= visited[at + 3]!;
    }
  }
  for (let i = 0; i < size; i++) {
    const at = WORDS * members[i]!;
    for (let k = 0; k < WORDS; k++) {
      visited[at + k] = 0;
      frontier[at + k] = 0;
      next[at + k] = 0;
    }
  }
  const everywhere = [e0, e1, e2, e3];
  const farther: number[] = [];
  for (let i = 0; i < batch.length; i++) if ((everywhere[i >> 5]! & (1 << (i & 31))) === 0) farther.push(batch[i]!);
  return farther;
}
