// The k highest-betweenness nodes with a stated guarantee, by sampling shortest paths (Riondato & Kornaropoulos
// 2016, with KADABRA's balanced bidirectional BFS and adaptive stopping, Borassi & Natale 2016).
//
// One sample: a pair (s, t) drawn uniformly among the ordered pairs of distinct nodes in the same component
// (pairs in different components have no path and add nothing), then one of the shortest s–t paths drawn
// uniformly; each node strictly inside the path scores 1. A node's share of samples is an unbiased estimate of
// its betweenness divided by the number of connected ordered pairs. Unlike pivot sampling (Brandes–Pich), no
// node is favoured for lying next to a sampled source: at 30,000 contacts pivots put a rank-327 node in the
// top 10.
//
// The guarantee: every node's estimate gets a two-sided empirical-Bernstein interval (Maurer & Pontil 2009,
// Theorem 4) at confidence δ / (n · 2^j) at the j-th check, so with probability at least 1 − δ every interval at
// every check holds the true value at once (a union bound over nodes and checks; the checks happen as samples
// grow by half each time). Rank i is "settled" when the lower end of each of the first i estimates is above the
// upper end of every estimate after it, for i and for every place before it: the first i are then the true top i,
// in order, with probability ≥ 1 − δ.
// Sampling stops when the first k are settled, or when the caller's budget (samples or time) runs out; the state
// can be resumed, so a later call adds samples to an earlier one's instead of starting over.
import type { CsrGraph } from './csr.ts';
import { connectedComponents } from './components.ts';
import { checkPositiveInteger } from './guards.ts';
import { createRandom, type Random } from './prng.ts';

export interface PathSampleState {
  // Samples drawn so far, and how many times each node lay strictly inside the sampled path.
  samples: number;
  hits: Float64Array;
  // Checks made so far (each spends its own δ / 2^j of the confidence).
  checks: number;
  // The generator's position, so a resumed run does not redraw the same pairs.
  seed: number;
}

export interface TopKOptions {
  readonly k: number;
  // Chance that a settled answer is wrong; 0.05 unless given.
  readonly delta?: number;
  // Stop when this returns true (e.g. a deadline), checked between batches.
  readonly stop?: () => boolean;
  // Hard cap on the samples in total (the resumed ones included).
  readonly maxSamples?: number;
  readonly seed?: number;
  // Continue from an earlier run on the same graph.
  readonly resume?: PathSampleState;
}

export interface TopKBetweenness {
  // Estimated betweenness, unordered pairs (the scale of `betweenness()`).
  readonly estimate: Float64Array;
  // Interval ends on the same scale at the last check.
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  // The top nodes by estimate, best first (at most k, only nodes with an estimate above 0).
  readonly ranking: Int32Array;
  // How many leading entries of `ranking` are settled (0..ranking.length).
  readonly settled: number;
  readonly delta: number;
  readonly state: PathSampleState;
}

const FIRST_CHECK = 1000;
const GROWTH = 1.5;

export function topKBetweenness(graph: CsrGraph, options: TopKOptions): TopKBetweenness {
  checkPositiveInteger('k', options.k);
  const delta = options.delta ?? 0.05;
  if (!(delta > 0 && delta < 1)) throw new RangeError(`delta must be in (0, 1), got ${delta}`);
  if (options.maxSamples !== undefined) checkPositiveInteger('maxSamples', options.maxSamples);
  const n = graph.nodeCount;
  const state: PathSampleState = options.resume === undefined
    ? { samples: 0, hits: new Float64Array(n), checks: 0, seed: options.seed ?? 1 }
    : { ...options.resume, hits: Float64Array.from(options.resume.hits) };
  if (state.hits.length !== n) throw new RangeError(`resume: the state holds ${state.hits.length} nodes, the graph ${n}`);
  const pairs = new PairSampler(graph);
  const scale = pairs.orderedPairs / 2;
  const empty = (): TopKBetweenness => ({ estimate: new Float64Array(n), lower: new Float64Array(n), upper: new Float64Array(n), ranking: new Int32Array(0), settled: 0, delta, state });
  if (pairs.orderedPairs === 0) return empty();

  const random = createRandom(state.seed);
  const path = new PathSampler(graph, random);
  const cap = options.maxSamples ?? Infinity;
  let verdict = check(state, options.k, delta, scale);
  while (verdict.settled < verdict.ranking.length || verdict.ranking.length === 0) {
    if (state.samples >= cap || options.stop?.() === true) break;
    const target = Math.min(cap, Math.max(FIRST_CHECK, Math.ceil(state.samples * GROWTH)));
    // Batches of at most 2,000 samples, so a deadline is noticed within a few milliseconds.
    while (state.samples < target) {
      const batchEnd = Math.min(target, state.samples + 2000);
      for (; state.samples < batchEnd; state.samples++) {
        const [s, t] = pairs.draw(random);
        path.sample(s, t, state.hits);
      }
      if (options.stop?.() === true) break;
    }
    state.checks++;
    verdict = check(state, options.k, delta, scale);
  }
  // The next run starts from a fresh seed drawn from this one, so resumed samples are new ones.
  state.seed = Math.floor(random() * 2 ** 31);
  return { ...verdict, delta, state };
}

// Empirical-Bernstein intervals at the current check, and how much of the top k they separate.
function check(state: PathSampleState, k: number, delta: number, scale: number) {
  const { samples: r, hits } = state;
  const n = hits.length;
  const estimate = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  if (r < 2) {
    upper.fill(scale);
    return { estimate, lower, upper, ranking: new Int32Array(0), settled: 0 };
  }
  // δ' = δ / (n · 2^(checks+1)): the checks' shares sum to at most δ/n per node, whatever the number of checks.
  const log = Math.log(4 / delta) + Math.log(n) + (state.checks + 1) * Math.LN2;
  for (let v = 0; v < n; v++) {
    const mean = hits[v]! / r;
    const variance = (mean * (1 - mean) * r) / (r - 1);
    const width = Math.sqrt((2 * variance * log) / r) + (7 * log) / (3 * (r - 1));
    estimate[v] = mean * scale;
    lower[v] = Math.max(0, mean - width) * scale;
    upper[v] = Math.min(1, mean + width) * scale;
  }
  const ranking = topByEstimate(estimate, k);
  // below[i]: the highest upper end among every node not in the first i of the order; the first i are
  // separated when each of their lower ends beats it.
  const inTop = new Uint8Array(n);
  let settled = 0;
  let minLower = Infinity;
  // The highest upper end outside the top k, then folded in rank by rank from the bottom of the top k.
  let outsideUpper = 0;
  for (const v of ranking) inTop[v] = 1;
  for (let v = 0; v < n; v++) if (inTop[v] === 0 && upper[v]! > outsideUpper) outsideUpper = upper[v]!;
  const below = new Float64Array(ranking.length + 1);
  below[ranking.length] = outsideUpper;
  for (let i = ranking.length - 1; i >= 0; i--) below[i] = Math.max(below[i + 1]!, upper[ranking[i]!]!);
  // Place i is settled when the first i − 1 and the first i are both the true sets: then the i-th is the true i-th.
  for (let i = 0; i < ranking.length; i++) {
    minLower = Math.min(minLower, lower[ranking[i]!]!);
    if (!(minLower > below[i + 1]!)) break;
    settled = i + 1;
  }
  return { estimate, lower, upper, ranking, settled };
}

function topByEstimate(estimate: Float64Array, k: number): Int32Array {
  const order: number[] = [];
  for (let v = 0; v < estimate.length; v++) if (estimate[v]! > 0) order.push(v);
  order.sort((a, b) => estimate[b]! - estimate[a]! || a - b);
  return Int32Array.from(order.slice(0, k));
}

// Uniform ordered pairs of distinct nodes sharing a component: a component with probability proportional to
// size·(size − 1), then two of its members.
class PairSampler {
  readonly orderedPairs: number;
  private readonly members: Int32Array;
  private readonly start: Int32Array;
  private readonly cumulative: Float64Array;

  constructor(graph: CsrGraph) {
    const { component, count, sizes } = connectedComponents(graph);
    this.start = new Int32Array(count + 1);
    for (let c = 0; c < count; c++) this.start[c + 1] = this.start[c]! + sizes[c]!;
    const cursor = this.start.slice(0, count);
    this.members = new Int32Array(graph.nodeCount);
    for (let v = 0; v < graph.nodeCount; v++) this.members[cursor[component[v]!]!++] = v;
    this.cumulative = new Float64Array(count);
    let total = 0;
    for (let c = 0; c < count; c++) {
      total += sizes[c]! * (sizes[c]! - 1);
      this.cumulative[c] = total;
    }
    this.orderedPairs = total;
  }

  draw(random: Random): [number, number] {
    const x = random() * this.orderedPairs;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    const from = this.start[lo]!;
    const size = this.start[lo + 1]! - from;
    const i = Math.floor(random() * size);
    let j = Math.floor(random() * (size - 1));
    if (j >= i) j++;
    return [this.members[from + i]!, this.members[from + j]!];
  }
}

// Balanced bidirectional BFS: each step grows, by one whole level, the side whose frontier has fewer arcs. The
// first level at which the two searches touch holds every middle node of a shortest path; one is drawn in
// proportion to the paths through it (σ_s · σ_t), then each half is walked back drawing predecessors in
// proportion to their path counts, which makes the whole path uniform among the shortest ones.
class PathSampler {
  private readonly dist: [Int32Array, Int32Array];
  private readonly sigma: [Float64Array, Float64Array];
  private readonly frontier: [Int32Array, Int32Array];
  private next: Int32Array;
  private readonly touched: Int32Array;
  private readonly meet: Int32Array;

  constructor(private readonly graph: CsrGraph, private readonly random: Random) {
    const n = graph.nodeCount;
    this.dist = [new Int32Array(n).fill(-1), new Int32Array(n).fill(-1)];
    this.sigma = [new Float64Array(n), new Float64Array(n)];
    this.frontier = [new Int32Array(n), new Int32Array(n)];
    this.next = new Int32Array(n);
    this.touched = new Int32Array(2 * n);
    this.meet = new Int32Array(n);
  }

  sample(s: number, t: number, hits: Float64Array): void {
    const { offsets, neighbours } = this.graph;
    const { dist, sigma, frontier, touched, meet } = this;
    let touchedCount = 0;
    const size = [1, 1];
    const arcs = [offsets[s + 1]! - offsets[s]!, offsets[t + 1]! - offsets[t]!];
    const depth = [0, 0];
    dist[0][s] = 0; sigma[0][s] = 1; frontier[0][0] = s; touched[touchedCount++] = s;
    dist[1][t] = 0; sigma[1][t] = 1; frontier[1][0] = t; touched[touchedCount++] = t;
    let meetCount = 0;
    while (meetCount === 0 && size[0]! > 0 && size[1]! > 0) {
      const side = arcs[0]! <= arcs[1]! ? 0 : 1;
      const other = 1 - side;
      const d = dist[side]!;
      const sg = sigma[side]!;
      const od = dist[other]!;
      const level = depth[side]! + 1;
      const current = frontier[side]!;
      const grown = this.next;
      let count = 0;
      let nextArcs = 0;
      for (let f = 0, end = size[side]!; f < end; f++) {
        const u = current[f]!;
        const su = sg[u]!;
        for (let a = offsets[u]!, stop = offsets[u + 1]!; a < stop; a++) {
          const v = neighbours[a]!;
          const dv = d[v]!;
          if (dv < 0) {
            d[v] = level;
            sg[v] = su;
            grown[count++] = v;
            nextArcs += offsets[v + 1]! - offsets[v]!;
            touched[touchedCount++] = v;
            if (od[v]! >= 0) meet[meetCount++] = v;
          } else if (dv === level) {
            sg[v]! += su;
          }
        }
      }
      // The grown level becomes this side's frontier (swap buffers).
      this.next = current;
      frontier[side] = grown;
      size[side] = count;
      arcs[side] = nextArcs;
      depth[side] = level;
    }
    if (meetCount > 0) this.walk(s, t, meetCount, hits);
    for (let i = 0; i < touchedCount; i++) {
      const v = touched[i]!;
      dist[0][v] = -1;
      dist[1][v] = -1;
    }
  }

  private walk(s: number, t: number, meetCount: number, hits: Float64Array): void {
    const { meet, sigma, random } = this;
    let total = 0;
    for (let i = 0; i < meetCount; i++) total += sigma[0][meet[i]!]! * sigma[1][meet[i]!]!;
    let x = random() * total;
    let middle = meet[meetCount - 1]!;
    for (let i = 0; i < meetCount; i++) {
      const v = meet[i]!;
      x -= sigma[0][v]! * sigma[1][v]!;
      if (x < 0) { middle = v; break; }
    }
    if (middle !== s && middle !== t) hits[middle]!++;
    this.back(0, middle, s, hits);
    this.back(1, middle, t, hits);
  }

  // From `from` back to the side's root, each step to a neighbour one level closer, drawn by its path count.
  private back(side: 0 | 1, from: number, root: number, hits: Float64Array): void {
    const { offsets, neighbours } = this.graph;
    const d = this.dist[side];
    const sg = this.sigma[side];
    let u = from;
    while (u !== root) {
      const want = d[u]! - 1;
      let x = this.random() * sg[u]!;
      let pick = -1;
      for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
        const v = neighbours[a]!;
        if (d[v] !== want) continue;
        pick = v;
        x -= sg[v]!;
        if (x < 0) break;
      }
      u = pick;
      if (u !== root) hits[u]!++;
    }
  }
}
