// Warm introduction paths: the k best chains from the user through people they know (their ego network of real
// ties) to a contact, or to anyone at an organisation. With `by: 'strength'` a hop costs 1 / weight (weights on the 1–5 link scale, the user's own
// ties at tie strength / 20), so two strong hops beat one weak one; with `by: 'hops'` every hop costs 1. Paths
// that cost the same are never silently dropped: which to try first is then the user's call, not an accident.
//
// The best cost is special: a well-connected target can be reached by thousands of equally good paths. Those
// are all counted (equalCheapestPaths: dynamic programming, no enumeration), grouped by the first person to
// ask with how many of them go through each, and the first `limit` are listed in a stable order: by the names
// of the people along the path (first hop's name, then the next…; ties by contact id). Worse paths (ranks
// after the best) come from Yen only when the best tier has fewer than k paths, sorted the same way within a
// cost.
import { buildGraph, equalCheapestPaths, kShortestPaths, type CsrGraph } from './kernels/index.ts';
import { meWeight, type NetworkModel } from './network-graph.ts';

export type IntroMetric = 'strength' | 'hops';

export interface RankedPath {
  nodes: readonly number[];
  cost: number;
  // Equal costs share a rank.
  rank: number;
}

const TIE_TOLERANCE = 1e-9;

// kShortestPaths already returns every path tied with the k-th (in the order Yen found them); this numbers them
// so ties are visible.
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
    // Only people you really know can introduce you: a contact you have never spoken to (nor linked) is outside
    // your ego network (docs/ego-network.md) and cannot be the first person you ask.
    if (!c.inEgo) continue;
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

export interface IntroRoutes {
  // Best first, contact indexes from the first person to ask to the target (the user and the sink left out).
  paths: RankedPath[];
  // Every path tied for the best cost, listed or not.
  bestCount: number;
  // Whom to ask: each first hop of a best path, with how many best paths go through them; most paths first,
  // then by name.
  firstHops: { index: number; paths: number }[];
}

// Tighter than TIE_TOLERANCE: the hop into an organisation's sink costs 1e-9 and must not blur two tiers.
const BEST_TOLERANCE = 1e-12;

// Contacts ranked by name (then id), the user and the sink last: the listing order of equally good paths.
function nameOrder(model: NetworkModel, nodeCount: number): Int32Array {
  const byName = model.contacts.map((c) => c.index).sort((a, b) => compareNames(model, a, b));
  const rank = new Int32Array(nodeCount);
  for (let r = 0; r < nodeCount; r++) rank[r] = r;
  byName.forEach((index, r) => { rank[index] = r; });
  return rank;
}

function compareNames(model: NetworkModel, a: number, b: number): number {
  const x = model.contacts[a]!;
  const y = model.contacts[b]!;
  return x.name < y.name ? -1 : x.name > y.name ? 1 : x.id - y.id;
}

export function introRoutes(model: NetworkModel, target: IntroTarget, k: number, metric: IntroMetric, limit = 10 * k): IntroRoutes {
  const g = introGraph(model, target, metric);
  const to = g.sink ?? (target.kind === 'contact' ? target.index : -1);
  const order = nameOrder(model, g.graph.nodeCount);
  const best = equalCheapestPaths(g.graph, g.me, to, { costs: g.costs, order, limit: Math.max(limit, k), tolerance: BEST_TOLERANCE });
  if (best.count === 0) return { paths: [], bestCount: 0, firstHops: [] };
  const strip = (nodes: readonly number[]): number[] => nodes.slice(1, g.sink === null ? undefined : -1);
  // Rounded so that float noise from the sink hop never splits a tie on screen.
  const round = (cost: number): number => Math.round(cost * 1e6) / 1e6;
  const paths: RankedPath[] = best.paths.map((nodes) => ({ nodes: strip(nodes), cost: round(best.cost), rank: 1 }));
  if (best.count < k) {
    const worse = rankedPaths(g.graph, g.me, to, k, g.costs)
      .filter((p) => p.cost > best.cost + TIE_TOLERANCE)
      .map((p) => ({ nodes: strip(p.nodes), cost: round(p.cost), rank: 0 }))
      .sort((a, b) => a.cost - b.cost || compareRoutes(order, a.nodes, b.nodes));
    worse.forEach((p, i) => {
      const previous = i === 0 ? undefined : worse[i - 1]!;
      p.rank = previous !== undefined && previous.cost === p.cost ? previous.rank : paths.length + i + 1;
    });
    paths.push(...worse);
  }
  const firstHops = best.firstHops
    .filter((h) => h.node < model.contacts.length)
    .map((h) => ({ index: h.node, paths: h.count }))
    .sort((a, b) => b.paths - a.paths || order[a.index]! - order[b.index]!);
  return { paths, bestCount: best.count, firstHops };
}

function compareRoutes(order: Int32Array, a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return order[a[i]!]! - order[b[i]!]!;
  return a.length - b.length;
}
