import { describe, expect, it } from 'vitest';
import { buildGraph, findArc, type CsrGraph } from './csr.ts';
import { createRandom, randomInt } from './prng.ts';
import { constraint, effectiveSize, structuralHoles } from './structural-holes.ts';
import { burtExample, karate, readJsonFixture } from './test-fixtures.ts';

interface BurtExpected {
  undirected_unweighted: { constraint: Record<string, number>; effective_size: Record<string, number> };
  undirected_weighted: { constraint: Record<string, number>; effective_size: Record<string, number> };
}

describe('Burt / Borgatti holes example (networkx test values: 3 d.p. constraint, 2 d.p. size)', () => {
  const expected = readJsonFixture<{ holes_example: BurtExpected }>('reference-values.json').holes_example;
  const { graph, indexOf } = burtExample(true);
  const at = (values: Float64Array, id: string): number => values[indexOf.get(id)!]!;

  it('unweighted', () => {
    const holes = structuralHoles(graph, { weighted: false });
    for (const [id, value] of Object.entries(expected.undirected_unweighted.constraint)) {
      expect(at(holes.constraint, id)).toBeCloseTo(value, 3);
    }
    for (const [id, value] of Object.entries(expected.undirected_unweighted.effective_size)) {
      expect(at(holes.effectiveSize, id)).toBeCloseTo(value, 2);
    }
    expect(at(holes.constraint, 'G')).toBeCloseTo(0.4, 3);
    expect(at(holes.effectiveSize, 'G')).toBeCloseTo(4.67, 2);
  });

  it('weighted', () => {
    const holes = structuralHoles(graph);
    for (const [id, value] of Object.entries(expected.undirected_weighted.constraint)) {
      expect(at(holes.constraint, id)).toBeCloseTo(value, 3);
    }
    for (const [id, value] of Object.entries(expected.undirected_weighted.effective_size)) {
      expect(at(holes.effectiveSize, id)).toBeCloseTo(value, 2);
    }
    expect(at(holes.constraint, 'A')).toBeCloseTo(0.795, 3);
    expect(at(holes.effectiveSize, 'G')).toBeCloseTo(5.47, 2);
  });

  it('is NaN for an isolated node, alone or beside others', () => {
    expect(at(constraint(graph), 'Z')).toBeNaN();
    expect(at(effectiveSize(graph), 'Z')).toBeNaN();
    const lonely = buildGraph({ nodeCount: 1, sources: [], targets: [] });
    expect(constraint(lonely)[0]).toBeNaN();
    expect(effectiveSize(lonely)[0]).toBeNaN();
  });
});

describe('karate', () => {
  const g = karate();

  it('constraint matches networkx for every node (6 d.p.)', () => {
    const refs = readJsonFixture<{ karate: { burt_constraint_unweighted_all: Record<string, number> } }>('reference-values.json');
    const c = constraint(g, { weighted: false });
    const all = Object.entries(refs.karate.burt_constraint_unweighted_all);
    expect(all).toHaveLength(34);
    for (const [node, value] of all) expect(c[Number(node)]).toBeCloseTo(value, 6);
    expect(c[0]).toBeCloseTo(0.155423, 6);
  });

  it('effective size matches networkx (top five)', () => {
    const refs = readJsonFixture<{ karate: { effective_size_unweighted_top5: [number, number][] } }>('reference-values.json');
    const e = effectiveSize(g, { weighted: false });
    for (const [node, value] of refs.karate.effective_size_unweighted_top5) expect(e[node]).toBeCloseTo(value, 9);
  });

  // networkx 3.6.1 nx.constraint(G, weight='weight') and nx.effective_size(G, nodes=list(G),
  // weight='weight'), computed for this test. Passing `nodes` selects networkx's loop implementation,
  // which follows its documented formula (m_jq normalised by j's strongest tie, as Burt and UCINET do);
  // its default scipy path divides by q's strongest tie instead (sparse broadcasting), giving 13.954
  // for node 0 and A = 2.79 on the holes example, where the published UCINET value is 2.47.
  it('weighted values match networkx', () => {
    const { constraint: c, effectiveSize: e } = structuralHoles(g);
    expect(c[0]).toBeCloseTo(0.190623, 6);
    expect(c[33]).toBeCloseTo(0.186287, 6);
    expect(c[2]).toBeCloseTo(0.255654, 6);
    expect(c[11]).toBe(1);
    expect(e[0]).toBeCloseTo(13.775, 6);
    expect(e[33]).toBeCloseTo(15.228919, 6);
    expect(e[2]).toBeCloseTo(7.94697, 6);
    expect(e[11]).toBe(1);
  });
});

// Burt's formulas written out directly (O(n³)), as the oracle for random weighted graphs.
function naive(g: CsrGraph, u: number): { c: number; e: number } {
  const w = (a: number, b: number): number => {
    const arc = findArc(g, a, b);
    return arc < 0 ? 0 : g.weights[arc]!;
  };
  const nbrs = (a: number): number[] => Array.from(g.neighbours.subarray(g.offsets[a]!, g.offsets[a + 1]!));
  const p = (a: number, b: number): number => w(a, b) / nbrs(a).reduce((s, x) => s + w(a, x), 0);
  const m = (a: number, b: number): number => w(a, b) / Math.max(...nbrs(a).map((x) => w(a, x)));
  let c = 0;
  let e = 0;
  for (const j of nbrs(u)) {
    const local = p(u, j) + nbrs(u).reduce((s, q) => s + p(u, q) * p(q, j), 0);
    c += local * local;
    e += 1 - nbrs(u).reduce((s, q) => s + p(u, q) * m(j, q), 0);
  }
  return { c, e };
}

describe('random weighted graphs', () => {
  it('agree with the formulas written out directly', () => {
    const random = createRandom(11);
    const n = 12;
    const sources: number[] = [];
    const targets: number[] = [];
    const weights: number[] = [];
    for (let u = 0; u < n; u++) {
      for (let v = u + 1; v < n; v++) {
        if (random() < 0.4) {
          sources.push(u);
          targets.push(v);
          weights.push(1 + randomInt(random, 9));
        }
      }
    }
    const g = buildGraph({ nodeCount: n, sources, targets, weights });
    const holes = structuralHoles(g);
    for (let u = 0; u < n; u++) {
      if (g.offsets[u + 1] === g.offsets[u]) continue;
      const { c, e } = naive(g, u);
      expect(holes.constraint[u]).toBeCloseTo(c, 12);
      expect(holes.effectiveSize[u]).toBeCloseTo(e, 12);
    }
  });

  // weighted: false takes its own path (every p_ij is 1 / degree): the oracle sees the same ties at weight 1.
  it('unweighted, agree with the formulas on the same ties at weight 1', () => {
    const random = createRandom(12);
    const n = 30;
    const sources: number[] = [];
    const targets: number[] = [];
    const weights: number[] = [];
    for (let u = 0; u < n; u++) {
      for (let v = u + 1; v < n; v++) {
        if (random() < 0.3) {
          sources.push(u);
          targets.push(v);
          weights.push(1 + randomInt(random, 9));
        }
      }
    }
    const g = buildGraph({ nodeCount: n, sources, targets, weights });
    const unit = buildGraph({ nodeCount: n, sources, targets });
    const holes = structuralHoles(g, { weighted: false });
    let checked = 0;
    for (let u = 0; u < n; u++) {
      if (g.offsets[u + 1] === g.offsets[u]) continue;
      const { c, e } = naive(unit, u);
      expect(holes.constraint[u]).toBeCloseTo(c, 12);
      expect(holes.effectiveSize[u]).toBeCloseTo(e, 12);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
