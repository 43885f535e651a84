import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { betweenness } from './betweenness.ts';
import { betweennessInWorkers, stopBetweennessWorkers } from './betweenness-workers.ts';
import { buildGraph, type CsrGraph } from './csr.ts';
import { createRandom, randomInt } from './prng.ts';
import { karate } from './test-fixtures.ts';

// A graph big enough that the work goes to worker threads (sources × arcs well past the in-thread limit),
// with integer lengths in [1, 3] so that equal-length paths are common.
function sparseGraph(n: number, m: number, seed: number): { graph: CsrGraph; costs: Float64Array } {
  const random = createRandom(seed);
  const sources: number[] = [];
  const targets: number[] = [];
  for (let e = 0; e < m; e++) {
    const a = randomInt(random, n);
    const b = (a + 1 + randomInt(random, n - 1)) % n;
    sources.push(a);
    targets.push(b);
  }
  const graph = buildGraph({ nodeCount: n, sources, targets });
  const costs = new Float64Array(graph.neighbours.length);
  // Both arcs of an edge get the same length: derived from the unordered pair.
  for (let u = 0; u < n; u++) {
    for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
      const v = graph.neighbours[a]!;
      costs[a] = 1 + ((Math.min(u, v) * 31 + Math.max(u, v) * 17) % 3);
    }
  }
  return { graph, costs };
}

const sameBits = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe('betweennessInWorkers', () => {
  const { graph, costs } = sparseGraph(800, 2500, 3);

  it('gives exactly the bits of betweenness, hops and lengths, with 2 and 3 workers', async () => {
    const hops = betweenness(graph);
    const lengths = betweenness(graph, { costs });
    expect(hops.some((x) => x > 0)).toBe(true);
    for (const workers of [2, 3]) {
      expect(sameBits(await betweennessInWorkers(graph, { workers }), hops)).toBe(true);
      expect(sameBits(await betweennessInWorkers(graph, { workers, costs }), lengths)).toBe(true);
    }
  });

  it('samples the same pivots and normalises the same way', async () => {
    const options = { samples: 500, seed: 9, normalized: true };
    expect(sameBits(await betweennessInWorkers(graph, { ...options, workers: 2 }), betweenness(graph, options))).toBe(true);
  });

  afterAll(stopBetweennessWorkers);

  // The workers are pooled: calls that overlap share them, and a stopped pool starts again on the next call.
  it('gives the same bits to overlapping calls and after the pool is stopped', async () => {
    const hops = betweenness(graph);
    const lengths = betweenness(graph, { costs });
    const [a, b, c] = await Promise.all([
      betweennessInWorkers(graph, { workers: 2 }),
      betweennessInWorkers(graph, { workers: 3, costs }),
      betweennessInWorkers(graph, { workers: 2 }),
    ]);
    expect(sameBits(a, hops) && sameBits(b, lengths) && sameBits(c, hops)).toBe(true);
    await stopBetweennessWorkers();
    expect(sameBits(await betweennessInWorkers(graph, { workers: 2 }), hops)).toBe(true);
  });

  it('keeps a small graph on the calling thread with the published karate values', async () => {
    const b = await betweennessInWorkers(karate(), { workers: 2 });
    expect(b[0]).toBeCloseTo(231.0714, 4);
    expect(b[33]).toBeCloseTo(160.5516, 4);
  });

  it('refuses a worker count that is not a positive integer, and bad samples as betweenness does', async () => {
    await expect(betweennessInWorkers(graph, { workers: 0 })).rejects.toThrow(/workers must be a positive integer, got 0/);
    await expect(betweennessInWorkers(graph, { samples: -1 })).rejects.toThrow(/samples must be a positive integer/);
  });

  it('runs from a minified esbuild bundle, as in dist/rapport.cjs (no worker file to find)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-workers-'));
    try {
      const entry = join(dir, 'entry.ts');
      const kernels = fileURLToPath(new URL('./index.ts', import.meta.url));
      writeFileSync(
        entry,
        `import { betweennessInWorkers, betweenness, buildGraph } from ${JSON.stringify(kernels)};
const g = buildGraph({ nodeCount: 1200, sources: Array.from({ length: 4000 }, (_, i) => (i * 7919) % 1200),
  targets: Array.from({ length: 4000 }, (_, i) => (i * 7919 + 1 + (i % 97)) % 1200) });
betweennessInWorkers(g, { workers: 2 }).then((b) => {
  const one = betweenness(g);
  console.log(JSON.stringify({ same: b.every((x, i) => Object.is(x, one[i])), top: Math.max(...b) }));
});`,
      );
      const outfile = join(dir, 'bundle.cjs');
      // The options of scripts/build.mjs that change the code's text: one CommonJS file, minified.
      await build({ entryPoints: [entry], outfile, bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, logLevel: 'silent' });
      const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout) as { same: boolean; top: number };
      expect(out.same).toBe(true);
      expect(out.top).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
