// graphology (the JS graph library Rapport would otherwise use) on the same simple graph.
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type { CsrGraph } from '../../src/analysis/kernels/csr.ts';
import { createRandom } from '../../src/analysis/kernels/prng.ts';
import { measure, type Op, type PeerResult } from './measure.ts';

// Both packages are CommonJS with `module.exports = fn` but typings that say `export default`: under
// NodeNext TypeScript sees a namespace whose `default` is the function, while Node hands over the
// function itself. Take whichever is there.
const louvain = interop(louvainModule);
const betweennessCentrality = interop(betweennessModule);

function interop<T>(mod: { default: T }): T {
  return (mod as { default?: T }).default ?? (mod as unknown as T);
}

export function runGraphology(graph: CsrGraph, ops: readonly Op[]): PeerResult {
  const g = new UndirectedGraph();
  for (let u = 0; u < graph.nodeCount; u++) g.addNode(String(u));
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
      const v = graph.neighbours[a]!;
      if (v > u) g.addEdge(String(u), String(v));
    }
  }
  const ids = Array.from({ length: graph.nodeCount }, (_, u) => String(u));
  let result: PeerResult = {};
  if (ops.includes('betweenness')) {
    const { timing, result: b } = measure(() => betweennessCentrality(g, { getEdgeWeight: null }));
    result = { ...result, betweenness: { ...timing, values: ids.map((id) => b[id] ?? null) } };
  }
  if (ops.includes('louvain')) {
    const { timing, result: detailed } = measure(() =>
      louvain.detailed(g, { getEdgeWeight: null, rng: createRandom(1) }),
    );
    result = { ...result, louvain: { ...timing, q: detailed.modularity, communities: detailed.count } };
  }
  return result;
}
