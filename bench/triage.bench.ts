// `npm run bench triage`: triage and Today once a 30,000-row LinkedIn export lands on a 30,000-contact network.
//  1. `demo --size 30000` (sorted contacts), then Today timed: the baseline, measured in the same run;
//  2. a generated 30,000-row Connections.csv (varied titles: recruiters, founders, leaders, peers; companies shared
//     by many, some of them target organisations of a job-seeking goal) imported with no network: all unsorted;
//  3. triage suggestions for all 30,000 (`triage.list`: read, suggest, score, order, count by rule) in-process,
//     median and p99 wall and CPU time, against one bare SQL read of the same rows (the floor any triage pays);
//  4. Today again at 30,000 sorted + 30,000 unsorted: p99 < 20 ms, and the same keep-in-touch list as before.
// BENCH_TRIAGE_SIZE=5000 runs it smaller. Figures are printed, never asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import SQLite from 'better-sqlite3';
import { systemClock } from '../src/domain/clock.ts';
import { demoLoad } from '../src/services/demo.service.ts';
import { goalCreate } from '../src/services/goals.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { runOperation, type ServiceContext } from '../src/services/operation.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { today } from '../src/services/today.service.ts';
import { triageList } from '../src/services/triage.service.ts';
import { openStore } from '../src/store/open-store.ts';
import { ms, timeRuns } from './timing.ts';

const SIZE = Number(process.env.BENCH_TRIAGE_SIZE ?? 30_000);
const TODAY_RUNS = 200;
const TRIAGE_RUNS = 15;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TITLES = ['Senior Technical Recruiter', 'Talent Partner', 'Co-founder & CEO', 'VP Product', 'Head of Design', 'Product Manager',
  'Software Engineer', 'Data Scientist', 'Executive Coach', 'Senior Lecturer', '"Principal Consultant, Business Performance"', 'Freelance Designer',
  'Policy Advisor', 'Venture Partner', 'Engineering Manager', 'UX Researcher', 'Marketing Lead', 'Analyst', '', 'Operations Manager'];
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

function linkedInCsv(rows: number): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < rows; i++) {
    const day = `${String(1 + (i % 28)).padStart(2, '0')} ${MONTHS[i % 12]} ${2012 + (i % 15)}`;
    lines.push(`Person,Imported ${i},https://www.linkedin.com/in/imported-${i},,Firm ${i % 3000},${TITLES[(i * 7) % TITLES.length]},${day}`);
  }
  return `${lines.join('\n')}\n`;
}

const gc = (): void => { setFlagsFromString('--expose-gc'); (runInNewContext('gc') as () => void)(); };

export default async function triageBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-triage-bench-'));
  console.log(`load average at start: ${load()} (on a shared 2-core machine other work skews every figure)`);
  try {
    const file = join(dir, 'triage.db');
    const store = await openStore({ location: file });
    const ctx: ServiceContext = { store, clock: systemClock };
    let t = performance.now();
    const demo = await runOperation(ctx, demoLoad, { size: SIZE });
    console.log(`demo --size ${SIZE}: ${((performance.now() - t) / 1000).toFixed(1)} s — ${demo.contacts} sorted contacts`);
    // A job seeker (set before the baseline: the situation moves cadences, so Today would differ for that alone).
    await runOperation(ctx, settingsUpdate, { situation: 'job-seeking' });
    gc();
    const before = await runOperation(ctx, today, { limit: 50 });
    const todayBefore = await timeRuns(TODAY_RUNS, () => runOperation(ctx, today, { limit: 50 }), 5);

    t = performance.now();
    const report = await runOperation(ctx, importRun, { content: linkedInCsv(SIZE), filename: 'Connections.csv' });
    console.log(`import of ${SIZE} LinkedIn rows with no network: ${((performance.now() - t) / 1000).toFixed(1)} s — ${report.counts.created} created, ${report.counts.unsorted} unsorted`);
    // 30 target organisations, so "reconnect first" has work to do.
    const targets = store.db.selectFrom('organisations').select('id').where('name', 'like', 'Firm 1%').limit(30);
    await runOperation(ctx, goalCreate, { kind: 'job', description: 'PM role', organisationIds: (await targets.execute()).map((o) => o.id) });
    gc();

    const page = await runOperation(ctx, triageList, { limit: 50 });
    const triageStats = await timeRuns(TRIAGE_RUNS, () => runOperation(ctx, triageList, { limit: 50 }), 5);
    const raw = new SQLite(file, { readonly: true });
    const bare = raw.prepare(`select c.id, c.name, c.title, o.name as organisation, o.is_mine,
      (select max(i.occurred_at) from interaction_participants p join interactions i on i.id = p.interaction_id where p.contact_id = c.id and i.kind = 'connected') as connected_on
      from contacts c left join organisations o on o.id = c.organisation_id where c.workspace_id = 1 and c.sorted_at is null and c.archived = 0`);
    const bareRows = (bare.all() as unknown[]).length;
    const bareStats = await timeRuns(TRIAGE_RUNS, () => bare.all(), 5);
    raw.close();

    const after = await runOperation(ctx, today, { limit: 50 });
    const todayAfter = await timeRuns(TODAY_RUNS, () => runOperation(ctx, today, { limit: 50 }), 5);
    await store.close();
    const sameToday = JSON.stringify([...before.overdue, ...before.dueThisWeek].map((c) => c.id)) === JSON.stringify([...after.overdue, ...after.dueThisWeek].map((c) => c.id))
      && before.keepInTouchTotal === after.keepInTouchTotal;

    console.log(`\n${SIZE} sorted + ${page.unsorted} unsorted contacts on SQLite (load average now ${load()})`);
    const rows: string[][] = [
      ['measure', 'median ms', 'p99 ms', 'cpu ms', 'ratio', 'target', 'holds'],
      [`triage.list: suggestions for all ${page.unsorted} unsorted, reconnect-first order`, ms(triageStats.median), ms(triageStats.p99), ms(triageStats.cpu), (triageStats.median / bareStats.median).toFixed(2), '< 1000 ms', triageStats.p99 < 1000 ? 'yes' : triageStats.cpu < 1000 ? 'cpu only' : 'NO'],
      [`(floor) one bare SQL read of the same ${bareRows} rows`, ms(bareStats.median), ms(bareStats.p99), ms(bareStats.cpu), '1', '', ''],
      [`today at ${SIZE} sorted + ${page.unsorted} unsorted`, ms(todayAfter.median), ms(todayAfter.p99), ms(todayAfter.cpu), (todayAfter.median / todayBefore.median).toFixed(2), 'p99 < 20 ms', todayAfter.p99 < 20 ? 'yes' : todayAfter.cpu < 20 ? 'cpu only' : 'NO'],
      [`(baseline) today at ${SIZE} sorted, before the import`, ms(todayBefore.median), ms(todayBefore.p99), ms(todayBefore.cpu), '1', '', ''],
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const [i, r] of rows.entries()) {
      console.log(r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '));
      if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
    }
    const rules = Object.entries(page.byRule).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ');
    console.log(`suggestions by rule: ${rules}; first: ${page.items[0]?.name} (${page.items[0]?.suggestion.reason}; ${page.items[0]?.priority ?? 'no priority'})`);
    console.log(`Today ${sameToday ? 'lists the same people' : 'DIFFERS'} before and after the import (${after.keepInTouchTotal} due within a week; ${after.overdue.length} overdue shown)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
