// The part of the network a browser can draw: the user's strongest ties (or one contact and the people around
// it), the links among them, and "me" in the middle. A 30,000-node hairball shows nothing; a few hundred do.
import type { Network } from '../domain/networks.ts';
import type { TieBand } from '../domain/tie-strength.ts';
import type { NetworkModel } from './network-graph.ts';
import type { Structure } from './structure.ts';

export const ME_NODE_ID = 0;

export interface GraphNode {
  // 0 is you; every other id is a contact id.
  id: number;
  name: string;
  organisation: string | null;
  networks: Network[];
  community: number | null;
  strength: number;
  band: TieBand | 'me';
  // What the band is read from (see tie-band-explain.ts): the highest score reached, interactions, quiet days.
  peak: number;
  interactions: number;
  daysSinceLast: number | null;
  // Links to other contacts, in the whole network (not only among those shown).
  degree: number;
  bridge: boolean;
}

export interface GraphEdge {
  source: number;
  target: number;
  // 'me': your tie, weight = tie strength 0–100; 'link': two contacts, weight = strength 1–5.
  kind: 'me' | 'link';
  weight: number;
}

export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
  communities: { id: number; label: string; size: number }[];
  total: { contacts: number; links: number };
  truncated: boolean;
  focus: number | null;
}

const BRIDGES = 10;

export function graphView(model: NetworkModel, structure: Structure, options: { limit: number; focus: number | null }): GraphView {
  const n = model.contacts.length;
  const g = model.alters;
  const chosen = new Set<number>();
  const focus = options.focus === null ? undefined : model.indexOf.get(options.focus);
  if (focus !== undefined) {
    chosen.add(focus);
    // The focus's own links first, strongest first, then two hops out: that is where its intro paths run.
    const ring = (u: number) => Array.from({ length: g.offsets[u + 1]! - g.offsets[u]! }, (_, k) => g.offsets[u]! + k)
      .sort((x, y) => g.weights[y]! - g.weights[x]!).map((a) => g.neighbours[a]!);
    const first = ring(focus);
    for (const v of first) if (chosen.size < options.limit) chosen.add(v);
    for (const v of first) for (const w of ring(v)) if (chosen.size < options.limit * 0.75) chosen.add(w);
  }
  const byStrength = Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => model.contacts[b]!.tie.strength - model.contacts[a]!.tie.strength || (g.offsets[b + 1]! - g.offsets[b]!) - (g.offsets[a + 1]! - g.offsets[a]!) || a - b);
  for (const i of byStrength) {
    if (chosen.size >= options.limit) break;
    chosen.add(i);
  }
  // Only the settled ones: an unsettled estimate would mark people who may not be bridges at all.
  const bridges = new Set(structure.bridges.top.slice(0, Math.min(BRIDGES, structure.bridges.settled)));

  const nodes: GraphNode[] = [{ id: ME_NODE_ID, name: 'You', organisation: null, networks: [], community: null, strength: 100, band: 'me', peak: 100, interactions: 0, daysSinceLast: null, degree: n, bridge: false }];
  const edges: GraphEdge[] = [];
  for (const i of chosen) {
    const c = model.contacts[i]!;
    nodes.push({
      id: c.id, name: c.name, organisation: c.organisation, networks: c.networks, community: structure.community[i]!,
      strength: c.tie.strength, band: c.tie.band, peak: c.tie.peak, interactions: c.tie.interactions, daysSinceLast: c.tie.daysSinceLast, degree: g.offsets[i + 1]! - g.offsets[i]!, bridge: bridges.has(i),
    });
    edges.push({ source: ME_NODE_ID, target: c.id, kind: 'me', weight: c.tie.strength });
    for (let a = g.offsets[i]!; a < g.offsets[i + 1]!; a++) {
      const j = g.neighbours[a]!;
      if (j > i && chosen.has(j)) edges.push({ source: c.id, target: model.contacts[j]!.id, kind: 'link', weight: g.weights[a]! });
    }
  }
  const shown = new Set(nodes.map((x) => x.community));
  const communities = structure.clusters.filter((c) => shown.has(c.id) && c.size >= 2).map((c) => ({ id: c.id, label: c.label.name, size: c.size }));
  return { nodes, edges, communities, total: { contacts: n, links: model.links.length }, truncated: chosen.size < n, focus: focus === undefined ? null : options.focus };
}
