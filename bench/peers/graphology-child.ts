// Runs the graphology peer in a process of its own (bench/analysis.bench.ts): loading graphology's modules in the
// benchmark's process shifted where V8 placed Rapport's compiled kernels and slowed them (karate betweenness
// 27 → 35 µs with nothing else changed), and igraph and networkx already run apart.
import { readFileSync } from 'node:fs';
import type { CsrGraph } from '../../src/analysis/kernels/csr.ts';
import { runGraphology } from './graphology-peer.ts';
import type { Op } from './measure.ts';

interface Job { nodeCount: number; offsets: number[]; neighbours: number[]; costs: number[]; source: number; ops: Op[] }

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Job;
const graph = { nodeCount: job.nodeCount, offsets: Int32Array.from(job.offsets), neighbours: Int32Array.from(job.neighbours) } as unknown as CsrGraph;
process.stdout.write(JSON.stringify(runGraphology(graph, Float64Array.from(job.costs), job.source, job.ops)));
