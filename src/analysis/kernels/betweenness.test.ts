import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness.ts';
import { arcCosts, buildGraph, type CsrGraph } from './csr.ts';
import { unitCosts } from './paths.ts';
import { createRandom, randomInt, sampleWithoutReplacement, shuffleInPlace } from './prng.ts';
import { karate, readJsonFixture } from './test-fixtures.ts';

interface KarateRefs {
  karate: { betweenness_raw_top5: [number, number][]; betweenness_normalized_top5: [number, number][] };
}

describe('betweenness on karate', () => {
  const refs = readJsonFixture<KarateRefs>('reference-values.json').karate;
  const g = karate();

  it('matches the published unnormalised values (igraph/networkx, 4 d.p.)', () => {
    const b = betweenness(g);
    expect(b[0]).toBeCloseTo(231.0714, 4);
    expect(b[33]).toBeCloseTo(160.5516, 4);
    expect(b[32]).toBeCloseTo(76.6905, 4);
    expect(b[2]).toBeCloseTo(75.8508, 4);
    expect(b[31]).toBeCloseTo(73.0095, 4);
    for (const [node, value] of refs.betweenness_raw_top5) expect(b[node]).toBeCloseTo(value, 9);
  });

  it('normalises by (n-1)(n-2)/2 pairs', () => {
    const b = betweenness(g, { normalized: true });
    expect(b[0]).toBeCloseTo(0.43764, 5);
    expect(b[33]).toBeCloseTo(0.30407, 5);
    for (const [node, value] of refs.betweenness_normalized_top5) expect(b[node]).toBeCloseTo(value, 9);
  });

  it('with unit costs, the Dijkstra variant equals the BFS one', () => {
    const hops = betweenness(g);
    const unit = betweenness(g, { costs: unitCosts(g) });
    for (let i = 0; i < 34; i++) expect(unit[i]).toBeCloseTo(hops[i]!, 9);
  });

  // networkx 3.6.1, nx.betweenness_centrality(nx.karate_club_graph(), weight=..., normalized=False),
  // computed for this test: weights as lengths, then lengths 1/weight.
  it('matches networkx with weights as path lengths', () => {
    const b = betweenness(g, { costs: arcCosts(g, (w) => w) });
    expect(b[0]).toBeCloseTo(250.15, 6);
    expect(b[33]).toBeCloseTo(209.5, 6);
    expect(b[19]).toBeCloseTo(127.066667, 6);
    expect(b[31]).toBeCloseTo(66.333333, 6);
  });

  // With 1/weight costs, float sums such as 1/3 + 1/6 and 1/2 differ in the last bit, and networkx's exact
  // comparison then misses real ties (it reports 208.5 for node 0). These are networkx's values with
  // Fraction costs, i.e. exact arithmetic, which the relative-epsilon comparison reproduces.
  it('treats float-rounded equal path lengths as ties (cost 1/weight)', () => {
    const b = betweenness(g, { costs: arcCosts(g, (w) => 1 / w) });
    expect(b[0]).toBeCloseTo(209.0, 6);
    expect(b[2]).toBeCloseTo(177.0, 6);
    expect(b[33]).toBeCloseTo(174.0, 6);
    expect(b[32]).toBeCloseTo(83.5, 6);
    expect(b[8]).toBeCloseTo(72.0, 6);
  });
});

describe('betweenness basics', () => {
  it('splits credit across tied shortest paths', () => {
    // A 4-cycle 0-1-2-3: each node lies on one of the two shortest paths between its two neighbours.
    const cycle = buildGraph({ nodeCount: 4, sources: [0, 1, 2, 3], targets: [1, 2, 3, 0] });
    expect(Array.from(betweenness(cycle))).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('gives a star centre every pair of leaves', () => {
    const star = buildGraph({ nodeCount: 5, sources: [0, 0, 0, 0], targets: [1, 2, 3, 4] });
    expect(Array.from(betweenness(star))).toEqual([6, 0, 0, 0, 0]);
    expect(betweenness(star, { normalized: true })[0]).toBe(1);
  });

  it('sampling every node is exact, and a sample estimates the same leader', () => {
    const g = karate();
    const exact = betweenness(g);
    const all = betweenness(g, { samples: 34 });
    for (let i = 0; i < 34; i++) expect(all[i]).toBeCloseTo(exact[i]!, 9);
    const estimate = betweenness(g, { samples: 20, seed: 3 });
    expect(estimate).not.toEqual(exact);
    expect(estimate.indexOf(Math.max(...estimate))).toBe(0);
  });
});

describe('betweenness on large graphs (renumbered internally for locality)', () => {
  // A 4,200-node path (above the renumbering threshold) in random id order: the i-th node along it
  // lies between the i nodes before it and the n-1-i after it, so its betweenness is i·(n-1-i).
  const n = 4200;
  const along = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), createRandom(4));
  const g = buildGraph({ nodeCount: n, sources: along.subarray(0, n - 1), targets: along.subarray(1), weights: new Float64Array(n - 1).fill(2) });

  it('maps results back to the caller ids (hops and costs)', () => {
    const hops = betweenness(g);
    const weighted = betweenness(g, { costs: arcCosts(g, (w) => 1 / w) });
    for (let i = 0; i < n; i += 97) {
      expect(hops[along[i]!]).toBe(i * (n - 1 - i));
      expect(weighted[along[i]!]).toBeCloseTo(i * (n - 1 - i), 6);
    }
  });

  it('samples pivots by caller id, whatever the internal numbering', () => {
    const k = 10;
    const sampled = betweenness(g, { samples: k, seed: 2 });
    // A pivot at position p credits the node at position i with the nodes beyond i, away from p.
    const position = new Int32Array(n);
    along.forEach((u, i) => (position[u] = i));
    const pivots = Array.from(sampleWithoutReplacement(n, k, createRandom(2)), (u) => position[u]!);
    for (let i = 0; i < n; i += 89) {
      const credit = pivots.reduce((sum, p) => sum + (p < i ? n - 1 - i : p > i ? i : 0), 0);
      expect(sampled[along[i]!]).toBeCloseTo((credit * n) / k / 2, 6);
    }
  });
});

// Brute force from the definition: all-pairs lengths (Floyd–Warshall) and path counts, then
// Σ over pairs s < t of σ_st(v) / σ_st. Integer costs keep every sum exact, so ties are real ties.
function referenceBetweenness(graph: CsrGraph, costs: Float64Array): number[] {
  const n = graph.nodeCount;
  const d = Array.from({ length: n }, (_, u) => Array.from({ length: n }, (_, v) => (u === v ? 0 : Infinity)));
  for (let u = 0; u < n; u++) {
    for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) d[u]![graph.neighbours[a]!] = costs[a]!;
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i]![j] = Math.min(d[i]![j]!, d[i]![k]! + d[k]![j]!);
  }
  const sigma = d.map((row, s) => {
    const count = new Array<number>(n).fill(0);
    count[s] = 1;
    const byLength = Array.from({ length: n }, (_, t) => t).sort((a, b) => row[a]! - row[b]!);
    for (const t of byLength) {
      if (t === s || row[t] === Infinity) continue;
      for (let a = graph.offsets[t]!; a < graph.offsets[t + 1]!; a++) {
        const u = graph.neighbours[a]!;
        if (row[u]! + costs[a]! === row[t]) count[t]! += count[u]!;
      }
    }
    return count;
  });
  const out = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    for (let t = s + 1; t < n; t++) {
      if (d[s]![t] === Infinity) continue;
      for (let v = 0; v < n; v++) {
        if (v !== s && v !== t && d[s]![v]! + d[v]![t]! === d[s]![t]) out[v]! += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!;
      }
    }
  }
  return out;
}

// graphology-metrics is CommonJS (`module.exports = fn`) typed as `export default`: under NodeNext
// TypeScript sees a namespace whose `default` is the function, Node hands over the function itself.
const graphologyBetweenness = interop(betweennessModule);

function interop<T>(mod: { default: T }): T {
  return (mod as { default?: T }).default ?? (mod as unknown as T);
}

describe('betweenness against references on random graphs with many ties', () => {
  // 70 nodes in a few components (and some isolated), integer lengths 1..3 so equal-length paths abound.
  function randomGraph(seed: number): { graph: CsrGraph; costs: Float64Array } {
    const random = createRandom(seed);
    const sources: number[] = [];
    const targets: number[] = [];
    for (let e = 0; e < 160; e++) {
      const block = randomInt(random, 3) * 22;
      sources.push(block + randomInt(random, 22));
      targets.push(block + randomInt(random, 22));
    }
    const graph = buildGraph({ nodeCount: 70, sources, targets }, { selfLoops: 'drop' }); // random draws can pair a node with itself
    const costs = new Float64Array(graph.neighbours.length);
    const edgeRandom = createRandom(seed + 1);
    for (let u = 0; u < graph.nodeCount; u++) {
      for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
        const v = graph.neighbours[a]!;
        if (v < u) continue;
        const cost = 1 + randomInt(edgeRandom, 3);
        costs[a] = cost;
        for (let b = graph.offsets[v]!; b < graph.offsets[v + 1]!; b++) if (graph.neighbours[b] === u) costs[b] = cost;
      }
    }
    return { graph, costs };
  }

  for (const seed of [1, 2, 3]) {
    const { graph, costs } = randomGraph(seed);

    it(`hops and integer lengths match the brute-force definition (seed ${seed})`, () => {
      const hops = betweenness(graph);
      referenceBetweenness(graph, unitCosts(graph)).forEach((value, v) => expect(hops[v]).toBeCloseTo(value, 9));
      const weighted = betweenness(graph, { costs });
      referenceBetweenness(graph, costs).forEach((value, v) => expect(weighted[v]).toBeCloseTo(value, 9));
    });

    it(`matches graphology's weighted betweenness (seed ${seed})`, () => {
      const g = new UndirectedGraph();
      for (let u = 0; u < graph.nodeCount; u++) g.addNode(String(u));
      for (let u = 0; u < graph.nodeCount; u++) {
        for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
          if (graph.neighbours[a]! > u) g.addEdge(String(u), String(graph.neighbours[a]!), { cost: costs[a]! });
        }
      }
      const theirs = graphologyBetweenness(g, { getEdgeWeight: 'cost', normalized: false });
      const mine = betweenness(graph, { costs });
      for (let u = 0; u < graph.nodeCount; u++) expect(mine[u]).toBeCloseTo(theirs[String(u)]!, 9);
    });
  }
});
