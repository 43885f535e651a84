import type { GraphView } from '../../../../src/analysis/graph-view.ts';
import { edgeKey, lit, nodeColourer, nodeSize, type ColourBy, type Emphasis } from './graph-style.ts';
import type { Point } from './layout.ts';

// The same picture without WebGL (an old machine, a locked-down browser): a few hundred circles are fine in SVG.
export function GraphSvg({ view, positions, colourBy, emphasis, onSelect }: {
  view: GraphView; positions: Map<number, Point>; colourBy: ColourBy; emphasis: Emphasis; onSelect: (id: number | null) => void;
}) {
  const points = [...positions.values()];
  const minX = Math.min(...points.map((p) => p.x)) - 2;
  const minY = Math.min(...points.map((p) => p.y)) - 2;
  const w = Math.max(...points.map((p) => p.x)) - minX + 2;
  const h = Math.max(...points.map((p) => p.y)) - minY + 2;
  const colour = nodeColourer(view, colourBy);
  const on = lit(view, emphasis);
  const focused = on.nodes.size > 0;
  const unit = Math.max(w, h) / 600;
  return (
    <svg className="graph-svg" viewBox={`${minX} ${minY} ${w} ${h}`} role="img" aria-label={`Network graph: ${view.nodes.length - 1} contacts`} onClick={() => onSelect(null)}>
      {view.edges.map((e) => {
        const key = edgeKey(e.source, e.target);
        const show = e.kind === 'link' || emphasis.showMyTies || on.edges.has(key);
        const a = positions.get(e.source);
        const b = positions.get(e.target);
        if (!show || !a || !b) return null;
        const hot = on.edges.has(key);
        const path = on.onPath.has(key);
        return <line key={key} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={path ? '#1e2a3a' : hot ? '#8c98a8' : '#c3c9d2'} strokeWidth={(path ? 3 : hot ? 1.2 : 0.6) * unit} opacity={focused && !hot ? 0.35 : 1} />;
      })}
      {view.nodes.map((n) => {
        const p = positions.get(n.id);
        if (!p) return null;
        return (
          <circle key={n.id} cx={p.x} cy={p.y} r={nodeSize(n) * unit} fill={colour(n)} opacity={focused && !on.nodes.has(n.id) ? 0.3 : 1}
            onClick={(ev) => { ev.stopPropagation(); onSelect(n.band === 'me' ? null : n.id); }}>
            <title>{n.name}</title>
          </circle>
        );
      })}
    </svg>
  );
}
