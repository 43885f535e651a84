// Shortest paths over a CsrGraph: hop distances (BFS), cost distances (Dijkstra) and the tie-aware
// "every shortest route" enumeration that warm introductions need.
import { Arena } from './arena.ts';
import type { CsrGraph } from './csr.ts';
import { checkNodeArgument, checkPositiveInteger } from './guards.ts';
import { IndexedMinHeap } from './heap.ts';

export interface WeightedPath {
  readonly nodes: readonly number[];
  readonly cost: number;
}

// Hop distance from `source` to every node; -1 where unreachable. `out` is reused when given.
export function bfsDistances(graph: CsrGraph, source: number, out?: Int32Array, queue?: Int32Array): Int32Array {
  const { nodeCount: n, offsets, neighbours } = graph;
  checkNodeArgument('source', source, n);
  const dist = out ?? new Int32Array(n);
  const q = queue ?? new Int32Array(n);
  dist.fill(-1);
  dist[source] = 0;
  q[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = q[head++]!;
    const du = dist[u]! + 1;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const v = neighbours[a]!;
      if (dist[v]! < 0) {
        dist[v] = du;
        q[tail++] = v;
      }
    }
  }
  return dist;
}

// Costs are per arc, aligned with graph.neighbours, and must be positive so that paths are simple
// and Brandes' predecessor relation is acyclic.
export function checkCosts(graph: CsrGraph, costs: Float64Array): void {
  if (costs.length !== graph.neighbours.length) {
    throw new RangeError(`costs has ${costs.length} entries, the graph has ${graph.neighbours.length} arcs`);
  }
  for (let a = 0; a < costs.length; a++) {
    const c = costs[a]!;
    if (!(c > 0) || !Number.isFinite(c)) throw new RangeError(`arc cost must be finite and > 0, got ${c}`);
  }
}

export function unitCosts(graph: CsrGraph): Float64Array {
  return new Float64Array(graph.neighbours.length).fill(1);
}

export interface ShortestPathTree {
  // Infinity where unreachable.
  readonly dist: Float64Array;
  // Predecessor on one shortest path; -1 for the source and unreachable nodes.
  readonly parent: Int32Array;
}

export function dijkstra(graph: CsrGraph, source: number, costs?: Float64Array): ShortestPathTree {
  checkNodeArgument('source', source, graph.nodeCount);
  const c = costs ?? unitCosts(graph);
  if (costs !== undefined) checkCosts(graph, costs);
  const ws = new DijkstraWorkspace(graph.nodeCount);
  run(graph, c, source, -1, ws, undefined, undefined);
  // The workspace is this call's own, so its arrays can be handed over without copying.
  return { dist: ws.dist, parent: ws.parent };
}

export function shortestPath(graph: CsrGraph, source: number, target: number, costs?: Float64Array): WeightedPath | null {
  checkNodeArgument('source', source, graph.nodeCount);
  checkNodeArgument('target', target, graph.nodeCount);
  const c = costs ?? unitCosts(graph);
  if (costs !== undefined) checkCosts(graph, costs);
  return searchPath(graph, c, source, target, new DijkstraWorkspace(graph.nodeCount));
}

// Scratch arrays for repeated searches (Yen runs one per spur node): only touched entries are reset.
export class DijkstraWorkspace {
  readonly dist: Float64Array;
  readonly parent: Int32Array;
  readonly settled: Uint8Array;
  readonly heap: IndexedMinHeap;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(n: number) {
    // One backing store for all of it (the heap takes n float64s and 2n int32s): a search on a
    // small graph would otherwise spend more on allocating seven arrays than on the search.
    const arena = new Arena(2 * n, 4 * n, n);
    this.dist = arena.float64(n).fill(Infinity);
    this.parent = arena.int32(n).fill(-1);
    this.settled = arena.uint8(n);
    this.touched = arena.int32(n);
    this.heap = new IndexedMinHeap(n, this.dist, arena);
  }

  touch(u: number): void {
    if (this.dist[u] === Infinity) this.touched[this.touchedCount++] = u;
  }

  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const u = this.touched[i]!;
      this.dist[u] = Infinity;
      this.parent[u] = -1;
      this.settled[u] = 0;
    }
    this.touchedCount = 0;
    this.heap.clear();
  }
}

// Cheapest path avoiding blocked nodes and arcs (1 = blocked), or null.
export function searchPath(
  graph: CsrGraph,
  costs: Float64Array,
  source: number,
  target: number,
  ws: DijkstraWorkspace,
  blockedNodes?: Uint8Array,
  blockedArcs?: Uint8Array,
): WeightedPath | null {
  run(graph, costs, source, target, ws, blockedNodes, blockedArcs);
  let result: WeightedPath | null = null;
  if (ws.dist[target] !== Infinity) {
    const nodes: number[] = [];
    for (let u = target; u !== -1; u = ws.parent[u]!) nodes.push(u);
    nodes.reverse();
    result = { nodes, cost: ws.dist[target]! };
  }
  ws.reset();
  return result;
}

function run(
  graph: CsrGraph,
  costs: Float64Array,
  source: number,
  target: number,
  ws: DijkstraWorkspace,
  blockedNodes: Uint8Array | undefined,
  blockedArcs: Uint8Array | undefined,
): void {
  const { offsets, neighbours } = graph;
  const { dist, parent, settled, heap } = ws;
  if (blockedNodes !== undefined && blockedNodes[source] === 1) return;
  ws.touch(source);
  dist[source] = 0;
  heap.push(source);
  while (heap.size > 0) {
    const u = heap.pop();
    settled[u] = 1;
    if (u === target) return;
    const du = dist[u]!;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      if (blockedArcs !== undefined && blockedArcs[a] === 1) continue;
      const v = neighbours[a]!;
      if (settled[v] === 1 || (blockedNodes !== undefined && blockedNodes[v] === 1)) continue;
      const dv = du + costs[a]!;
      if (dv < dist[v]!) {
        ws.touch(v);
        dist[v] = dv;
        parent[v] = u;
        heap.push(v);
      }
    }
  }
}

export interface AllShortestPathsOptions {
  // Ties can multiply combinatorially; enumeration stops after this many paths.
  readonly limit?: number;
}

// Every minimum-hop path from source to target, in lexicographic order of node ids.
export function allShortestPaths(
  graph: CsrGraph,
  source: number,
  target: number,
  options: AllShortestPathsOptions = {},
): number[][] {
  const limit = options.limit ?? 1000;
  const { nodeCount: n, offsets, neighbours } = graph;
  checkNodeArgument('source', source, n);
  checkNodeArgument('target', target, n);
  checkPositiveInteger('limit', limit);
  if (source === target) return [[source]];
  // Distances to the target let the walk from the source follow only arcs that stay on a shortest
  // path, so it never backtracks out of a dead end. The BFS can stop once the source is labelled:
  // by then every node nearer to the target is labelled too.
  const toTarget = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  toTarget[target] = 0;
  queue[0] = target;
  let head = 0;
  let tail = 1;
  search: while (head < tail) {
    const u = queue[head++]!;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const v = neighbours[a]!;
      if (toTarget[v]! < 0) {
        toTarget[v] = toTarget[u]! + 1;
        queue[tail++] = v;
        if (v === source) break search;
      }
    }
  }
  const length = toTarget[source]!;
  if (length < 0) return [];

  const paths: number[][] = [];
  const path = new Int32Array(length + 1);
  const cursor = new Int32Array(length + 1);
  path[0] = source;
  cursor[0] = offsets[source]!;
  let depth = 0;
  while (depth >= 0 && paths.length < limit) {
    if (depth === length) {
      paths.push(Array.from(path));
      depth--;
      continue;
    }
    const u = path[depth]!;
    const end = offsets[u + 1]!;
    let a = cursor[depth]!;
    while (a < end && toTarget[neighbours[a]!] !== length - depth - 1) a++;
    if (a === end) {
      depth--;
      continue;
    }
    cursor[depth] = a + 1;
    const v = neighbours[a]!;
    path[++depth] = v;
    cursor[depth] = offsets[v]!;
  }
  return paths;
}
