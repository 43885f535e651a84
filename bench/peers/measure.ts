// The timing policy shared with analysis_peer.py: an operation slower than half the budget runs
// once. A faster one is first repeated for a fifth of the budget (V8 needs many calls before its
// optimising tier kicks in, and a cold karate run is 10× a warm one), then batched so each sample
// lasts at least 5 ms, and sampled up to 7 times; the median sample per call is reported.
// Times are wall-clock time, what a user waits, so that worker threads count for what they save (CPU time
// would add the threads up). On a shared machine the wall clock swings with other work: the benchmark
// prints the load average beside its figures.
export interface Timing {
  readonly ms: number;
  readonly runs: number;
  // CPU time per call over the same runs (every thread of the process, workers included): what the
  // call cost, whatever else the machine was doing.
  readonly cpuMs?: number;
}

const cpuNow = (): number => performance.now();
const cpuUsed = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export function measure<T>(fn: () => T, budgetMs = 1000, maxSamples = 7): { timing: Timing; result: T } {
  let cpuStart = cpuUsed();
  let started = cpuNow();
  let result = fn();
  const first = cpuNow() - started;
  if (first > budgetMs / 2) return { timing: { ms: first, runs: 1, cpuMs: cpuUsed() - cpuStart }, result };
  started = cpuNow();
  let warmCalls = 0;
  while (cpuNow() - started < budgetMs / 5 && warmCalls < 100_000) {
    result = fn();
    warmCalls++;
  }
  const perCall = (cpuNow() - started) / Math.max(1, warmCalls);
  const batch = Math.max(1, Math.ceil(5 / Math.max(perCall, 1e-4)));
  const samples: number[] = [];
  let spent = 0;
  cpuStart = cpuUsed();
  while (samples.length < maxSamples && spent < budgetMs) {
    started = cpuNow();
    for (let i = 0; i < batch; i++) result = fn();
    const elapsed = cpuNow() - started;
    samples.push(elapsed / batch);
    spent += elapsed;
  }
  return { timing: medianTiming(samples, batch, cpuStart), result };
}

// What one library reported for one graph; a missing operation means it was not run.
export interface OpResult extends Timing {
  readonly values?: readonly (number | null)[];
  // A single number to compare (the diameter).
  readonly value?: number;
  readonly q?: number;
  readonly communities?: number;
  readonly note?: string;
}

export type Op = 'betweenness' | 'betweennessWeighted' | 'pathsWeighted' | 'bfs' | 'holes' | 'clustering' | 'diameter' | 'louvain';

export type PeerResult = {
  readonly version?: string;
  readonly error?: string;
} & { readonly [op in Op]?: OpResult };

// The same policy for an operation that returns a promise (betweennessInWorkers). Kept apart from measure, whose
// loop must not await: a microtask per call would be most of a microsecond kernel's time.
export async function measureAsync<T>(fn: () => Promise<T>, budgetMs = 1000, maxSamples = 7): Promise<{ timing: Timing; result: T }> {
  let cpuStart = cpuUsed();
  let started = cpuNow();
  let result = await fn();
  const first = cpuNow() - started;
  if (first > budgetMs / 2) return { timing: { ms: first, runs: 1, cpuMs: cpuUsed() - cpuStart }, result };
  started = cpuNow();
  let warmCalls = 0;
  while (cpuNow() - started < budgetMs / 5 && warmCalls < 100_000) {
    result = await fn();
    warmCalls++;
  }
  const perCall = (cpuNow() - started) / Math.max(1, warmCalls);
  const batch = Math.max(1, Math.ceil(5 / Math.max(perCall, 1e-4)));
  const samples: number[] = [];
  let spent = 0;
  cpuStart = cpuUsed();
  while (samples.length < maxSamples && spent < budgetMs) {
    started = cpuNow();
    for (let i = 0; i < batch; i++) result = await fn();
    const elapsed = cpuNow() - started;
    samples.push(elapsed / batch);
    spent += elapsed;
  }
  return { timing: medianTiming(samples, batch, cpuStart), result };
}

// The median per-call time of the samples, and the CPU time per call since cpuStart.
function medianTiming(samples: number[], batch: number, cpuStart: number): Timing {
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const median = samples.length % 2 === 1 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2;
  const runs = samples.length * batch;
  return { ms: median, runs, cpuMs: (cpuUsed() - cpuStart) / runs };
}
