// Timing shared by the benchmarks that time one operation many times in-process.

export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

// Wall-clock median and p99, and the median CPU time of this process per run, after a few warm-up runs: on a
// loaded machine the wall clock includes waiting for a core, the CPU time does not.
export async function timeRuns(runs: number, fn: () => unknown, warmUp = 10): Promise<{ median: number; p99: number; cpu: number }> {
  for (let i = 0; i < Math.min(warmUp, runs); i++) await fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p99: quantile(times, 0.99), cpu: quantile(cpu, 0.5) };
}

export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
