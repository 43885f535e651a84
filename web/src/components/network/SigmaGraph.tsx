import { UndirectedGraph } from 'graphology';
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { GraphView } from '../../../../src/analysis/graph-view.ts';
import { GraphSvg } from './GraphSvg.tsx';
import { edgeKey, lit, nodeColourer, nodeSize, type ColourBy, type Emphasis } from './graph-style.ts';
import type { Point } from './layout.ts';

interface Props {
  view: GraphView;
  positions: Map<number, Point>;
  colourBy: ColourBy;
  emphasis: Emphasis;
  onSelect: (id: number | null) => void;
}

// A label that would run off the right edge (long names on a phone) is drawn on the node's left instead.
const drawLabelInside: NodeLabelDrawingFunction = (context, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const width = context.measureText(data.label).width;
  const gap = data.size + 3;
  const x = data.x + gap + width > context.canvas.clientWidth ? Math.max(0, data.x - gap - width) : data.x + gap;
  context.fillStyle = '#1e2a3a';
  context.fillText(data.label, x, data.y + size / 3);
};

// sigma.js draws with WebGL over a graphology graph; where WebGL is missing the SVG drawing takes over.
export default function SigmaGraph(props: Props) {
  const { view, positions, colourBy, emphasis, onSelect } = props;
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<Sigma | null>(null);
  const [failed, setFailed] = useState(false);
  const select = useRef(onSelect);
  select.current = onSelect;

  const graph = useMemo(() => {
    const g = new UndirectedGraph();
    for (const n of view.nodes) {
      const p = positions.get(n.id) ?? { x: 0, y: 0 };
      g.addNode(String(n.id), { x: p.x, y: p.y, size: nodeSize(n), label: n.name, color: '#999' });
    }
    for (const e of view.edges) {
      const key = edgeKey(e.source, e.target);
      if (!g.hasEdge(key)) g.addEdgeWithKey(key, String(e.source), String(e.target), { size: e.kind === 'link' ? 0.4 + e.weight * 0.3 : 0.5, kind: e.kind, color: '#c3c9d2' });
    }
    return g;
  }, [view, positions]);

  useEffect(() => {
    if (!container.current || failed) return;
    try {
      // allowInvalidContainer: a resize while the stage is out of layout (a phone turning, the page changing) must
      // not throw "Container has no width"; sigma draws again at the next real size.
      const narrow = container.current.clientWidth < 600;
      const s = new Sigma(graph, container.current, {
        labelDensity: narrow ? 0.35 : 0.6, labelRenderedSizeThreshold: 7, zIndex: true, labelFont: 'system-ui, sans-serif', labelSize: narrow ? 12 : 14,
        allowInvalidContainer: true, defaultDrawNodeLabel: drawLabelInside,
      });
      s.on('clickNode', ({ node }) => select.current(node === String(view.nodes[0]?.id) ? null : Number(node)));
      s.on('clickStage', () => select.current(null));
      renderer.current = s;
      // The stage can change size without a window resize (a panel opening, the layout reflowing on a phone).
      const observer = new ResizeObserver(() => { if (container.current && container.current.clientWidth > 0) { s.resize(); s.refresh(); } });
      observer.observe(container.current);
      return () => {
        observer.disconnect();
        s.kill();
        renderer.current = null;
      };
    } catch {
      setFailed(true);
      return undefined;
    }
  }, [graph, failed, view]);

  useEffect(() => {
    const s = renderer.current;
    if (!s) return;
    const colour = nodeColourer(view, colourBy);
    const byId = new Map(view.nodes.map((n) => [String(n.id), n]));
    const on = lit(view, emphasis);
    const focused = on.nodes.size > 0;
    s.setSetting('nodeReducer', (node, data) => {
      const n = byId.get(node)!;
      const hot = on.nodes.has(n.id);
      return {
        ...data, color: focused && !hot ? '#dfe3e8' : colour(n), label: focused && !hot ? '' : data.label,
        forceLabel: on.named.has(n.id) || n.band === 'me', zIndex: hot ? 2 : 1, highlighted: n.id === emphasis.selected,
      };
    });
    s.setSetting('edgeReducer', (edge, data) => {
      const hot = on.edges.has(edge);
      const path = on.onPath.has(edge);
      const mine = data.kind === 'me';
      const color = path ? '#1e2a3a' : hot ? '#8c98a8' : focused ? '#eceef1' : '#c3c9d2';
      return { ...data, hidden: mine && !hot && !emphasis.showMyTies, color, size: path ? 3 : hot ? 1.2 : data.size, zIndex: path ? 3 : hot ? 2 : 0 };
    });
    s.refresh();
  }, [view, colourBy, emphasis, graph]);

  if (failed) return <GraphSvg {...props} />;
  return <div ref={container} className="sigma-container" role="img" aria-label={`Network graph: ${view.nodes.length - 1} contacts and ${view.edges.filter((e) => e.kind === 'link').length} links between them`} />;
}
