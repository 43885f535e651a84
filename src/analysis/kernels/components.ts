// Connected components, and the largest one, which path-length statistics are defined on.
import type { CsrGraph } from './csr.ts';

export interface Components {
  // Component of each node, numbered in order of each component's lowest node.
  readonly component: Int32Array;
  readonly count: number;
  readonly sizes: Int32Array;
}

export function connectedComponents(graph: CsrGraph): Components {
  const { nodeCount: n, offsets, neighbours } = graph;
  const component = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (component[s]! >= 0) continue;
    const id = sizes.length;
    component[s] = id;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = queue[head++]!;
      for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
        const v = neighbours[a]!;
        if (component[v]! < 0) {
          component[v] = id;
          queue[tail++] = v;
        }
      }
    }
    sizes.push(tail);
  }
  return { component, count: sizes.length, sizes: Int32Array.from(sizes) };
}

// Nodes of the largest component in ascending order (the first one on a size tie).
export function largestComponent(graph: CsrGraph): Int32Array {
  const { component, sizes } = connectedComponents(graph);
  if (sizes.length === 0) return new Int32Array(0);
  let best = 0;
  for (let c = 1; c < sizes.length; c++) if (sizes[c]! > sizes[best]!) best = c;
  const nodes = new Int32Array(sizes[best]!);
  for (let u = 0, at = 0; u < component.length; u++) if (component[u] === best) nodes[at++] = u;
  return nodes;
}
