// Burt's constraint and effective size for the user ("me"), who is tied to every contact. The kernel computes
// them for every node of a graph at a cost of Σ deg(q)²; with me in the graph that sum holds deg(me)² = n², which
// at 30,000 contacts is 900 million steps. For one ego the same formulas cost O(n + m), so me is done here,
// with exactly the kernel's definitions (src/analysis/kernels/structural-holes.ts):
//   constraint(me)    = Σ_j (p_mj + Σ_q p_mq p_qj)²
//   effectiveSize(me) = Σ_j (1 − Σ_q p_mq m_jq)
// where p_xy = w_xy / Σ_k w_xk and m_jq = w_jq / max_k w_jk, every sum over the full graph (me included).
import type { CsrGraph } from './kernels/index.ts';

export interface EgoMeasures {
  degree: number;
  effectiveSize: number;
  // Effective size per contact: 1 when no two contacts know each other.
  efficiency: number;
  constraint: number;
}

// `alters` holds the contacts and their links; `meWeights[j]` is the weight of my tie to contact j (> 0).
export function egoMeasures(alters: CsrGraph, meWeights: Float64Array): EgoMeasures {
  const { nodeCount: n, offsets, neighbours, weights } = alters;
  if (n === 0) return { degree: 0, effectiveSize: NaN, efficiency: NaN, constraint: NaN };
  let meTotal = 0;
  for (let j = 0; j < n; j++) meTotal += meWeights[j]!;
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
  return { degree: n, effectiveSize, efficiency: effectiveSize / n, constraint };
}
