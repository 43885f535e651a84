import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { GraphNode } from '../../../../src/analysis/graph-view.ts';
import { explainTieBand } from '../../../../src/domain/tie-band-explain.ts';
import { call } from '../../api.ts';
import { Link } from '../../router.tsx';
import { ErrorNote, Loading, NetworkBadges } from '../ui.tsx';

// The selected contact: who they are to you, and the warm paths to them (drawn on the graph by the page).
export function IntroPanel({ node, onPaths, onClose }: { node: GraphNode; onPaths: (paths: number[][]) => void; onClose: () => void }) {
  const intro = useQuery({
    queryKey: ['intro', node.id],
    queryFn: ({ signal }) => call('intro.find', { target: String(node.id), kind: 'contact', k: 3 }, { signal }),
  });
  const paths = intro.data?.paths;
  useEffect(() => {
    onPaths(paths ? paths.map((p) => p.people.map((x) => x.id)) : []);
  }, [paths, onPaths]);
  return (
    <aside className="intro-panel card" aria-labelledby="intro-title">
      <header className="intro-head">
        <h2 id="intro-title"><Link href={`/contacts/${node.id}`}>{node.name}</Link></h2>
        <button type="button" className="ghost" onClick={onClose} aria-label="Close">✕</button>
      </header>
      <p className="muted small">
        {node.organisation ?? 'No organisation'} · <abbr title={node.band === 'me' ? undefined : explainTieBand({ ...node, band: node.band })}>{node.band} tie ({node.strength})</abbr> · knows {node.degree} of your contacts{node.bridge ? ' · bridges clusters' : ''}
      </p>
      {node.band !== 'me' && <p className="small muted tie-why" data-testid="tie-why">{explainTieBand({ ...node, band: node.band })}</p>}
      <NetworkBadges networks={node.networks} />
      <h3>Warm introductions</h3>
      {intro.isPending && <Loading what="Finding paths" />}
      <ErrorNote error={intro.error} />
      {intro.data?.note && <p className="muted small">{intro.data.note}</p>}
      {intro.data && intro.data.equallyGood.count > 1 && (
        <p className="small intro-ask-first">
          {intro.data.equallyGood.count.toLocaleString('en')} equally good paths; ask {intro.data.askFirst.length === 1 ? '' : `one of these ${intro.data.askFirst.length} people: `}
          {intro.data.askFirst.map((a, i) => (
            <span key={a.id}>{i > 0 && ', '}<Link href={`/contacts/${a.id}`}>{a.name}</Link> ({a.paths.toLocaleString('en')})</span>
          ))}
        </p>
      )}
      <ol className="intro-paths">
        {intro.data?.paths.map((p) => (
          <li key={p.people.map((x) => x.id).join('-')}>
            <p className="intro-chain">
              <span className="rank">{p.rank}.</span> You → {p.people.map((x, i) => (
                <span key={x.id}>{i > 0 && ' → '}<Link href={`/contacts/${x.id}`}>{x.name}</Link></span>
              ))}
              {intro.data.paths.filter((q) => q.rank === p.rank).length > 1 && <span className="badge">tied</span>}
            </p>
            <p className="small">{p.reason}</p>
            <p className="small first-step"><strong>First step:</strong> {p.firstStep}</p>
          </li>
        ))}
      </ol>
      {intro.data && intro.data.equallyGood.more > 0 && (
        <p className="muted small">… and {intro.data.equallyGood.more.toLocaleString('en')} more equally good paths through the same people.</p>
      )}
    </aside>
  );
}
