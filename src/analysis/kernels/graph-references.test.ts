// Whole-graph statistics against networkx on a mid-sized graph with known groups: the project's own planted-partition
// graph always, and the SNAP email-Eu-core network (1005 people, 42 departments) from the corpus when it is present,
// with its published figures. Plus the guard that path statistics stay fast enough for an interactive report.
import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness.ts';
import { clustering } from './clustering.ts';
import { connectedComponents } from './components.ts';
import type { CsrGraph } from './csr.ts';
import { distanceStats } from './distances.ts';
import { louvain, modularity } from './louvain.ts';
import { emailDepartments, emailEuCore, graphCorpus, plantedGroups, plantedPartition, readCorpusJson, readJsonFixture } from './test-fixtures.ts';

interface GraphRefs {
  undirected_no_selfloops: {
    nodes: number;
    edges: number;
    avg_clustering: number;
    transitivity: number;
    triangles: number;
    largest_cc_nodes: number;
    diameter_lcc: number;
    avg_shortest_path_lcc: number;
  };
  departments: number;
  department_partition_modularity_undirected: number;
  betweenness_top5: [number, number][];
}

interface Case {
  name: string;
  graph: () => CsrGraph;
  groups: () => Int32Array;
  refs: () => GraphRefs;
  // Louvain is a heuristic: the band its modularity (seed 42) must land in.
  louvainBand: [number, number];
}

const planted: Case = {
  name: 'planted partition (own fixture)',
  graph: plantedPartition,
  groups: plantedGroups,
  refs: () => readJsonFixture<{ planted_partition: GraphRefs }>('reference-values.json').planted_partition,
  louvainBand: [0.66, 0.70],
};

const email: Case = {
  name: 'corpus: email-Eu-core',
  graph: emailEuCore,
  groups: emailDepartments,
  refs: () => readCorpusJson<GraphRefs>('refvalues_email.json'),
  louvainBand: [0.4, 0.45],
};

describe.each(graphCorpus ? [planted, email] : [planted])('$name', (c) => {
  const refs = c.refs();
  const expected = refs.undirected_no_selfloops;
  const g = c.graph();

  it('has networkx\'s size once undirected and simple', () => {
    expect(g.nodeCount).toBe(expected.nodes);
    expect(g.edgeCount).toBe(expected.edges);
    const comps = connectedComponents(g);
    expect(Math.max(...comps.sizes)).toBe(expected.largest_cc_nodes);
  });

  it('triangles, average clustering and transitivity', () => {
    const stats = clustering(g);
    expect(stats.triangleCount).toBe(expected.triangles);
    expect(stats.average).toBeCloseTo(expected.avg_clustering, 12);
    expect(stats.transitivity).toBeCloseTo(expected.transitivity, 12);
  });

  it('diameter and average shortest path on the largest component, quickly', () => {
    const started = performance.now();
    const stats = distanceStats(g);
    const elapsed = performance.now() - started;
    expect(stats.nodeCount).toBe(expected.largest_cc_nodes);
    expect(stats.diameter).toBe(expected.diameter_lcc);
    expect(stats.averageShortestPath).toBeCloseTo(expected.avg_shortest_path_lcc, 12);
    // One BFS sweep per node of the largest component; networkx needs about a minute on email-Eu-core.
    expect(elapsed).toBeLessThan(2000);
  });

  it('the known groups have networkx\'s modularity', () => {
    const groups = c.groups();
    expect(groups.includes(-1)).toBe(false);
    expect(new Set(groups).size).toBe(refs.departments);
    expect(modularity(g, groups)).toBeCloseTo(refs.department_partition_modularity_undirected, 12);
  });

  it('Louvain lands in its band', () => {
    const result = louvain(g, { seed: 42 });
    expect(result.modularity).toBeGreaterThanOrEqual(c.louvainBand[0]);
    expect(result.modularity).toBeLessThan(c.louvainBand[1]);
  });

  it('betweenness leaders match networkx (normalised)', () => {
    const b = betweenness(g, { normalized: true });
    const ranked = Array.from(b.keys()).sort((x, y) => b[y]! - b[x]!);
    expect(ranked.slice(0, 5)).toEqual(refs.betweenness_top5.map(([node]) => node));
    for (const [node, value] of refs.betweenness_top5) expect(b[node]).toBeCloseTo(value, 12);
  });
});

// email-Eu-core's figures as SNAP publishes them, independent of networkx.
describe.skipIf(!graphCorpus)('corpus: email-Eu-core published figures', () => {
  it('16064 undirected edges, 105461 triangles, clustering 0.399355, diameter 7, 42 departments at Q 0.288013', () => {
    const g = emailEuCore();
    expect(g.edgeCount).toBe(16064);
    const stats = clustering(g);
    expect(stats.triangleCount).toBe(105461);
    expect(stats.average).toBeCloseTo(0.399355, 6);
    const d = distanceStats(g);
    expect(d.nodeCount).toBe(986);
    expect(d.diameter).toBe(7);
    expect(d.averageShortestPath).toBeCloseTo(2.586934, 6);
    expect(modularity(g, emailDepartments())).toBeCloseTo(0.288013, 6);
  });
});
