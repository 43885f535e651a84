import type { ReactNode } from 'react';
import type { NetworkReport } from '../../../../src/analysis/report.ts';
import { describeBridgeFreshness } from '../../../../src/domain/bridge-freshness.ts';
import { Link } from '../../router.tsx';

// Advice text with every person it names turned into a link to them.
function withLinks(text: string, people: readonly { id: number; name: string }[]): ReactNode[] {
  const names = [...new Map(people.map((p) => [p.name, p.id]))].sort((a, b) => b[0].length - a[0].length);
  if (names.length === 0) return [text];
  const pattern = new RegExp(`(${names.map(([n]) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  const ids = new Map(names);
  return text.split(pattern).map((part, i) => (ids.has(part) ? <Link key={i} href={`/contacts/${ids.get(part)}`}>{part}</Link> : part));
}

export function AdviceList({ advice }: { advice: NetworkReport['advice'] }) {
  if (advice.length === 0) return <p className="muted">Nothing stands out yet: add contacts, networks and who knows whom, and this will have more to say.</p>;
  return <ol className="advice">{advice.map((a) => <li key={a.kind + a.text.slice(0, 40)}>{withLinks(a.text, a.people)}</li>)}</ol>;
}

const months = (days: number): string => (days < 60 ? `${days} days` : `${Math.round(days / 30)} months`);

export function DormantTable({ dormant }: { dormant: NetworkReport['dormant'] }) {
  if (dormant.top.length === 0) return <p className="muted">No dormant ties: every relationship that mattered is still warm.</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead><tr><th scope="col">Who</th><th scope="col">Peak</th><th scope="col">Quiet for</th><th scope="col">Why now</th></tr></thead>
        <tbody>
          {dormant.top.slice(0, 10).map((d) => (
            <tr key={d.contactId}>
              <td><Link href={`/contacts/${d.contactId}`}>{d.name}</Link>{d.organisation && <div className="muted small">{d.organisation}</div>}</td>
              <td>{d.peak}</td>
              <td>{months(d.daysSinceLast)}</td>
              <td className="small">{d.reasons.slice(1).join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// How sure and how fresh the bridge ranking is (docs/bridges.md), in the CLI's words.
function bridgeCertainty(b: NetworkReport['structure']['betweenness']): string {
  const text = describeBridgeFreshness(b, new Date());
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function StructureSummary({ structure, onPick }: { structure: NetworkReport['structure']; onPick: (id: number) => void }) {
  const me = structure.me;
  const fmt = (x: number | null, d = 2) => (x === null ? '–' : x.toFixed(d));
  return (
    <>
      <p className="small">
        {me.degree === 0
          ? 'You have no real ties yet (a conversation or a recorded link), so no constraint or effective size.'
          : <>You: effective size <strong>{fmt(me.effectiveSize, 1)}</strong> over {me.degree} real ties (efficiency {fmt(me.efficiency)}), constraint {fmt(me.constraint, 3)}.</>}
        {' '}{structure.isolated} contacts know nobody else you know.
      </p>
      <div className="structure-grid">
        <div>
          <h3>Bridges</h3>
          <p className="muted small bridge-certainty">{bridgeCertainty(structure.betweenness)}</p>
          <ol className="plain-list">
            {structure.bridges.slice(0, 6).map((p, i) => (
              <li key={p.id}><button type="button" className="link-button" onClick={() => onPick(p.id)}>{p.name}</button>{i >= structure.betweenness.settled && <span className="muted small" title="not settled: may swap with people just below"> ≈</span>} <span className="muted small">{p.organisation ?? ''}</span></li>
            ))}
          </ol>
        </div>
        <div>
          <h3>Clusters</h3>
          <ul className="plain-list">
            {structure.communities.slice(0, 6).map((c) => (
              <li key={c.id}>{c.label} <span className="muted small">· {c.size} people{c.labelKind !== 'none' ? `, ${Math.round(c.share * 100)}% ${c.labelKind}` : ''}</span></li>
            ))}
          </ul>
        </div>
      </div>
    </>
  );
}
