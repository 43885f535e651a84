import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { namesakesCsv } from '../bench/namesakes.ts';
import { contactGet } from '../src/services/contacts.service.ts';
import { duplicatesList } from '../src/services/duplicates.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

const count = async (t: TestContext) => Number((await t.store.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const vcards = (...cards: string[][]) => cards.map((lines) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n')).join('\r\n') + '\r\n';

describe.each(DIALECTS)('matching never merges two people, on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });
  const run = (content: string, filename: string) => t.run(importRun, { content, filename });
  const duplicates = async () => (await t.run(duplicatesList, { limit: 500 })).items;

  it('namesakes with different LinkedIn profiles stay apart: as many contacts as distinct URLs, and a re-import changes nothing', async () => {
    const { csv, distinctUrls, sharedNames } = namesakesCsv(1200);
    expect(sharedNames).toBeGreaterThan(40);
    const first = await run(csv, 'Connections.csv');
    expect(await count(t)).toBe(distinctUrls);
    expect(first.counts.created).toBe(distinctUrls);
    // Namesakes with two profiles are two people, not even a suggestion.
    expect(first.suggestedDuplicates).toEqual([]);
    expect((await duplicates()).filter((p) => p.reasons.some((r) => r.startsWith('same name')))).toEqual([]);
    const again = await run(csv, 'Connections.csv');
    expect(again.counts).toMatchObject({ created: 0, updated: 0 });
    expect(await count(t)).toBe(distinctUrls);
  });

  it('a name alone is a suggested duplicate, in the report and in `duplicates`, never a merge; the same file again changes nothing', async () => {
    const file = vcards(['FN:Ada Lovelace', 'TITLE:Countess'], ['FN:Ada Lovelace', 'NOTE:met at the Royal Society'], ['FN:Ada Lovelace', 'EMAIL:ada@example.org']);
    const report = await run(file, 'ada.vcf');
    expect(report.counts.created).toBe(3);
    expect(report.suggestedDuplicates.map((s) => [s.line, s.withLine, s.reason])).toEqual([
      [6, 1, 'same name, and neither has an organisation'], [11, 1, 'same name, and neither has an organisation'],
    ]);
    expect(report.suggestedDuplicates.every((s) => s.withContactId === report.rows[0]!.contactId)).toBe(true);
    expect((await duplicates()).map((p) => [p.a.id, p.b.id, p.reasons])).toEqual([
      [1, 2, ['same name, and neither has an organisation']], [1, 3, ['same name, and neither has an organisation']], [2, 3, ['same name, and neither has an organisation']],
    ]);
    const again = await run(file, 'ada.vcf');
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await count(t)).toBe(3);
  });

  it('two emails with none in common veto a match by name and organisation', async () => {
    await run(vcards(['FN:Tim Smith', 'ORG:Acme', 'EMAIL:tim@acme.example']), 'a.vcf');
    const report = await run(vcards(['FN:Tim Smith', 'ORG:Acme', 'EMAIL:tim.smith@other.example']), 'b.vcf');
    expect(report.counts.created).toBe(1);
    expect(report.suggestedDuplicates).toEqual([]);
    expect(await duplicates()).toEqual([]);
  });

  it('phones match in E.164 under the default region: "Dr. Marie Curie" with +33 1… is "Marie Curie" with 01…', async () => {
    await t.run(settingsUpdate, { defaultRegion: 'FR' });
    await run(vcards(['FN:Dr. Marie Curie', 'TEL:+33 1 23 45 67 89'], ['FN:Pierre Dupont', 'TEL:+31 20 123 4567']), 'a.vcf');
    await t.run(settingsUpdate, { defaultRegion: 'NL' });
    // A new region reads the stored national numbers again; the Dutch number typed nationally now matches.
    const report = await run(vcards(['FN:Marie Curie', 'EMAIL:Marie@Example.org', 'TEL:+33 (0)1 23 45 67 89'], ['FN:P. Dupont', 'TEL:020 123 4567']), 'b.vcf');
    expect(report.rows.map((r) => [r.outcome, r.matchedBy])).toEqual([['updated', 'same phone number'], ['unchanged', 'same phone number']]);
    const marie = await t.run(contactGet, { id: 1 });
    // What the user typed is what is shown; the email keeps its capitals.
    expect(marie.phones.map((p) => p.number)).toEqual(['+33 1 23 45 67 89']);
    expect(marie.emails.map((e) => e.address)).toEqual(['Marie@Example.org']);
    await run(vcards(['FN:Marie Curie', 'TEL:01 23 45 67 89']), 'c.vcf').catch(() => null);
    await t.run(settingsUpdate, { defaultRegion: 'FR' });
    expect((await duplicates()).some((p) => p.a.name === 'Dr. Marie Curie' && p.reasons.some((r) => r.startsWith('same phone number')))).toBe(true);
  });
});
