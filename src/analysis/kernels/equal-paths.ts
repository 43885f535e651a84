// Every path tied for the lowest cost between two nodes, counted without listing them: a hub-rich network
// can hold thousands of equally good routes (1,045 for one ego-Facebook pair), so the count comes from dynamic
// programming on the shortest-path DAG, O(m log n), and only the first `limit` are listed, in a stable order.
//
// An arc u→v lies on a cheapest source→target path exactly when dist(source, u) + cost(u, v) + dist(v, target)
// equals the cheapest cost D (within a relative tolerance: costs like 1/w are floats). paths(u), the number of
// cheapest u→target paths inside that DAG, is 1 at the target and the sum over u's DAG successors elsewhere,
// so paths(source) is the total and paths(v) for each first hop v is the share going through v. Positive
// costs keep every cheapest path simple.
//
// Order: paths are listed lexicographically by `order[node]` along the path (node index when omitted), found
// by a depth-first walk that visits each node's DAG successors in that order and never dead-ends, because
// every DAG arc leads on to the target.
import { findArc, type CsrGraph } from './csr.ts';
import { checkNodeArgument, checkNonNegativeFinite, checkNonNegativeInteger } from './guards.ts';
import { checkCosts, dijkstra, unitCosts } from './paths.ts';

export interface EqualPathsOptions {
  // Per-arc cost aligned with graph.neighbours; unit costs if omitted.
  readonly costs?: Float64Array;
  // Rank of each node for the listing order (lower first); node index if omitted.
  readonly order?: ArrayLike<number>;
  // How many paths to list; the count is always complete. Default 10.
  readonly limit?: number;
  // Costs within this relative difference count as equal. Default 1e-9.
  readonly tolerance?: number;
}

export interface EqualPaths {
  // Infinity when the target cannot be reached (then count is 0 and the lists are empty).
  readonly cost: number;
  // Number of cheapest paths; a float, exact up to 2^53.
  readonly count: number;
  // The first `limit` cheapest paths in the documented order, source and target included.
  readonly paths: number[][];
  // Each first hop after the source with the number of cheapest paths through it, in the listing order.
  readonly firstHops: { node: number; count: number }[];
}

export function equalCheapestPaths(graph: CsrGraph, source: number, target: number, options: EqualPathsOptions = {}): EqualPaths {
  const n = graph.nodeCount;
  checkNodeArgument('source', source, n);
  checkNodeArgument('target', target, n);
  const limit = options.limit ?? 10;
  checkNonNegativeInteger('limit', limit);
  const tolerance = options.tolerance ?? 1e-9;
  checkNonNegativeFinite('tolerance', tolerance);
  if (options.order !== undefined && options.order.length !== n) throw new RangeError(`order has ${options.order.length} entries, the graph has ${n} nodes`);
  if (options.costs !== undefined) checkCosts(graph, options.costs);
  const costs = options.costs ?? unitCosts(graph);
  if (source === target) return { cost: 0, count: 1, paths: limit > 0 ? [[source]] : [], firstHops: [] };

  const fromSource = dijkstra(graph, source, costs).dist;
  const toTarget = dijkstra(graph, target, symmetricCosts(graph, costs)).dist;
  const best = fromSource[target]!;
  if (best === Infinity) return { cost: Infinity, count: 0, paths: [], firstHops: [] };
  const slack = tolerance * Math.max(1, best);
  const { offsets, neighbours } = graph;
  const onDag = (u: number, a: number): boolean => {
    const v = neighbours[a]!;
    return fromSource[u]! + costs[a]! + toTarget[v]! <= best + slack && fromSource[u]! + costs[a]! <= fromSource[v]! + slack;
  };

  // paths(u) over nodes on some cheapest path, nearest the target first.
  const nodes: number[] = [];
  for (let u = 0; u < n; u++) if (fromSource[u]! + toTarget[u]! <= best + slack) nodes.push(u);
  nodes.sort((a, b) => toTarget[a]! - toTarget[b]!);
  const count = new Float64Array(n);
  count[target] = 1;
  for (const u of nodes) {
    if (u === target) continue;
    let sum = 0;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) if (onDag(u, a)) sum += count[neighbours[a]!]!;
    count[u] = sum;
  }

  const rank = options.order ?? null;
  const byOrder = (a: number, b: number): number => (rank === null ? a - b : rank[a]! - rank[b]! || a - b);
  const successors = (u: number): number[] => {
    const out: number[] = [];
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) if (onDag(u, a) && count[neighbours[a]!]! > 0) out.push(neighbours[a]!);
    return out.sort(byOrder);
  };

  const paths: number[][] = [];
  const walk = (path: number[]): void => {
    const u = path[path.length - 1]!;
    if (u === target) {
      paths.push(path.slice());
      return;
    }
    for (const v of successors(u)) {
      if (paths.length >= limit) return;
      path.push(v);
      walk(path);
      path.pop();
    }
  };
  if (limit > 0) walk([source]);
  const firstHops = successors(source).map((node) => ({ node, count: count[node]! }));
  return { cost: best, count: count[source]!, paths, firstHops };
}

// Costs of the arcs reversed (v→u carries the cost of u→v), so a search from the target measures distances
// to it. Intro graphs give both arcs of an edge the same cost; this keeps the kernel right when they differ.
function symmetricCosts(graph: CsrGraph, costs: Float64Array): Float64Array {
  const out = new Float64Array(costs.length);
  const { offsets, neighbours } = graph;
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) out[a] = costs[findArc(graph, neighbours[a]!, u)]!;
  }
  return out;
}
