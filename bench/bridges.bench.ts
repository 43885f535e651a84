// `npm run bench bridges`: are the report's top-10 bridges the true ones? On demo networks of 3,000, 10,000 and
// 30,000 contacts (BENCH_BRIDGES_SIZES=3000,10000 to choose), the report is run from a cold CLI process twice:
//   1. with no ranking kept (a network just changed): exact if it fits the budget, else the sampled estimate;
//   2. after `rapport bridges` has ranked it exactly and kept it (the kept ranking is the benchmark's own exact
//      reference, written the way `rapport bridges` writes it, so the 30,000 case does not recompute for minutes).
// Each time it prints the report's wall and CPU time, how many places it called settled, and the overlap of its
// top 10 with exact Brandes betweenness computed here. The demo databases and exact values are cached between runs
// in BENCH_CACHE (default: <tmpdir>/rapport-bench-cache), keyed by the graph's version; exact at 30,000 contacts
// takes minutes the first time. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphVersion } from '../src/analysis/bridges.ts';
import { betweenness } from '../src/analysis/kernels/index.ts';
import { buildNetworkModel } from '../src/analysis/network-graph.ts';
import type { NetworkReport } from '../src/analysis/report.ts';
import { systemClock } from '../src/domain/clock.ts';
import { toIsoDay } from '../src/domain/dates.ts';
import { epochDay } from '../src/domain/tie-strength.ts';
import { demoLoad } from '../src/services/demo.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import { saveBridgeRanking } from '../src/store/repositories/bridge-rankings.repository.ts';
import { loadNetworkData } from '../src/store/repositories/network.repository.ts';

const SIZES = (process.env.BENCH_BRIDGES_SIZES ?? '3000,10000,30000').split(',').map(Number);
const CACHE = process.env.BENCH_CACHE ?? join(tmpdir(), 'rapport-bench-cache');
const BIN = fileURLToPath(new URL('../bin/rapport.js', import.meta.url));
const K = 10;
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

interface Exact { values: Float64Array; seconds: number }

function exactFor(size: number, version: string, compute: () => Float64Array): Exact {
  const file = join(CACHE, `exact-${size}-${version}.bin`);
  const meta = `${file}.json`;
  if (existsSync(file) && existsSync(meta)) {
    const bytes = readFileSync(file);
    return { values: new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8), seconds: (JSON.parse(readFileSync(meta, 'utf8')) as { seconds: number }).seconds };
  }
  console.log(`  exact betweenness for ${size} contacts (cached for later runs) …`);
  const started = performance.now();
  const values = compute();
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(file, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  writeFileSync(meta, JSON.stringify({ seconds }));
  return { values, seconds };
}

// The report from a fresh process, as a user runs it: wall time and the child's CPU time.
function coldReport(db: string): { report: NetworkReport; wall: number; cpu: number } {
  const started = performance.now();
  const child = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time node "${BIN}" report --json > "${db}.report.json"`], {
    env: { ...process.env, RAPPORT_DB: db, NO_COLOR: '1' }, encoding: 'utf8',
  });
  const wall = performance.now() - started;
  if (child.status !== 0) throw new Error(`rapport report failed: ${child.stderr}`);
  const [user, sys] = child.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { report: JSON.parse(readFileSync(`${db}.report.json`, 'utf8')) as NetworkReport, wall, cpu: (user! + sys!) * 1000 };
}

export default async function bridgesBench(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  // The CLI bundle is rebuilt by bin/rapport.js when the sources are newer: do it once before timing anything.
  spawnSync(process.execPath, [BIN, '--version'], { stdio: 'ignore' });
  console.log(`load average at start: ${load()}`);
  const rows: string[][] = [];
  for (const size of SIZES) {
    const db = join(CACHE, `demo-${size}.db`);
    const store = await openStore({ location: db });
    if ((await store.db.selectFrom('contacts').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n == 0) {
      console.log(`building the demo network (size ${size}) …`);
      await runOperation({ store, clock: systemClock }, demoLoad, { size, seed: 1 });
    }
    const model = buildNetworkModel(await loadNetworkData(store), epochDay(toIsoDay(new Date())));
    const version = graphVersion(model.alters, model.contacts.map((c) => c.id));
    const exact = exactFor(size, version, () => betweenness(model.alters));
    const truth = new Set(Array.from(exact.values.keys()).sort((a, b) => exact.values[b]! - exact.values[a]! || a - b).slice(0, K).map((i) => model.contacts[i]!.id));
    const overlap = (r: NetworkReport) => r.structure.bridges.slice(0, K).filter((p) => truth.has(p.id)).length;

    await store.db.deleteFrom('bridge_rankings').execute();
    await store.close();
    const cold = coldReport(db);
    const second = coldReport(db);
    const reopened = await openStore({ location: db });
    await saveBridgeRanking(reopened, { graphVersion: version, method: 'exact', computedAt: new Date().toISOString(), samples: 0, checks: 0, seed: 0, values: exact.values });
    await reopened.close();
    const kept = coldReport(db);
    const b = (r: NetworkReport) => r.structure.betweenness;
    const describe = (r: NetworkReport) => (b(r).method === 'exact' ? 'exact' : `sampled ${b(r).samples.toLocaleString('en')}, ${b(r).settled} settled`);
    for (const [label, run] of [['no ranking kept', cold], ['second report', second], ['after `rapport bridges`', kept]] as const) {
      rows.push([String(size), `${model.links.length}`, label, describe(run.report), `${overlap(run.report)}/${K}`, run.wall.toFixed(0), run.cpu.toFixed(0)]);
    }
    rows.push([String(size), '', 'exact Brandes, one thread', '', '', (exact.seconds * 1000).toFixed(0), '']);
  }
  const header = ['contacts', 'links', 'report', 'bridges ranked', 'top-10 overlap', 'wall ms', 'CPU ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  console.log(`load average at end: ${load()} (wall time waits for a core when the machine is shared; CPU time does not)`);
}
