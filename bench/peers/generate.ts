// Seeded "realistic-ish" test networks: a degree-corrected planted partition. People sit in groups
// (teams, clubs) of varying size; a few are far more active than others (Pareto activity), and most
// ties stay inside a group. Clustering and a heavy-tailed degree make Louvain and betweenness work
// as hard as on a real address book, unlike a uniform random graph.
import { findArc, type CsrGraph, type EdgeList } from '../../src/analysis/kernels/csr.ts';
import { createRandom, randomInt, shuffleInPlace } from '../../src/analysis/kernels/prng.ts';

export interface ClusteredOptions {
  readonly meanGroupSize?: number;
  // Share of ties drawn inside the group.
  readonly inside?: number;
  // Pareto exponent of activity; lower means bigger hubs.
  readonly alpha?: number;
}

export function clusteredGraph(
  nodeCount: number,
  edgeCount: number,
  seed: number,
  options: ClusteredOptions = {},
): EdgeList & { readonly weights: Float64Array } {
  const random = createRandom(seed);
  const meanGroup = options.meanGroupSize ?? 40;
  const inside = options.inside ?? 0.85;
  const alpha = options.alpha ?? 2.5;
  // Group members are contiguous in `people`, so one cumulative array serves both the global draw
  // and the draw inside a group.
  const people = shuffleInPlace(Int32Array.from({ length: nodeCount }, (_, i) => i), random);
  const groupStart = new Int32Array(nodeCount);
  const groupEnd = new Int32Array(nodeCount);
  for (let start = 0; start < nodeCount; ) {
    const size = Math.round(meanGroup * (0.5 + random()));
    const end = Math.min(nodeCount, start + Math.max(2, size));
    for (let i = start; i < end; i++) {
      groupStart[i] = start;
      groupEnd[i] = end;
    }
    start = end;
  }
  const cumulative = new Float64Array(nodeCount);
  let total = 0;
  for (let i = 0; i < nodeCount; i++) {
    total += Math.min(100, Math.pow(1 - random(), -1 / (alpha - 1)));
    cumulative[i] = total;
  }
  const draw = (from: number, to: number): number => {
    const low = from === 0 ? 0 : cumulative[from - 1]!;
    const target = low + random() * (cumulative[to - 1]! - low);
    let lo = from;
    let hi = to - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const seen = new Set<number>();
  const sources = new Int32Array(edgeCount);
  const targets = new Int32Array(edgeCount);
  const weights = new Float64Array(edgeCount);
  let count = 0;
  for (let attempt = 0; count < edgeCount; attempt++) {
    if (attempt > edgeCount * 50) throw new Error('clusteredGraph: too dense for the requested edge count');
    const a = draw(0, nodeCount);
    const b = random() < inside ? draw(groupStart[a]!, groupEnd[a]!) : draw(0, nodeCount);
    if (a === b) continue;
    const u = people[Math.min(a, b)]!;
    const v = people[Math.max(a, b)]!;
    const key = Math.min(u, v) * nodeCount + Math.max(u, v);
    if (seen.has(key)) continue;
    seen.add(key);
    sources[count] = u;
    targets[count] = v;
    // Interaction counts: mostly 1-3, occasionally many.
    weights[count++] = 1 + Math.floor(-Math.log(1 - random()) * 2);
  }
  return { nodeCount, sources, targets, weights };
}

// Seeded integer path lengths in [1, max], one per edge (both arcs carry it), for the weighted rows:
// every library gets exactly these numbers. Integers keep path sums exact, so ties are real ties in
// every library (float lengths would leave tie-breaking to rounding and make values disagree).
export function edgeCosts(graph: CsrGraph, seed: number, max = 5): Float64Array {
  const random = createRandom(seed);
  const costs = new Float64Array(graph.neighbours.length);
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
      const v = graph.neighbours[a]!;
      if (v < u) continue;
      const cost = 1 + randomInt(random, max);
      costs[a] = cost;
      costs[findArc(graph, v, u)] = cost;
    }
  }
  return costs;
}
