// graphology (the JS graph library Rapport would otherwise use) on the same simple graph.
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { singleSource } from 'graphology-shortest-path/dijkstra.js';
import { singleSourceLength } from 'graphology-shortest-path/unweighted.js';
import type { CsrGraph } from '../../src/analysis/kernels/csr.ts';
import { createRandom } from '../../src/analysis/kernels/prng.ts';
import { measure, type Op, type OpResult, type PeerResult } from './measure.ts';

// Both packages are CommonJS with `module.exports = fn` but typings that say `export default`: under
// NodeNext TypeScript sees a namespace whose `default` is the function, while Node hands over the
// function itself. Take whichever is there.
const louvain = interop(louvainModule);
const betweennessCentrality = interop(betweennessModule);

function interop<T>(mod: { default: T }): T {
  return (mod as { default?: T }).default ?? (mod as unknown as T);
}

// `costs` (per arc, as for the Rapport kernels) go on each edge as a "cost" attribute, read only by
// the weighted operations; `source` is where the one-source shortest paths start.
export function runGraphology(graph: CsrGraph, costs: Float64Array, source: number, ops: readonly Op[]): PeerResult {
  const g = new UndirectedGraph<Record<string, never>, { cost: number }>();
  for (let u = 0; u < graph.nodeCount; u++) g.addNode(String(u));
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
      const v = graph.neighbours[a]!;
      if (v > u) g.addEdge(String(u), String(v), { cost: costs[a]! });
    }
  }
  const ids = Array.from({ length: graph.nodeCount }, (_, u) => String(u));
  const result: { -readonly [op in Op]?: OpResult } = {};
  // normalized: false gives the raw pair counts (halved for an undirected graph) that the others report.
  if (ops.includes('betweenness')) {
    const { timing, result: b } = measure(() => betweennessCentrality(g, { getEdgeWeight: null, normalized: false }));
    result.betweenness = { ...timing, values: ids.map((id) => b[id] ?? null) };
  }
  if (ops.includes('betweennessWeighted')) {
    const { timing, result: b } = measure(() => betweennessCentrality(g, { getEdgeWeight: 'cost', normalized: false }));
    result.betweennessWeighted = { ...timing, values: ids.map((id) => b[id] ?? null) };
  }
  if (ops.includes('pathsWeighted')) {
    const { timing, result: paths } = measure(() => singleSource(g, String(source), 'cost'));
    // The length of each returned path, recomputed from the edge costs outside the timing.
    const values = ids.map((id) => {
      const path = paths[id];
      if (path === undefined) return null;
      let total = 0;
      for (let i = 1; i < path.length; i++) total += g.getEdgeAttribute(path[i - 1]!, path[i]!, 'cost');
      return total;
    });
    result.pathsWeighted = { ...timing, values };
  }
  if (ops.includes('bfs')) {
    const { timing, result: lengths } = measure(() => singleSourceLength(g, String(source)));
    result.bfs = { ...timing, values: ids.map((id) => lengths[id] ?? null) };
  }
  if (ops.includes('louvain')) {
    const { timing, result: detailed } = measure(() =>
      louvain.detailed(g, { getEdgeWeight: null, rng: createRandom(1) }),
    );
    result.louvain = { ...timing, q: detailed.modularity, communities: detailed.count };
  }
  return result;
}
