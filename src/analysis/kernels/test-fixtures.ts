// Test support only: loads the shared graph fixtures (../shared/fixtures/graphs beside the repo).
import { readFileSync } from 'node:fs';
import { buildGraph, graphFromIds, type CsrGraph, type IdGraph } from './csr.ts';
import { fixturesUrl } from '../../../tests/support/fixtures.ts';

const root = fixturesUrl('graphs');

export function readFixture(path: string): string {
  return readFileSync(new URL(path, root), 'utf8');
}

export function readJsonFixture<T>(path: string): T {
  return JSON.parse(readFixture(path)) as T;
}

function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/));
}

// Zachary's karate club, nodes 0..33, weights = interaction counts.
export function karate(): CsrGraph {
  const edges = rows(readFixture('karate/karate_networkx_weighted.edgelist'));
  return buildGraph({
    nodeCount: 34,
    sources: edges.map((r) => Number(r[0])),
    targets: edges.map((r) => Number(r[1])),
    weights: edges.map((r) => Number(r[2])),
  });
}

// email-Eu-core made undirected and simple: reciprocal messages merge, self-mails drop.
export function emailEuCore(): CsrGraph {
  const edges = rows(readFixture('email-Eu-core/email-Eu-core.lf.txt'));
  return buildGraph({
    nodeCount: 1005,
    sources: edges.map((r) => Number(r[0])),
    targets: edges.map((r) => Number(r[1])),
  }, { selfLoops: 'drop' });
}

export function emailDepartments(): Int32Array {
  const labels = new Int32Array(1005).fill(-1);
  for (const [node, dept] of rows(readFixture('email-Eu-core/email-Eu-core-department-labels.lf.txt'))) {
    labels[Number(node)] = Number(dept);
  }
  return labels;
}

// Borgatti's structural-holes example (nodes A..G), plus an isolated node Z when asked.
export function burtExample(withIsolated = false): IdGraph<string> {
  const edges = rows(readFixture('burt-holes-example/holes_example_weighted.tsv')).map((r) => ({
    source: r[0]!,
    target: r[1]!,
    weight: Number(r[2]),
  }));
  return graphFromIds(edges, withIsolated ? { nodes: ['Z'] } : {});
}
