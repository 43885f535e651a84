// Test support only. The kernels' own graphs live in ./fixtures with their reference values, computed by networkx
// (fixtures/make_fixtures.py, not run by the tests); the outside corpus's graphs (email-Eu-core) load only when
// a suite or benchmark asks for them, and tests/support/fixtures.ts says where that corpus is.
import { readFileSync } from 'node:fs';
import { buildGraph, graphFromIds, type CsrGraph, type IdGraph } from './csr.ts';
import { corpusUrl, fixturesUrl } from '../../../tests/support/fixtures.ts';

const OWN = new URL('./fixtures/', import.meta.url);

export const graphCorpus = corpusUrl('graphs');

export function readFixture(path: string): string {
  return readFileSync(new URL(path, OWN), 'utf8');
}

// reference-values.json: networkx's values for karate ("karate"), the holes example ("holes_example") and the
// planted-partition graph ("planted_partition").
export function readJsonFixture<T>(path: string): T {
  return JSON.parse(readFixture(path)) as T;
}

export function readCorpusJson<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, fixturesUrl('graphs')), 'utf8')) as T;
}

function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/));
}

function edgeList(text: string, nodeCount: number, options: { selfLoops?: 'drop' } = {}): CsrGraph {
  const edges = rows(text);
  return buildGraph({
    nodeCount,
    sources: edges.map((r) => Number(r[0])),
    targets: edges.map((r) => Number(r[1])),
    ...(edges[0]?.[2] !== undefined ? { weights: edges.map((r) => Number(r[2])) } : {}),
  }, options);
}

function labels(text: string, nodeCount: number): Int32Array {
  const out = new Int32Array(nodeCount).fill(-1);
  for (const [node, group] of rows(text)) out[Number(node)] = Number(group);
  return out;
}

// Zachary's karate club, nodes 0..33, weights = interaction counts.
export const karate = (): CsrGraph => edgeList(readFixture('karate.edgelist'), 34);

// Ten planted groups of 40 people (dense inside, sparse between), a four-person second component, two isolated.
export const plantedPartition = (): CsrGraph => edgeList(readFixture('planted-partition.edgelist'), 406);
export const plantedGroups = (): Int32Array => labels(readFixture('planted-partition-groups.txt'), 406);

// The corpus's email-Eu-core made undirected and simple: reciprocal messages merge, self-mails drop.
export const emailEuCore = (): CsrGraph => edgeList(readFileSync(new URL('email-Eu-core/email-Eu-core.lf.txt', fixturesUrl('graphs')), 'utf8'), 1005, { selfLoops: 'drop' });
export const emailDepartments = (): Int32Array =>
  labels(readFileSync(new URL('email-Eu-core/email-Eu-core-department-labels.lf.txt', fixturesUrl('graphs')), 'utf8'), 1005);

// Borgatti's structural-holes example (nodes A..G), plus an isolated node Z when asked.
export function burtExample(withIsolated = false): IdGraph<string> {
  const edges = rows(readFixture('holes-example.tsv')).map((r) => ({ source: r[0]!, target: r[1]!, weight: Number(r[2]) }));
  return graphFromIds(edges, withIsolated ? { nodes: ['Z'] } : {});
}
