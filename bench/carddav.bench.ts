// CardDAV sync against a local Radicale (Debian's radicale 3.1, as the tests start it), each figure beside a
// baseline measured in the same run with plain requests (what curl would send), never through Rapport's code:
//  - first sync of 5,000 cards the server holds, Rapport empty (target under 30 s); baseline: one addressbook-query
//    downloading every card with its etag;
//  - a sync with nothing changed (target under 1 s); baseline: one PROPFIND of the address book's ctag;
//  - first sync of contacts Rapport holds, server empty (uploads); baseline: the same cards PUT one after the other
//    into a second address book. Radicale 3.1 checks a new card's UID against every card already there, under its
//    write lock, so each PUT costs more as the book fills (48 ms empty, 550 ms at 5,000, measured) and uploads do
//    not overlap: 5,000 uploads take about 25 minutes whatever the client does. CARDDAV_BENCH_UPLOADS (default
//    1,000) sets how many; the verdict is the ratio to the plain PUTs.
// Node's CPU time is printed for each sync (Radicale's is not: it runs in its own process).
import { cpus, loadavg } from 'node:os';
import { fixedClock } from '../src/domain/clock.ts';
import { importRun } from '../src/services/import.service.ts';
import { syncAdd, syncRun } from '../src/services/sync/accounts.service.ts';
import { startRadicale, type Radicale } from '../tests/support/radicale.ts';
import { testContext } from '../tests/support/stores.ts';
import { ms } from './timing.ts';

const N = Number(process.env.CARDDAV_BENCH_CARDS ?? 5000);
const UPLOADS = Number(process.env.CARDDAV_BENCH_UPLOADS ?? 1000);

function card(i: number, uid: boolean): string {
  return [
    'BEGIN:VCARD', 'VERSION:3.0', ...(uid ? [`UID:bench-${i}`] : []), `FN:Person ${i} Example`, `N:Example;Person ${i};;;`, `EMAIL;TYPE=work:person${i}@example.org`,
    `TEL;TYPE=cell:+44 20 7946 ${String(i % 10000).padStart(4, '0')}`, `ORG:Company ${i % 200}`, 'TITLE:Engineer', `X-CUSTOM-FIELD:kept ${i}`, 'END:VCARD', '',
  ].join('\r\n');
}
const cards = (n: number, uid: boolean) => Array.from({ length: n }, (_, i) => card(i, uid)).join('');

function plain(r: Radicale) {
  const auth = `Basic ${Buffer.from(`${r.user}:${r.password}`).toString('base64')}`;
  return async (url: string, init: RequestInit): Promise<string> => {
    const res = await fetch(url, { ...init, headers: { Authorization: auth, ...(init.headers as Record<string, string>) } });
    const body = await res.text();
    if (res.status >= 300) throw new Error(`${init.method} ${url}: ${res.status} ${body.slice(0, 300)}`);
    return body;
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const s = performance.now();
  const value = await fn();
  const wall = performance.now() - s;
  const u = process.cpuUsage(c);
  return { value, wall, cpu: (u.user + u.system) / 1000 };
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const line = (label: string, t: { wall: number; cpu?: number }, base: number, extra: string) =>
  console.log(`${label.padEnd(58)} ${ms(t.wall).padStart(8)} ms wall${t.cpu !== undefined ? `  ${ms(t.cpu).padStart(6)} ms node CPU` : ''}   ${(t.wall / base).toFixed(2)}× baseline   ${extra}`);

async function downloadAndIdle(): Promise<void> {
  const r = await startRadicale();
  const t = await testContext('sqlite', fixedClock('2026-12-07T12:00:00.000Z'));
  const req = plain(r);
  try {
    // Radicale takes a whole address book in one PUT (one upload instead of 5,000).
    await req(r.addressBookUrl, { method: 'PUT', body: cards(N, true), headers: { 'Content-Type': 'text/vcard' } });
    await t.run(syncAdd, { kind: 'carddav', name: 'bench', url: r.url, username: r.user, password: r.password });
    const query = '<?xml version="1.0"?><c:addressbook-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop><d:getetag/><c:address-data/></d:prop></c:addressbook-query>';
    const download = () => req(r.addressBookUrl, { method: 'REPORT', headers: { Depth: '1', 'Content-Type': 'application/xml' }, body: query });
    await download(); // Radicale's item cache is built by the first read of the book, for the baseline and the sync alike.
    const base = await timed(download);
    const got = (base.value.match(/BEGIN:VCARD/g) ?? []).length;
    if (got !== N) throw new Error(`baseline downloaded ${got} cards, not ${N}`);

    const first = await timed(() => t.run(syncRun, { name: 'bench' }));
    const res = first.value[0];
    if (!res?.result || res.result.created !== N || res.result.errors.length) throw new Error(`first sync: ${JSON.stringify(res).slice(0, 500)}`);

    const ctag = () => req(r.addressBookUrl, { method: 'PROPFIND', headers: { Depth: '0', 'Content-Type': 'application/xml' }, body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:prop><cs:getctag/></d:prop></d:propfind>' });
    // Alternately: the ctag alone, then a whole sync with nothing changed; medians of 5.
    const idle: { wall: number; cpu: number }[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 5; i++) {
      bare.push((await timed(ctag)).wall);
      const again = await timed(() => t.run(syncRun, { name: 'bench' }));
      const a = again.value[0]?.result;
      if (!a || a.created + a.updated + a.deleted !== 0 || a.errors.length) throw new Error(`nothing-changed sync changed something: ${JSON.stringify(again.value)}`);
      idle.push(again);
    }
    idle.sort((a, b) => a.wall - b.wall);
    bare.sort((a, b) => a - b);
    const idleMid = idle[2]!;
    console.log(`baseline: one addressbook-query downloading ${N} cards             ${ms(base.wall).padStart(8)} ms`);
    line(`first sync of ${N} server cards into an empty Rapport`, first, base.wall, `target < 30000 ms: ${verdict(first.wall < 30_000)}`);
    console.log(`baseline: one PROPFIND of the ctag (median of 5)                 ${ms(bare[2]!).padStart(8)} ms`);
    line(`sync with nothing changed, ${N} cards (median of 5)`, idleMid, bare[2]!, `target < 1000 ms: ${verdict(idleMid.wall < 1000)}`);
  } finally {
    await t.close();
    await r.close();
  }
}

async function uploads(): Promise<void> {
  const r = await startRadicale();
  const t = await testContext('sqlite', fixedClock('2026-12-07T12:00:00.000Z'));
  const req = plain(r);
  try {
    // The baseline's own address book, beside the one the sync fills, both empty at the start.
    const other = new URL('../plain/', r.addressBookUrl).href;
    await req(other, {
      method: 'MKCOL', headers: { 'Content-Type': 'application/xml' },
      body: '<?xml version="1.0"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype></D:prop></D:set></D:mkcol>',
    });
    const base = await timed(async () => {
      for (let i = 0; i < UPLOADS; i++) await req(`${other}plain-${i}.vcf`, { method: 'PUT', body: card(i, true), headers: { 'Content-Type': 'text/vcard; charset=utf-8', 'If-None-Match': '*' } });
    });
    await t.run(importRun, { content: cards(UPLOADS, false), filename: 'bench.vcf', format: 'vcard' });
    await t.run(syncAdd, { kind: 'carddav', name: 'bench', url: r.url, username: r.user, password: r.password, options: { addressBook: r.addressBookUrl } });
    const first = await timed(() => t.run(syncRun, { name: 'bench' }));
    const res = first.value[0];
    if (!res?.result || res.result.created !== UPLOADS || res.result.errors.length) throw new Error(`upload sync: ${JSON.stringify(res).slice(0, 500)}`);
    console.log(`baseline: ${UPLOADS} plain PUTs one after the other                      ${ms(base.wall).padStart(8)} ms`);
    line(`first sync uploading ${UPLOADS} Rapport contacts to an empty book`, first, base.wall, `target ≤ 1.2× the plain PUTs: ${verdict(first.wall <= base.wall * 1.2)}`);
  } finally {
    await t.close();
    await r.close();
  }
}

export default async function main(): Promise<void> {
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  await downloadAndIdle();
  if (UPLOADS > 0) await uploads();
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
}
