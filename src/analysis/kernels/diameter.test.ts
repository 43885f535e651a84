import { describe, expect, it } from 'vitest';
import { connectedComponents } from './components.ts';
import { buildGraph } from './csr.ts';
import { beyond, diameter } from './diameter.ts';
import { bfsDistances } from './paths.ts';
import { createRandom, randomInt } from './prng.ts';
import { karate } from './test-fixtures.ts';

// The definition, one BFS per node: the longest finite distance anywhere.
function allPairsDiameter(graph: ReturnType<typeof buildGraph>): number {
  let best = 0;
  for (let s = 0; s < graph.nodeCount; s++) for (const d of bfsDistances(graph, s)) best = Math.max(best, d);
  return best;
}

describe('diameter (bounding eccentricities instead of all-pairs BFS)', () => {
  it('is 5 on karate (networkx 3.6.1)', () => {
    expect(diameter(karate())).toBe(5);
  });

  it('is the longest path of a path graph and 0 without edges', () => {
    const path = buildGraph({ nodeCount: 7, sources: [0, 1, 2, 3, 4, 5], targets: [1, 2, 3, 4, 5, 6] });
    expect(diameter(path)).toBe(6);
    expect(diameter(buildGraph({ nodeCount: 3, sources: [], targets: [] }))).toBe(0);
    expect(diameter(buildGraph({ nodeCount: 0, sources: [], targets: [] }))).toBe(0);
  });

  it('takes the longest over all components, as igraph does with unconn=True', () => {
    // A triangle (diameter 1) and a separate path of 4 nodes (diameter 3).
    const g = buildGraph({ nodeCount: 7, sources: [0, 1, 0, 3, 4, 5], targets: [1, 2, 2, 4, 5, 6] });
    expect(connectedComponents(g).count).toBe(2);
    expect(diameter(g)).toBe(3);
  });

  it('equals the all-pairs answer on 300 random sparse graphs, connected or not', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = createRandom(seed);
      const n = 2 + randomInt(random, 60);
      const sources: number[] = [];
      const targets: number[] = [];
      for (let e = randomInt(random, 2 * n); e > 0; e--) {
        const a = randomInt(random, n);
        const b = randomInt(random, n);
        if (a !== b) {
          sources.push(a);
          targets.push(b);
        }
      }
      const g = buildGraph({ nodeCount: n, sources, targets });
      expect(diameter(g), `seed ${seed}`).toBe(allPairsDiameter(g));
    }
  });
});

// The bit-parallel check that takes over when the bounds stall: which sources have a node farther than `levels`.
describe('beyond (32 × 4 sources per bit-parallel BFS)', () => {
  it('names exactly the sources whose eccentricity exceeds the level, for every level', () => {
    const random = createRandom(5);
    const n = 400;
    const sources: number[] = [];
    const targets: number[] = [];
    // A ring with random chords: eccentricities spread over several values.
    for (let u = 0; u < n; u++) {
      sources.push(u);
      targets.push((u + 1) % n);
    }
    for (let e = 0; e < 60; e++) {
      const a = randomInt(random, n);
      const b = randomInt(random, n);
      if (a !== b) {
        sources.push(a);
        targets.push(b);
      }
    }
    const g = buildGraph({ nodeCount: n, sources, targets });
    const ecc = Array.from({ length: n }, (_, s) => Math.max(...bfsDistances(g, s)));
    const members = Int32Array.from({ length: n }, (_, i) => i);
    const visited = new Int32Array(4 * n);
    const frontier = new Int32Array(4 * n);
    const next = new Int32Array(4 * n);
    // Batches of 128 (all four words), 40 (two words, the second partly) and 1.
    for (const batch of [Array.from({ length: 128 }, (_, i) => i * 3), Array.from({ length: 40 }, (_, i) => 399 - i * 7), [17]]) {
      for (let levels = 0; levels <= Math.max(...ecc) + 1; levels++) {
        const expected = batch.filter((s) => ecc[s]! > levels);
        expect(beyond(g, members, batch, levels, visited, frontier, next), `levels ${levels}`).toEqual(expected);
        expect(visited.every((x) => x === 0) && frontier.every((x) => x === 0) && next.every((x) => x === 0)).toBe(true);
      }
    }
  });

  // Clustered graphs whose bounds stall with thousands of candidates left: the check decides the answer.
  it('equals the all-pairs answer on clustered graphs large enough to hand over to it', () => {
    for (const seed of [1, 2]) {
      const random = createRandom(seed);
      const n = 3000;
      const sources: number[] = [];
      const targets: number[] = [];
      for (let e = 0; e < 7000; e++) {
        const a = randomInt(random, n);
        // Mostly ties within a block of 50 neighbouring ids, some across.
        const b = random() < 0.9 ? a - (a % 50) + randomInt(random, 50) : randomInt(random, n);
        if (a !== b) {
          sources.push(a);
          targets.push(b);
        }
      }
      const g = buildGraph({ nodeCount: n, sources, targets });
      expect(diameter(g), `seed ${seed}`).toBe(allPairsDiameter(g));
    }
  });
});
