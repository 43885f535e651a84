import { describe, expect, it } from 'vitest';
import { allShortestPaths, betweenness, bfsDistances, buildGraph, dijkstra, kShortestPaths, louvain, shortestPath } from './index.ts';

// A path 0–1–2: every guard is checked on a graph that answers instantly when the arguments are right.
const path = () => buildGraph({ nodeCount: 3, sources: [0, 1], targets: [1, 2] });

describe('kernels refuse bad arguments with an error naming the argument', () => {
  it('refuses a target outside the graph instead of searching forever', () => {
    expect(() => kShortestPaths(path(), 0, 3, 2)).toThrow(/target must be a node index in \[0, 3\), got 3/);
    expect(() => shortestPath(path(), 0, 7)).toThrow(/target .* got 7/);
    expect(() => allShortestPaths(path(), 0, 3)).toThrow(/target .* got 3/);
  });

  it('refuses a source that is negative, fractional or missing', () => {
    expect(() => kShortestPaths(path(), -1, 2, 1)).toThrow(/source .* got -1/);
    expect(() => shortestPath(path(), 0.5, 2)).toThrow(/source .* got 0.5/);
    expect(() => dijkstra(path(), 3)).toThrow(/source .* got 3/);
    expect(() => bfsDistances(path(), Number.NaN)).toThrow(/source .* got NaN/);
  });

  it('refuses a k, maxPaths or tolerance that makes no sense', () => {
    expect(() => kShortestPaths(path(), 0, 2, 1.5)).toThrow(/k must be a non-negative integer, got 1.5/);
    expect(() => kShortestPaths(path(), 0, 2, 1, { maxPaths: 0 })).toThrow(/maxPaths must be a positive integer, got 0/);
    expect(() => kShortestPaths(path(), 0, 2, 1, { tolerance: -1 })).toThrow(/tolerance .* got -1/);
    expect(() => allShortestPaths(path(), 0, 2, { limit: 0 })).toThrow(/limit must be a positive integer, got 0/);
  });

  it('refuses a number of betweenness samples that is not a positive integer', () => {
    expect(() => betweenness(path(), { samples: 0 })).toThrow(/samples must be a positive integer, got 0/);
    expect(() => betweenness(path(), { samples: -5 })).toThrow(/samples .* got -5/);
    expect(() => betweenness(path(), { samples: 2.5 })).toThrow(/samples .* got 2.5/);
    expect(() => betweenness(path(), { samples: 1, seed: 0.5 })).toThrow(/seed .* got 0.5/);
  });

  it('refuses a Louvain resolution or seed that makes no sense', () => {
    expect(() => louvain(path(), { resolution: 0 })).toThrow(/resolution .* got 0/);
    expect(() => louvain(path(), { seed: -1 })).toThrow(/seed .* got -1/);
  });

  it('still answers when the arguments are right', () => {
    expect(kShortestPaths(path(), 0, 2, 1).map((p) => p.nodes)).toEqual([[0, 1, 2]]);
    expect(Array.from(betweenness(path(), { samples: 3 }))).toEqual([0, 1, 0]);
  });
});

describe('self-loops', () => {
  it('are refused by default, naming the edge and the node', () => {
    expect(() => buildGraph({ nodeCount: 3, sources: [0, 1, 2], targets: [1, 2, 2] })).toThrow(/edge 2 is a self-loop on node 2/);
  });

  it('are dropped only when asked, for datasets whose loops are artefacts', () => {
    const g = buildGraph({ nodeCount: 3, sources: [0, 1, 2], targets: [1, 2, 2] }, { selfLoops: 'drop' });
    expect(g.edgeCount).toBe(2);
  });
});
