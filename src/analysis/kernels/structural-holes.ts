// Burt's constraint and effective size, defined exactly as networkx 3.6 computes them, so reports can
// cite the textbook numbers. Graphs here never hold self-loops (csr.ts refuses them; networkx would count one as
// a tie of the node to itself). For an undirected graph the mutual weight w_ij + w_ji is 2·w_ij and the
// factor 2 cancels: p_ij = w_ij / Σ_k w_ik and m_ij = w_ij / max_k w_ik.
//   constraint(i)     = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i)} p_iq p_qj)²
//   effectiveSize(i)  = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq m_jq)
// Both are NaN for a node without ties (networkx's convention: the ego network is empty).
import { orientByDegree } from './clustering.ts';
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
// adds its six ordered pairs' terms to per-arc sums, and one pass over the arcs finishes.
export function structuralHoles(graph: CsrGraph, options: StructuralHolesOptions = {}): StructuralHoles {
  const { nodeCount: n, offsets, neighbours } = graph;
  const arcs = neighbours.length;
  const weights = options.weighted === false ? new Float64Array(arcs).fill(1) : graph.weights;
  const invStrength = new Float64Array(n);
  const invMax = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let sum = 0;
    let max = 0;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const w = weights[a]!;
      sum += w;
      if (w > max) max = w;
    }
    invStrength[u] = sum > 0 ? 1 / sum : 0;
    invMax[u] = max > 0 ? 1 / max : 0;
  }

  // Per arc i→j: indirect = Σ_q p_iq p_qj and redundancy = Σ_q p_iq w_qj, over common contacts q.
  const indirect = new Float64Array(arcs);
  const redundancy = new Float64Array(arcs);
  const reverse = reverseArcs(graph);
  const { outStart, outArc } = orientByDegree(graph);
  // arcTo[w] is the arc u→w while owner[w] is u.
  const owner = new Int32Array(n).fill(-1);
  const arcTo = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const start = outStart[u]!;
    const end = outStart[u + 1]!;
    for (let x = start; x < end; x++) {
      const a = outArc[x]!;
      owner[neighbours[a]!] = u;
      arcTo[neighbours[a]!] = a;
    }
    const su = invStrength[u]!;
    for (let x = start; x < end; x++) {
      const uv = outArc[x]!;
      const v = neighbours[uv]!;
      const sv = invStrength[v]!;
      const wuv = weights[uv]!;
      for (let y = outStart[v]!, yEnd = outStart[v + 1]!; y < yEnd; y++) {
        const vw = outArc[y]!;
        const w = neighbours[vw]!;
        if (owner[w] !== u) continue;
        // Triangle u, v, w: each ordered pair (i, j) with the third node as q.
        const uw = arcTo[w]!;
        const sw = invStrength[w]!;
        const wvw = weights[vw]!;
        const wuw = weights[uw]!;
        const puv = wuv * su; // p_uv
        const puw = wuw * su;
        const pvu = wuv * sv;
        const pvw = wvw * sv;
        const pwu = wuw * sw;
        const pwv = wvw * sw;
        indirect[uw]! += puv * pvw;
        redundancy[uw]! += puv * wvw;
        indirect[uv]! += puw * pwv;
        redundancy[uv]! += puw * wvw;
        const vu = reverse[uv]!;
        indirect[vu]! += pvw * pwu;
        redundancy[vu]! += pvw * wuw;
        indirect[vw]! += pvu * puw;
        redundancy[vw]! += pvu * wuw;
        const wu = reverse[uw]!;
        indirect[wu]! += pwv * pvu;
        redundancy[wu]! += pwv * wuv;
        const wv = reverse[vw]!;
        indirect[wv]! += pwu * puv;
        redundancy[wv]! += pwu * wuv;
      }
    }
  }

  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    const si = invStrength[i]!;
    if (start === end || si === 0) {
      constraint[i] = NaN;
      effectiveSize[i] = NaN;
      continue;
    }
    let c = 0;
    let e = 0;
    for (let a = start; a < end; a++) {
      const local = weights[a]! * si + indirect[a]!;
      c += local * local;
      e += 1 - redundancy[a]! * invMax[neighbours[a]!]!;
    }
    constraint[i] = c;
    effectiveSize[i] = e;
  }
  return { constraint, effectiveSize };
}

// reverse[a] is the arc v→u of arc a = u→v. Rows are sorted, so walking u upwards meets the entries
// below v of v's row in order: a cursor per row pairs them in O(m).
function reverseArcs(graph: CsrGraph): Int32Array {
  const { nodeCount: n, offsets, neighbours } = graph;
  const reverse = new Int32Array(neighbours.length);
  const cursor = offsets.slice(0, n);
  for (let u = 0; u < n; u++) {
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const v = neighbours[a]!;
      if (v < u) continue;
      const b = cursor[v]!++;
      reverse[a] = b;
      reverse[b] = a;
    }
  }
  return reverse;
}

export function constraint(graph: CsrGraph, options: StructuralHolesOptions = {}): Float64Array {
  return structuralHoles(graph, options).constraint;
}

export function effectiveSize(graph: CsrGraph, options: StructuralHolesOptions = {}): Float64Array {
  return structuralHoles(graph, options).effectiveSize;
}
