import { describe, expect, it } from 'vitest';
import { buildGraph } from './csr.ts';
import { karate, plantedPartition, readJsonFixture } from './test-fixtures.ts';
import { topKBetweenness } from './top-k-betweenness.ts';

interface Refs {
  karate: { betweenness_raw_top5: [number, number][] };
  planted_partition: { betweenness_top5: [number, number][] };
}
const refs = readJsonFixture<Refs>('reference-values.json');

describe('top-k betweenness from sampled shortest paths', () => {
  it('settles karate\'s top two on networkx\'s nodes 0 and 33, each true value inside its interval', () => {
    const r = topKBetweenness(karate(), { k: 2, maxSamples: 200_000, seed: 7 });
    expect(r.settled).toBe(2);
    expect([...r.ranking]).toEqual([0, 33]);
    // networkx 2.8.8, unnormalised: 231.07, 160.55, 76.69, 75.85, 73.01.
    for (const [node, value] of refs.karate.betweenness_raw_top5) {
      expect(r.lower[node]).toBeLessThanOrEqual(value);
      expect(r.upper[node]).toBeGreaterThanOrEqual(value);
    }
    // It stopped once settled, long before the cap.
    expect(r.state.samples).toBeLessThan(50_000);
  });

  it('keeps two near-equal nodes unsettled on the planted-partition graph, and the intervals still hold the truth', () => {
    const g = plantedPartition();
    const n = g.nodeCount;
    const r = topKBetweenness(g, { k: 3, maxSamples: 30_000, seed: 3 });
    // networkx, normalised by (n-1)(n-2)/2: 202 first at 0.0150, then 110 (0.013150) and 126 (0.013123).
    const pairs = ((n - 1) * (n - 2)) / 2;
    for (const [node, normalised] of refs.planted_partition.betweenness_top5) {
      expect(r.lower[node]).toBeLessThanOrEqual(normalised * pairs);
      expect(r.upper[node]).toBeGreaterThanOrEqual(normalised * pairs);
    }
    expect(r.state.samples).toBe(30_000);
    expect(r.settled).toBeLessThan(2);
  });

  it('never calls an exact tie at the top settled', () => {
    // A path 0–1–2–3: nodes 1 and 2 each lie on two of the six pairs' paths.
    const path = buildGraph({ nodeCount: 4, sources: [0, 1, 2], targets: [1, 2, 3] });
    const r = topKBetweenness(path, { k: 1, maxSamples: 20_000 });
    expect(r.settled).toBe(0);
    expect(r.estimate[1]).toBeGreaterThan(1.8);
    expect(r.estimate[2]).toBeGreaterThan(1.8);
  });

  it('resumes an earlier run, adding samples to it', () => {
    // Planted partition's second and third places are too close to settle in 3,000 samples, so both runs use all.
    const g = plantedPartition();
    const first = topKBetweenness(g, { k: 3, maxSamples: 1000 });
    const second = topKBetweenness(g, { k: 3, maxSamples: 3000, resume: first.state });
    expect(first.state.samples).toBe(1000);
    expect(second.state.samples).toBe(3000);
    // The first run's counts are not changed by the second.
    expect(first.state.hits.reduce((a, b) => a + b, 0)).toBeLessThan(second.state.hits.reduce((a, b) => a + b, 0));
  });

  it('finds nothing to rank in a graph without paths of two hops', () => {
    const pairs = buildGraph({ nodeCount: 4, sources: [0, 2], targets: [1, 3] });
    const r = topKBetweenness(pairs, { k: 3, maxSamples: 5000 });
    expect(r.ranking.length).toBe(0);
    expect(r.settled).toBe(0);
  });

  it('refuses a k, delta or sample cap that makes no sense', () => {
    const g = karate();
    expect(() => topKBetweenness(g, { k: 0 })).toThrow(/k must be a positive integer/);
    expect(() => topKBetweenness(g, { k: 1, delta: 0 })).toThrow(/delta/);
    expect(() => topKBetweenness(g, { k: 1, maxSamples: -1 })).toThrow(/maxSamples/);
  });
});
