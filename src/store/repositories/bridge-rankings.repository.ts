import type { Store } from '../store.ts';

// The cached bridge ranking of the workspace (one row, replaced on every save). Values travel as base64 of
// little-endian float64s: 30,000 numbers in one text column on both dialects, read back without parsing JSON.
export interface StoredBridgeRanking {
  graphVersion: string;
  method: 'exact' | 'sampled';
  computedAt: string;
  samples: number;
  checks: number;
  seed: number;
  values: Float64Array;
}

export async function loadBridgeRanking(store: Store): Promise<StoredBridgeRanking | null> {
  const row = await store.db.selectFrom('bridge_rankings').selectAll().where('workspace_id', '=', store.workspaceId).executeTakeFirst();
  if (row === undefined) return null;
  const bytes = Buffer.from(row.payload, 'base64');
  const values = new Float64Array(bytes.byteLength / 8);
  for (let i = 0; i < values.length; i++) values[i] = bytes.readDoubleLE(i * 8);
  return {
    graphVersion: row.graph_version, method: row.method === 'exact' ? 'exact' : 'sampled', computedAt: row.computed_at,
    samples: Number(row.samples), checks: Number(row.checks), seed: Number(row.seed), values,
  };
}

export async function saveBridgeRanking(store: Store, ranking: StoredBridgeRanking): Promise<void> {
  const bytes = Buffer.alloc(ranking.values.length * 8);
  for (let i = 0; i < ranking.values.length; i++) bytes.writeDoubleLE(ranking.values[i]!, i * 8);
  const row = {
    graph_version: ranking.graphVersion, method: ranking.method, computed_at: ranking.computedAt,
    samples: ranking.samples, checks: ranking.checks, seed: ranking.seed, payload: bytes.toString('base64'),
  };
  await store.db.insertInto('bridge_rankings').values({ workspace_id: store.workspaceId, ...row })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(row)).execute();
}
