// The diameter (longest shortest path, in hops) without all-pairs BFS: the bounding-diameters method
// (Takes & Kosters, "Determining the diameter of small world networks", CIKM 2011). Each BFS from v bounds
// every node's eccentricity by the triangle inequality, max(d(v,w), ecc(v) − d(v,w)) ≤ ecc(w) ≤ ecc(v) +
// d(v,w); nodes whose bounds can no longer change the answer drop out, and the search stops when the
// lower and upper bounds on the diameter meet. On contact networks that takes a handful to a few dozen
// BFS instead of one per node (iFUB, tried first, needed thousands here: a small-world graph's outermost
// BFS level is huge); the worst case stays n BFS, the cost of the all-pairs method.
import { connectedComponents } from './components.ts';
import type { CsrGraph } from './csr.ts';

// Longest shortest path over all components (igraph `diameter(unconn=True)`); 0 without edges.
export function diameter(graph: CsrGraph): number {
  const n = graph.nodeCount;
  if (n === 0) return 0;
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
  for (let round = 0; lower < upper && live > 0; round++) {
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
    live = kept;
    reset(scratch, count);
  }
  return lower;
}
