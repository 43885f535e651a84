// `npm run bench cli`: Rapport as a user meets it, whole processes (`node bin/rapport.js …`, the compiled CLI), medians
// of several runs against baselines measured in the same run, alternating so a burst of load elsewhere falls on both:
// The quick commands run from the layout a user installs (no src/ beside dist/), and from this checkout for comparison.
//   today      `rapport today` on the 200-contact demo   vs a bare node process opening the same SQLite file with
//                                                          better-sqlite3 and running one query   ≤ 200 ms, ≤ 2.5×
//   help       `rapport --help`                                                                    ≤ 150 ms
//   import     `rapport import` of a 30,000-row LinkedIn file into an empty database
//                                                       vs a bare csv-parse + prepared-insert loop, as a process ≤ 3 s, ≤ 3×
//   report     `rapport report` on the demo at 30,000 contacts / 300,000 links                     ≤ 2 s
//   outreach   `rapport outreach` on the same                                                      ≤ 300 ms
// Targets are judged on wall time; CPU time (user + system, from /usr/bin/time) is shown beside it because on a
// shared machine it moves less with other people's load. BENCH_CLI_RUNS (default 7) sets the runs for the quick
// commands; BENCH_CLI_SIZE=5000 makes the big network smaller; BENCH_CLI_BIG_DB=/path/demo.db reuses a file that
// `rapport demo --size 30000` made (building it takes one to two minutes). Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildCli, cliBuildIsStale, ROOT } from '../scripts/build.mjs';
import { linkedInCsv } from './peers/linkedin-bare.ts';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 7);
const SIZE = Number(process.env.BENCH_CLI_SIZE ?? 30_000);
const BIN = join(ROOT, 'bin', 'rapport.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const here = dirname(fileURLToPath(import.meta.url));
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

interface Sample { wall: number; cpu: number | null }

// One process, timed from spawn to exit; its CPU time from /usr/bin/time when the machine has it.
function run(args: string[], env: Record<string, string> = {}): Sample {
  const command = TIME ? [TIME, '-f', '@cpu %U %S', process.execPath, ...args] : [process.execPath, ...args];
  const started = performance.now();
  // No background bridge ranking after writes (imports, the demo): it would run on beside the next timings.
  const r = spawnSync(command[0]!, command.slice(1), { env: { ...process.env, NO_COLOR: '1', RAPPORT_BACKGROUND: 'off', ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const cpu = /@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null };
}

function median(samples: Sample[]): Sample {
  const mid = <T>(xs: T[], key: (x: T) => number): number => [...xs].map(key).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cpus = samples.filter((s) => s.cpu !== null);
  return { wall: mid(samples, (s) => s.wall), cpu: cpus.length ? mid(cpus, (s) => s.cpu!) : null };
}

// Runs each case `runs` times, one of each in turn.
function alternate(cases: Record<string, () => Sample>, runs: number): Record<string, Sample> {
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [name, fn] of Object.entries(cases)) samples[name]!.push(fn());
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

const ms = (x: number | null): string => (x === null ? '–' : `${x.toFixed(0)} ms`);
const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');

function row(what: string, s: Sample, note = '', target = ''): void {
  console.log(`${what.padEnd(46)} ${ms(s.wall).padStart(9)} ${ms(s.cpu).padStart(9)}   ${note.padEnd(30)} ${target}`);
}

export default async function cliBench(): Promise<void> {
  if (cliBuildIsStale()) await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-bench-'));
  console.log(`load average at start: ${load()}`);
  try {
    const demo = join(dir, 'demo.db');
    run([BIN, 'demo'], { RAPPORT_DB: demo });
    // The baseline: Node, better-sqlite3, the same file, one query of the kind `today` runs.
    const bare = join(dir, 'bare-today.mjs');
    const driver = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
    writeFileSync(bare, `import Database from ${JSON.stringify(driver)};
const db = new Database(process.argv[2]);
const row = db.prepare("select count(*) as n from contacts where archived = 0 and next_due_on <= ?").get(new Date().toISOString().slice(0, 10));
console.log(row.n);
db.close();
`);
    // The layout `npm install -g` gives a user: bin/, dist/ and package.json beside node_modules, no src/. A checkout's
    // bin/rapport.js first looks through src/ for edits newer than dist/ (a developer's safeguard a user never runs);
    // both are measured, the installed one is judged.
    const installed = join(dir, 'installed');
    mkdirSync(join(installed, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'bin'), join(installed, 'bin'), { recursive: true });
    for (const f of readdirSync(join(ROOT, 'dist'))) if (!f.includes('.partial')) copyFileSync(join(ROOT, 'dist', f), join(installed, 'dist', f));
    copyFileSync(join(ROOT, 'package.json'), join(installed, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(installed, 'node_modules'));
    const INSTALLED_BIN = join(installed, 'bin', 'rapport.js');
    const quick = alternate({
      node: () => run(['-e', '0']),
      bare: () => run([bare, demo]),
      today: () => run([INSTALLED_BIN, 'today'], { RAPPORT_DB: demo }),
      help: () => run([INSTALLED_BIN, '--help']),
      todayCheckout: () => run([BIN, 'today'], { RAPPORT_DB: demo }),
      helpCheckout: () => run([BIN, '--help']),
    }, RUNS);
    console.log(`\nwhole processes, median of ${RUNS}, load average now ${load()}`);
    console.log(`${'command'.padEnd(46)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)}   ${'against the baseline'.padEnd(30)} target (wall)`);
    row('node -e 0', quick.node!);
    row('bare: node + better-sqlite3, one query', quick.bare!);
    const todayRatio = quick.today!.wall / quick.bare!.wall;
    row('rapport today (200-contact demo)', quick.today!, `${todayRatio.toFixed(2)}x bare`, `≤ 200 ms: ${verdict(quick.today!.wall <= 200)}; ≤ 2.5x: ${verdict(todayRatio <= 2.5)}`);
    row('rapport --help', quick.help!, `${(quick.help!.wall / quick.node!.wall).toFixed(2)}x node -e 0`, `≤ 150 ms: ${verdict(quick.help!.wall <= 150)}`);
    row('  the same from the checkout: today', quick.todayCheckout!, `${(quick.todayCheckout!.wall / quick.bare!.wall).toFixed(2)}x bare`, '(checks src/ for edits first)');
    row('  the same from the checkout: --help', quick.helpCheckout!, '', '');

    // The bare import as a process of its own: bundled like the CLI, so neither pays for TypeScript at run time.
    const out = join(here, 'out');
    mkdirSync(out, { recursive: true });
    const bareImport = join(out, 'linkedin-bare.mjs');
    await build({ entryPoints: [join(here, 'peers', 'linkedin-bare.ts')], outfile: bareImport, bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3'], logLevel: 'warning' });
    const csv = join(dir, 'Connections.csv');
    writeFileSync(csv, linkedInCsv(30_000));
    let n = 0;
    const fresh = (): string => {
      const db = join(dir, `import-${n++}.db`);
      // The schema comes from the migrations, outside the timing, for both.
      run([BIN, 'settings', 'show'], { RAPPORT_DB: db });
      return db;
    };
    const imports = alternate({
      bare: () => { const db = fresh(); return run([bareImport, db, csv]); },
      rapport: () => { const db = fresh(); return run([INSTALLED_BIN, 'import', csv], { RAPPORT_DB: db }); },
    }, 3);
    const importRatio = imports.rapport!.wall / imports.bare!.wall;
    row('bare: csv-parse + prepared inserts, 30,000 rows', imports.bare!, '', '');
    row('rapport import Connections.csv (30,000 rows)', imports.rapport!, `${importRatio.toFixed(2)}x bare`, `≤ 3000 ms: ${verdict(imports.rapport!.wall <= 3000)}; ≤ 3x: ${verdict(importRatio <= 3)}`);

    const big = process.env.BENCH_CLI_BIG_DB ?? join(dir, 'big.db');
    if (!process.env.BENCH_CLI_BIG_DB) {
      console.log(`(building the ${SIZE}-contact demo network …)`);
      run([BIN, 'demo', '--size', String(SIZE)], { RAPPORT_DB: big });
    }
    // The report as a user meets it right after the change (nothing ranked yet: bridges sampled), then once the
    // background ranking that change started has finished (`rapport bridges`, run here in the foreground).
    const heavy = alternate({
      report: () => run([INSTALLED_BIN, 'report'], { RAPPORT_DB: big }),
      outreach: () => run([INSTALLED_BIN, 'outreach'], { RAPPORT_DB: big }),
    }, 3);
    row(`rapport report (${SIZE} contacts, ~${SIZE * 10} links), nothing ranked yet`, heavy.report!, '', `≤ 2000 ms: ${verdict(heavy.report!.wall <= 2000)}`);
    row(`rapport outreach (${SIZE} contacts)`, heavy.outreach!, '', `≤ 300 ms: ${verdict(heavy.outreach!.wall <= 300)}`);
    const ranked = `${big}.ranked.db`;
    copyFileSync(big, ranked);
    const ranking = run([INSTALLED_BIN, 'bridges'], { RAPPORT_DB: ranked });
    row('  the background ranking (rapport bridges)', ranking, '', '(off the user\'s path)');
    const after = alternate({ report: () => run([INSTALLED_BIN, 'report'], { RAPPORT_DB: ranked }) }, 3);
    row(`rapport report (${SIZE} contacts), once ranked`, after.report!, '', `≤ 2000 ms: ${verdict(after.report!.wall <= 2000)}`);
    rmSync(ranked, { force: true });
    console.log(`load average at end: ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
