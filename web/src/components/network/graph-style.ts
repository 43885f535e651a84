import type { GraphNode, GraphView } from '../../../../src/analysis/graph-view.ts';
import { clusterColour, ME_COLOUR, networkColour } from './colours.ts';

// What the sigma view and the SVG fallback share: colours, sizes, and what a selection or path lights up.
export type ColourBy = 'network' | 'community';

export interface Emphasis {
  selected: number | null;
  // Each path from you: the contact ids in order (you are implied first).
  paths: readonly (readonly number[])[];
  showMyTies: boolean;
}

export const edgeKey = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);

export function nodeColourer(view: GraphView, by: ColourBy): (n: GraphNode) => string {
  const rank = new Map(view.communities.map((c, i) => [c.id, i]));
  return (n) => {
    if (n.band === 'me') return ME_COLOUR;
    if (by === 'network') return networkColour(n.networks);
    return clusterColour(n.community === null ? -1 : (rank.get(n.community) ?? -1));
  };
}

export const nodeSize = (n: GraphNode): number => (n.band === 'me' ? 12 : 3 + n.strength / 14);

// What a selection lights up; `named` are the few whose labels must show (the selection and its paths), where
// the selection's whole neighbourhood would bury each other's labels.
export function lit(view: GraphView, e: Emphasis): { nodes: Set<number>; edges: Set<string>; onPath: Set<string>; named: Set<number> } {
  const nodes = new Set<number>();
  const edges = new Set<string>();
  const me = view.nodes[0]?.id ?? 0;
  for (const p of e.paths) {
    let prev = me;
    nodes.add(me);
    for (const id of p) {
      nodes.add(id);
      edges.add(edgeKey(prev, id));
      prev = id;
    }
  }
  const named = new Set(nodes);
  const onPath = new Set(edges);
  if (e.selected !== null) {
    named.add(e.selected);
    nodes.add(e.selected);
    for (const edge of view.edges) {
      if (edge.kind === 'link' && (edge.source === e.selected || edge.target === e.selected)) {
        nodes.add(edge.source);
        nodes.add(edge.target);
        edges.add(edgeKey(edge.source, edge.target));
      }
    }
  }
  return { nodes, edges, onPath, named };
}
