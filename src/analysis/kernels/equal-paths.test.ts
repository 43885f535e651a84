import { describe, expect, it } from 'vitest';
import { buildGraph, equalCheapestPaths } from './index.ts';
import { emailEuCore, graphCorpus, karate } from './test-fixtures.ts';

// Layers: 0 → {1, 2, 3} → {4, 5} → 6, every node of one layer tied to every node of the next, plus a detour
// 0–7–8–9–6 that is longer. Cheapest paths 0→6: 3 × 2 = 6, counted by hand.
function layered() {
  const edges: [number, number][] = [];
  for (const a of [1, 2, 3]) edges.push([0, a]);
  for (const a of [1, 2, 3]) for (const b of [4, 5]) edges.push([a, b]);
  for (const b of [4, 5]) edges.push([b, 6]);
  edges.push([0, 7], [7, 8], [8, 9], [9, 6]);
  return buildGraph({ nodeCount: 10, sources: edges.map((e) => e[0]), targets: edges.map((e) => e[1]) });
}

describe('equally good paths, counted and listed in order', () => {
  it('counts every cheapest path and lists them lexicographically by node', () => {
    const r = equalCheapestPaths(layered(), 0, 6, { limit: 100 });
    expect(r.cost).toBe(3);
    expect(r.count).toBe(6);
    expect(r.paths.map((p) => p.join('-'))).toEqual(['0-1-4-6', '0-1-5-6', '0-2-4-6', '0-2-5-6', '0-3-4-6', '0-3-5-6']);
    expect(r.firstHops).toEqual([{ node: 1, count: 2 }, { node: 2, count: 2 }, { node: 3, count: 2 }]);
  });

  it('keeps counting past the listing limit, and lists in the given order', () => {
    // Rank nodes in reverse: 3 before 2 before 1, 5 before 4.
    const order = Int32Array.from({ length: 10 }, (_, i) => 10 - i);
    const r = equalCheapestPaths(layered(), 0, 6, { limit: 2, order });
    expect(r.count).toBe(6);
    expect(r.paths.map((p) => p.join('-'))).toEqual(['0-3-5-6', '0-3-4-6']);
    expect(r.firstHops.map((h) => h.node)).toEqual([3, 2, 1]);
  });

  it('finds the four shortest karate paths 0 → 33 (networkx: len(list(nx.all_shortest_paths(G, 0, 33))) == 4)', () => {
    const r = equalCheapestPaths(karate(), 0, 33, { costs: new Float64Array(karate().neighbours.length).fill(1) });
    expect(r.count).toBe(4);
    expect(r.paths.map((p) => p.join('-'))).toEqual(['0-8-33', '0-13-33', '0-19-33', '0-31-33']);
  });

  it("counts a grid's binomially many paths without listing them: C(24, 12) = 2,704,156 corner to corner", () => {
    const side = 13;
    const s: number[] = [];
    const t: number[] = [];
    for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) {
      if (c + 1 < side) { s.push(r * side + c); t.push(r * side + c + 1); }
      if (r + 1 < side) { s.push(r * side + c); t.push((r + 1) * side + c); }
    }
    const r = equalCheapestPaths(buildGraph({ nodeCount: side * side, sources: s, targets: t }), 0, side * side - 1, { limit: 3 });
    expect(r.count).toBe(2704156);
    expect(r.paths).toHaveLength(3);
  });

  it('weighs arcs by cost and reports an unreachable target as no path', () => {
    // 0–1–3 costs 1 + 1, 0–2–3 costs 0.5 + 1.5: a tie; 0–3 directly costs 3.
    const g = buildGraph({ nodeCount: 5, sources: [0, 1, 0, 2, 0], targets: [1, 3, 2, 3, 3], weights: [1, 1, 2, 3, 4] });
    const costs = new Float64Array(g.neighbours.length);
    for (let a = 0; a < costs.length; a++) costs[a] = [1, 1, 0.5, 1.5, 3][[1, 1, 2, 3, 4].indexOf(g.weights[a]!)]!;
    const r = equalCheapestPaths(g, 0, 3, { costs });
    expect([r.cost, r.count, r.paths.map((p) => p.join('-'))]).toEqual([2, 2, ['0-1-3', '0-2-3']]);
    expect(equalCheapestPaths(g, 0, 4)).toEqual({ cost: Infinity, count: 0, paths: [], firstHops: [] });
  });

  it.skipIf(!graphCorpus)('corpus: counts as networkx does on email-Eu-core (undirected, self-mails dropped)', () => {
    // sum(1 for _ in nx.all_shortest_paths(G, s, t)), networkx 3.6.1, for random pairs at distance >= 3.
    const expected = [[378, 956, 11], [619, 485, 38], [642, 595, 84], [239, 196, 35], [750, 481, 12], [553, 875, 1]];
    const g = emailEuCore();
    expect(expected.map(([s, t]) => [s, t, equalCheapestPaths(g, s!, t!, { limit: 0 }).count])).toEqual(expected);
  });

  it('refuses a target outside the graph', () => {
    expect(() => equalCheapestPaths(layered(), 0, 10)).toThrow(/target must be a node index in \[0, 10\), got 10/);
  });
});
