// The SNAP email-Eu-core network (1005 people, 42 departments): every published statistic, plus the
// timing guard that path statistics stay fast enough for an interactive report.
import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness.ts';
import { clustering } from './clustering.ts';
import { connectedComponents } from './components.ts';
import { distanceStats } from './distances.ts';
import { louvain, modularity } from './louvain.ts';
import { emailDepartments, emailEuCore, readJsonFixture } from './test-fixtures.ts';

interface EmailRefs {
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

describe('email-Eu-core', () => {
  const refs = readJsonFixture<EmailRefs>('refvalues_email.json');
  const expected = refs.undirected_no_selfloops;
  const g = emailEuCore();

  it('has the published size once undirected and simple', () => {
    expect(g.nodeCount).toBe(expected.nodes);
    expect(g.edgeCount).toBe(expected.edges);
    expect(g.edgeCount).toBe(16064);
    const comps = connectedComponents(g);
    expect(Math.max(...comps.sizes)).toBe(expected.largest_cc_nodes);
  });

  it('triangles 105461, average clustering 0.399355', () => {
    const stats = clustering(g);
    expect(stats.triangleCount).toBe(105461);
    expect(stats.triangleCount).toBe(expected.triangles);
    expect(stats.average).toBeCloseTo(0.399355, 6);
    expect(stats.average).toBeCloseTo(expected.avg_clustering, 12);
    expect(stats.transitivity).toBeCloseTo(expected.transitivity, 12);
  });

  it('diameter 7 and average shortest path 2.586934 on the largest component, quickly', () => {
    const started = performance.now();
    const stats = distanceStats(g);
    const elapsed = performance.now() - started;
    expect(stats.nodeCount).toBe(986);
    expect(stats.diameter).toBe(expected.diameter_lcc);
    expect(stats.averageShortestPath).toBeCloseTo(2.586934, 6);
    expect(stats.averageShortestPath).toBeCloseTo(expected.avg_shortest_path_lcc, 12);
    // 986 BFS sweeps; networkx needs about a minute for the same numbers.
    expect(elapsed).toBeLessThan(2000);
  });

  it('the 42-department partition has modularity 0.288013', () => {
    const departments = emailDepartments();
    expect(departments.includes(-1)).toBe(false);
    expect(new Set(departments).size).toBe(refs.departments);
    expect(modularity(g, departments)).toBeCloseTo(0.288013, 6);
    expect(modularity(g, departments)).toBeCloseTo(refs.department_partition_modularity_undirected, 12);
  });

  it('Louvain beats the departments: Q >= 0.40', () => {
    const result = louvain(g, { seed: 42 });
    expect(result.modularity).toBeGreaterThanOrEqual(0.4);
    expect(result.modularity).toBeLessThan(0.45);
  });

  it('betweenness leaders match networkx (normalised)', () => {
    const b = betweenness(g, { normalized: true });
    const ranked = Array.from(b.keys()).sort((x, y) => b[y]! - b[x]!);
    expect(ranked.slice(0, 5)).toEqual(refs.betweenness_top5.map(([node]) => node));
    for (const [node, value] of refs.betweenness_top5) expect(b[node]).toBeCloseTo(value, 12);
  });
});
