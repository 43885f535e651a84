// `npm run bench serve-background`: how long `rapport serve`'s event loop stalls while the background bridge ranking
// runs after a link is added through the API: in the server's process (the old way, the baseline) and in a child
// process (`rapport bridges --background`, what serve does now). On a copy of BENCH_SERVE_BG_DB (default
// /work/benchdata/big30k.db, 30,000 contacts). Exact Brandes at that size takes tens of minutes in worker threads
// and does not touch the event loop, so the benchmark keeps a stand-in exact ranking for the changed graph first:
// what remains is what ran on the server's main thread (reading the graph, Louvain, constraint, the writes).
// Prints the event loop's largest and 99th-percentile delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution),
// and the largest gap between ticks of a 5 ms interval, each way run alternately BENCH_SERVE_BG_RUNS times (default 2). Figures are printed, never asserted.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { graphVersion } from '../src/analysis/bridges.ts';
import { systemClock } from '../src/domain/clock.ts';
import { startServer } from '../src/server/serve.ts';
import { loadNetworkModel } from '../src/services/network.service.ts';
import { journalMark, saveBridgeRanking } from '../src/store/repositories/bridge-rankings.repository.ts';
import { openStore } from '../src/store/open-store.ts';

const SOURCE = process.env.BENCH_SERVE_BG_DB ?? '/work/benchdata/big30k.db';
const RUNS = Number(process.env.BENCH_SERVE_BG_RUNS ?? 2);

async function once(inProcess: boolean): Promise<{ max: number; p99: number; gap: number; wall: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-serve-bg-'));
  const location = join(dir, 'copy.db');
  copyFileSync(SOURCE, location);
  const store = await openStore({ location });
  const ctx = { store, clock: systemClock };
  // Never by the timer: started below, once the stand-in ranking is kept.
  const server = await startServer({ ...ctx, host: '127.0.0.1', port: 0, backgroundBridges: { debounceMs: 3_600_000, inProcess } });
  try {
    const post = async (path: string, body: unknown): Promise<{ id?: number; contact?: { id: number } }> => {
      const res = await fetch(`${server.url}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id?: number; contact?: { id: number } };
    };
    const created = await post('/contacts', { name: 'Bench Newcomer', networks: ['personal'] });
    const id = created.contact?.id ?? created.id!;
    await post('/links', { aId: id, bId: 1 });
    const { model } = await loadNetworkModel(ctx);
    const ids = model.contacts.map((c) => c.id);
    const mark = await journalMark(store);
    await saveBridgeRanking(store, { graphVersion: graphVersion(model.alters, ids), method: 'exact', computedAt: new Date().toISOString(), samples: 0, checks: 0, seed: 0, values: new Float64Array(ids.length), journalMark: mark, top: [] });
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    // And a probe of its own: the largest gap between ticks of a 5 ms interval, less the 5 ms.
    let last = performance.now();
    let gap = 0;
    const probe = setInterval(() => { const now = performance.now(); gap = Math.max(gap, now - last - 5); last = now; }, 5);
    const started = performance.now();
    server.rapport.background!.start();
    await server.rapport.background!.idle();
    const wall = performance.now() - started;
    // A stall that ended just now is recorded at the loop's next turns.
    await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(probe);
    h.disable();
    if (server.rapport.background!.lastError) throw server.rapport.background!.lastError;
    return { max: h.max / 1e6, p99: h.percentile(99) / 1e6, gap, wall };
  } finally {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function main(): Promise<void> {
  console.log(`${SOURCE}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('way          max delay   p99 delay   largest gap   wall until kept');
  for (let run = 0; run < RUNS; run++) {
    for (const inProcess of [true, false]) {
      const r = await once(inProcess);
      console.log(`${(inProcess ? 'in process' : 'child').padEnd(12)} ${r.max.toFixed(0).padStart(6)} ms   ${r.p99.toFixed(0).padStart(6)} ms   ${r.gap.toFixed(0).padStart(8)} ms   ${(r.wall / 1000).toFixed(1).padStart(8)} s`);
    }
  }
}
