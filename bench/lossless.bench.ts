// `npm run bench lossless`: the issue-13 targets, in one process on a SQLite file.
//  1. a seeded 30,000-row LinkedIn Connections.csv in which thousands of people share a name but never a profile URL
//     (bench/namesakes.ts) imported through `import.run` (parse, validate, E.164/strong-identifier matching with the
//     namesake veto, write), against a bare csv-parse + prepared-insert loop writing the same contacts and links;
//     the contact count must equal the distinct URLs; then the same file again (nothing may change);
//  2. the 30,000 contacts exported as vCard 4.0 and 3.0 through `export`, against a bare serialisation of the same
//     rows (one query, string concatenation, no escaping or folding).
// Target: each service figure under 3 s. BENCH_LOSSLESS_SIZE=5000 runs it smaller. Printed, never asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { systemClock } from '../src/domain/clock.ts';
import { normaliseLinkedInUrl, normaliseName } from '../src/domain/contact.ts';
import { exportOp } from '../src/services/export.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import { namesakesCsv } from './namesakes.ts';

const SIZE = Number(process.env.BENCH_LOSSLESS_SIZE ?? 30_000);
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpu: number; value: T }> {
  const [t, c] = [performance.now(), cpuMs()];
  const value = await fn();
  return { ms: performance.now() - t, cpu: cpuMs() - c, value };
}

function bareImport(path: string, text: string): number {
  const raw = new SQLite(path);
  raw.pragma('journal_mode = WAL');
  const rows = parse(text, { from_line: 4, columns: true, relax_column_count: true }) as Record<string, string>[];
  const now = new Date().toISOString();
  const contact = raw.prepare(`insert into contacts (workspace_id, name, name_key, given_name, family_name, title, networks, archived, next_due_on, created_at, updated_at)
    values (1, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)`);
  const link = raw.prepare('insert into contact_web_links (workspace_id, contact_id, url, url_key, label, position) values (1, ?, ?, ?, ?, 0)');
  raw.transaction(() => {
    for (const r of rows) {
      const name = `${r['First Name']} ${r['Last Name']}`.trim();
      const id = Number(contact.run(name, normaliseName(name), r['First Name'], r['Last Name'], r.Position, now.slice(0, 10), now, now).lastInsertRowid);
      link.run(id, r.URL, normaliseLinkedInUrl(r.URL!), 'LinkedIn');
    }
  })();
  raw.close();
  return rows.length;
}

function bareVcard(path: string): string {
  const raw = new SQLite(path, { readonly: true });
  const rows = raw.prepare(`select c.id, c.name, c.given_name, c.family_name, c.title, l.url from contacts c left join contact_web_links l on l.contact_id = c.id order by c.id`).all() as
    { id: number; name: string; given_name: string | null; family_name: string | null; title: string | null; url: string | null }[];
  raw.close();
  let out = '';
  for (const r of rows) {
    out += `BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:rapport:contact:${r.id}\r\nFN:${r.name}\r\nN:${r.family_name ?? ''};${r.given_name ?? ''};;;\r\n${r.title ? `TITLE:${r.title}\r\n` : ''}${r.url ? `URL:${r.url}\r\n` : ''}END:VCARD\r\n`;
  }
  return out;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export default async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-lossless-bench-'));
  try {
    const { csv, distinctUrls, sharedNames } = namesakesCsv(SIZE);
    const input = { content: csv, filename: 'Connections.csv' };
    const barePath = join(dir, 'bare.db');
    await (await openStore({ location: barePath })).close();
    const bare = await timed(() => bareImport(barePath, csv));
    const store = await openStore({ location: join(dir, 'service.db') });
    const ctx = { store, clock: systemClock };
    const first = await timed(() => runOperation(ctx, importRun, input));
    const contacts = Number((await store.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const again = await timed(() => runOperation(ctx, importRun, input));
    const v4 = await timed(() => runOperation(ctx, exportOp, { format: 'vcard' }));
    const v3 = await timed(() => runOperation(ctx, exportOp, { format: 'vcard', vcardVersion: '3.0' }));
    await store.close();
    const bareExport = await timed(() => bareVcard(join(dir, 'service.db')));
    console.log(`\n${SIZE} LinkedIn rows, ${distinctUrls} distinct profile URLs, ${sharedNames} people sharing a name with someone; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log(`contacts after import: ${contacts} (${contacts === distinctUrls ? 'exactly the distinct URLs' : `WRONG: expected ${distinctUrls}`}); re-import created ${again.value.counts.created}, updated ${again.value.counts.updated}`);
    const rows: [string, number, number, string][] = [
      ['import (service)', first.ms, first.cpu, `${(first.ms / bare.ms).toFixed(1)}× bare csv-parse + insert (${s(bare.ms)})`],
      ['re-import, all unchanged', again.ms, again.cpu, ''],
      ['vCard 4.0 export (service)', v4.ms, v4.cpu, `${(v4.ms / bareExport.ms).toFixed(1)}× bare serialisation (${s(bareExport.ms)})`],
      ['vCard 3.0 export (service)', v3.ms, v3.cpu, `${(v3.ms / bareExport.ms).toFixed(1)}× bare serialisation`],
    ];
    for (const [what, ms, cpu, ratio] of rows) console.log(`${what.padEnd(30)} ${s(ms).padStart(8)}  cpu ${s(cpu).padStart(8)}  ${ms < 3000 ? 'under 3 s' : 'OVER 3 s'}  ${ratio}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
