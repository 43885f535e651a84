// Runs networkx or igraph (bench/peers/analysis_peer.py) on an edge list written to a temp file.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CsrGraph } from '../../src/analysis/kernels/csr.ts';
import type { Op, PeerResult } from './measure.ts';

const script = fileURLToPath(new URL('./analysis_peer.py', import.meta.url));

// One "u v cost" line per edge; the cost (an integer, see edgeCosts) is read only by the weighted operations.
export function writeEdgeFile(graph: CsrGraph, costs: Float64Array, path: string): void {
  const lines: string[] = [];
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
      const v = graph.neighbours[a]!;
      if (v > u) lines.push(`${u} ${v} ${costs[a]!}`);
    }
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

export function runPython(
  lib: 'networkx' | 'igraph',
  edgeFile: string,
  nodeCount: number,
  ops: readonly Op[],
  source: number,
): PeerResult {
  if (ops.length === 0) return {};
  const args = [script, lib, edgeFile, String(nodeCount), ops.join(','), String(source)];
  const run = spawnSync(interpreter(lib), args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 15 * 60 * 1000,
  });
  if (run.error !== undefined) return { error: `python3 could not run (${run.error.message})` };
  if (run.status !== 0) return { error: `${lib} exited ${run.status}: ${run.stderr.trim().split('\n').at(-1) ?? ''}` };
  return JSON.parse(run.stdout) as PeerResult;
}

// The first Python that has the library: a pyenv python3 may have networkx and the system one igraph
// (Debian's python3-igraph installs only there).
function interpreter(lib: 'networkx' | 'igraph'): string {
  const candidates = ['python3', '/usr/bin/python3'];
  for (const python of candidates) {
    if (spawnSync(python, ['-c', `import ${lib}`], { stdio: 'ignore' }).status === 0) return python;
  }
  return candidates[0]!;
}
