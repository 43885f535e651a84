// The bridge ranking a report or a drawing uses: the kept exact one when the links have not changed; while the
// background computes the exact ranking of changed links, the previous exact one, shown as such ("from before N
// changes") with no place settled; else exact betweenness when it fits the time budget, else a sampled estimate
// that resumes the last one (docs/bridges.md).
import { hostname } from 'node:os';
import { EXACT_WORK_BUDGET, exactWork, graphVersion, rankBridges, staleRanking, topByContact, type BridgeRanking } from '../../analysis/bridges.ts';
import type { NetworkModel } from '../../analysis/network-graph.ts';
import {
  graphChangesSince, journalMark, loadBridgeJob, loadBridgeRanking, saveBridgeRanking, type BridgeJobState,
} from '../../store/repositories/bridge-rankings.repository.ts';
import type { Store } from '../../store/store.ts';
import type { ServiceContext } from '../operation.ts';

// What a report may spend on sampling when exact betweenness does not fit: the rest of the 2-second report
// (loading 30,000 contacts, Louvain, the report itself) takes about as long again.
export const REPORT_SAMPLING_MS = 500;
// While the background computes the exact ranking, an estimate is only a stopgap: half the time.
export const REPORT_SAMPLING_MS_WHILE_RECOMPUTING = 250;

// A background computation on another host says it is alive this often; after STALE_MS of silence it is presumed
// gone. On the same host the process id answers directly.
export const HEARTBEAT_MS = 30_000;
export const STALE_MS = 120_000;

export type KeptAs = 'saved' | 'unchanged' | 'read-only';

// How fresh the ranking shown is, for the words beside it (domain/bridge-freshness.ts).
export interface BridgeFreshness {
  // Exact ranking of an older graph: writes since it that changed contacts or links (at least, when atLeast).
  changesSince: number;
  changesAtLeast: boolean;
  // A background computation is running (or about to start) for the current graph.
  recomputing: boolean;
  // Why the last background computation failed, if it did.
  backgroundError: string | null;
}

// A cache that cannot be written (a read-only database file or role) costs the next report its head start,
// nothing else: the ranking is still shown, and the output says it was not kept. Every other error is raised.
export function isReadOnly(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('SQLITE_READONLY') || code === '25006' || code === '42501';
}

async function keep(store: Store, ranking: BridgeRanking): Promise<KeptAs> {
  if (ranking.reused) return 'unchanged';
  try {
    return (await saveBridgeRanking(store, ranking.cache)) ? 'saved' : 'unchanged';
  } catch (error) {
    if (isReadOnly(error)) return 'read-only';
    throw error;
  }
}

export const ownerName = (pid: number = process.pid): string => `${pid}@${hostname()}`;

// Whether the job's owner is still at work: a live process on this host, or a recent heartbeat from another.
export function ownerAlive(job: BridgeJobState | null, now: Date): boolean {
  if (job?.owner == null) return false;
  const at = job.owner.lastIndexOf('@');
  const pid = Number(job.owner.slice(0, at));
  if (job.owner.slice(at + 1) === hostname() && Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  return job.heartbeatAt !== null && now.getTime() - Date.parse(job.heartbeatAt) < STALE_MS;
}

// exactWorkBudget: what exact may cost inline (bridges.ts); tests lower it to see what a large network shows.
export async function bridgeRankingFor(ctx: ServiceContext, model: NetworkModel, mode: 'exact' | 'budget', options: { budgetMs?: number; exactWorkBudget?: number } = {}): Promise<{ ranking: BridgeRanking; kept: KeptAs; freshness: BridgeFreshness }> {
  const exactBudget = options.exactWorkBudget ?? EXACT_WORK_BUDGET;
  const ids = model.contacts.map((c) => c.id);
  const version = graphVersion(model.alters, ids);
  // Read before anything else: a write landing meanwhile is then counted as a change this ranking may not have seen.
  const mark = await journalMark(ctx.store);
  const cached = await loadBridgeRanking(ctx.store);
  const job = await loadBridgeJob(ctx.store);
  const freshness: BridgeFreshness = { changesSince: 0, changesAtLeast: false, recomputing: ownerAlive(job, ctx.clock.now()), backgroundError: job?.lastError ?? null };
  // Links changed since the exact ranking, and exact does not fit the report's budget: show it as it was (never as
  // current) rather than a guess, while the background ranks the new graph. Sampling would spend half a second
  // to settle nothing at these sizes (docs/bridges.md). A small network is simply ranked again, exactly.
  if (mode === 'budget' && cached?.method === 'exact' && cached.graphVersion !== version && cached.top && exactWork(model.alters) > exactBudget) {
    const changes = cached.journalMark == null ? { count: 0, atLeast: true } : await graphChangesSince(ctx.store, cached.journalMark);
    return { ranking: staleRanking(cached, cached.top, model.indexOf, model.contacts.length), kept: 'unchanged', freshness: { ...freshness, changesSince: changes.count, changesAtLeast: changes.atLeast } };
  }
  const budgetMs = options.budgetMs ?? (freshness.recomputing ? REPORT_SAMPLING_MS_WHILE_RECOMPUTING : REPORT_SAMPLING_MS);
  // Compute time, not the user's clock: the budget is about how long the report takes.
  const started = performance.now();
  const ranking = await rankBridges(model.alters, { version, cached, now: ctx.clock.now(), mode, exactWorkBudget: exactBudget, stop: () => performance.now() - started > budgetMs });
  if (!ranking.reused) {
    ranking.cache.journalMark = mark;
    if (ranking.method === 'exact') ranking.cache.top = topByContact(ranking.values, ids);
  }
  const kept = await keep(ctx.store, ranking);
  return { ranking, kept, freshness: ranking.method === 'exact' ? { ...freshness, recomputing: false } : freshness };
}
