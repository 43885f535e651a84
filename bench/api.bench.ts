// `npm run bench api`: Rapport's HTTP API on 30,000 contacts and ~300,000 interactions (demo.load size 30000),
// under autocannon with 50 connections: today, a contact-list page and search, each beside a bare Hono route
// served by the same process in the same run; then the gzipped JavaScript a first visit loads.
// Targets (issue 4): p99 < 25 ms, ≥ 40 % of the bare route's requests per second, first-visit JS < 250 KB gzipped.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { systemClock } from '../src/domain/clock.ts';
import { buildWeb } from '../scripts/build.mjs';
import { WEB_DIST } from '../src/server/web-build.ts';
import { demoLoad } from '../src/services/demo.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SIZE = Number(process.env.BENCH_API_SIZE ?? 30_000);
const DURATION = Number(process.env.BENCH_API_SECONDS ?? 8);
const CONNECTIONS = 50;

interface Ports { rapport: number; bare: number }

function startServerProcess(db: string, cache: boolean): Promise<{ child: ChildProcess; ports: Ports }> {
  const child = fork(join(here, 'api-server.ts'), [db, cache ? 'cache' : 'no-cache'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (ports) => resolve({ child, ports: ports as Ports }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function copyOf(child: ChildProcess, path: string): Promise<{ copied: number; bytes: number }> {
  return new Promise((resolve) => {
    const on = (m: unknown): void => {
      if (typeof m === 'object' && m !== null && 'copied' in m) {
        child.off('message', on);
        resolve(m as { copied: number; bytes: number });
      }
    };
    child.on('message', on);
    child.send({ copy: path });
  });
}

async function load(url: string): Promise<{ p99: number; p50: number; rps: number; errors: number }> {
  await autocannon({ url, connections: CONNECTIONS, duration: 1 });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return { p99: r.latency.p99, p50: r.latency.p50, rps: r.requests.average, errors: r.errors + r.timeouts + r.non2xx };
}

// Entry chunk and its static imports, per Vite's manifest: what the browser fetches before the first paint.
function firstVisitJs(): { files: number; raw: number; gzip: number; css: number } {
  type Chunk = { file: string; isEntry?: boolean; imports?: string[]; css?: string[] };
  const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  let raw = 0;
  let gzip = 0;
  let css = 0;
  for (const key of seen) {
    const chunk = manifest[key]!;
    const body = readFileSync(join(WEB_DIST, chunk.file));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
    for (const c of chunk.css ?? []) css += gzipSync(readFileSync(join(WEB_DIST, c)), { level: 9 }).length;
  }
  return { files: seen.size, raw, gzip, css };
}

const ms = (n: number): string => `${n.toFixed(1)} ms`;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export default async function apiBench(): Promise<void> {
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const dir = mkdtempSync(join(tmpdir(), 'rapport-api-bench-'));
  const db = join(dir, 'bench.db');
  try {
    const store = await openStore({ location: db });
    const started = performance.now();
    const demo = await runOperation({ store, clock: systemClock }, demoLoad, { size: SIZE, seed: 1 });
    console.log(`demo.load size ${SIZE}: ${JSON.stringify(demo)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const word = (await store.db.selectFrom('contacts').select('family_name').where('family_name', 'is not', null).orderBy('id').limit(1).executeTakeFirstOrThrow()).family_name!;
    await store.close();

    const routes: [string, string][] = [
      ['today', '/api/today'],
      ['contact-list page', `/api/contacts?limit=50&offset=${Math.floor(SIZE / 2)}`],
      [`search "${word.toLowerCase()}"`, `/api/contacts?query=${encodeURIComponent(word.toLowerCase())}&limit=50`],
    ];
    const rows: string[][] = [];
    for (const cache of [true, false]) {
      const { child, ports } = await startServerProcess(db, cache);
      try {
        for (const [name, path] of routes) {
          const api = await load(`http://127.0.0.1:${ports.rapport}${path}`);
          const bare = await load(`http://127.0.0.1:${ports.bare}/bare`);
          const copy = await copyOf(child, path);
          const same = await load(`http://127.0.0.1:${ports.bare}/copy/${copy.copied}`);
          const ratio = api.rps / bare.rps;
          rows.push([
            `${name}${cache ? '' : ' (no read cache)'}`, kb(copy.bytes), ms(api.p50), ms(api.p99), api.rps.toFixed(0),
            `${bare.rps.toFixed(0)} (p99 ${ms(bare.p99)})`, `${(ratio * 100).toFixed(0)} %`, `${(100 * api.rps / same.rps).toFixed(0)} %`,
            api.p99 < 25 && ratio >= 0.4 ? 'met' : 'MISSED', api.errors ? `${api.errors} errors` : '',
          ]);
        }
      } finally {
        child.disconnect();
      }
    }
    const header = ['endpoint', 'body', 'p50', 'p99', 'req/s', 'bare req/s', 'of bare', 'of bare, same body', 'target', ''];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
    console.log(`(${CONNECTIONS} connections, ${DURATION} s each after a 1 s warm-up; target p99 < 25 ms and ≥ 40 % of the bare route's req/s.`);
    console.log(' "same body": a bare route sending the very bytes Rapport sent, to separate Rapport\'s overhead from the cost of a larger body.)');
    console.log(`load average at end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

    await buildWeb();
    if (existsSync(join(WEB_DIST, '.vite', 'manifest.json'))) {
      const js = firstVisitJs();
      console.log(`first-visit JavaScript: ${js.files} files, ${kb(js.raw)} raw, ${kb(js.gzip)} gzipped (target < 250 KB: ${js.gzip < 250 * 1024 ? 'met' : 'MISSED'}); CSS ${kb(js.css)} gzipped`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
