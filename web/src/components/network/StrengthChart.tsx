import { TIE_BANDS_SUMMARY } from '../../../../src/domain/tie-band-explain.ts';
import type { Output } from '../../api.ts';
import { BAND_COLOURS } from './colours.ts';

type Bands = Output<'network.report'>['balance']['bands'];

// How many ties fall in each tenth of the 0–100 strength scale, coloured by the band it belongs to.
export function StrengthChart({ histogram, bands }: { histogram: readonly number[]; bands: Bands }) {
  const width = 420;
  const height = 150;
  const max = Math.max(1, ...histogram);
  const barW = (width - 20) / histogram.length;
  const colourOf = (i: number): string => (i >= 7 ? BAND_COLOURS.strong : i >= 4 ? BAND_COLOURS.medium : BAND_COLOURS.weak);
  const label = `Tie strength: ${bands.strong} strong, ${bands.medium} medium, ${bands.weak} weak, ${bands.dormant} dormant`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height + 30}`} role="img" aria-label={label}>
        {histogram.map((count, i) => {
          const h = (count / max) * height;
          return (
            <g key={i}>
              <rect x={10 + i * barW + 2} y={height - h + 4} width={barW - 4} height={Math.max(h, count > 0 ? 1 : 0)} rx={2} fill={colourOf(i)} />
              {count > 0 && <text x={10 + i * barW + barW / 2} y={height - h} className="chart-axis" textAnchor="middle">{count}</text>}
              <text x={10 + i * barW + barW / 2} y={height + 20} className="chart-axis" textAnchor="middle">{i * 10}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span className="legend"><i style={{ background: BAND_COLOURS.strong }} />strong {bands.strong}</span>
        <span className="legend"><i style={{ background: BAND_COLOURS.medium }} />medium {bands.medium}</span>
        <span className="legend"><i style={{ background: BAND_COLOURS.weak }} />weak {bands.weak}</span>
        <span className="legend"><i style={{ background: BAND_COLOURS.dormant }} />dormant {bands.dormant}</span>
        <span className="band-rule small">{TIE_BANDS_SUMMARY}</span>
      </figcaption>
    </figure>
  );
}
