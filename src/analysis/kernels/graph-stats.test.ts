import { describe, expect, it } from 'vitest';
import { clustering, countTriangles } from './clustering.ts';
import { connectedComponents, largestComponent } from './components.ts';
import { buildGraph } from './csr.ts';
import { distanceStats } from './distances.ts';
import { createRandom, randomInt } from './prng.ts';
import { karate } from './test-fixtures.ts';

describe('karate statistics (networkx 3.6.1 reference values)', () => {
  const g = karate();

  it('triangles, clustering and transitivity', () => {
    const stats = clustering(g);
    expect(stats.triangleCount).toBe(45);
    expect(stats.average).toBeCloseTo(0.5706384782076823, 12);
    expect(stats.transitivity).toBeCloseTo(0.2556818181818182, 12);
    expect(stats.local[11]).toBe(0);
  });

  it('diameter 5 and average shortest path 2.408200', () => {
    const stats = distanceStats(g);
    expect(stats.nodeCount).toBe(34);
    expect(stats.diameter).toBe(5);
    expect(stats.averageShortestPath).toBeCloseTo(2.4082, 6);
  });
});

describe('small graphs', () => {
  // Two triangles sharing edge 1-2, plus a separate edge 4-5 and an isolated node 6.
  const g = buildGraph({ nodeCount: 7, sources: [0, 0, 1, 1, 2, 4], targets: [1, 2, 2, 3, 3, 5] });

  it('counts triangles per node', () => {
    expect(Array.from(countTriangles(g))).toEqual([1, 2, 2, 1, 0, 0, 0]);
    const stats = clustering(g);
    expect(stats.local[1]).toBeCloseTo(2 / 3, 12);
    expect(stats.local[0]).toBe(1);
  });

  it('finds components and the largest one', () => {
    const comps = connectedComponents(g);
    expect(comps.count).toBe(3);
    expect(Array.from(comps.component)).toEqual([0, 0, 0, 0, 1, 1, 2]);
    expect(Array.from(comps.sizes)).toEqual([4, 2, 1]);
    expect(Array.from(largestComponent(g))).toEqual([0, 1, 2, 3]);
  });

  it('measures distances within a component and refuses a disconnected set', () => {
    const stats = distanceStats(g);
    expect(stats.diameter).toBe(2);
    // Pairs: 0-1,0-2,1-2,1-3,2-3 at 1 and 0-3 at 2: (5·1 + 2) / 6 = 7/6.
    expect(stats.averageShortestPath).toBeCloseTo(7 / 6, 12);
    expect(() => distanceStats(g, Int32Array.from([0, 4]))).toThrow(RangeError);
  });
});

// Up to 256 edges the triangles come from merging sorted rows, above from the degree orientation: both
// against the definition (every triple of nodes) on random graphs either side of that size.
describe('triangles per node, both ways of counting', () => {
  it('match a count over every triple', () => {
    for (const [n, m] of [[30, 120], [40, 250], [40, 300], [60, 600]] as const) {
      const random = createRandom(n + m);
      const sources: number[] = [];
      const targets: number[] = [];
      for (let e = 0; e < m; e++) {
        const a = randomInt(random, n);
        const b = randomInt(random, n);
        if (a !== b) {
          sources.push(a);
          targets.push(b);
        }
      }
      const g = buildGraph({ nodeCount: n, sources, targets });
      const adjacent = (a: number, b: number): boolean => g.neighbours.subarray(g.offsets[a]!, g.offsets[a + 1]!).includes(b);
      const expected = new Array<number>(n).fill(0);
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          if (!adjacent(a, b)) continue;
          for (let c = b + 1; c < n; c++) {
            if (adjacent(a, c) && adjacent(b, c)) {
              expected[a]!++;
              expected[b]!++;
              expected[c]!++;
            }
          }
        }
      }
      expect(Array.from(countTriangles(g)), `${n} nodes, ${g.edgeCount} edges`).toEqual(expected);
    }
  });
});
