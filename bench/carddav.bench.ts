// CardDAV sync against a local Radicale (Debian's radicale, as the tests start it): the first sync of 5,000 cards
// (target under 30 s) and a sync with nothing changed (target under 1 s), each beside a baseline measured in the
// same run: listing the address book's etags and downloading every card, which any sync must at least do.
import { syncAdd, syncRun } from '../src/services/sync/accounts.service.ts';
import { davSession } from '../src/services/sync/dav-http.ts';
import { fetchCards, listCards } from '../src/services/sync/carddav-client.ts';
import { findAccount } from '../src/services/sync/accounts.service.ts';
import { startRadicale } from '../tests/support/radicale.ts';
import { testContext } from '../tests/support/stores.ts';
import { ms } from './timing.ts';
import { fixedClock } from '../src/domain/clock.ts';

const N = Number(process.env.CARDDAV_BENCH_CARDS ?? 5000);

function cards(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(['BEGIN:VCARD', 'VERSION:3.0', `UID:bench-${i}`, `FN:Person ${i} Example`, `N:Example;Person ${i};;;`, `EMAIL;TYPE=work:person${i}@example.org`,
      `TEL;TYPE=cell:+44 20 7946 ${String(i).padStart(4, '0')}`, `ORG:Company ${i % 200}`, 'TITLE:Engineer', `X-CUSTOM-FIELD:kept ${i}`, 'END:VCARD'].join('\r\n'));
  }
  return `${out.join('\r\n')}\r\n`;
}

export default async function main(): Promise<void> {
  const r = await startRadicale();
  const t = await testContext('sqlite', fixedClock('2026-12-07T12:00:00.000Z'));
  try {
    // Radicale takes a whole address book in one PUT (one upload instead of 5,000).
    let s = performance.now();
    const put = await fetch(r.addressBookUrl, { method: 'PUT', body: cards(N), headers: { 'Content-Type': 'text/vcard', Authorization: `Basic ${Buffer.from(`${r.user}:${r.password}`).toString('base64')}` } });
    if (put.status >= 300) throw new Error(`seeding Radicale failed: ${put.status} ${await put.text()}`);
    console.log(`seeded ${N} cards in ${ms(performance.now() - s)} ms`);
    await t.run(syncAdd, { kind: 'carddav', name: 'bench', url: r.url, username: r.user, password: r.password });

    const account = await findAccount(t.store, 'bench');
    const session = davSession({ ...account, collection_url: r.addressBookUrl });
    s = performance.now();
    const listed = await listCards(session, r.addressBookUrl);
    const all = await fetchCards(session, r.addressBookUrl, [...listed.keys()]);
    const baseline = performance.now() - s;

    s = performance.now();
    const [first] = await t.run(syncRun, { name: 'bench' });
    const firstMs = performance.now() - s;
    if (!first?.result || first.result.created !== N) throw new Error(`first sync: ${JSON.stringify(first).slice(0, 500)}`);

    const idle: number[] = [];
    for (let i = 0; i < 5; i++) {
      s = performance.now();
      const [again] = await t.run(syncRun, { name: 'bench' });
      idle.push(performance.now() - s);
      if (!again?.result || again.result.created + again.result.updated !== 0) throw new Error(`nothing-changed sync changed something: ${JSON.stringify(again)}`);
    }
    idle.sort((a, b) => a - b);
    const idleMs = idle[2]!;
    console.log(`baseline: list ${listed.size} etags + download ${all.length} cards   ${ms(baseline)} ms`);
    console.log(`first sync of ${N} cards (download, match, create)     ${ms(firstMs)} ms   ${(firstMs / baseline).toFixed(1)}× baseline   target < 30000 ms: ${firstMs < 30_000 ? 'met' : 'MISSED'}`);
    console.log(`sync with nothing changed (median of 5)               ${ms(idleMs)} ms   ${(idleMs / baseline).toFixed(2)}× baseline   target < 1000 ms: ${idleMs < 1000 ? 'met' : 'MISSED'}`);
  } finally {
    await t.close();
    await r.close();
  }
}
