import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { call } from '../api.ts';
import { ContactPicker } from '../components/ContactPicker.tsx';
import { ActivityHeatmap } from '../components/network/ActivityHeatmap.tsx';
import { BalanceChart } from '../components/network/BalanceChart.tsx';
import type { ColourBy } from '../components/network/graph-style.ts';
import { IntroPanel } from '../components/network/IntroPanel.tsx';
import { layoutGraph } from '../components/network/layout.ts';
import { ReciprocityChart } from '../components/network/ReciprocityChart.tsx';
import { AdviceList, DormantTable, StructureSummary } from '../components/network/ReportSections.tsx';
import { StrengthChart } from '../components/network/StrengthChart.tsx';
import { clusterColour, NETWORK_COLOURS } from '../components/network/colours.ts';
import '../components/network/network.css';
import { ErrorNote, Loading, PageHeader } from '../components/ui.tsx';
import { NETWORK_LABELS, NETWORKS } from '../labels.ts';
import { useDocumentTitle } from '../router.tsx';

// sigma.js and graphology load only when the graph is drawn, after the report is already on screen.
const SigmaGraph = lazy(() => import('../components/network/SigmaGraph.tsx'));

// The shape of the user's networks (DOMAIN.md §5: make the inputs visible) and what to do about it.
export default function Network() {
  useDocumentTitle('Network');
  const report = useQuery({ queryKey: ['network-report'], queryFn: () => call('network.report', {}), staleTime: 60_000 });
  const [focus, setFocus] = useState<number | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [paths, setPaths] = useState<number[][]>([]);
  const [colourBy, setColourBy] = useState<ColourBy>('community');
  const [showMyTies, setShowMyTies] = useState(false);
  const graph = useQuery({
    queryKey: ['network-graph', focus],
    queryFn: () => call('network.graph', focus === null ? { limit: 300 } : { limit: 300, focus }),
    staleTime: 60_000,
  });
  const view = graph.data;
  const positions = useMemo(() => (view ? layoutGraph(view.nodes, 0) : new Map()), [view]);
  const selectedNode = view?.nodes.find((n) => n.id === selected) ?? null;
  const emphasis = useMemo(() => ({ selected, paths, showMyTies }), [selected, paths, showMyTies]);
  const choose = useCallback((id: number | null) => { setSelected(id); setPaths([]); }, []);
  const pick = (id: number): void => {
    if (!view?.nodes.some((n) => n.id === id)) setFocus(id);
    choose(id);
  };

  if (report.isPending) return <><PageHeader title="Network" /><Loading what="Reading your network" /></>;
  if (report.isError) return <><PageHeader title="Network" /><ErrorNote error={report.error} /></>;
  const r = report.data;
  return (
    <div className="network-page">
      <PageHeader title="Network">
        <p className="muted">{r.totals.contacts.toLocaleString()} contacts · {r.totals.links.toLocaleString()} links · {r.situationLabel}</p>
      </PageHeader>
      <section className="card" aria-labelledby="h-advice">
        <h2 id="h-advice">What to do</h2>
        <AdviceList advice={r.advice} />
      </section>
      <div className="chart-grid">
        <section className="card" aria-labelledby="h-balance"><h2 id="h-balance">Balance against your target</h2><BalanceChart networks={r.balance.networks} situation={r.situationLabel.toLowerCase()} /></section>
        <section className="card" aria-labelledby="h-strength"><h2 id="h-strength">Tie strength</h2><StrengthChart histogram={r.strength.histogram} bands={r.balance.bands} /></section>
        <section className="card" aria-labelledby="h-activity"><h2 id="h-activity">Activity over the last year</h2><ActivityHeatmap from={r.activity.from} days={r.activity.days} /></section>
        <section className="card" aria-labelledby="h-reciprocity"><h2 id="h-reciprocity">Reciprocity</h2><ReciprocityChart reciprocity={r.reciprocity} /></section>
      </div>
      <section className="card graph-card" aria-labelledby="h-graph">
        <div className="graph-head">
          <h2 id="h-graph">Who knows whom</h2>
          <div className="graph-controls">
            <fieldset className="segmented">
              <legend className="visually-hidden">Colour by</legend>
              {(['community', 'network'] as const).map((c) => (
                <label key={c}><input type="radio" name="colour-by" checked={colourBy === c} onChange={() => setColourBy(c)} /> {c === 'community' ? 'Clusters' : 'Networks'}</label>
              ))}
            </fieldset>
            <label className="checkbox-inline"><input type="checkbox" checked={showMyTies} onChange={(e) => setShowMyTies(e.target.checked)} /> My ties</label>
            {focus !== null && <button type="button" className="ghost" onClick={() => { setFocus(null); choose(null); }}>Strongest ties</button>}
          </div>
        </div>
        <div className="graph-search"><ContactPicker label="Focus on a person" picked={[]} onChange={(p) => { if (p[0]) pick(p[0].id); }} /></div>
        <ErrorNote error={graph.error} />
        <div className="graph-layout">
          <div className="graph-stage">
            {view ? <Suspense fallback={<Loading what="Drawing" />}><SigmaGraph view={view} positions={positions} colourBy={colourBy} emphasis={emphasis} onSelect={choose} /></Suspense> : <Loading what="Drawing" />}
          </div>
          {selectedNode ? <IntroPanel key={selectedNode.id} node={selectedNode} onPaths={setPaths} onClose={() => choose(null)} />
            : <aside className="graph-legend card"><GraphLegend colourBy={colourBy} communities={view?.communities ?? []} shown={view ? view.nodes.length - 1 : 0} total={view?.total.contacts ?? 0} /></aside>}
        </div>
      </section>
      <div className="chart-grid">
        <section className="card" aria-labelledby="h-dormant"><h2 id="h-dormant">Dormant ties worth reviving <span className="count">{r.dormant.total}</span></h2><DormantTable dormant={r.dormant} /></section>
        <section className="card" aria-labelledby="h-structure"><h2 id="h-structure">Brokers and clusters</h2><StructureSummary structure={r.structure} onPick={pick} /></section>
      </div>
    </div>
  );
}

function GraphLegend({ colourBy, communities, shown, total }: { colourBy: ColourBy; communities: { id: number; label: string; size: number }[]; shown: number; total: number }) {
  return (
    <>
      <p className="small muted">Your {shown.toLocaleString()} strongest ties of {total.toLocaleString()}, around you in the middle. Click someone to see the warm paths to them.</p>
      <ul className="plain-list small">
        {colourBy === 'network'
          ? [...NETWORKS.map((n) => [NETWORK_LABELS[n], NETWORK_COLOURS[n]] as const), ['Several', NETWORK_COLOURS.several] as const, ['None yet', NETWORK_COLOURS.none] as const]
            .map(([label, colour]) => <li key={label}><i className="swatch" style={{ background: colour }} /> {label}</li>)
          : communities.slice(0, 10).map((c, i) => <li key={c.id}><i className="swatch" style={{ background: clusterColour(i) }} /> {c.label} <span className="muted">({c.size})</span></li>)}
      </ul>
    </>
  );
}
