import { mulberry32 } from '../../domain/random.ts';

// Seeded PRNG (mulberry32): the same seed gives the same node order, pivots and generated graphs on
// every machine, so Louvain results and sampled betweenness are reproducible in tests and reports.
export type Random = () => number;

export const createRandom = (seed: number): Random => mulberry32(seed);

// Integer in [0, bound).
export function randomInt(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}

// Fisher–Yates in place; returns its argument for chaining.
export function shuffleInPlace(values: Int32Array, random: Random): Int32Array {
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const tmp = values[i]!;
    values[i] = values[j]!;
    values[j] = tmp;
  }
  return values;
}

// `count` distinct values of [0, n), in random order (partial Fisher–Yates).
export function sampleWithoutReplacement(n: number, count: number, random: Random): Int32Array {
  const k = Math.min(Math.max(0, Math.floor(count)), n);
  const pool = identity(n);
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(random, n - i);
    const tmp = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, k);
}

// 0, 1, ..., n-1 (a plain loop: Int32Array.from with a mapper is an order of magnitude slower).
export function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
