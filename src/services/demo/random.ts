import { mulberry32 } from '../../domain/random.ts';

// A seeded generator (mulberry32): the same seed makes the same demo network on every machine and run,
// which is what lets tests and benchmarks rely on a demo's shape.
const cumulative = new WeakMap<object, { keys: string[]; bounds: number[]; total: number }>();

export class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed * 2654435761);
  }

  // Integer in [min, max], both included.
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('Random.pick: empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }

  // Picks a key with probability proportional to its weight. Weight tables are constants, so their
  // cumulative form is kept per table: a 30,000-person demo draws millions of times.
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    let table = cumulative.get(weights);
    if (!table) {
      let total = 0;
      const keys: string[] = [];
      const bounds: number[] = [];
      for (const [k, w] of Object.entries(weights) as [string, number][]) {
        total += w;
        keys.push(k);
        bounds.push(total);
      }
      table = { keys, bounds, total };
      cumulative.set(weights, table);
    }
    const r = this.next() * table.total;
    let i = 0;
    while (i < table.bounds.length - 1 && r >= table.bounds[i]!) i++;
    return table.keys[i] as K;
  }

  shuffle<T>(list: readonly T[]): T[] {
    return this.sample(list, list.length);
  }

  // The first `count` steps of a Fisher–Yates shuffle: a fair sample without shuffling the rest.
  sample<T>(list: readonly T[], count: number): T[] {
    const out = [...list];
    const k = Math.min(Math.max(0, count), out.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (out.length - i));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out.slice(0, k);
  }
}
