// Burt's constraint and effective size, defined exactly as networkx 3.6 computes them, so reports can
// cite the textbook numbers. Graphs here never hold self-loops (csr.ts refuses them; networkx would count one as
// a tie of the node to itself). For an undirected graph the mutual weight w_ij + w_ji is 2·w_ij and the
// factor 2 cancels: p_ij = w_ij / Σ_k w_ik and m_ij = w_ij / max_k w_ik.
//   constraint(i)     = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i)} p_iq p_qj)²
//   effectiveSize(i)  = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq m_jq)
// Both are NaN for a node without ties (networkx's convention: the ego network is empty).
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

// One pass computes both: each costs Σ_q deg(q)² and they share every memory access.
export function structuralHoles(graph: CsrGraph, options: StructuralHolesOptions = {}): StructuralHoles {
  const { nodeCount: n, offsets, neighbours } = graph;
  const weights = options.weighted === false ? new Float64Array(neighbours.length).fill(1) : graph.weights;
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

  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  // inEgo[j] is 1 while j is a contact of the current ego, else 0. Multiplying by it instead of
  // branching on membership keeps the inner loop branch-free: in a clustered network about a third
  // of a contact's contacts are also the ego's, a branch the CPU mispredicts constantly. Entries
  // of non-contacts just receive + 0.
  const inEgo = new Float64Array(n);
  const indirect = new Float64Array(n);
  const redundancy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    if (start === end || invStrength[i] === 0) {
      constraint[i] = NaN;
      effectiveSize[i] = NaN;
      continue;
    }
    for (let a = start; a < end; a++) {
      const j = neighbours[a]!;
      inEgo[j] = 1;
      indirect[j] = 0;
      redundancy[j] = 0;
    }
    const si = invStrength[i]!;
    for (let a = start; a < end; a++) {
      const q = neighbours[a]!;
      const piq = weights[a]! * si;
      const pq = piq * invStrength[q]!;
      for (let b = offsets[q]!, bEnd = offsets[q + 1]!; b < bEnd; b++) {
        const j = neighbours[b]!;
        const wqj = weights[b]! * inEgo[j]!;
        indirect[j]! += pq * wqj;
        redundancy[j]! += piq * wqj;
      }
    }
    let c = 0;
    let e = 0;
    for (let a = start; a < end; a++) {
      const j = neighbours[a]!;
      const local = weights[a]! * si + indirect[j]!;
      c += local * local;
      inEgo[j] = 0;
      e += 1 - redundancy[j]! * invMax[j]!;
    }
    constraint[i] = c;
    effectiveSize[i] = e;
  }
  return { constraint, effectiveSize };
}

export function constraint(graph: CsrGraph, options: StructuralHolesOptions = {}): Float64Array {
  return structuralHoles(graph, options).constraint;
}

export function effectiveSize(graph: CsrGraph, options: StructuralHolesOptions = {}): Float64Array {
  return structuralHoles(graph, options).effectiveSize;
}
