import { describe, expect, it } from 'vitest';
import { karate } from './kernels/test-fixtures.ts';
import { buildGraph, structuralHoles } from './kernels/index.ts';
import { egoMeasures } from './ego.ts';
import { rankedPaths } from './intro.ts';

describe('ranked warm-introduction paths', () => {
  it('shows all four equally short karate paths 0 → 33 when counting hops, all ranked first', () => {
    const paths = rankedPaths(karate(), 0, 33, 1, new Float64Array(karate().neighbours.length).fill(1));
    expect(paths.map((p) => p.nodes.join('-')).sort()).toEqual(['0-13-33', '0-19-33', '0-31-33', '0-8-33']);
    expect(paths.every((p) => p.rank === 1 && p.cost === 2)).toBe(true);
  });

  it('ranks by cost, equal costs sharing a rank, and includes every path tied with the k-th', () => {
    // 0-1-3 and 0-2-3 cost 2; 0-4-5-3 costs 3.
    const g = buildGraph({ nodeCount: 6, sources: [0, 1, 0, 2, 0, 4, 5], targets: [1, 3, 2, 3, 4, 5, 3] });
    expect(rankedPaths(g, 0, 3, 1).map((p) => [p.nodes.join('-'), p.rank])).toEqual([['0-1-3', 1], ['0-2-3', 1]]);
    expect(rankedPaths(g, 0, 3, 3).map((p) => [p.nodes.join('-'), p.rank])).toEqual([['0-1-3', 1], ['0-2-3', 1], ['0-4-5-3', 3]]);
  });
});

describe('the user as ego', () => {
  it('gives the same constraint and effective size as the kernel computing every node of the full graph', () => {
    // Contacts 0..4 with links among them; "me" is node 5, tied to all five with different weights.
    const links = { sources: [0, 0, 1, 2, 3], targets: [1, 2, 2, 3, 4], weights: [5, 1, 3, 2, 4] };
    const me = [4, 0.5, 2, 1, 3];
    const alters = buildGraph({ nodeCount: 5, ...links });
    const full = buildGraph({
      nodeCount: 6,
      sources: [...links.sources, 5, 5, 5, 5, 5],
      targets: [...links.targets, 0, 1, 2, 3, 4],
      weights: [...links.weights, ...me],
    });
    const kernel = structuralHoles(full);
    const ego = egoMeasures(alters, Float64Array.from(me));
    expect(ego.constraint).toBeCloseTo(kernel.constraint[5]!, 12);
    expect(ego.effectiveSize).toBeCloseTo(kernel.effectiveSize[5]!, 12);
    expect(ego.efficiency).toBeCloseTo(kernel.effectiveSize[5]! / 5, 12);
    expect(ego.degree).toBe(5);
  });

  it('counts only the contacts with a tie (weight above 0), as networkx does for the same graph', () => {
    // Links 0–1 5, 0–2 1, 1–2 3, 2–3 2, 3–4 4; me tied to 0 (4), 2 (2) and 3 (1), not to 1 or 4. networkx 3.6.1:
    // nx.constraint(G, [5], weight='weight') → 0.5617461474385672, nx.effective_size(...) → 2.5142857142857142.
    const alters = buildGraph({ nodeCount: 5, sources: [0, 0, 1, 2, 3], targets: [1, 2, 2, 3, 4], weights: [5, 1, 3, 2, 4] });
    const ego = egoMeasures(alters, Float64Array.from([4, 0, 2, 1, 0]));
    expect(ego.degree).toBe(3);
    expect(ego.constraint).toBeCloseTo(0.5617461474385672, 12);
    expect(ego.effectiveSize).toBeCloseTo(2.5142857142857142, 12);
  });

  it('is NaN with no tie at all, as networkx gives for an isolated node', () => {
    const alters = buildGraph({ nodeCount: 2, sources: [0], targets: [1] });
    expect(egoMeasures(alters, new Float64Array(2))).toMatchObject({ degree: 0, constraint: NaN, effectiveSize: NaN });
  });

  it('is NaN with no contacts, as the kernel is for an isolated node', () => {
    expect(egoMeasures(buildGraph({ nodeCount: 0, sources: [], targets: [] }), new Float64Array(0)).constraint).toBeNaN();
  });
});
