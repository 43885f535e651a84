import type { Reciprocity } from '../../../../src/analysis/reciprocity.ts';
import { Link } from '../../router.tsx';

// What went each way, overall, and the people the balance is off with.
export function ReciprocityChart({ reciprocity }: { reciprocity: Reciprocity }) {
  const o = reciprocity.overall;
  const parts = [
    { key: 'gave', label: 'You gave', value: o.given, colour: '#255a8c' },
    { key: 'both', label: 'Both ways', value: o.mutual, colour: '#7aa7d6' },
    { key: 'received', label: 'You received', value: o.received, colour: '#c0873f' },
  ];
  const total = Math.max(1, o.given + o.mutual + o.received);
  const width = 420;
  let x = 0;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} 40`} role="img" aria-label={`You gave ${o.given} times, received ${o.received}, exchanged both ways ${o.mutual}; thanked ${o.gratitude} times`}>
        {parts.map((p) => {
          const w = (p.value / total) * width;
          const at = x;
          x += w;
          return (
            <g key={p.key}>
              <rect x={at} y={4} width={w} height={22} fill={p.colour} />
              {w > 40 && <text x={at + w / 2} y={19} className="chart-inbar" textAnchor="middle">{p.value}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {parts.map((p) => <span key={p.key} className="legend"><i style={{ background: p.colour }} />{p.label} {p.value}</span>)}
        <span className="legend">Thanked {o.gratitude}×</span>
      </figcaption>
      <PeopleLine label="You only take from" people={reciprocity.youTakeFrom.map((e) => ({ id: e.contactId, name: e.name, note: `received ${e.received}` }))} />
      <PeopleLine label="Helped you, no thanks on record" people={reciprocity.unthanked.map((e) => ({ id: e.contactId, name: e.name, note: `received ${e.received}` }))} />
      <PeopleLine label="You only give to" people={reciprocity.youGiveTo.map((e) => ({ id: e.contactId, name: e.name, note: `gave ${e.given}` }))} />
    </figure>
  );
}

function PeopleLine({ label, people }: { label: string; people: { id: number; name: string; note: string }[] }) {
  return (
    <p className="people-line">
      <strong>{label}:</strong>{' '}
      {people.length === 0 ? <span className="muted">nobody</span> : people.slice(0, 6).map((p, i) => (
        <span key={p.id}>{i > 0 && ', '}<Link href={`/contacts/${p.id}`}>{p.name}</Link> <span className="muted">({p.note})</span></span>
      ))}
    </p>
  );
}
