import type { NetworkBalance } from '../../../../src/domain/balance.ts';
import { NETWORK_LABELS } from '../../labels.ts';
import { NETWORK_COLOURS } from './colours.ts';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

// Share of each network against the situation's target: a bar for what is, a dark tick for what should be.
export function BalanceChart({ networks, situation }: { networks: readonly NetworkBalance[]; situation: string }) {
  const width = 420;
  const row = 46;
  const left = 96;
  const scale = (x: number): number => left + x * (width - left - 60);
  const summary = networks.map((n) => `${NETWORK_LABELS[n.network]} ${pct(n.share)} against ${pct(n.target)}`).join('; ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${networks.length * row + 24}`} role="img" aria-label={`Balance against the target for ${situation}: ${summary}`}>
        {[0, 0.25, 0.5].map((t) => (
          <g key={t}>
            <line x1={scale(t)} x2={scale(t)} y1={4} y2={networks.length * row + 4} className="chart-rule" />
            <text x={scale(t)} y={networks.length * row + 18} className="chart-axis" textAnchor="middle">{pct(t)}</text>
          </g>
        ))}
        {networks.map((n, i) => {
          const y = i * row + 10;
          return (
            <g key={n.network}>
              <text x={0} y={y + 16} className="chart-label">{NETWORK_LABELS[n.network]}</text>
              <rect x={left} y={y + 4} width={Math.max(1, scale(n.share) - left)} height={18} rx={3} fill={NETWORK_COLOURS[n.network]} />
              <line x1={scale(n.target)} x2={scale(n.target)} y1={y} y2={y + 26} className="chart-target" />
              <text x={Math.max(scale(n.share), scale(n.target)) + 6} y={y + 17} className={n.status === 'under' ? 'chart-value under' : 'chart-value'}>
                {pct(n.share)}{n.status === 'under' ? ' ▼' : n.status === 'over' ? ' ▲' : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>Bars: your share of contacts per network. Ticks: the target for “{situation}”.</figcaption>
    </figure>
  );
}
