import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactGet } from '../src/services/contacts.service.ts';
import { importInput, runImport, type ImportReport } from '../src/services/import-run.ts';
import { importRun } from '../src/services/import.service.ts';
import { linkAdd } from '../src/services/links.service.ts';
import { mergeContacts } from '../src/services/merge.service.ts';
import { addContact, countRows } from './support/builders.ts';
import { QueryCounter } from './support/query-counter.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// Writes that touch many rows cost a fixed number of statements, whatever the number of rows: an import that
// updates stored contacts (new organisations, fields, cards, emails), organisation cards, and a merge of a
// contact with many links. Each is run twice, small and large, and both runs must send the same number.
describe.each(DIALECTS)('batched writes on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const vcard = (lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');
  const person = (i: number, more: string[] = []) => vcard([`FN:Person ${i}`, `N:${i};Person;;;`, `EMAIL;TYPE=work:p${i}@example.org`, ...more]);
  const importCounted = async (content: string): Promise<{ report: ImportReport; queries: number }> => {
    const counter = new QueryCounter();
    const input = importInput.parse({ content, filename: 'contacts.vcf' });
    const report = await t.store.transaction((tx) => runImport({ clock: t.clock, store: { ...tx, db: counter.watch(tx.db) } }, input, { write: true }));
    return { report, queries: counter.count };
  };

  // The second file names the same people (by email) with what the first lacked: a new company each, a title,
  // a nickname and an address (the card), a phone and a category; plus organisation cards (KIND:org).
  const richer = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k).map((i) => person(i, [
    `ORG:Company ${i}`, `TITLE:Engineer ${i}`, `NICKNAME:P${i}`, `ADR;TYPE=work:;;${i} Main St;Springfield;;;`, `TEL;TYPE=cell:+1 555 010 ${String(1000 + i)}`, `CATEGORIES:wave-${i % 2}`,
  ])).concat(Array.from({ length: n }, (_, k) => vcard(['KIND:org', `FN:Guild ${from + k}`, `ORG:Guild ${from + k}`, 'URL:https://guild.example.org']))).join('\r\n');

  it('updates stored contacts from an import in the same number of statements for 3 people as for 12', async () => {
    await t.run(importRun, { content: Array.from({ length: 15 }, (_, i) => person(i)).join('\r\n'), filename: 'first.vcf' });
    const few = await importCounted(richer(0, 3));
    const many = await importCounted(richer(3, 12));
    expect(few.report.counts).toMatchObject({ updated: 3, organisations: 3 });
    expect(many.report.counts).toMatchObject({ updated: 12, organisations: 12 });
    expect(many.queries).toBe(few.queries);

    // And what a user sees afterwards is every change, on every person.
    for (const row of many.report.rows) {
      const c = await t.run(contactGet, { id: row.contactId });
      const i = Number(/Person (\d+)/.exec(c.name)![1]);
      expect(c).toMatchObject({ organisation: `Company ${i}`, title: `Engineer ${i}`, tags: [`wave-${i % 2}`] });
      expect(c.phones).toEqual([{ number: `+1 555 010 ${1000 + i}`, label: 'mobile' }]);
      expect(c.card).toMatchObject({ nickname: `P${i}`, addresses: [expect.objectContaining({ street: `${i} Main St`, locality: 'Springfield' })] });
    }
    // 15 companies and 15 guilds, each once.
    expect(await countRows(t, 'organisations')).toBe(30);
  });

  it('merges a contact with 2 links in the same number of statements as one with 12, keeping the stronger of shared links', async () => {
    const mergeCounted = async (links: number): Promise<{ queries: number; keep: number; others: number[] }> => {
      const keep = await addContact(t, `Keep ${links}`);
      const gone = await addContact(t, `Gone ${links}`);
      const others: number[] = [];
      for (let i = 0; i < links; i++) {
        const other = await addContact(t, `Friend ${links}-${i}`);
        others.push(other);
        await t.run(linkAdd, { aId: gone, bId: other, strength: 4 });
        // Every other friend is known to both: the merged link keeps the stronger strength and the note.
        if (i % 2 === 0) await t.run(linkAdd, { aId: keep, bId: other, strength: 2, note: `kept note ${i}` });
      }
      await t.run(linkAdd, { aId: keep, bId: gone, strength: 5 });
      const counter = new QueryCounter();
      await t.store.transaction((tx) => mergeContacts({ clock: t.clock, store: { ...tx, db: counter.watch(tx.db) } }, keep, gone));
      return { queries: counter.count, keep, others };
    };
    const few = await mergeCounted(2);
    const many = await mergeCounted(12);
    expect(many.queries).toBe(few.queries);

    const links = await t.store.db.selectFrom('links').selectAll().where((eb) => eb.or([eb('a_id', '=', many.keep), eb('b_id', '=', many.keep)])).orderBy('a_id').orderBy('b_id').execute();
    expect(links.map((l) => [l.a_id === many.keep ? l.b_id : l.a_id, l.strength, l.note])).toEqual(
      many.others.map((other, i) => [other, 4, i % 2 === 0 ? `kept note ${i}` : null]),
    );
  });
});
