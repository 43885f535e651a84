// Burt's constraint and effective size, defined exactly as networkx 3.6 computes them, so reports can
// cite the textbook numbers. Graphs here never hold self-loops (csr.ts refuses them; networkx would count one as
// a tie of the node to itself). For an undirected graph the mutual weight w_ij + w_ji is 2·w_ij and the
// factor 2 cancels: p_ij = w_ij / Σ_k w_ik and m_ij = w_ij / max_k w_ik.
//   constraint(i)     = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i)} p_iq p_qj)²
//   effectiveSize(i)  = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq m_jq)
// Both are NaN for a node without ties (networkx's convention: the ego network is empty).
import { Arena } from './arena.ts';
import { orientationInts, orientByDegree } from './clustering.ts';
import type { CsrGraph } from './csr.ts';

export interface StructuralHolesOptions {
  // Use the graph's tie weights; false treats every tie as weight 1. Defaults to true, which is the
  // same thing for a graph built without weights.
  readonly weighted?: boolean;
}

export interface StructuralHoles {
  readonly constraint: Float64Array;
  readonly effectiveSize: Float64Array;
}

// Only a contact j that is also a contact of some other contact q of i adds an indirect term, and then
// i, q, j form a triangle. So both measures are sums over triangles: each triangle, found once by the
// degree-ordered listing clustering.ts uses (O(m^1.5) rather than Σ_q deg(q)², which a hub makes huge),
// adds to its three edges' sums, and one pass over the edges finishes. The sums are per edge, not per arc,
// because both are symmetric in i and j once i's own factor is taken out:
//   Σ_q p_iq p_qj = (1 / s_i) · Σ_q w_iq w_qj / s_q   and   Σ_q p_iq m_jq = (1 / s_i) · Σ_q w_iq w_qj / max_k w_jk
// (s = strength), so a triangle adds two numbers to each of its three edges instead of two to six arcs.
export function structuralHoles(graph: CsrGraph, options: StructuralHolesOptions = {}): StructuralHoles {
  const { nodeCount: n, offsets, neighbours } = graph;
  const unit = options.weighted === false;
  const weights = graph.weights;
  const edges = graph.edgeCount;
  // The scratch arrays share one backing store (see arena.ts): on a graph of a few dozen nodes the
  // separate allocations cost more than the triangles.
  const arena = new Arena(2 * n + 2 * edges, orientationInts(graph) + edges + 2 * n);
  const invStrength = arena.float64(n);
  const invMax = arena.float64(n);
  for (let u = 0; u < n; u++) {
    const start = offsets[u]!;
    const end = offsets[u + 1]!;
    if (unit) {
      invStrength[u] = end > start ? 1 / (end - start) : 0;
      invMax[u] = end > start ? 1 : 0;
      continue;
    }
    let sum = 0;
    let max = 0;
    for (let a = start; a < end; a++) {
      const w = weights[a]!;
      sum += w;
      if (w > max) max = w;
    }
    invStrength[u] = sum > 0 ? 1 / sum : 0;
    invMax[u] = max > 0 ? 1 / max : 0;
  }

  // Per oriented edge x (a position in outArc, one per undirected edge): across = Σ_q w_iq w_qj / s_q and
  // shared = Σ_q w_iq w_qj, over the common contacts q of its two ends.
  const { outStart, outArc } = orientByDegree(graph, arena);
  const across = arena.float64(edges);
  const shared = arena.float64(edges);
  const head = arena.int32(edges);
  for (let x = 0; x < edges; x++) head[x] = neighbours[outArc[x]!]!;
  // edgeTo[w] is the position of the oriented edge u→w while owner[w] is u.
  const owner = arena.int32(n).fill(-1);
  const edgeTo = arena.int32(n);
  for (let u = 0; u < n; u++) {
    const start = outStart[u]!;
    const end = outStart[u + 1]!;
    if (end - start < 2) continue;
    for (let x = start; x < end; x++) {
      const w = head[x]!;
      owner[w] = u;
      edgeTo[w] = x;
    }
    const su = invStrength[u]!;
    if (unit) {
      for (let x = start; x < end; x++) {
        const v = head[x]!;
        const sv = invStrength[v]!;
        let acrossUv = 0;
        let sharedUv = 0;
        for (let y = outStart[v]!, yEnd = outStart[v + 1]!; y < yEnd; y++) {
          const w = head[y]!;
          if (owner[w] !== u) continue;
          // Triangle u, v, w: each edge gains its opposite corner.
          const uw = edgeTo[w]!;
          acrossUv += invStrength[w]!;
          sharedUv += 1;
          across[uw]! += sv;
          shared[uw]! += 1;
          across[y]! += su;
          shared[y]! += 1;
        }
        across[x]! += acrossUv;
        shared[x]! += sharedUv;
      }
      continue;
    }
    for (let x = start; x < end; x++) {
      const v = head[x]!;
      const sv = invStrength[v]!;
      const wuv = weights[outArc[x]!]!;
      let acrossUv = 0;
      let sharedUv = 0;
      for (let y = outStart[v]!, yEnd = outStart[v + 1]!; y < yEnd; y++) {
        const w = head[y]!;
        if (owner[w] !== u) continue;
        const uw = edgeTo[w]!;
        const wuw = weights[outArc[uw]!]!;
        const wvw = weights[outArc[y]!]!;
        const viaW = wuw * wvw;
        acrossUv += viaW * invStrength[w]!;
        sharedUv += viaW;
        const viaV = wuv * wvw;
        across[uw]! += viaV * sv;
        shared[uw]! += viaV;
        const viaU = wuv * wuw;
        across[y]! += viaU * su;
        shared[y]! += viaU;
      }
      across[x]! += acrossUv;
      shared[x]! += sharedUv;
    }
  }

  // Each edge i–j adds (p_ij + Σ_q p_iq p_qj)² to i's constraint and 1 − Σ_q p_iq m_jq to i's effective size,
  // and the same with i and j swapped.
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const su = invStrength[u]!;
    const mu = invMax[u]!;
    for (let x = outStart[u]!, end = outStart[u + 1]!; x < end; x++) {
      const v = head[x]!;
      const sv = invStrength[v]!;
      const w = unit ? 1 : weights[outArc[x]!]!;
      const direct = w + across[x]!;
      const cu = direct * su;
      const cv = direct * sv;
      constraint[u]! += cu * cu;
      constraint[v]! += cv * cv;
      const s = shared[x]!;
      effectiveSize[u]! += 1 - s * su * invMax[v]!;
      effectiveSize[v]! += 1 - s * sv * mu;
    }
  }
  for (let i = 0; i < n; i++) {
    if (offsets[i + 1] === offsets[i] || invStrength[i] === 0) {
      constraint[i] = NaN;
      effectiveSize[i] = NaN;
    }
  }
  return { constraint, effectiveSize };
}

export function constraint(graph: CsrGraph, options: StructuralHolesOptions = {}): Float64Array {
  return structuralHoles(graph, options).constraint;
}

export function effectiveSize(graph: CsrGraph, options: StructuralHolesOptions = {}): Float64Array {
  return structuralHoles(graph, options).effectiveSize;
}
