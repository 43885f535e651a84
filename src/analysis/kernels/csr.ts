// Compact undirected graph in CSR form. Every kernel reads these typed arrays directly, so a
// 30,000-contact network costs a few megabytes and no per-node objects.

export interface EdgeList {
  readonly nodeCount: number;
  readonly sources: ArrayLike<number>;
  readonly targets: ArrayLike<number>;
  // Tie strength (interaction count, etc.); omitted means every edge weighs 1.
  readonly weights?: ArrayLike<number>;
}

// How repeated edges between the same pair are merged. 'max' is the default because the usual
// duplicate is the same tie seen from both sides (A mailed B, B mailed A) and must not double in
// strength; 'sum' is for lists of separate interactions that should accumulate.
export type DuplicateMerge = 'max' | 'sum';

// A self-loop (u–u) is refused by default. networkx keeps it as a tie of a node to itself: it joins the node's
// own neighbourhood, so Burt's constraint counts the node as one of its own contacts (networkx 3.6.1, triangle
// 0-1-2 plus 2-3: node 2 has constraint 0.6111 and effective size 2.333; add a loop 2-2 and they become 1.1406
// and 1.75), while its clustering and betweenness ignore the loop. In a contact network a person is not their own contact, and Rapport never
// stores such a link, so a loop can only be a mistake upstream: the build says so instead of inventing a tie.
// 'drop' is for public datasets where a loop is an artefact (email-Eu-core's self-mails), and drops them all.
export type SelfLoops = 'refuse' | 'drop';

export interface BuildOptions {
  readonly duplicates?: DuplicateMerge;
  readonly selfLoops?: SelfLoops;
}

export interface CsrGraph {
  readonly nodeCount: number;
  // Undirected edges, each counted once (arcs = 2 * edgeCount).
  readonly edgeCount: number;
  // Row u is neighbours[offsets[u] .. offsets[u+1]), sorted ascending, no self-loops, no repeats.
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  // Aligned with neighbours; both arcs of an edge carry the same weight.
  readonly weights: Float64Array;
  readonly weighted: boolean;
}

export function buildGraph(edges: EdgeList, options: BuildOptions = {}): CsrGraph {
  const n = edges.nodeCount;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`nodeCount must be a non-negative integer, got ${n}`);
  const { sources, targets, weights } = edges;
  if (sources.length !== targets.length || (weights !== undefined && weights.length !== sources.length)) {
    throw new RangeError('sources, targets and weights must have the same length');
  }
  const sum = options.duplicates === 'sum';
  const dropLoops = options.selfLoops === 'drop';

  // Count arcs per endpoint; self-loops are refused or, when asked, skipped (see SelfLoops).
  let arcCount = 0;
  const byTarget = new Int32Array(n + 1);
  for (let e = 0; e < sources.length; e++) {
    const u = sources[e]!;
    const v = targets[e]!;
    checkNode(u, n);
    checkNode(v, n);
    if (weights !== undefined) checkWeight(weights[e]!);
    if (u === v) {
      if (dropLoops) continue;
      throw new RangeError(`edge ${e} is a self-loop on node ${u}: a person is not their own contact (pass selfLoops: 'drop' to discard loops)`);
    }
    byTarget[u + 1]!++;
    byTarget[v + 1]!++;
    arcCount += 2;
  }
  for (let i = 0; i < n; i++) byTarget[i + 1]! += byTarget[i]!;

  // Two stable counting sorts (by target, then by source) leave every row sorted in O(n + m),
  // which lets duplicates be merged in one sweep and gives O(log d) arc look-ups later.
  const cursor = byTarget.slice(0, n);
  const tSrc = new Int32Array(arcCount);
  const tDst = new Int32Array(arcCount);
  const tW = new Float64Array(arcCount);
  for (let e = 0; e < sources.length; e++) {
    const u = sources[e]!;
    const v = targets[e]!;
    if (u === v) continue;
    const w = weights === undefined ? 1 : weights[e]!;
    let at = cursor[v]!++;
    tSrc[at] = u; tDst[at] = v; tW[at] = w;
    at = cursor[u]!++;
    tSrc[at] = v; tDst[at] = u; tW[at] = w;
  }
  const rowStart = byTarget; // arcs per source equal arcs per target in an undirected list
  cursor.set(rowStart.subarray(0, n));
  const sortedDst = new Int32Array(arcCount);
  const sortedW = new Float64Array(arcCount);
  for (let i = 0; i < arcCount; i++) {
    const at = cursor[tSrc[i]!]!++;
    sortedDst[at] = tDst[i]!;
    sortedW[at] = tW[i]!;
  }

  const offsets = new Int32Array(n + 1);
  let out = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = out;
    const end = rowStart[u + 1]!;
    for (let a = rowStart[u]!; a < end; a++) {
      const v = sortedDst[a]!;
      const w = sortedW[a]!;
      if (out > offsets[u]! && sortedDst[out - 1] === v) {
        sortedW[out - 1] = sum ? sortedW[out - 1]! + w : Math.max(sortedW[out - 1]!, w);
      } else {
        sortedDst[out] = v;
        sortedW[out] = w;
        out++;
      }
    }
  }
  offsets[n] = out;
  return {
    nodeCount: n,
    edgeCount: out / 2,
    offsets,
    neighbours: sortedDst.slice(0, out),
    weights: sortedW.slice(0, out),
    weighted: weights !== undefined,
  };
}

export interface IdEdge<Id> {
  readonly source: Id;
  readonly target: Id;
  readonly weight?: number;
}

export interface IdGraph<Id> {
  readonly graph: CsrGraph;
  // Node index -> caller id, and back.
  readonly ids: readonly Id[];
  readonly indexOf: ReadonlyMap<Id, number>;
}

// `nodes` lets contacts without any tie take part (their constraint is NaN, their degree 0).
export function graphFromIds<Id extends string | number>(
  edges: Iterable<IdEdge<Id>>,
  options: BuildOptions & { readonly nodes?: Iterable<Id> } = {},
): IdGraph<Id> {
  const indexOf = new Map<Id, number>();
  const ids: Id[] = [];
  const intern = (id: Id): number => {
    let index = indexOf.get(id);
    if (index === undefined) {
      index = ids.length;
      indexOf.set(id, index);
      ids.push(id);
    }
    return index;
  };
  if (options.nodes !== undefined) for (const id of options.nodes) intern(id);
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  let weighted = false;
  for (const edge of edges) {
    sources.push(intern(edge.source));
    targets.push(intern(edge.target));
    weights.push(edge.weight ?? 1);
    if (edge.weight !== undefined) weighted = true;
  }
  const graph = buildGraph(
    { nodeCount: ids.length, sources, targets, ...(weighted ? { weights } : {}) },
    options,
  );
  return { graph, ids, indexOf };
}

export function degree(graph: CsrGraph, u: number): number {
  return graph.offsets[u + 1]! - graph.offsets[u]!;
}

// Index of the arc u->v in neighbours/weights, or -1: binary search in the sorted row.
export function findArc(graph: CsrGraph, u: number, v: number): number {
  let lo = graph.offsets[u]!;
  let hi = graph.offsets[u + 1]! - 1;
  const row = graph.neighbours;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = row[mid]!;
    if (x === v) return mid;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// Weighted degree of every node (the sum of its tie weights).
export function strengths(graph: CsrGraph, useWeights = true): Float64Array {
  const { nodeCount: n, offsets, weights } = graph;
  const out = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    if (!useWeights) {
      out[u] = offsets[u + 1]! - offsets[u]!;
      continue;
    }
    let s = 0;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) s += weights[a]!;
    out[u] = s;
  }
  return out;
}

// Per-arc costs derived from weights, e.g. `arcCosts(g, (w) => 1 / w)` so strong ties are short.
export function arcCosts(graph: CsrGraph, cost: (weight: number) => number): Float64Array {
  const out = new Float64Array(graph.weights.length);
  for (let a = 0; a < out.length; a++) out[a] = cost(graph.weights[a]!);
  return out;
}

function checkNode(u: number, n: number): void {
  if (!Number.isInteger(u) || u < 0 || u >= n) throw new RangeError(`node index ${u} is outside [0, ${n})`);
}

function checkWeight(w: number): void {
  if (!Number.isFinite(w) || w < 0) throw new RangeError(`edge weight must be finite and >= 0, got ${w}`);
}
