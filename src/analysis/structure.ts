// Who brokers, who bridges, and which clusters the user's contacts form. Contacts' measures are taken among the
// contacts themselves: the user is tied to everyone, so with "me" in the graph every shortest path between two
// clusters would run through me, Louvain would see one star, and every contact would share me as a redundant tie.
// The user's own brokerage is measured over the ego network of real ties (ego.ts, docs/ego-network.md). Betweenness
// comes ranked from bridges.ts (exact or a sampled estimate that says how settled it is), computed before this.
import { graphHash, type BridgeRanking } from './bridges.ts';
import { egoMeasures, type EgoMeasures } from './ego.ts';
import { louvain, structuralHoles, type CsrGraph } from './kernels/index.ts';
import { egoWeights, type NetworkModel } from './network-graph.ts';

export interface CommunityLabel {
  kind: 'organisation' | 'community' | 'tag' | 'none';
  name: string;
  // Share of the cluster's members that carry the label.
  share: number;
}

export interface Cluster {
  id: number;
  size: number;
  label: CommunityLabel;
  members: number[];
}

export interface Structure {
  me: EgoMeasures;
  constraint: Float64Array;
  effectiveSize: Float64Array;
  betweenness: Float64Array;
  bridges: BridgeRanking;
  community: Int32Array;
  clusters: Cluster[];
  modularity: number;
}

// Louvain clusters and Burt's measures depend on the graph and its link strengths only (not on interactions), so
// they are kept with the bridge ranking and reused while this version of the graph stands.
export interface GraphMeasures {
  communities: Int32Array;
  communityCount: number;
  modularity: number;
  constraint: Float64Array;
  effectiveSize: Float64Array;
}

// Which contact sits at which index, who is linked to whom, and how strongly: what GraphMeasures depend on.
export const structureVersion = (graph: CsrGraph, ids: readonly number[]): string => graphHash(ids, [graph.offsets, graph.neighbours, graph.weights]);

export function graphMeasures(graph: CsrGraph): GraphMeasures {
  const holes = structuralHoles(graph);
  const parts = louvain(graph, { seed: 1 });
  return { communities: parts.communities, communityCount: parts.count, modularity: parts.modularity, constraint: holes.constraint, effectiveSize: holes.effectiveSize };
}

export function computeStructure(model: NetworkModel, bridges: BridgeRanking, measures: GraphMeasures | null = null): Structure {
  const graph = model.alters;
  const n = graph.nodeCount;
  const me = egoMeasures(graph, egoWeights(model));
  if (bridges.values.length !== n) throw new Error(`bridge ranking for ${bridges.values.length} nodes, graph of ${n}`);
  const m = measures !== null && measures.communities.length === n ? measures : graphMeasures(graph);
  return {
    me,
    constraint: m.constraint,
    effectiveSize: m.effectiveSize,
    betweenness: bridges.values,
    bridges,
    community: m.communities,
    clusters: labelClusters(model, m.communities, m.communityCount),
    modularity: m.modularity,
  };
}

// Each cluster is named after what the largest share of its members have in common: an organisation, a
// community or a tag.
function labelClusters(model: NetworkModel, community: Int32Array, count: number): Cluster[] {
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < community.length; i++) members[community[i]!]!.push(i);
  const tallies = Array.from({ length: count }, () => ({
    organisation: new Map<string, number>(), community: new Map<string, number>(), tag: new Map<string, number>(),
  }));
  const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  for (const c of model.contacts) if (c.organisation !== null) bump(tallies[community[c.index]!]!.organisation, c.organisation);
  for (const m of model.memberships) bump(tallies[community[m.index]!]!.community, m.label);
  for (const t of model.tags) bump(tallies[community[t.index]!]!.tag, t.label);
  const clusters = members.map((list, id): Cluster => {
    let label: CommunityLabel = { kind: 'none', name: 'no common organisation, community or tag', share: 0 };
    // Organisation first on a tie: it is what people most readily recognise a group by.
    for (const kind of ['organisation', 'community', 'tag'] as const) {
      for (const [name, hits] of tallies[id]![kind]) {
        const share = hits / list.length;
        if (share > label.share || (share === label.share && label.kind !== 'none' && kind === label.kind && name < label.name)) label = { kind, name, share };
      }
    }
    return { id, size: list.length, label, members: list };
  });
  clusters.sort((a, b) => b.size - a.size || a.id - b.id);
  // One organisation split into two clusters (two teams) gets "…, group 2" on the smaller, so names stay unique.
  const seen = new Map<string, number>();
  for (const c of clusters) {
    if (c.size < 2 || c.label.kind === 'none') continue;
    const n = (seen.get(c.label.name) ?? 0) + 1;
    seen.set(c.label.name, n);
    if (n > 1) c.label = { ...c.label, name: `${c.label.name}, group ${n}` };
  }
  return clusters;
}
