// A bridge ranking as it is kept between reports (docs/bridges.md): computed by the analysis, stored by the store.
export interface KeptBridgeRanking {
  // Identifies the graph it was computed on (who sits at which index, who is linked to whom).
  graphVersion: string;
  method: 'exact' | 'sampled';
  computedAt: string;
  samples: number;
  checks: number;
  seed: number;
  // Exact: betweenness per node. Sampled: how often each node lay inside a sampled path.
  values: Float64Array;
  // The newest journal entry when the graph was read (null: not known, e.g. a ranking kept before 2026-12-08).
  journalMark?: number | null;
  // Exact only: the best places as [contact id, betweenness], to show (marked as old) after the graph changed.
  top?: [number, number][] | null;
}
