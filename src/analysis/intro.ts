// Warm introduction paths: the k best chains from the user through people they know to a contact, or to anyone
// at an organisation. With `by: 'strength'` a hop costs 1 / weight (weights on the 1–5 link scale, the user's own
// ties at tie strength / 20), so two strong hops beat one weak one; with `by: 'hops'` every hop costs 1. Paths
// that cost the same as the k-th are all returned: which to try first is then the user's call, not an accident.
import { buildGraph, kShortestPaths, type CsrGraph } from './kernels/index.ts';
import { meWeight, type NetworkModel } from './network-graph.ts';

export type IntroMetric = 'strength' | 'hops';

export interface RankedPath {
  nodes: readonly number[];
  cost: number;
  // Equal costs share a rank.
  rank: number;
}

const TIE_TOLERANCE = 1e-9;

// kShortestPaths already returns every path tied with the k-th; this numbers them so ties are visible.
export function rankedPaths(graph: CsrGraph, source: number, target: number, k: number, costs?: Float64Array): RankedPath[] {
  const paths = kShortestPaths(graph, source, target, k, { tolerance: TIE_TOLERANCE, ...(costs ? { costs } : {}) });
  let rank = 0;
  let previous = -Infinity;
  return paths.map((p, i) => {
    if (p.cost > previous + TIE_TOLERANCE) rank = i + 1;
    previous = p.cost;
    return { nodes: p.nodes, cost: p.cost, rank };
  });
}

export type IntroTarget = { kind: 'contact'; index: number } | { kind: 'organisation'; members: readonly number[] };

export interface IntroGraph {
  graph: CsrGraph;
  me: number;
  // For an organisation: a node tied to every member at (almost) no cost, so one search reaches "anyone there".
  sink: number | null;
  costs: Float64Array;
}

// Costs of the hops into the sink: small enough not to change any ranking, positive as Dijkstra requires.
const SINK_WEIGHT = 1e9;

export function introGraph(model: NetworkModel, target: IntroTarget, metric: IntroMetric): IntroGraph {
  const n = model.contacts.length;
  const me = n;
  const members = target.kind === 'organisation' ? target.members : [];
  const sink = target.kind === 'organisation' ? n + 1 : null;
  const size = model.links.length + n + members.length;
  const sources = new Int32Array(size);
  const targets = new Int32Array(size);
  const weights = new Float64Array(size);
  let e = 0;
  for (let l = 0; l < model.links.length; l++, e++) {
    sources[e] = model.links.a[l]!;
    targets[e] = model.links.b[l]!;
    weights[e] = model.links.strength[l]!;
  }
  for (const c of model.contacts) {
    // Asking for an introduction to someone means going through someone else: the direct tie is left out.
    if (target.kind === 'contact' && c.index === target.index) continue;
    sources[e] = me;
    targets[e] = c.index;
    weights[e] = meWeight(c.tie.strength);
    e++;
  }
  for (const m of members) {
    sources[e] = m;
    targets[e] = sink!;
    weights[e] = SINK_WEIGHT;
    e++;
  }
  const graph = buildGraph({ nodeCount: sink === null ? n + 1 : n + 2, sources: sources.subarray(0, e), targets: targets.subarray(0, e), weights: weights.subarray(0, e) });
  const costs = new Float64Array(graph.weights.length);
  for (let a = 0; a < costs.length; a++) {
    const w = graph.weights[a]!;
    costs[a] = w === SINK_WEIGHT ? 1 / SINK_WEIGHT : metric === 'hops' ? 1 : 1 / w;
  }
  return { graph, me, sink, costs };
}

// Paths as contact indexes from the first person to ask to the target (the user and the sink left out).
export function introPaths(model: NetworkModel, target: IntroTarget, k: number, metric: IntroMetric): RankedPath[] {
  const g = introGraph(model, target, metric);
  const to = g.sink ?? (target.kind === 'contact' ? target.index : -1);
  const ranked = rankedPaths(g.graph, g.me, to, k, g.costs);
  return ranked.map((p) => {
    const nodes = p.nodes.slice(1, g.sink === null ? undefined : -1);
    // Rounded so that float noise from the sink hop never splits a tie on screen.
    return { nodes, cost: Math.round(p.cost * 1e6) / 1e6, rank: p.rank };
  });
}
