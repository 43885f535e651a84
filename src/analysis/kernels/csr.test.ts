import { describe, expect, it } from 'vitest';
import { arcCosts, buildGraph, degree, findArc, graphFromIds, strengths, type CsrGraph } from './csr.ts';
import { emailEuCore, graphCorpus, karate } from './test-fixtures.ts';

function rowOf(graph: CsrGraph, u: number): number[] {
  return Array.from(graph.neighbours.subarray(graph.offsets[u]!, graph.offsets[u + 1]!));
}

describe('buildGraph', () => {
  it('stores each undirected edge as two arcs in sorted rows', () => {
    const g = buildGraph({ nodeCount: 4, sources: [2, 0, 3], targets: [0, 1, 0], weights: [5, 1, 2] });
    expect(g.edgeCount).toBe(3);
    expect(rowOf(g, 0)).toEqual([1, 2, 3]);
    expect(rowOf(g, 2)).toEqual([0]);
    expect(g.weights[findArc(g, 0, 2)]).toBe(5);
    expect(g.weights[findArc(g, 2, 0)]).toBe(5);
    expect(findArc(g, 1, 2)).toBe(-1);
    expect(degree(g, 0)).toBe(3);
  });

  it('drops self-loops when asked and merges duplicates by max unless told to sum', () => {
    const edges = { nodeCount: 3, sources: [0, 1, 0, 2], targets: [1, 0, 0, 1], weights: [2, 3, 9, 1] };
    const byMax = buildGraph(edges, { selfLoops: 'drop' });
    expect(byMax.edgeCount).toBe(2);
    expect(byMax.weights[findArc(byMax, 0, 1)]).toBe(3);
    expect(rowOf(byMax, 0)).toEqual([1]);
    const bySum = buildGraph(edges, { duplicates: 'sum', selfLoops: 'drop' });
    expect(bySum.weights[findArc(bySum, 1, 0)]).toBe(5);
  });

  it('treats an edge list without weights as weight 1', () => {
    const g = buildGraph({ nodeCount: 3, sources: new Int32Array([0, 1]), targets: new Int32Array([1, 2]) });
    expect(g.weighted).toBe(false);
    expect(Array.from(strengths(g))).toEqual([1, 2, 1]);
  });

  it('rejects nodes out of range and negative or non-finite weights', () => {
    expect(() => buildGraph({ nodeCount: 2, sources: [0], targets: [2] })).toThrow(RangeError);
    expect(() => buildGraph({ nodeCount: 2, sources: [0], targets: [1.5] })).toThrow(RangeError);
    expect(() => buildGraph({ nodeCount: 2, sources: [0], targets: [1], weights: [-1] })).toThrow(RangeError);
    expect(() => buildGraph({ nodeCount: 2, sources: [0], targets: [1], weights: [NaN] })).toThrow(RangeError);
  });

  it('loads karate (34 nodes, 78 edges, weights summing to 231)', () => {
    const g = karate();
    expect(g.edgeCount).toBe(78);
    expect(strengths(g).reduce((a, b) => a + b, 0) / 2).toBe(231);
    expect(degree(g, 33)).toBe(17);
    expect(degree(g, 0)).toBe(16);
  });

  it.skipIf(!graphCorpus)('corpus: makes email-Eu-core undirected and simple: 1005 nodes, 16064 edges', () => {
    const g = emailEuCore();
    expect(g.nodeCount).toBe(1005);
    expect(g.edgeCount).toBe(16064);
  });
});

describe('graphFromIds', () => {
  it('maps ids to indices both ways and keeps isolated nodes', () => {
    const { graph, ids, indexOf } = graphFromIds(
      [
        { source: 'ann', target: 'bob', weight: 2 },
        { source: 'bob', target: 'cy' },
      ],
      { nodes: ['zoe'] },
    );
    expect(ids).toEqual(['zoe', 'ann', 'bob', 'cy']);
    expect(indexOf.get('bob')).toBe(2);
    expect(graph.weighted).toBe(true);
    expect(graph.weights[findArc(graph, indexOf.get('bob')!, indexOf.get('cy')!)]).toBe(1);
    expect(degree(graph, indexOf.get('zoe')!)).toBe(0);
  });

  it('derives per-arc costs from weights', () => {
    const { graph } = graphFromIds([{ source: 1, target: 2, weight: 4 }]);
    expect(Array.from(arcCosts(graph, (w) => 1 / w))).toEqual([0.25, 0.25]);
  });
});
