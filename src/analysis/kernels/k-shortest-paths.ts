// Yen's k best loopless paths. Intro routing asks for "the few best chains of strong ties", and when
// two chains cost the same the user should see both, so every path tied with the k-th is returned.
import { findArc, type CsrGraph } from './csr.ts';
import { checkNodeArgument, checkNonNegativeFinite, checkNonNegativeInteger, checkPositiveInteger } from './guards.ts';
import { checkCosts, DijkstraWorkspace, searchPath, unitCosts, type WeightedPath } from './paths.ts';

export interface KShortestPathsOptions {
  // Per-arc cost (aligned with graph.neighbours), e.g. arcCosts(g, (w) => 1 / w); unit costs if omitted.
  readonly costs?: Float64Array;
  // Paths whose cost is within this of the k-th best count as tied with it.
  readonly tolerance?: number;
  // Hard cap on returned paths, in case of a huge tie (a grid, a clique).
  readonly maxPaths?: number;
}

export function kShortestPaths(
  graph: CsrGraph,
  source: number,
  target: number,
  k: number,
  options: KShortestPathsOptions = {},
): WeightedPath[] {
  checkNodeArgument('source', source, graph.nodeCount);
  checkNodeArgument('target', target, graph.nodeCount);
  checkNonNegativeInteger('k', k);
  const tolerance = options.tolerance ?? 1e-9;
  checkNonNegativeFinite('tolerance', tolerance);
  const maxPaths = options.maxPaths ?? Math.max(k, 1) * 10;
  checkPositiveInteger('maxPaths', maxPaths);
  if (options.costs !== undefined) checkCosts(graph, options.costs);
  const costs = options.costs ?? unitCosts(graph);
  if (k <= 0) return [];
  const ws = new DijkstraWorkspace(graph.nodeCount);
  const first = searchPath(graph, costs, source, target, ws);
  if (first === null) return [];

  const accepted: WeightedPath[] = [first];
  const candidates: WeightedPath[] = [];
  const seen = new Set<string>([first.nodes.join(',')]);
  const blockedNodes = new Uint8Array(graph.nodeCount);
  const blockedArcs = new Uint8Array(graph.neighbours.length);
  const blockedList: number[] = [];

  while (accepted.length < maxPaths) {
    const last = accepted[accepted.length - 1]!.nodes;
    let rootCost = 0;
    for (let i = 0; i < last.length - 1; i++) {
      const spur = last[i]!;
      // Forbid the next hop of every accepted path that shares this root, so the spur deviates.
      for (const path of accepted) {
        if (path.nodes.length > i + 1 && sharesRoot(path.nodes, last, i)) {
          blockEdge(graph, path.nodes[i]!, path.nodes[i + 1]!, blockedArcs, blockedList);
        }
      }
      const spurPath = searchPath(graph, costs, spur, target, ws, blockedNodes, blockedArcs);
      if (spurPath !== null) {
        const nodes = last.slice(0, i).concat(spurPath.nodes);
        const key = nodes.join(',');
        if (!seen.has(key)) {
          seen.add(key);
          candidates.push({ nodes, cost: rootCost + spurPath.cost });
        }
      }
      for (const a of blockedList) blockedArcs[a] = 0;
      blockedList.length = 0;
      // The root grows by one node: it may not be revisited by later spurs (paths stay simple).
      blockedNodes[spur] = 1;
      rootCost += costs[findArc(graph, spur, last[i + 1]!)]!;
    }
    for (const u of last) blockedNodes[u] = 0;

    if (candidates.length === 0) break;
    const best = takeBest(candidates);
    if (accepted.length >= k && best.cost > accepted[k - 1]!.cost + tolerance) break;
    accepted.push(best);
  }
  return accepted;
}

function sharesRoot(path: readonly number[], root: readonly number[], i: number): boolean {
  for (let j = 0; j <= i; j++) if (path[j] !== root[j]) return false;
  return true;
}

function blockEdge(graph: CsrGraph, u: number, v: number, blocked: Uint8Array, list: number[]): void {
  for (const a of [findArc(graph, u, v), findArc(graph, v, u)]) {
    if (a >= 0 && blocked[a] === 0) {
      blocked[a] = 1;
      list.push(a);
    }
  }
}

// Removes and returns the cheapest candidate; ties go to the lexicographically smaller node list so
// the order is the same on every run.
function takeBest(candidates: WeightedPath[]): WeightedPath {
  let bestAt = 0;
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i]!;
    const b = candidates[bestAt]!;
    if (c.cost < b.cost || (c.cost === b.cost && lexLess(c.nodes, b.nodes))) bestAt = i;
  }
  const best = candidates[bestAt]!;
  candidates[bestAt] = candidates[candidates.length - 1]!;
  candidates.pop();
  return best;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
}
