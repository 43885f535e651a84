// Exact bridges computed in the background after the graph changes (docs/bridges.md): by `rapport serve` itself,
// or by a detached low-priority `rapport bridges --background` the CLI starts after a command that changed
// contacts or links. One computation at a time per workspace: the bridge_rankings_job row is the lock. A request
// that arrives while one runs bumps `requests`, and the running one goes round again when it finishes, so a burst of
// changes costs one computation more, never one per change. No transaction is held while computing: the graph is
// read, the workers compute, and the result is written in one short write at the end.
import { exactBetweenness, graphVersion, topByContact } from '../analysis/bridges.ts';
import { graphMeasures, structureVersion } from '../analysis/structure.ts';
import {
  journalMark, loadBridgeJob, loadBridgeRanking, loadStructure, saveBridgeRanking, saveStructure, updateBridgeJob,
} from '../store/repositories/bridge-rankings.repository.ts';
import { loadNetworkModel } from './network.service.ts';
import type { ServiceContext } from './operation.ts';
import { HEARTBEAT_MS, ownerAlive } from './support/bridge-ranking.ts';

export interface BridgeWorkResult {
  // Whether this process did the work (false: another computation holds the lock and will see the request).
  ran: boolean;
  // Computations made (0 when every graph seen already had its exact ranking).
  computed: number;
}

// Asks for a computation. Returns true when nobody is computing, so the caller should start one.
export async function requestBridgeWork(ctx: ServiceContext): Promise<boolean> {
  return ctx.store.transaction(async (tx) => {
    const job = await loadBridgeJob(tx);
    await updateBridgeJob(tx, { requests: (job?.requests ?? 0) + 1 });
    return !ownerAlive(job, ctx.clock.now());
  });
}

// Takes the lock for `owner` unless another live owner holds it.
export async function claimBridgeWork(ctx: ServiceContext, owner: string): Promise<boolean> {
  return ctx.store.transaction(async (tx) => {
    const job = await loadBridgeJob(tx);
    if (job?.owner != null && job.owner !== owner && ownerAlive(job, ctx.clock.now())) return false;
    await updateBridgeJob(tx, { owner, heartbeat_at: ctx.clock.now().toISOString() });
    return true;
  });
}

// Ranks the current graph exactly and keeps it (with its clusters and constraint), unless it already is.
// Returns whether anything was computed.
export async function rankCurrentGraph(ctx: ServiceContext): Promise<boolean> {
  const mark = await journalMark(ctx.store);
  const { model } = await loadNetworkModel(ctx);
  const ids = model.contacts.map((c) => c.id);
  const version = graphVersion(model.alters, ids);
  const sVersion = structureVersion(model.alters, ids);
  const cached = await loadBridgeRanking(ctx.store);
  const haveRanking = cached?.method === 'exact' && cached.graphVersion === version && cached.values.length === ids.length;
  const haveStructure = haveRanking && (await loadStructure(ctx.store, sVersion)) !== null;
  if (haveRanking && haveStructure) return false;
  const values = haveRanking ? cached.values : await exactBetweenness(model.alters);
  const measures = graphMeasures(model.alters);
  await ctx.store.transaction(async (tx) => {
    if (!haveRanking) {
      const saved = await saveBridgeRanking(tx, { graphVersion: version, method: 'exact', computedAt: ctx.clock.now().toISOString(), samples: 0, checks: 0, seed: 0, values, journalMark: mark, top: topByContact(values, ids) });
      // A ranking read at a later journal entry is there already: it wins, and so does its structure.
      if (!saved) return;
    }
    await saveStructure(tx, { version: sVersion, ...measures });
  });
  return true;
}

export interface BridgeWorkOptions {
  owner: string;
  // Called after each computation is kept (the server clears its read cache).
  onKept?: () => void | Promise<void>;
}

// Claims the lock, computes until no request is left unseen, releases it. A failure is recorded in the job row
// (the report says so) and raised.
export async function runBridgeWork(ctx: ServiceContext, options: BridgeWorkOptions): Promise<BridgeWorkResult> {
  if (!(await claimBridgeWork(ctx, options.owner))) return { ran: false, computed: 0 };
  const heartbeat = setInterval(() => {
    void updateBridgeJob(ctx.store, { heartbeat_at: ctx.clock.now().toISOString() }).catch(() => { /* the next beat or the release says more */ });
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let computed = 0;
  try {
    for (;;) {
      const seen = (await loadBridgeJob(ctx.store))?.requests ?? 0;
      if (await rankCurrentGraph(ctx)) {
        computed++;
        await options.onKept?.();
      }
      const again = await ctx.store.transaction(async (tx) => {
        const job = await loadBridgeJob(tx);
        if ((job?.requests ?? 0) !== seen) return true;
        await updateBridgeJob(tx, { owner: null, heartbeat_at: null, last_error: null });
        return false;
      });
      if (!again) return { ran: true, computed };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await updateBridgeJob(ctx.store, { owner: null, heartbeat_at: null, last_error: message });
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

// The server's scheduler: writes that change the graph call notify(); after `debounceMs` without another, `run`
// computes the exact ranking. The server passes one that starts `rapport bridges --background` and waits for it to
// exit (server/bridges-child.ts), so reading the graph and Louvain never hold up its requests; without one (an
// in-memory store, which no other process can open) it is computed in this process, Brandes in worker threads.
export class BackgroundBridges {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  // The last failure, for the server's log; also kept in the job row for the report.
  lastError: Error | null = null;

  constructor(private readonly ctx: ServiceContext, private readonly options: { owner: string; debounceMs?: number; onKept?: () => void; onError?: (e: Error) => void; run?: () => Promise<void> }) {}

  // One round in this process. Counted as a request even when another process holds the lock: that one then goes
  // round again.
  private async runHere(): Promise<void> {
    await requestBridgeWork(this.ctx);
    await runBridgeWork(this.ctx, { owner: this.options.owner, ...(this.options.onKept ? { onKept: this.options.onKept } : {}) });
  }

  notify(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), this.options.debounceMs ?? 2000);
    this.timer.unref();
  }

  // Starts at once (what the debounce timer calls).
  start(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await (this.options.run ? this.options.run() : this.runHere());
        } while (this.again && !this.stopped);
      } catch (error) {
        this.lastError = error instanceof Error ? error : new Error(String(error));
        this.options.onError?.(this.lastError);
      } finally {
        this.running = null;
      }
    })();
  }

  get busy(): boolean {
    return this.running !== null;
  }

  // Resolves when nothing is scheduled or running (tests wait on it instead of sleeping).
  async idle(): Promise<void> {
    while (this.timer !== null || this.running !== null) {
      if (this.timer !== null) this.start();
      await this.running;
    }
  }

  // No new computation starts; one under way finishes (its worker threads cannot be stopped halfway; a child
  // process goes on after the server stops, and its job row tells the next one).
  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.running ?? Promise.resolve();
  }
}
