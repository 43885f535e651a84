// `npm run bench bridges`: are the report's top-10 bridges the true ones, as a user meets them? On demo networks of
// 3,000, 10,000 and 30,000 contacts (BENCH_BRIDGES_SIZES=3000,10000 to choose), `rapport report` is run from a cold
// CLI process in the states a user can find it in:
//   1. nothing kept yet, the background not finished (a network just imported): the sampled estimate;
//   2. after the background computation has finished (`rapport bridges --background`, the process the CLI starts
//      after a change, run here to the end and timed); reported twice, the second being every later report;
//   3. one link added, the background still at work: the previous exact ranking, marked as old, with no place
//      settled; its overlap is measured against the exact ranking of the changed graph, which the background then
//      computes (so only where the background is run for real).
// The background is run for real up to BENCH_BRIDGES_REAL_MAX contacts (default 10000); above, the ranking it would
// keep is written from the benchmark's own reference (exact Brandes on every core, cached between runs in
// BENCH_CACHE, default <tmpdir>/rapport-bench-cache, keyed by the graph's version: at 30,000 contacts it takes
// tens of minutes the first time; BENCH_BRIDGES_EXACT_MAX, default 10000, skips it above that size, and the
// overlap is then not measured). A demo database may be given instead of built: BENCH_BRIDGES_DB_30000=/path.
// Prints wall and CPU time of each cold report (the machine may be shared: CPU time is the fair figure), how many
// places it called settled, and the overlap of its top 10 with the exact one. Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphVersion, topByContact } from '../src/analysis/bridges.ts';
import { betweennessInWorkers } from '../src/analysis/kernels/index.ts';
import { buildNetworkModel } from '../src/analysis/network-graph.ts';
import type { NetworkReport } from '../src/analysis/report.ts';
import { systemClock } from '../src/domain/clock.ts';
import { toIsoDay } from '../src/domain/dates.ts';
import { epochDay } from '../src/domain/tie-strength.ts';
import { demoLoad } from '../src/services/demo.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { ownerName } from '../src/services/support/bridge-ranking.ts';
import { openStore } from '../src/store/open-store.ts';
import { journalMark, loadBridgeRanking, saveBridgeRanking, updateBridgeJob } from '../src/store/repositories/bridge-rankings.repository.ts';
import { loadNetworkData } from '../src/store/repositories/network.repository.ts';
import type { Store } from '../src/store/store.ts';

const SIZES = (process.env.BENCH_BRIDGES_SIZES ?? '3000,10000,30000').split(',').map(Number);
const CACHE = process.env.BENCH_CACHE ?? join(tmpdir(), 'rapport-bench-cache');
const REAL_MAX = Number(process.env.BENCH_BRIDGES_REAL_MAX ?? 10_000);
const EXACT_MAX = Number(process.env.BENCH_BRIDGES_EXACT_MAX ?? 10_000);
const BIN = fileURLToPath(new URL('../bin/rapport.js', import.meta.url));
const K = 10;
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

function cachedExact(size: number, version: string): Float64Array | null {
  const file = join(CACHE, `exact-${size}-${version}.bin`);
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

async function exactFor(size: number, version: string, compute: () => Promise<Float64Array>): Promise<{ values: Float64Array; seconds: number | null }> {
  const kept = cachedExact(size, version);
  if (kept) return { values: kept, seconds: null };
  console.log(`  exact betweenness for ${size} contacts on every core (cached for later runs) …`);
  const started = performance.now();
  const values = await compute();
  writeFileSync(join(CACHE, `exact-${size}-${version}.bin`), Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  return { values, seconds: (performance.now() - started) / 1000 };
}

interface Timed { wall: number; cpu: number }

// A CLI command from a fresh process, as a user runs it: wall time and the child's CPU time.
function cli(db: string, args: string, env: Record<string, string> = {}): Timed & { stdout: string } {
  const out = `${db}.out`;
  const started = performance.now();
  const child = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time node "${BIN}" ${args} > "${out}"`], {
    env: { ...process.env, RAPPORT_DB: db, NO_COLOR: '1', RAPPORT_NO_BACKGROUND: '1', ...env }, encoding: 'utf8',
  });
  const wall = performance.now() - started;
  if (child.status !== 0) throw new Error(`rapport ${args} failed: ${child.stderr}`);
  const [user, sys] = child.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { stdout: readFileSync(out, 'utf8'), wall, cpu: (user! + sys!) * 1000 };
}

const coldReport = (db: string): Timed & { report: NetworkReport } => {
  const run = cli(db, 'report --json');
  return { ...run, report: JSON.parse(run.stdout) as NetworkReport };
};

async function modelOf(store: Store) {
  const model = buildNetworkModel(await loadNetworkData(store), epochDay(toIsoDay(new Date())));
  return { model, ids: model.contacts.map((c) => c.id), version: graphVersion(model.alters, model.contacts.map((c) => c.id)) };
}

const truthOf = (values: Float64Array, ids: number[]): Set<number> =>
  new Set(Array.from(values.keys()).sort((a, b) => values[b]! - values[a]! || a - b).slice(0, K).map((i) => ids[i]!));

export default async function bridgesBench(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  // The CLI bundle is rebuilt by bin/rapport.js when the sources are newer: do it once before timing anything.
  spawnSync(process.execPath, [BIN, '--version'], { stdio: 'ignore' });
  console.log(`load average at start: ${load()}`);
  const rows: string[][] = [];
  for (const size of SIZES) {
    const db = join(CACHE, `demo-${size}.db`);
    const given = process.env[`BENCH_BRIDGES_DB_${size}`];
    if (given && !existsSync(db)) copyFileSync(given, db);
    let store = await openStore({ location: db });
    if ((await store.db.selectFrom('contacts').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n == 0) {
      console.log(`building the demo network (size ${size}) …`);
      await runOperation({ store, clock: systemClock }, demoLoad, { size, seed: 1 });
    }
    // Undo what an earlier run added (state 3), so every run starts from the same graph.
    await store.db.deleteFrom('links').where('note', '=', 'bench: one new link').execute();
    const { model, ids, version } = await modelOf(store);
    const exact = size <= EXACT_MAX || cachedExact(size, version) ? await exactFor(size, version, () => betweennessInWorkers(model.alters)) : null;
    const truth = exact ? truthOf(exact.values, ids) : null;
    const overlap = (r: NetworkReport, t = truth) => (t ? `${r.structure.bridges.slice(0, K).filter((p) => t.has(p.id)).length}/${K}` : 'n/a');
    const b = (r: NetworkReport) => r.structure.betweenness;
    const describe = (r: NetworkReport) => (b(r).method === 'exact' ? (b(r).current ? 'exact' : `exact, from before ${b(r).changesSince} change(s), 0 settled`) : `sampled ${b(r).samples.toLocaleString('en')}, ${b(r).settled} settled`);
    const row = (label: string, run: Timed & { report: NetworkReport }, t = truth) => rows.push([String(size), `${model.links.length}`, label, describe(run.report), overlap(run.report, t), run.wall.toFixed(0), run.cpu.toFixed(0)]);

    // 1. Nothing kept, background not finished.
    await store.db.deleteFrom('bridge_rankings').execute();
    await store.db.deleteFrom('bridge_rankings_job').execute();
    await store.close();
    row('nothing kept yet', coldReport(db));

    // 2. The background computation, to the end (or its result written from the reference).
    if (size <= REAL_MAX) {
      const bg = cli(db, 'bridges --background', { RAPPORT_NO_BACKGROUND: '' });
      rows.push([String(size), '', '`rapport bridges --background` (nice 19)', 'exact, kept', '', bg.wall.toFixed(0), bg.cpu.toFixed(0)]);
    } else {
      store = await openStore({ location: db });
      const values = exact?.values ?? new Float64Array(ids.length);
      await saveBridgeRanking(store, { graphVersion: version, method: 'exact', computedAt: new Date().toISOString(), samples: 0, checks: 0, seed: 0, values, journalMark: await journalMark(store), top: topByContact(values, ids) });
      await store.close();
      if (!exact) console.log(`  ${size}: no exact reference (BENCH_BRIDGES_EXACT_MAX=${EXACT_MAX}); the kept ranking is a placeholder, timing only`);
    }
    row('background finished, first report', coldReport(db));
    row('background finished, every later report', coldReport(db));

    // 3. One link more while the background works (this process holds its lock, as a running one would).
    // The link is added with the CLI, journalled as a user's would be; the cleanup above finds it by its note.
    cli(db, `link ${ids[0]} ${ids[ids.length - 1]} --strength 3 --note "bench: one new link"`);
    store = await openStore({ location: db });
    await updateBridgeJob(store, { owner: ownerName(), heartbeat_at: new Date().toISOString() });
    await store.close();
    const stale = coldReport(db);
    store = await openStore({ location: db });
    await updateBridgeJob(store, { owner: null, heartbeat_at: null });
    await store.close();
    if (size <= REAL_MAX) {
      cli(db, 'bridges --background', { RAPPORT_NO_BACKGROUND: '' });
      store = await openStore({ location: db });
      const after = await modelOf(store);
      const kept = await loadBridgeRanking(store);
      await store.close();
      row('1 link added, background at work', stale, kept?.graphVersion === after.version ? truthOf(kept.values, after.ids) : null);
    } else {
      row('1 link added, background at work', stale, null);
    }
    if (exact?.seconds != null) rows.push([String(size), '', 'reference: exact Brandes, every core', '', '', (exact.seconds * 1000).toFixed(0), '']);
  }
  const header = ['contacts', 'links', 'state', 'bridges ranked', 'top-10 overlap', 'wall ms', 'CPU ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  console.log(`load average at end: ${load()} (wall time waits for a core when the machine is shared; CPU time does not)`);
}
