// `npx tsx bench/run.ts analysis`: Rapport's graph kernels against graphology, networkx and igraph on
// karate, email-Eu-core and generated clustered networks of 5,000 / 25,000 and 30,000 / 300,000, then the
// 30,000-contact structure pass. igraph runs its C kernels single-threaded; Rapport runs JavaScript, and its
// exact betweenness splits the sources over the calling thread and pooled worker threads (betweennessInWorkers,
// one thread per core, here 2).
// Times are wall clock (see bench/peers/measure.ts) so the threads count for what they save; Rapport and igraph
// run alternately (BENCH_ANALYSIS_ROUNDS rounds, default 2, fastest kept) and the closing table puts each
// kernel's wall time beside igraph's with CPU time per call, which the load on a shared machine moves less.
// On the 30k graph exact betweenness and igraph's all-pairs diameter take many minutes (over 10 for
// igraph's diameter on this machine) and run only with BENCH_ANALYSIS_SLOW=1.
// The weighted rows give every library the same seeded integer edge lengths in [1, 5] (edgeCosts).
// networkx betweenness on the 5k graph takes minutes and runs only with BENCH_ANALYSIS_SLOW=1;
// BENCH_ANALYSIS_QUICK=1 also skips the runs that take tens of seconds (graphology and networkx
// betweenness, plain and weighted, on email-Eu-core and the 5k graph).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { betweenness } from '../src/analysis/kernels/betweenness.ts';
import { betweennessInWorkers } from '../src/analysis/kernels/betweenness-workers.ts';
import { clustering } from '../src/analysis/kernels/clustering.ts';
import { diameter } from '../src/analysis/kernels/diameter.ts';
import { buildGraph, degree, type CsrGraph } from '../src/analysis/kernels/csr.ts';
import { louvain } from '../src/analysis/kernels/louvain.ts';
import { bfsDistances, dijkstra } from '../src/analysis/kernels/paths.ts';
import { structuralHoles } from '../src/analysis/kernels/structural-holes.ts';
import { emailEuCore, karate } from '../src/analysis/kernels/test-fixtures.ts';
import { clusteredGraph, edgeCosts } from './peers/generate.ts';
import { measure, measureAsync, type Op, type OpResult, type PeerResult } from './peers/measure.ts';
import { runPython, writeEdgeFile } from './peers/python-peer.ts';

type Peer = 'graphology' | 'networkx' | 'igraph';
const PEERS: readonly Peer[] = ['graphology', 'networkx', 'igraph'];
const OPS: readonly Op[] = ['betweenness', 'betweennessWeighted', 'pathsWeighted', 'bfs', 'holes', 'clustering', 'diameter', 'louvain'];
const OP_LABEL: Record<Op, string> = {
  betweenness: 'betweenness (exact)',
  betweennessWeighted: 'betweenness (weighted)',
  pathsWeighted: 'paths from 1 source (wtd)',
  bfs: 'BFS distances from 1 source',
  holes: 'constraint + eff. size',
  clustering: 'local clustering',
  diameter: 'diameter',
  louvain: 'Louvain',
};
// The operations that take tens of seconds in the slower libraries on the larger graphs.
const SLOW_OPS: readonly Op[] = ['betweenness', 'betweennessWeighted'];
// networkx's diameter is all-pairs BFS in Python: minutes from 5,000 nodes on.
const NX_SLOW: readonly Op[] = [...SLOW_OPS, 'diameter'];
const without = (ops: readonly Op[], drop: readonly Op[]): readonly Op[] => ops.filter((op) => !drop.includes(op));

interface Case {
  readonly name: string;
  readonly graph: CsrGraph;
  readonly peerOps: Record<Peer, readonly Op[]>;
}

// Seed of the edge lengths for the weighted rows.
const COST_SEED = 5;

// Alternating Rapport/igraph rounds per graph (BENCH_ANALYSIS_ROUNDS, default 2).
const ROUNDS = Math.max(1, Number(process.env.BENCH_ANALYSIS_ROUNDS ?? 2) || 1);

// Per operation, the faster of two runs of the same side.
function fastest<T extends Partial<Record<Op, OpResult>>>(a: T, b: T): T {
  const out: Partial<Record<Op, OpResult>> = { ...a };
  for (const op of OPS) {
    const x = a[op];
    const y = b[op];
    if (y !== undefined && (x === undefined || y.ms < x.ms)) out[op] = y;
  }
  return out as T;
}

function cpu(ms: number | undefined): string {
  return ms === undefined ? '' : fmt(ms);
}

// Pivots for sampled betweenness on the 30k graph: the budget that keeps the full pass near 1 s.
const PIVOTS = 100;

export default async function analysisBench(): Promise<void> {
  const quick = process.env.BENCH_ANALYSIS_QUICK === '1';
  const slow = process.env.BENCH_ANALYSIS_SLOW === '1';
  const dir = mkdtempSync(join(tmpdir(), 'rapport-analysis-bench-'));
  const notes: string[] = [];
  // On a shared 2-core machine other work skews every figure; the load average says how much.
  const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`load average at start: ${load()}`);
  try {
    const generated = buildGraph(clusteredGraph(5000, 25000, 42));
    const large = buildGraph(clusteredGraph(30000, 300000, 7, { meanGroupSize: 60 }));
    const cases: Case[] = [
      { name: 'karate 34/78', graph: karate(), peerOps: { graphology: OPS, networkx: OPS, igraph: OPS } },
      {
        name: 'email-Eu-core 1005/16064',
        graph: emailEuCore(),
        peerOps: { graphology: OPS, networkx: quick ? without(OPS, SLOW_OPS) : OPS, igraph: OPS },
      },
      {
        name: 'clustered 5000/25000',
        graph: generated,
        peerOps: {
          graphology: quick ? without(OPS, SLOW_OPS) : OPS,
          networkx: slow ? OPS : without(OPS, NX_SLOW),
          igraph: OPS,
        },
      },
      {
        name: 'clustered 30000/300000',
        graph: large,
        peerOps: {
          graphology: without(OPS, SLOW_OPS),
          networkx: without(OPS, NX_SLOW),
          igraph: slow ? OPS : without(OPS, [...SLOW_OPS, 'diameter']),
        },
      },
    ];
    if (quick) notes.push('BENCH_ANALYSIS_QUICK=1: graphology/networkx betweenness skipped on the larger graphs.');
    if (!slow) {
      notes.push(
        'networkx betweenness and diameter on the 5k graph, and on the 30k graph exact betweenness (every library) ' +
          "and igraph's diameter, skipped (minutes); BENCH_ANALYSIS_SLOW=1 runs them.",
      );
    }
    notes.push(
      'igraph: C, single-threaded. Rapport: JavaScript; exact betweenness (both rows) over worker threads ' +
        `(betweennessInWorkers: the calling thread and pooled workers, ${availableParallelism()} threads here; on the calling thread alone below ` +
        '2 M arc visits), every other row on one thread.',
    );
    notes.push(
      'BFS = hop distance to every node from the highest-degree node. Local clustering: igraph ' +
        'transitivity_local_undirected(mode="zero"), networkx clustering, Rapport clustering(). Diameter: igraph ' +
        'diameter(unconn=True) and networkx (max over components) run all-pairs BFS; Rapport bounds eccentricities, ' +
        'then checks the undecided nodes 128 at a time with a bit-parallel BFS (diameter.ts). graphology has no local clustering.',
    );
    notes.push(
      'Weighted rows: each edge has the same seeded integer length in [1, 5] in every library (edgeCosts in ' +
        'bench/peers/generate.ts). "paths from 1 source" = a shortest path to every node from the highest-degree ' +
        'node, as node lists: Rapport dijkstra() tree with every path then materialised; graphology ' +
        'dijkstra.singleSource; networkx single_source_dijkstra; igraph get_shortest_paths. Its agreement ' +
        'compares the lengths of the returned paths (ties may pick different paths of equal length).',
    );
    notes.push('graphology has no constraint/effective size; igraph has constraint but no effective size.');

    const rows: string[][] = [];
    const verdicts: string[] = [];
    const vsIgraph: string[][] = [];
    let missed = 0;
    for (const c of cases) {
      console.log(`running ${c.name} ...`);
      const costs = edgeCosts(c.graph, COST_SEED);
      const source = hub(c.graph);
      const exact = slow || c.graph.nodeCount < 10000;
      const edgeFile = join(dir, 'edges.txt');
      writeEdgeFile(c.graph, costs, edgeFile);
      // Rapport and igraph alternately, ROUNDS times, each op's fastest round kept: a burst of other work on
      // the shared machine then has to hit both rounds of one side to tilt the comparison.
      let rapport = await runRapport(c.graph, costs, source, exact);
      let igraph = runPython('igraph', edgeFile, c.graph.nodeCount, c.peerOps.igraph, source);
      for (let round = 1; round < ROUNDS; round++) {
        rapport = fastest(rapport, await runRapport(c.graph, costs, source, exact));
        igraph = fastest(igraph, runPython('igraph', edgeFile, c.graph.nodeCount, c.peerOps.igraph, source));
      }
      const peers: Record<Peer, PeerResult> = {
        graphology: runGraphologyApart(dir, c.graph, costs, source, c.peerOps.graphology),
        networkx: runPython('networkx', edgeFile, c.graph.nodeCount, c.peerOps.networkx, source),
        igraph,
      };
      for (const peer of PEERS) {
        const error = peers[peer].error;
        if (error !== undefined && !notes.some((n) => n.startsWith(peer))) notes.push(`${peer} skipped: ${error}`);
      }
      for (const op of OPS) {
        const mine = rapport[op];
        if (mine === undefined) continue;
        const cells = PEERS.map((peer) => peerCell(peers[peer][op], mine.ms));
        rows.push([c.name, OP_LABEL[op], fmt(mine.ms), ...cells, parity(op, mine, peers)]);
        verdicts.push(verdict(c.name, op, mine.ms, peers));
        const ig = peers.igraph[op];
        if (ig !== undefined) {
          const met = mine.ms <= ig.ms;
          if (!met) missed++;
          vsIgraph.push([
            c.name,
            OP_LABEL[op],
            fmt(mine.ms),
            fmt(ig.ms),
            (mine.ms / ig.ms).toFixed(2),
            met ? 'met' : 'MISSED',
            cpu(mine.cpuMs),
            cpu(ig.cpuMs),
            mine.cpuMs !== undefined && ig.cpuMs !== undefined && ig.cpuMs > 0 ? (mine.cpuMs / ig.cpuMs).toFixed(2) : '',
          ]);
        }
      }
    }
    printTable(
      ['graph', 'operation', 'Rapport ms', 'graphology ms (×)', 'networkx ms (×)', 'igraph ms (×)', 'agreement'],
      rows,
    );
    console.log('Times are wall-clock ms (see bench/peers/measure.ts): medians of warmed-up batches, or one run when slow.');
    console.log('(×) = peer time / Rapport time: above 1 means Rapport is faster.');
    console.log('\nTargets (Rapport at or below igraph; at least 10× faster than graphology):');
    for (const line of verdicts.filter((v) => v !== '')) console.log(`  ${line}`);
    console.log(`\nRapport against igraph, kernel by kernel (target: Rapport wall ≤ igraph wall, same graph, same run; best of ${ROUNDS} alternating rounds):`);
    printTable(
      ['graph', 'kernel', 'Rapport wall ms', 'igraph wall ms', 'Rapport/igraph', 'target', 'Rapport CPU ms', 'igraph CPU ms', 'CPU ratio'],
      vsIgraph,
    );
    console.log(
      `${vsIgraph.length - missed} of ${vsIgraph.length} rows met. CPU ms = process CPU per call over the same runs, Rapport's ` +
        'worker threads included (more than the wall time when they run in parallel): the cost whatever the load.',
    );
    samplingAccuracy(generated, notes);
    largeGraph(notes);
    notes.push(`load average at end: ${load()}`);
    console.log('\nNotes:');
    for (const note of notes) console.log(`  - ${note}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The source of the one-source paths: the highest-degree node (lowest id among equals).
function hub(graph: CsrGraph): number {
  let best = 0;
  for (let u = 1; u < graph.nodeCount; u++) if (degree(graph, u) > degree(graph, best)) best = u;
  return best;
}

// What the peers return for one-source paths: a node list per reachable node (null elsewhere).
function pathsFrom(graph: CsrGraph, source: number, costs: Float64Array): { dist: Float64Array; paths: (number[] | null)[] } {
  const { dist, parent } = dijkstra(graph, source, costs);
  const paths: (number[] | null)[] = [];
  for (let t = 0; t < graph.nodeCount; t++) {
    if (dist[t] === Infinity) {
      paths.push(null);
      continue;
    }
    const path: number[] = [];
    for (let u = t; u !== -1; u = parent[u]!) path.push(u);
    paths.push(path.reverse());
  }
  return { dist, paths };
}

async function runRapport(graph: CsrGraph, costs: Float64Array, source: number, exact: boolean): Promise<Partial<Record<Op, OpResult>>> {
  const out: Partial<Record<Op, OpResult>> = {};
  if (exact) {
    const b = await measureAsync(() => betweennessInWorkers(graph));
    const bw = await measureAsync(() => betweennessInWorkers(graph, { costs }));
    out.betweenness = { ...b.timing, values: Array.from(b.result) };
    out.betweennessWeighted = { ...bw.timing, values: Array.from(bw.result) };
  }
  const p = measure(() => pathsFrom(graph, source, costs));
  const bfs = measure(() => bfsDistances(graph, source));
  const h = measure(() => structuralHoles(graph, { weighted: false }));
  const c = measure(() => clustering(graph));
  const d = measure(() => diameter(graph));
  const l = measure(() => louvain(graph, { weighted: false, seed: 1 }));
  out.pathsWeighted = { ...p.timing, values: Array.from(p.result.dist, (x) => (x === Infinity ? null : x)) };
  out.bfs = { ...bfs.timing, values: Array.from(bfs.result, (x) => (x < 0 ? null : x)) };
  out.holes = { ...h.timing, values: Array.from(h.result.constraint, (v) => (Number.isNaN(v) ? null : v)) };
  out.clustering = { ...c.timing, values: Array.from(c.result.local) };
  out.diameter = { ...d.timing, value: d.result };
  out.louvain = { ...l.timing, q: l.result.modularity, communities: l.result.count };
  return out;
}

// How far the sampled estimate used on the 30k graph is from the exact ranking, on the 5k graph.
function samplingAccuracy(graph: CsrGraph, notes: string[]): void {
  const top = (values: Float64Array, k: number): Set<number> =>
    new Set(Array.from(values.keys()).sort((a, b) => values[b]! - values[a]!).slice(0, k));
  const exact = top(betweenness(graph), 20);
  const sampled = top(betweenness(graph, { samples: PIVOTS, seed: 1 }), 20);
  const shared = [...sampled].filter((u) => exact.has(u)).length;
  notes.push(`Sampled betweenness (${PIVOTS} pivots) on the 5k graph: ${shared}/20 of the exact top 20 brokers.`);
}

function largeGraph(notes: string[]): void {
  console.log('\n30,000 nodes / 300,000 edges (clustered; Rapport only: exact betweenness takes minutes in any library here)');
  const list = clusteredGraph(30000, 300000, 7, { meanGroupSize: 60 });
  const build = measure(() => buildGraph(list));
  const graph = build.result;
  const sampled = measure(() => betweenness(graph, { samples: PIVOTS, seed: 1 }));
  const holes = measure(() => structuralHoles(graph));
  const communities = measure(() => louvain(graph, { seed: 1 }));
  const full = measure(() => {
    betweenness(graph, { samples: PIVOTS, seed: 1 });
    structuralHoles(graph);
    return louvain(graph, { seed: 1 });
  });
  const perSource = sampled.timing.ms / PIVOTS;
  const wallStart = performance.now();
  betweenness(graph, { samples: PIVOTS, seed: 1 });
  structuralHoles(graph);
  louvain(graph, { seed: 1 });
  const wall = performance.now() - wallStart;
  printTable(
    ['step', 'CPU ms'],
    [
      ['build CSR from edge list', fmt(build.timing.ms)],
      [`betweenness, ${PIVOTS} sampled pivots`, fmt(sampled.timing.ms)],
      ['  exact betweenness (extrapolated, not run)', `~${fmt((perSource * graph.nodeCount) / 1000)} s`],
      ['constraint + effective size (weighted)', fmt(holes.timing.ms)],
      [`Louvain (weighted), Q = ${communities.result.modularity.toFixed(4)}`, fmt(communities.timing.ms)],
      ['full structure pass (all three)', fmt(full.timing.ms)],
      ['  the same, wall clock, one run', fmt(wall)],
    ],
  );
  // Judged on the wall clock, what a user waits; the CPU median beside it says how much other work took turns.
  const ok = wall < 2000;
  console.log(`full structure pass target < 2 s wall: ${ok ? 'HOLDS' : 'MISSED'} (${fmt(wall)} ms wall, ${fmt(full.timing.ms)} CPU ms, betweenness sampled on ${PIVOTS} pivots)`);
  notes.push(
    `The 30k pass samples betweenness (Brandes–Pich, ${PIVOTS} pivots, scaled by n/k): exact betweenness is O(n·m) and is ` +
      `estimated above from the measured per-source cost.`,
  );
}

function peerCell(result: OpResult | undefined, mine: number): string {
  if (result === undefined) return 'n/a';
  return `${fmt(result.ms)} (×${ratio(result.ms / mine)})`;
}

// Largest relative difference from a peer's values (betweenness, constraint) or each Q (Louvain).
function parity(op: Op, mine: OpResult, peers: Record<Peer, PeerResult>): string {
  if (op === 'diameter') {
    const agree = PEERS.filter((peer) => peers[peer].diameter?.value !== undefined)
      .map((peer) => `${peer[0]} ${peers[peer].diameter!.value === mine.value ? 'same' : peers[peer].diameter!.value}`);
    return `${mine.value}${agree.length > 0 ? ` (${agree.join(', ')})` : ''}`;
  }
  if (op === 'louvain') {
    const qs = [`Q ${mine.q!.toFixed(3)}`];
    for (const peer of PEERS) {
      const q = peers[peer].louvain?.q;
      if (q !== undefined) qs.push(`${peer[0]} ${q.toFixed(3)}`);
    }
    return qs.join(' / ');
  }
  const parts: string[] = [];
  for (const peer of PEERS) {
    const theirs = peers[peer][op]?.values;
    if (theirs === undefined) continue;
    let worst = 0;
    mine.values!.forEach((v, i) => {
      const t = theirs[i];
      if (v === null || t === null || t === undefined) {
        if (v !== t) worst = Infinity;
        return;
      }
      worst = Math.max(worst, Math.abs(v - t) / Math.max(1e-12, Math.abs(t)));
    });
    parts.push(`${peer[0]} ${worst.toExponential(0)}`);
  }
  return parts.length > 0 ? `max rel Δ ${parts.join(', ')}` : '';
}

function verdict(graph: string, op: Op, mine: number, peers: Record<Peer, PeerResult>): string {
  const parts: string[] = [];
  const ig = peers.igraph[op];
  if (ig !== undefined) {
    parts.push(`Rapport/igraph ${(mine / ig.ms).toFixed(2)} (≤ 1) ${mine <= ig.ms ? 'HOLDS' : 'MISSED'}`);
  }
  const gr = peers.graphology[op];
  if (gr !== undefined) {
    parts.push(`graphology/Rapport ${(gr.ms / mine).toFixed(1)} (≥ 10) ${gr.ms >= 10 * mine ? 'HOLDS' : 'MISSED'}`);
  }
  return parts.length > 0 ? `${graph}, ${OP_LABEL[op]}: ${parts.join('; ')}` : '';
}

function fmt(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 1) return ms.toFixed(1);
  return ms.toFixed(3);
}

function ratio(x: number): string {
  return x >= 10 ? x.toFixed(0) : x.toFixed(1);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

// graphology in a process of its own, as igraph and networkx are (bench/peers/graphology-child.ts says why).
function runGraphologyApart(dir: string, graph: CsrGraph, costs: Float64Array, source: number, ops: readonly Op[]): PeerResult {
  const file = join(dir, 'graphology-job.json');
  writeFileSync(file, JSON.stringify({ nodeCount: graph.nodeCount, offsets: [...graph.offsets], neighbours: [...graph.neighbours], costs: [...costs], source, ops }));
  const child = join(import.meta.dirname, 'peers', 'graphology-child.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`graphology peer exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as PeerResult;
}
