import { describe, expect, it } from 'vitest';
import { connectedComponents } from './components.ts';
import { buildGraph } from './csr.ts';
import { diameter } from './diameter.ts';
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
