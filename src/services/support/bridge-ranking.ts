// The bridge ranking a report or a drawing uses: the cached one when the links have not changed, else exact
// betweenness when it fits the time budget, else a sampled estimate that resumes the last one (docs/bridges.md).
import { graphVersion, rankBridges, type BridgeRanking } from '../../analysis/bridges.ts';
import type { NetworkModel } from '../../analysis/network-graph.ts';
import { loadBridgeRanking, saveBridgeRanking } from '../../store/repositories/bridge-rankings.repository.ts';
import type { Store } from '../../store/store.ts';
import type { ServiceContext } from '../operation.ts';

// What a report may spend on sampling when exact betweenness does not fit: the rest of the 2-second report
// (loading 30,000 contacts, Louvain, the report itself) takes about as long again.
export const REPORT_SAMPLING_MS = 500;

export type KeptAs = 'saved' | 'unchanged' | 'read-only';

// A cache that cannot be written (a read-only database file or role) costs the next report its head start,
// nothing else: the ranking is still shown, and the output says it was not kept. Every other error is raised.
function isReadOnly(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('SQLITE_READONLY') || code === '25006' || code === '42501';
}

async function keep(store: Store, ranking: BridgeRanking): Promise<KeptAs> {
  if (ranking.reused) return 'unchanged';
  try {
    await saveBridgeRanking(store, ranking.cache);
    return 'saved';
  } catch (error) {
    if (isReadOnly(error)) return 'read-only';
    throw error;
  }
}

export async function bridgeRankingFor(ctx: ServiceContext, model: NetworkModel, mode: 'exact' | 'budget', budgetMs = REPORT_SAMPLING_MS): Promise<{ ranking: BridgeRanking; kept: KeptAs }> {
  const version = graphVersion(model.alters, model.contacts.map((c) => c.id));
  const cached = await loadBridgeRanking(ctx.store);
  // Compute time, not the user's clock: the budget is about how long the report takes.
  const started = performance.now();
  const ranking = await rankBridges(model.alters, { version, cached, now: ctx.clock.now(), mode, stop: () => performance.now() - started > budgetMs });
  return { ranking, kept: await keep(ctx.store, ranking) };
}

