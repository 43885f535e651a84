import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactGet } from '../src/services/contacts.service.ts';
import { exportOp } from '../src/services/export.service.ts';
import { importRun, type ImportReport } from '../src/services/import.service.ts';
import { fixturesUrl } from './support/fixtures.ts';
import { oracleAvailable, vobjectCards, type OracleProp } from './support/oracle.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';
import { lostProperties } from './support/vcard-diff.ts';

const OWN = new URL('fixtures/lossless/', import.meta.url);

async function importText(t: TestContext, text: string, filename: string): Promise<ImportReport> {
  return t.run(importRun, { content: Buffer.from(text).toString('base64'), base64: true, filename });
}
const exportVcard = (t: TestContext, vcardVersion: '3.0' | '4.0' = '4.0') => t.run(exportOp, { format: 'vcard', vcardVersion });
const contact = (t: TestContext, id: number | null) => t.run(contactGet, { id });
const prop = (card: OracleProp[], name: string) => card.filter((p) => p.name === name);

describe.each(DIALECTS)('the whole vCard on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  it('keeps addresses, name parts, dates, whole notes, unmodelled properties; KIND:org is an organisation; archived and snoozed come back', async () => {
    const text = readFileSync(new URL('apple-two-addresses.vcf', OWN), 'utf8');
    const report = await importText(t, text, 'apple-two-addresses.vcf');
    expect(report.counts).toMatchObject({ created: 2, organisations: 1, rejected: 0 });
    expect(report.warnings).toContain('line 39: a KIND:org card, so the organisation "Institut du Radium", not a contact');
    const marie = await contact(t, report.rows[0]!.contactId);
    expect(marie).toMatchObject({
      name: 'Dr. Marie Curie', givenName: 'Marie', familyName: 'Curie', organisation: 'Sorbonne', title: 'Professor', birthday: '1867-11-07',
      notes: 'met at conf, very keen; knows everyone', tags: ['Nobel', 'Science'],
      emails: [{ address: 'Marie.Curie@Sorbonne.example', label: 'Other' }, { address: 'marie@example.org', label: 'home' }],
    });
    expect(marie.card).toMatchObject({ nickname: 'Manya', namePrefix: 'Dr.', middleName: 'Salomea', nameSuffix: 'PhD', organisationUnit: 'Physics Lab' });
    expect(marie.card!.addresses).toEqual([
      { label: 'home', poBox: null, extended: null, street: '36 Quai de Béthune', locality: 'Paris', region: null, postcode: '75004', country: 'France' },
      { label: 'work', poBox: null, extended: 'Bât. B', street: '1 Rue Pierre et Marie Curie, 2e étage', locality: 'Paris', region: 'Île-de-France', postcode: '75005', country: 'France' },
    ]);
    expect(marie.card!.dates).toEqual([{ kind: 'anniversary', label: 'Anniversary', year: 1895, month: 7, day: 26 }]);
    expect(marie.card!.properties).toEqual([
      'item3.X-ABADR:fr', 'item5.X-SOCIALPROFILE;type=twitter;x-user=mcurie:https://twitter.com/mcurie',
      'IMPP;X-SERVICE-TYPE=Skype;type=HOME:skype:marie.curie', 'X-ABShowAs:PERSON',
    ]);
    const pierre = await contact(t, report.rows[1]!.contactId);
    expect(pierre).toMatchObject({ archived: true, snoozedUntil: '2027-02-01' });
    expect(pierre.card!.dates).toEqual([{ kind: 'anniversary', label: null, year: null, month: 7, day: 26 }]);
    expect(pierre.card!.properties).toEqual(['KIND:individual', 'GENDER:M', 'LANG;PREF=1:fr']);
    const org = await t.store.db.selectFrom('organisations').selectAll().where('name', '=', 'Institut du Radium').executeTakeFirstOrThrow();
    expect(org.website).toBe('https://radium.example');

    // Exported and imported into an empty database, then exported again: the same cards.
    const first = await exportVcard(t);
    const fresh = await testContext(dialect);
    try {
      await importText(fresh, first.content, 'rapport.vcf');
      expect((await exportVcard(fresh)).content).toBe(first.content);
      expect((await contact(fresh, pierre.id))).toMatchObject({ archived: true, snoozedUntil: '2027-02-01' });
    } finally {
      await fresh.close();
    }
  });

  it.runIf(oracleAvailable)('python-vobject reads the 4.0 and 3.0 exports with the stored fields, and no property of the source is lost', async () => {
    const text = readFileSync(new URL('apple-two-addresses.vcf', OWN), 'utf8');
    const report = await importText(t, text, 'apple-two-addresses.vcf');
    const marie = await contact(t, report.rows[0]!.contactId);
    const source = vobjectCards(text);
    for (const version of ['4.0', '3.0'] as const) {
      const cards = vobjectCards((await exportVcard(t, version)).content);
      expect(cards).toHaveLength(2);
      const card = cards[0]!;
      expect(prop(card, 'VERSION')[0]!.value).toBe(version);
      expect(prop(card, 'FN')[0]!.value).toBe(marie.name);
      expect(prop(card, 'N')[0]!.value).toEqual({ family: 'Curie', given: 'Marie', additional: 'Salomea', prefix: 'Dr.', suffix: 'PhD' });
      expect(prop(card, 'EMAIL').map((p) => p.value)).toEqual(marie.emails.map((e) => e.address));
      expect(prop(card, 'NOTE')[0]!.value).toBe(marie.notes);
      expect(prop(card, 'ORG')[0]!.value).toEqual(['Sorbonne', 'Physics Lab']);
      expect(prop(card, 'ADR').map((p) => (p.value as { street: string }).street)).toEqual(marie.card!.addresses.map((a) => a.street));
      expect(prop(card, 'X-SOCIALPROFILE')[0]).toMatchObject({ group: 'item5', params: { TYPE: ['twitter'], 'X-USER': ['mcurie'] }, value: 'https://twitter.com/mcurie' });
      for (const [i, s] of source.slice(0, 2).entries()) {
        const lost = lostProperties(s, cards[i]!);
        if (lost.length) console.log(`${version} card ${i + 1} lost: ${lost.join(' | ')}`);
        expect(lost, `${version} card ${i + 1}`).toEqual([]);
      }
    }
  });
});

// The outside corpus (../shared/fixtures/vcard): every real-client card imported, exported, read by vobject, and
// compared property by property with the same card read from the source file.
const corpus = (() => {
  try { return fixturesUrl('vcard'); } catch { return null; }
})();

describe.runIf(corpus !== null && oracleAvailable)('real-client vCards survive import → export, property by property', () => {
  const files = corpus ? readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.vcf')).sort() : [];
  let t: TestContext;
  beforeEach(async () => { t = await testContext('sqlite'); });
  afterEach(async () => { await t.close(); });

  it('runs on the corpus', () => {
    console.log(`vCard round trip: ${files.length} corpus files`);
    expect(files.length).toBeGreaterThanOrEqual(29);
  });

  it.each(files)('%s', async (rel) => {
    const bytes = readFileSync(new URL(rel, corpus!));
    let source: OracleProp[][];
    try {
      source = vobjectCards(bytes.toString('utf8'));
    } catch {
      // vobject cannot read every real file (2.1 quirks): there is nothing for it to compare.
      return;
    }
    const report = await t.run(importRun, { content: bytes.toString('base64'), base64: true, filename: rel });
    const people = source.filter((card) => !card.some((p) => p.name === 'KIND' && /^org/i.test(String(p.value))));
    // vobject is a 3.0 reader (it misreads 4.0 data: URIs), so the corpus is compared through the 3.0 export.
    const exported = vobjectCards((await exportVcard(t, '3.0')).content);
    const lost: string[] = [];
    // Cards are exported in id order, which is the file's order; blank cards (no name, no email) are not created.
    const created = people.filter((_, i) => report.rows.some((r) => r.outcome === 'created' && i === report.rows.indexOf(r)));
    for (const [i, card] of created.entries()) lost.push(...lostProperties(card, exported[i] ?? []).map((l) => `card ${i + 1}: ${l}`));
    if (lost.length) console.log(`${rel}: lost on the round trip:\n  ${lost.join('\n  ')}`);
    expect(lost).toEqual([]);
  });
});
