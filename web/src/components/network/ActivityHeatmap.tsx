// Interactions per day over the last year as a calendar: one column per week (Monday at the top), darker is busier.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHADES = ['#eef1f4', '#c6dbef', '#85b0d8', '#4a84bd', '#1f4f82'];
const CELL = 11;
const STEP = 13;

export function ActivityHeatmap({ from, days }: { from: string; days: readonly number[] }) {
  const start = Date.parse(`${from}T00:00:00Z`);
  const max = Math.max(1, ...days);
  const shade = (n: number): string => (n === 0 ? SHADES[0]! : SHADES[Math.min(4, 1 + Math.floor((n / max) * 3.999))]!);
  const weeks = Math.ceil(days.length / 7);
  const total = days.reduce((a, b) => a + b, 0);
  const busiest = days.reduce((best, n, i) => (n > days[best]! ? i : best), 0);
  const dayOf = (i: number): string => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
  const monthLabels: { x: number; text: string }[] = [];
  for (let w = 0; w < weeks; w++) {
    const d = new Date(start + w * 7 * 86_400_000);
    if (d.getUTCDate() <= 7) monthLabels.push({ x: 28 + w * STEP, text: MONTHS[d.getUTCMonth()]! });
  }
  return (
    <figure className="chart heatmap">
      <svg viewBox={`0 0 ${28 + weeks * STEP} ${16 + 7 * STEP}`} role="img"
        aria-label={`${total} interactions in the last year; busiest day ${dayOf(busiest)} with ${days[busiest] ?? 0}`}>
        {monthLabels.map((m) => <text key={m.x} x={m.x} y={10} className="chart-axis">{m.text}</text>)}
        {['Mon', 'Wed', 'Fri'].map((d, i) => <text key={d} x={0} y={16 + i * 2 * STEP + CELL - 2} className="chart-axis">{d}</text>)}
        {days.map((n, i) => (
          <rect key={i} x={28 + Math.floor(i / 7) * STEP} y={16 + (i % 7) * STEP} width={CELL} height={CELL} rx={2} fill={shade(n)}>
            <title>{`${dayOf(i)}: ${n} interaction${n === 1 ? '' : 's'}`}</title>
          </rect>
        ))}
      </svg>
      <figcaption>
        <span>{total} interactions in the last 12 months</span>
        <span className="legend">less{SHADES.map((s) => <i key={s} className="swatch" style={{ background: s }} />)}more</span>
      </figcaption>
    </figure>
  );
}
