// Positions for the network graph, computed once per graph and the same every time: you in the middle, each
// cluster on a disc around you (biggest first), strongest ties nearest the centre of their disc. A force layout
// would need a library and seconds of settling; clusters are what the reader is looking for.
export interface LayoutNode { id: number; community: number | null; strength: number }
export interface Point { x: number; y: number }

const GOLDEN = Math.PI * (3 - Math.sqrt(5));
const SPACING = 1;
const GAP = 1.5;

export function layoutGraph(nodes: readonly LayoutNode[], meId: number): Map<number, Point> {
  const groups = new Map<number | null, LayoutNode[]>();
  for (const n of nodes) {
    if (n.id === meId) continue;
    const list = groups.get(n.community) ?? [];
    list.push(n);
    groups.set(n.community, list);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const radius = (g: LayoutNode[]): number => SPACING * Math.sqrt(g.length) + GAP;
  const circumference = ordered.reduce((sum, g) => sum + 2 * radius(g), 0);
  const ring = ordered.length <= 1 ? 0 : Math.max(circumference / (2 * Math.PI), radius(ordered[0]!) * 1.5);
  const out = new Map<number, Point>([[meId, { x: 0, y: 0 }]]);
  let along = 0;
  for (const g of ordered) {
    const r = radius(g);
    const angle = ((along + r) / Math.max(circumference, 1)) * 2 * Math.PI;
    along += 2 * r;
    const cx = ring * Math.cos(angle);
    const cy = ring * Math.sin(angle);
    [...g].sort((a, b) => b.strength - a.strength || a.id - b.id).forEach((n, k) => {
      const d = SPACING * Math.sqrt(k + 0.5);
      out.set(n.id, { x: cx + d * Math.cos(k * GOLDEN), y: cy + d * Math.sin(k * GOLDEN) });
    });
  }
  return out;
}
