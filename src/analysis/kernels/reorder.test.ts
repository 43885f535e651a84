import { describe, expect, it } from 'vitest';
import { buildGraph, findArc } from './csr.ts';
import { bfsOrder, permuteArcValues, permuteGraph } from './reorder.ts';

describe('reorder', () => {
  // A star around 3 plus a separate edge 5-6 and an isolated node 4.
  const g = buildGraph({ nodeCount: 7, sources: [3, 3, 3, 5], targets: [0, 1, 2, 6], weights: [1, 2, 3, 4] });

  it('orders by BFS from the highest-degree node, component by component', () => {
    expect(Array.from(bfsOrder(g))).toEqual([3, 0, 1, 2, 5, 6, 4]);
  });

  it('keeps every edge and weight under the new names', () => {
    const order = bfsOrder(g);
    const permuted = permuteGraph(g, order);
    expect(permuted.graph.edgeCount).toBe(4);
    expect(permuted.rank[3]).toBe(0);
    for (const [u, v, w] of [[3, 0, 1], [3, 2, 3], [5, 6, 4]] as const) {
      const arc = findArc(permuted.graph, permuted.rank[u]!, permuted.rank[v]!);
      expect(permuted.graph.weights[arc]).toBe(w);
    }
    const costs = Float64Array.from(g.weights, (w) => 10 * w);
    const moved = permuteArcValues(g, permuted, costs);
    expect(moved[findArc(permuted.graph, permuted.rank[6]!, permuted.rank[5]!)]).toBe(40);
  });
});
