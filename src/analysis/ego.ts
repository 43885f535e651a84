// Burt's constraint and effective size for the user ("me"), tied only to the contacts of their ego network: those
// with a real tie (a conversation or a link; docs/ego-network.md), weight 0 meaning no tie. The kernel computes
// them for every node of a graph at a cost of Σ deg(q)²; with me in the graph that sum holds deg(me)² = n², which
// at 30,000 contacts is 900 million steps. For one ego the same formulas cost O(n + m), so me is done here,
// with exactly the kernel's definitions (src/analysis/kernels/structural-holes.ts):
//   constraint(me)    = Σ_j (p_mj + Σ_q p_mq p_qj)²
//   effectiveSize(me) = Σ_j (1 − Σ_q p_mq m_jq)
// where p_xy = w_xy / Σ_k w_xk and m_jq = w_jq / max_k w_jk, j and q over my ties, k over the full graph (me
// included). With no tie at all both are NaN, as networkx gives for an isolated node.
import type { CsrGraph } from './kernels/index.ts';

export interface EgoMeasures {
  degree: number;
  effectiveSize: number;
  // Effective size per contact: 1 when no two contacts know each other.
  efficiency: number;
  constraint: number;
}

// `alters` holds the contacts and their links; `meWeights[j]` is the weight of my tie to contact j, 0 for none.
export function egoMeasures(alters: CsrGraph, meWeights: Float64Array): EgoMeasures {
  const { nodeCount: n, offsets, neighbours, weights } = alters;
  let meTotal = 0;
  let degree = 0;
  for (let j = 0; j < n; j++) {
    const w = meWeights[j]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`meWeights[${j}] must be a finite number >= 0, got ${w}`);
    meTotal += w;
    if (w > 0) degree++;
  }
  if (degree === 0) return { degree: 0, effectiveSize: NaN, efficiency: NaN, constraint: NaN };
  // Each contact's total and strongest tie, counting its tie to me.
  const total = new Float64Array(n);
  const strongest = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = meWeights[j]!;
    let max = meWeights[j]!;
    for (let a = offsets[j]!, end = offsets[j + 1]!; a < end; a++) {
      sum += weights[a]!;
      if (weights[a]! > max) max = weights[a]!;
    }
    total[j] = sum;
    strongest[j] = max;
  }
  let constraint = 0;
  let effectiveSize = 0;
  for (let j = 0; j < n; j++) {
    if (meWeights[j] === 0) continue;
    let indirect = 0;
    let redundancy = 0;
    for (let a = offsets[j]!, end = offsets[j + 1]!; a < end; a++) {
      const q = neighbours[a]!;
      const pmq = meWeights[q]! / meTotal;
      indirect += (pmq * weights[a]!) / total[q]!;
      redundancy += (pmq * weights[a]!) / strongest[j]!;
    }
    const local = meWeights[j]! / meTotal + indirect;
    constraint += local * local;
    effectiveSize += 1 - redundancy;
  }
  return { degree, effectiveSize, efficiency: effectiveSize / degree, constraint };
}
