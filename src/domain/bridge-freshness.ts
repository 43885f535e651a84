// How sure and how fresh the report's bridge ranking is, in words, for the CLI and the web app alike
// (docs/bridges.md). Pure: the caller passes the clock.
export interface BridgeFreshnessFacts {
  method: 'exact' | 'sampled';
  settled: number;
  ranked: number;
  confidence: number;
  samples: number;
  computedAt: string;
  current: boolean;
  changesSince: number;
  changesAtLeast: boolean;
  recomputing: boolean;
  backgroundError: string | null;
}

// "just now", "3 min ago", "2 h ago", "5 days ago".
export function ago(at: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(at)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

const changes = (n: number, atLeast: boolean): string =>
  n === 0 ? 'some changes' : `${atLeast ? 'at least ' : ''}${n} change${n === 1 && !atLeast ? '' : 's'}`;

export function describeBridgeFreshness(b: BridgeFreshnessFacts, now: Date): string {
  const failed = b.backgroundError !== null && !b.recomputing ? `; the last background ranking failed (${b.backgroundError}), \`rapport bridges\` retries it` : '';
  if (b.method === 'exact' && b.current) return `exact, computed ${ago(b.computedAt, now)}`;
  if (b.method === 'exact') {
    const head = b.recomputing ? 'being recomputed' : 'out of date';
    const tail = b.recomputing || failed !== '' ? '' : '; `rapport bridges` recomputes it';
    return `${head}; showing the exact ranking from before ${changes(b.changesSince, b.changesAtLeast)} to your contacts and links (computed ${ago(b.computedAt, now)}), so nobody is named as the bridge${tail}${failed}`;
  }
  const sure = `${Math.round(b.confidence * 100)}% sure`;
  const settled = b.settled === 0 ? 'no place is settled yet, so nobody is named as the bridge'
    : b.settled >= b.ranked ? `all ${b.ranked} places settled (${sure})` : `the first ${b.settled} places settled (${sure}); places ${b.settled + 1}–${b.ranked} (≈) may swap with people just below`;
  const next = b.recomputing ? '; the exact ranking is being computed in the background' : failed !== '' ? '' : '; `rapport bridges` ranks them exactly';
  return `estimated from ${b.samples.toLocaleString('en')} sampled shortest paths, ${settled}${next}${failed}`;
}
