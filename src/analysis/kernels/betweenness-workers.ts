// Exact betweenness across cores: the sources' parts (see PARTS in betweenness.ts) are shared among worker
// threads and added in part order on return, so the result has the same bits as betweenness() on one thread.
// The workers run source text (`new Worker(code, { eval: true })`) built from the sweep functions themselves:
// there is no worker file to find, so this works the same under tsx, vitest and the esbuild bundle
// (dist/rapport.cjs), and a worker starts in milliseconds because it loads no modules.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { costSweeps, hopSweeps } from './betweenness-sweeps.ts';
import { finishBetweenness, PARTS, planBetweenness, sweepParts, type BetweennessOptions } from './betweenness.ts';
import type { CsrGraph } from './csr.ts';
import { checkPositiveInteger } from './guards.ts';

export interface WorkerOptions extends BetweennessOptions {
  // Threads to use; defaults to the machine's available parallelism (at most PARTS).
  readonly workers?: number;
}

// Below this many arc visits (sources × arcs) a worker's start-up (a few ms) costs more than it saves:
// the sweeps then run on the calling thread.
const IN_THREAD_BELOW = 2_000_000;

// `__name` is the helper tsx (esbuild keepNames) may call inside transformed functions; here it is a no-op.
const WORKER_SOURCE = `
'use strict';
var __name = (target) => target;
const { parentPort, workerData } = require('node:worker_threads');
const hopSweeps = ${hopSweeps.toString()};
const costSweeps = ${costSweeps.toString()};
const { offsets, neighbours, costs, sources, bounds, from, to } = workerData;
const out = new Float64Array((to - from) * (offsets.length - 1));
if (costs === null) hopSweeps(offsets, neighbours, sources, bounds, from, to, out);
else costSweeps(offsets, neighbours, costs, sources, bounds, from, to, out);
parentPort.postMessage(out, [out.buffer]);
`;

export async function betweennessInWorkers(graph: CsrGraph, options: WorkerOptions = {}): Promise<Float64Array> {
  if (options.workers !== undefined) checkPositiveInteger('workers', options.workers);
  const plan = planBetweenness(graph, options);
  const n = graph.nodeCount;
  const parts = new Float64Array(PARTS * n);
  const threads = Math.min(PARTS, options.workers ?? availableParallelism());
  if (threads <= 1 || plan.sources.length * plan.graph.neighbours.length < IN_THREAD_BELOW) {
    sweepParts(plan, 0, PARTS, parts);
    return finishBetweenness(plan, parts);
  }
  // The graph goes to every worker once, in shared memory, instead of a copy per worker.
  const offsets = shared(plan.graph.offsets);
  const neighbours = shared(plan.graph.neighbours);
  const costs = plan.costs === undefined ? null : shared(plan.costs);
  const sources = shared(plan.sources);
  const bounds = plan.bounds;
  const workers: Worker[] = [];
  const jobs: Promise<void>[] = [];
  for (let t = 0; t < threads; t++) {
    const from = Math.floor((t * PARTS) / threads);
    const to = Math.floor(((t + 1) * PARTS) / threads);
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { offsets, neighbours, costs, sources, bounds, from, to } });
    workers.push(worker);
    jobs.push(
      resultOf(worker, from, to).then((out) => {
        parts.set(out, from * n);
      }),
    );
  }
  try {
    await Promise.all(jobs);
  } catch (error) {
    // One failed part fails the whole result: the other workers are stopped rather than left running.
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  }
  return finishBetweenness(plan, parts);
}

function resultOf(worker: Worker, from: number, to: number): Promise<Float64Array> {
  return new Promise((resolve, reject) => {
    let result: Float64Array | undefined;
    worker.once('message', (out: Float64Array) => {
      result = out;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`betweenness worker for parts ${from}..${to - 1} exited with code ${code} and no result`));
    });
  });
}

function shared<T extends Int32Array | Float64Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}
