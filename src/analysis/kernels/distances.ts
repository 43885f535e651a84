// Diameter and average shortest path length (hops) of one connected component: an all-pairs BFS,
// one O(m) sweep per node, sharing a single distance array and queue.
import { largestComponent } from './components.ts';
import type { CsrGraph } from './csr.ts';
import { bfsDistances } from './paths.ts';

export interface DistanceStats {
  readonly nodeCount: number;
  readonly diameter: number;
  // Mean over ordered pairs of distinct nodes (networkx `average_shortest_path_length`).
  readonly averageShortestPath: number;
}

// `component` must be a connected component (default: the largest), since both numbers are undefined
// across components.
export function distanceStats(graph: CsrGraph, component?: Int32Array): DistanceStats {
  const nodes = component ?? largestComponent(graph);
  const k = nodes.length;
  const dist = new Int32Array(graph.nodeCount);
  const queue = new Int32Array(graph.nodeCount);
  let diameter = 0;
  let total = 0;
  for (const s of nodes) {
    bfsDistances(graph, s, dist, queue);
    for (const v of nodes) {
      const d = dist[v]!;
      if (d < 0) throw new RangeError(`nodes ${s} and ${v} are not connected: pass one component`);
      total += d;
      if (d > diameter) diameter = d;
    }
  }
  return { nodeCount: k, diameter, averageShortestPath: k > 1 ? total / (k * (k - 1)) : 0 };
}
