import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactUpdate } from '../src/services/contacts.service.ts';
import { syncAdd, syncRun } from '../src/services/sync/accounts.service.ts';
import { splitCards } from '../src/io/vcard-split.ts';
import { clientFixturesUrl, corpusUrl } from './support/fixtures.ts';
import { oracleAvailable, vobjectCards, type OracleProp } from './support/oracle.ts';
import { radicaleAvailable, startRadicale, type Radicale } from './support/radicale.ts';
import { testContext } from './support/stores.ts';
import { lostProperties } from './support/vcard-diff.ts';


// Each card uploaded to Radicale as its client wrote it, synced down, edited in Rapport (a new title), synced up,
// read back from the server and compared with what the server first held, property by property, by vobject.
// Only TITLE may differ; every other property must come back. The table printed is the closing note's.
async function roundTrip(r: Radicale, file: string, text: string): Promise<{ cards: number; changed: string[]; lost: string[]; refused: number }> {
  for (const h of await r.list()) await r.remove(h);
  const t = await testContext('sqlite');
  try {
    // A client uploading over CardDAV gives each card a UID (Radicale refuses one without); files exported for
    // import often have none, so one is added, as the client would.
    const withUid = (lines: string[], i: number) => (lines.some((l) => /^UID[:;]/i.test(l)) ? lines : [lines[0]!, `UID:fixture-${i}`, ...lines.slice(1)]);
    const cards = splitCards(text, file).cards.map((c, i) => `${withUid(c.lines, i).join('\r\n')}\r\n`);
    const stored: string[] = [];
    let refused = 0;
    for (const [i, c] of cards.entries()) {
      const res = await r.put(`card-${i}.vcf`, c);
      if (res.status >= 400) { refused++; continue; }
      stored.push(`card-${i}.vcf`);
    }
    await t.run(syncAdd, { kind: 'carddav', name: 'rt', url: r.url, username: r.user, password: r.password });
    const sync = async () => { const [o] = await t.run(syncRun, { name: 'rt' }); expect(o!.error).toBeNull(); return o!.result!; };
    const before = new Map<string, string>();
    for (const h of stored) before.set(h, (await r.get(h)).body);
    await sync();
    const ids = (await t.store.db.selectFrom('carddav_cards').select(['href', 'contact_id']).execute());
    for (const { contact_id } of ids) if (contact_id !== null) await t.run(contactUpdate, { id: contact_id, title: 'Edited in Rapport' });
    await sync();
    const lost: string[] = [];
    const changed = new Set<string>();
    for (const { href } of ids) {
      const name = decodeURIComponent(href.split('/').pop()!);
      const src = before.get(name);
      if (!src) continue;
      let source: OracleProp[];
      try { source = vobjectCards(src)[0]!; } catch { continue; }
      const back = vobjectCards((await r.get(name)).body)[0] ?? [];
      expect(back.find((p) => p.name === 'TITLE')?.value, `${file} ${name}`).toBe('Edited in Rapport');
      for (const l of lostProperties(source.filter((p) => p.name !== 'TITLE'), back)) lost.push(`${name}: ${l}`);
      const names = new Set(source.map((p) => p.name));
      for (const p of back) if (!names.has(p.name) && p.name !== 'TITLE') changed.add(p.name);
    }
    return { cards: cards.length, changed: [...changed].sort(), lost, refused };
  } finally {
    await t.close();
  }
}

function suite(title: string, root: URL | null) {
  const files = root ? readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.vcf')).sort() : [];
  describe.runIf(root !== null && radicaleAvailable && oracleAvailable)(title, () => {
    let r: Radicale;
    const rows: string[] = [];
    beforeAll(async () => { r = await startRadicale(); });
    afterAll(async () => {
      await r?.close();
      if (rows.length) console.log(`CardDAV round trip (${title}): file | cards | refused by Radicale | added by Rapport | lost\n${rows.join('\n')}`);
    });
    it.each(files)('%s', async (file) => {
      const res = await roundTrip(r, file, readFileSync(new URL(file, root!), 'utf8'));
      rows.push(`${file} | ${res.cards} | ${res.refused} | ${res.changed.join(' ') || '-'} | ${res.lost.length ? res.lost.join('; ') : 'nothing'}`);
      expect(res.lost).toEqual([]);
    }, 60_000);
  });
}

suite('real-client cards through Radicale and back (tests/fixtures/clients)', clientFixturesUrl('vcard'));
suite('corpus: real-client cards through Radicale and back', corpusUrl('vcard'));
