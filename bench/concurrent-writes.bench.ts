// `npm run bench concurrent-writes`: the web app's server and the CLI writing one SQLite file at once.
//  1. writes/s the server answers (POST /api/contacts from CLIENTS concurrent clients) with nothing else running;
//  2. the same load while `rapport import` (the real CLI, another process) imports a 30,000-row LinkedIn CSV into
//     the same file: writes/s, and the p50/p99/max latency of the writes made while the import holds the lock;
//  3. the import's own time, alone and under that load;
//  4. the cost of the read cache's check for another process's writes (`pragma data_version`, at most 4 a second).
// The server runs in its own process (bench/api-server.ts), as `rapport serve` does. Figures are printed, never
// asserted. BENCH_CONCURRENT_ROWS=5000 runs it smaller.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openStore } from '../src/store/open-store.ts';
import { bigLinkedIn } from '../tests/support/linkedin-csv.ts';

const ROWS = Number(process.env.BENCH_CONCURRENT_ROWS ?? 30_000);
const CLIENTS = 4;
const BASELINE_MS = 4000;
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'bin', 'rapport.js');

interface Load { writes: number; failures: number; seconds: number; latencies: number[] }

function startServer(db: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(here, 'api-server.ts'), [db, 'cache'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { rapport: number }) => resolve({ child, port: m.rapport }));
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

// CLIENTS loops, each sending its next write when the last is answered, until `until` resolves.
async function writeLoad(port: number, label: string, until: Promise<unknown>): Promise<Load> {
  let stop = false;
  void until.then(() => { stop = true; });
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
    for (let i = 0; !stop; i++) {
      const t0 = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/contacts`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `${label} ${c}-${i}`, emails: [`${label}.${c}.${i}@example.org`], tags: ['bench'] }),
      });
      await res.arrayBuffer();
      if (res.ok) latencies.push(performance.now() - t0);
      else failures++;
    }
  }));
  return { writes: latencies.length, failures, seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

function runImport(db: string, file: string): Promise<{ seconds: number; code: number | null; stderr: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'import', file], { env: { ...process.env, RAPPORT_DB: db, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve) => child.on('close', (code) => resolve({ seconds: (performance.now() - t0) / 1000, code, stderr })));
}

const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (x: number): string => `${x.toFixed(1)} ms`;

export default async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-writers-'));
  try {
    console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; ${CLIENTS} HTTP clients; import of ${ROWS} rows`);
    const alone = await runImport(join(dir, 'alone.db'), writeCsv(dir, 'alone.csv', 0));
    if (alone.code !== 0) throw new Error(`the import alone failed: ${alone.stderr}`);

    const db = join(dir, 'shared.db');
    await (await openStore({ location: db })).close();
    const server = await startServer(db);
    try {
      const baseline = await writeLoad(server.port, 'baseline', new Promise((r) => setTimeout(r, BASELINE_MS)));
      const importing = runImport(db, writeCsv(dir, 'shared.csv', ROWS));
      const during = await writeLoad(server.port, 'during', importing);
      const imported = await importing;
      if (imported.code !== 0) throw new Error(`the import beside the server failed: ${imported.stderr}`);
      const rate = (l: Load) => l.writes / l.seconds;
      console.table({
        'server alone': { 'writes/s': rate(baseline).toFixed(0), failed: baseline.failures, p50: ms(pct(baseline.latencies, 50)), p99: ms(pct(baseline.latencies, 99)), max: ms(baseline.latencies.at(-1) ?? Number.NaN) },
        'server + CLI import': { 'writes/s': rate(during).toFixed(0), failed: during.failures, p50: ms(pct(during.latencies, 50)), p99: ms(pct(during.latencies, 99)), max: ms(during.latencies.at(-1) ?? Number.NaN) },
      });
      console.log(`writes/s during the import: ${(rate(during) / rate(baseline)).toFixed(2)}× the server alone (${during.writes} writes in ${during.seconds.toFixed(1)} s, none failed: ${during.failures === 0})`);
      console.log(`import of ${ROWS} rows: ${alone.seconds.toFixed(1)} s alone, ${imported.seconds.toFixed(1)} s beside the server's writes (${(imported.seconds / alone.seconds).toFixed(2)}×)`);
    } finally {
      server.child.disconnect();
      await new Promise((r) => server.child.once('exit', r));
    }

    const store = await openStore({ location: db });
    try {
      const N = 20_000;
      const t0 = performance.now();
      for (let i = 0; i < N; i++) await sql`pragma data_version`.execute(store.db);
      const each = ((performance.now() - t0) * 1000) / N;
      console.log(`read cache's look for another process's writes: ${each.toFixed(1)} µs each, at most 4 a second (${((each * 4) / 10_000).toFixed(4)} % of one core)`);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeCsv(dir: string, name: string, offset: number): string {
  const file = join(dir, name);
  writeFileSync(file, bigLinkedIn(ROWS, offset));
  return file;
}
