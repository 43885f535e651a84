// Exact betweenness across cores: the sources' parts (see PARTS in betweenness.ts) are shared among worker
// threads and added in part order on return, so the result has the same bits as betweenness() on one thread.
// The workers run source text (`new Worker(code, { eval: true })`) built from the sweep functions themselves:
// there is no worker file to find, so this works the same under tsx, vitest and the esbuild bundle
// (dist/rapport.cjs), and a worker starts in milliseconds because it loads no modules.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { costSweeps, hopSweeps } from './betweenness-sweeps.ts';
import { finishBetweenness, PARTS, planBetweenness, sweepAll, sweepParts, type BetweennessOptions } from './betweenness.ts';
import type { CsrGraph } from './csr.ts';
import { checkPositiveInteger } from './guards.ts';

export interface WorkerOptions extends BetweennessOptions {
  // Threads to use; defaults to the machine's available parallelism (at most PARTS).
  readonly workers?: number;
}

// Below this many arc visits (sources × arcs) handing parts to a worker costs more than it saves:
// the sweeps then run on the calling thread.
const IN_THREAD_BELOW = 2_000_000;

// The workers stay up between calls (a worker's start-up, a fresh Node environment whose sweeps start
// unoptimised, cost about as much CPU as the sweeps of a 1,000-node graph) and are unref'd while idle, so
// they never keep the process alive. The calling thread sweeps its own share of the parts meanwhile:
// threads − 1 workers. `__name` is the helper tsx (esbuild keepNames) may call inside transformed
// functions; here it is a no-op.
const WORKER_SOURCE = `
'use strict';
var __name = (target) => target;
const { parentPort } = require('node:worker_threads');
const hopSweeps = ${hopSweeps.toString()};
const costSweeps = ${costSweeps.toString()};
parentPort.on('message', (job) => {
  const { id, offsets, neighbours, costs, sources, bounds, from, to } = job;
  const out = new Float64Array((to - from) * (offsets.length - 1));
  if (costs === null) hopSweeps(offsets, neighbours, sources, bounds, from, to, out, null);
  else costSweeps(offsets, neighbours, costs, sources, bounds, from, to, out, null);
  parentPort.postMessage({ id, out }, [out.buffer]);
});
`;

interface Job {
  readonly id: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly costs: Float64Array | null;
  readonly sources: Int32Array;
  readonly bounds: Int32Array;
  readonly from: number;
  readonly to: number;
}

// One pooled worker and the jobs it has not answered yet.
class PooledWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (out: Float64Array) => void; reject: (error: Error) => void }>();
  dead = false;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref();
    this.worker.on('message', ({ id, out }: { id: number; out: Float64Array }) => {
      const job = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0) this.worker.unref();
      job?.resolve(out);
    });
    this.worker.on('error', (error: Error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`betweenness worker exited with code ${code}`)));
  }

  run(job: Job): Promise<Float64Array> {
    return new Promise((resolve, reject) => {
      if (this.dead) {
        reject(new Error('betweenness worker is no longer running'));
        return;
      }
      this.pending.set(job.id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage(job);
    });
  }

  // A worker that failed or exited answers none of its jobs: each is rejected, with the parts it held.
  private fail(error: Error): void {
    if (this.dead) return;
    this.dead = true;
    const index = pool.indexOf(this);
    if (index >= 0) pool.splice(index, 1);
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

const pool: PooledWorker[] = [];
let nextJob = 0;

function workersFor(count: number): PooledWorker[] {
  while (pool.length < count) pool.push(new PooledWorker());
  return pool.slice(0, count);
}

// Stops the pooled workers (tests; a process exits without it, the idle workers being unref'd).
export async function stopBetweennessWorkers(): Promise<void> {
  const all = pool.splice(0, pool.length);
  await Promise.all(all.map((w) => w.terminate()));
}

export async function betweennessInWorkers(graph: CsrGraph, options: WorkerOptions = {}): Promise<Float64Array> {
  if (options.workers !== undefined) checkPositiveInteger('workers', options.workers);
  const plan = planBetweenness(graph, options);
  // A small graph never reaches the pool (nor asks the system for its core count).
  if (plan.sources.length * plan.graph.neighbours.length < IN_THREAD_BELOW) return sweepAll(plan);
  const threads = Math.min(PARTS, options.workers ?? availableParallelism());
  if (threads <= 1) return sweepAll(plan);
  const n = graph.nodeCount;
  const parts = new Float64Array(PARTS * n);
  // The graph goes to the workers in shared memory, instead of a copy per worker.
  const offsets = shared(plan.graph.offsets);
  const neighbours = shared(plan.graph.neighbours);
  const costs = plan.costs === undefined ? null : shared(plan.costs);
  const sources = shared(plan.sources);
  const bounds = plan.bounds;
  // Thread 0 is the calling thread; threads 1.. are pooled workers.
  const helpers = workersFor(threads - 1);
  const jobs = helpers.map((worker, index) => {
    const from = Math.floor(((index + 1) * PARTS) / threads);
    const to = Math.floor(((index + 2) * PARTS) / threads);
    return worker.run({ id: nextJob++, offsets, neighbours, costs, sources, bounds, from, to }).then(
      (out) => {
        parts.set(out, from * n);
      },
      (error: unknown) => {
        throw new Error(`betweenness worker for parts ${from}..${to - 1} failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  });
  // Every job settles before this returns, so a failure does not leave a rejection unobserved.
  const settled = Promise.allSettled(jobs);
  sweepParts(plan, 0, Math.floor(PARTS / threads), parts);
  for (const result of await settled) if (result.status === 'rejected') throw result.reason;
  return finishBetweenness(plan, parts);
}

function shared<T extends Int32Array | Float64Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}
