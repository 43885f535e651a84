import { describe, expect, it } from 'vitest';
import { arcCosts, buildGraph, type CsrGraph } from './csr.ts';
import { kShortestPaths } from './k-shortest-paths.ts';
import { allShortestPaths, bfsDistances, dijkstra, shortestPath } from './paths.ts';
import { createRandom, randomInt } from './prng.ts';
import { karate } from './test-fixtures.ts';

function weighted(n: number, edges: [number, number, number][]): CsrGraph {
  return buildGraph({
    nodeCount: n,
    sources: edges.map((e) => e[0]),
    targets: edges.map((e) => e[1]),
    weights: edges.map((e) => e[2]),
  });
}

describe('bfsDistances and dijkstra', () => {
  it('counts hops and marks unreachable nodes with -1', () => {
    const g = buildGraph({ nodeCount: 5, sources: [0, 1, 2], targets: [1, 2, 3] });
    expect(Array.from(bfsDistances(g, 0))).toEqual([0, 1, 2, 3, -1]);
  });

  it('prefers a cheap long route over an expensive short one', () => {
    const g = weighted(4, [[0, 3, 10], [0, 1, 1], [1, 2, 1], [2, 3, 1]]);
    const costs = arcCosts(g, (w) => w);
    const tree = dijkstra(g, 0, costs);
    expect(Array.from(tree.dist)).toEqual([0, 1, 2, 3]);
    expect(shortestPath(g, 0, 3, costs)).toEqual({ nodes: [0, 1, 2, 3], cost: 3 });
    expect(shortestPath(g, 0, 3)).toEqual({ nodes: [0, 3], cost: 1 });
  });

  it('rejects non-positive costs', () => {
    const g = weighted(2, [[0, 1, 1]]);
    expect(() => dijkstra(g, 0, new Float64Array([0, 0]))).toThrow(RangeError);
  });
});

describe('allShortestPaths', () => {
  it('finds the four tied karate routes 0 -> 33', () => {
    expect(allShortestPaths(karate(), 0, 33)).toEqual([
      [0, 8, 33],
      [0, 13, 33],
      [0, 19, 33],
      [0, 31, 33],
    ]);
  });

  it('respects the limit, returns [] when unreachable and [s] when s = t', () => {
    const g = karate();
    expect(allShortestPaths(g, 0, 33, { limit: 2 })).toEqual([[0, 8, 33], [0, 13, 33]]);
    const split = buildGraph({ nodeCount: 3, sources: [0], targets: [1] });
    expect(allShortestPaths(split, 0, 2)).toEqual([]);
    expect(allShortestPaths(split, 1, 1)).toEqual([[1]]);
  });

  it('agrees with the hop distance on every karate pair', () => {
    const g = karate();
    for (let s = 0; s < 34; s += 3) {
      const dist = bfsDistances(g, s);
      for (let t = 0; t < 34; t++) {
        const paths = allShortestPaths(g, s, t);
        expect(paths.length).toBeGreaterThan(0);
        for (const p of paths) expect(p.length - 1).toBe(dist[t]);
      }
    }
  });
});

// Every simple path s -> t with its cost, by exhaustive DFS: the oracle for Yen.
function allSimplePaths(g: CsrGraph, costs: Float64Array, s: number, t: number): { nodes: number[]; cost: number }[] {
  const out: { nodes: number[]; cost: number }[] = [];
  const onPath = new Uint8Array(g.nodeCount);
  const walk = (u: number, nodes: number[], cost: number): void => {
    if (u === t) {
      out.push({ nodes: [...nodes], cost });
      return;
    }
    onPath[u] = 1;
    for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) {
      const v = g.neighbours[a]!;
      if (onPath[v] === 1) continue;
      nodes.push(v);
      walk(v, nodes, cost + costs[a]!);
      nodes.pop();
    }
    onPath[u] = 0;
  };
  walk(s, [s], 0);
  return out.sort((a, b) => a.cost - b.cost);
}

describe('kShortestPaths (Yen)', () => {
  // Strong ties are short: cost = 1 / strength. 0-1-4 costs 1/2+1/2 = 1; 0-2-4 costs 1/4+1/1 = 1.25;
  // 0-3-4 costs 1/1+1/4 = 1.25 (tied with the second); 0-1-2-4 and the rest cost more.
  const g = weighted(5, [[0, 1, 2], [1, 4, 2], [0, 2, 4], [2, 4, 1], [0, 3, 1], [3, 4, 4], [1, 2, 1]]);
  const costs = arcCosts(g, (w) => 1 / w);

  it('returns the k best paths plus every path tied with the k-th', () => {
    const paths = kShortestPaths(g, 0, 4, 2, { costs });
    expect(paths.map((p) => p.nodes)).toEqual([[0, 1, 4], [0, 2, 4], [0, 3, 4]]);
    expect(paths.map((p) => p.cost)).toEqual([1, 1.25, 1.25]);
  });

  it('stops at k when the next path costs more', () => {
    const paths = kShortestPaths(g, 0, 4, 1, { costs });
    expect(paths.map((p) => p.nodes)).toEqual([[0, 1, 4]]);
    expect(kShortestPaths(g, 0, 4, 0, { costs })).toEqual([]);
  });

  it('matches exhaustive enumeration on random weighted graphs', () => {
    const random = createRandom(7);
    for (let trial = 0; trial < 30; trial++) {
      const n = 7;
      const edges: [number, number, number][] = [];
      for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) if (random() < 0.45) edges.push([u, v, 1 + randomInt(random, 3)]);
      const graph = weighted(n, edges);
      const c = arcCosts(graph, (w) => 1 / w);
      const oracle = allSimplePaths(graph, c, 0, n - 1);
      const k = 4;
      const got = kShortestPaths(graph, 0, n - 1, k, { costs: c, maxPaths: 1000 });
      if (oracle.length === 0) {
        expect(got).toEqual([]);
        continue;
      }
      const kth = oracle[Math.min(k, oracle.length) - 1]!.cost;
      const expected = oracle.filter((p) => p.cost <= kth + 1e-9);
      expect(got.length).toBe(expected.length);
      got.forEach((p, i) => expect(p.cost).toBeCloseTo(expected[i]!.cost, 9));
      expect(new Set(got.map((p) => p.nodes.join('-'))).size).toBe(got.length);
      const oracleCost = new Map(oracle.map((p) => [p.nodes.join('-'), p.cost]));
      for (const p of got) expect(oracleCost.get(p.nodes.join('-'))).toBeCloseTo(p.cost, 9);
    }
  });

  it('returns [] when the target is unreachable', () => {
    const split = buildGraph({ nodeCount: 3, sources: [0], targets: [1] });
    expect(kShortestPaths(split, 0, 2, 3)).toEqual([]);
  });
});
