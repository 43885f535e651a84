// The best k of many items without sorting them all: the report names ten people out of 30,000, and a full sort
// with name tie-breaks per list costs more than the rest of the report.
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (k <= 0) return best;
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    let at = best.length < k ? best.length : k - 1;
    while (at > 0 && compare(item, best[at - 1]!) < 0) {
      if (at < k) best[at] = best[at - 1]!;
      at--;
    }
    best[at] = item;
  }
  return best;
}

export const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
