import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../src/domain/dates.ts';
import { contactGet } from '../src/services/contacts.service.ts';
import { importPreview, importRun, type ImportReport } from '../src/services/import.service.ts';
import { interactionList } from '../src/services/interactions.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';
import { clientFixturesUrl, corpusUrl } from './support/fixtures.ts';

// A preamble and header in the shape of a real Connections.csv (tests/fixtures/clients/csv); rows are synthetic, one
// per quirk seen in real exports (the corpus's csv/linkedin_observed_quirks.md), since real rows are other people's data.
const FILE = 'linkedin_Connections_preamble_and_header.csv';
const FIXTURE = readFileSync(new URL(FILE, clientFixturesUrl('csv')), 'utf8');
const CORPUS = corpusUrl('csv');
const PREAMBLE_AND_HEADER = FIXTURE.replace(/\r?\n$/, '');

const QUIRK_ROWS = [
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.org,Analytical Engines,Countess,09 Oct 2024',
  'Grace,Hopper 🔸,https://www.linkedin.com/in/grace-hopper,,"80,000 Hours","Principal Consultant, Business Performance",14 Feb 2023',
  'Alan ,Turing ,https://www.linkedin.com/in/alan-turing,,Bletchley Park,Cryptanalyst,01 Jan 2020',
  'Mary\tJane,Watson,https://www.linkedin.com/in/mj-watson,,Daily Bugle,Photographer,03 Mar 2021',
  'Dr. Katherine,Johnson,https://www.linkedin.com/in/kjohnson,,NASA,Mathematician,05 May 2019',
  'Robert (Bob),Smith 🇬🇧,https://www.linkedin.com/in/bob-smith,,Ελληνική Εταιρεία,Μηχανικός,12 Dec 2022',
  'Goran,Stipetić,https://www.linkedin.com/in/goran-stipeti%C4%87-123,,  -,Engineer,07 Jun 2018',
];

const lines = (rows: string[], eol = '\n') => `${[PREAMBLE_AND_HEADER, ...rows].join(eol)}${eol}`;

describe.each(DIALECTS)('LinkedIn Connections.csv on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const run = (content: string, extra: Record<string, unknown> = {}) => t.run(importRun, { content, filename: 'Connections.csv', ...extra });
  const contact = (id: number | null) => t.run(contactGet, { id });
  const byLine = (r: ImportReport, line: number) => r.rows.find((x) => x.line === line)!;

  it('finds the header past the preamble and keeps every quirk intact', async () => {
    const report = await run(lines(QUIRK_ROWS));
    expect(report.format).toBe('linkedin');
    expect(report.counts).toMatchObject({ created: 7, rejected: 0, blank: 0 });
    expect(report.rows.map((r) => r.line)).toEqual([5, 6, 7, 8, 9, 10, 11]);

    const ada = await contact(byLine(report, 5).contactId);
    expect(ada).toMatchObject({ name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace', organisation: 'Analytical Engines', title: 'Countess' });
    expect(ada.emails).toEqual([{ address: 'ada@example.org', label: null }]);
    expect(ada.webLinks).toEqual([{ url: 'https://www.linkedin.com/in/ada-lovelace', label: 'LinkedIn' }]);

    const grace = await contact(byLine(report, 6).contactId);
    expect(grace).toMatchObject({ name: 'Grace Hopper 🔸', familyName: 'Hopper', organisation: '80,000 Hours', title: 'Principal Consultant, Business Performance' });
    expect((await contact(byLine(report, 7).contactId)).name).toBe('Alan Turing');
    expect((await contact(byLine(report, 8).contactId)).name).toBe('Mary Jane Watson');
    expect(await contact(byLine(report, 9).contactId)).toMatchObject({ name: 'Dr. Katherine Johnson', givenName: 'Katherine' });
    expect(await contact(byLine(report, 10).contactId)).toMatchObject({ name: 'Robert (Bob) Smith 🇬🇧', givenName: 'Robert', familyName: 'Smith', organisation: 'Ελληνική Εταιρεία', title: 'Μηχανικός' });
    const goran = await contact(byLine(report, 11).contactId);
    expect(goran.organisation).toBeNull();
    expect(goran.webLinks[0]!.url).toBe('https://www.linkedin.com/in/goran-stipeti%C4%87-123');
  });

  it('"Connected On" is kept as a dated fact (kind connected, channel social) but is no conversation: the contact waits in triage', async () => {
    const report = await run(lines(QUIRK_ROWS.slice(0, 1)));
    const id = byLine(report, 5).contactId!;
    const timeline = await t.run(interactionList, { contactId: id });
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({ kind: 'connected', channel: 'social', occurredAt: '2024-10-09T12:00:00.000Z' });
    // Connecting is not speaking: no last conversation, and imported without a network it is unsorted, with no cadence.
    expect(await contact(id)).toMatchObject({ lastInteractionAt: null, nextDueOn: null, sortedAt: null });
    // Given a network at import, its cadence runs from the import, not from the day LinkedIn connected it.
    const sorted = await run(lines(QUIRK_ROWS.slice(1, 2)), { networks: ['personal'] });
    expect(await contact(byLine(sorted, 5).contactId)).toMatchObject({ lastInteractionAt: null, nextDueOn: addDays('2026-11-23', 60) });
  });

  it('reads a BOM, a quoted "Notes:" line, CRLF endings, no preamble at all, and the older six-column layout', async () => {
    const quoted = `\uFEFF"Notes:"\r\n${PREAMBLE_AND_HEADER.split(/\r?\n/).slice(1).join('\r\n')}\r\n${QUIRK_ROWS[0]}\r\n`;
    const a = await run(quoted);
    expect(a.counts.created).toBe(1);
    expect(a.rows[0]!.line).toBe(5);

    const bare = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${QUIRK_ROWS[1]}\n`;
    const b = await run(bare, { format: 'linkedin' });
    expect(b.counts.created).toBe(1);

    const older = 'First Name,Last Name,Email Address,Company,Position,Connected On\nLaura,Herbst,,Interhyp Gruppe,Working Student,07 May 2021\n';
    const c = await run(older);
    expect(c.format).toBe('linkedin');
    expect(await contact(c.rows[0]!.contactId)).toMatchObject({ name: 'Laura Herbst', organisation: 'Interhyp Gruppe', title: 'Working Student' });
  });

  it('unwraps rows a spreadsheet wrapped whole in quotes, with commas inside the position', async () => {
    const older = [
      'First Name,Last Name,Email Address,Company,Position,Connected On',
      '"Laura,Herbst,,Interhyp Gruppe, ""Digital Products & Technology, Working Student"",07 May 2021"',
      'Max,Muster,,ACME,Engineer,08 May 2021',
    ].join('\n');
    const report = await run(older);
    expect(report.counts).toMatchObject({ created: 2, rejected: 0 });
    expect(report.warnings.some((w) => /line 2: the whole row was wrapped in quotes/.test(w))).toBe(true);
    expect(await contact(report.rows[0]!.contactId)).toMatchObject({
      name: 'Laura Herbst', organisation: 'Interhyp Gruppe', title: 'Digital Products & Technology, Working Student',
    });
    const timeline = await t.run(interactionList, { contactId: report.rows[0]!.contactId });
    expect(timeline.items[0]!.occurredAt.slice(0, 10)).toBe('2021-05-07');
  });

  it('skips and counts blank rows; never creates an empty contact', async () => {
    const report = await run(lines([QUIRK_ROWS[0]!, ',,,,,,', '', ' , , ,,,,', QUIRK_ROWS[2]!]));
    expect(report.counts).toMatchObject({ created: 2, blank: 3 });
    expect(report.blankLines).toEqual([6, 7, 8]);
    const n = await t.store.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
  });

  it('re-importing the same file changes nothing', async () => {
    await run(lines(QUIRK_ROWS));
    const before = await t.store.db.selectFrom('contacts').selectAll().orderBy('id').execute();
    const again = await run(lines(QUIRK_ROWS));
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 7 });
    expect(again.rows.map((r) => r.matchedBy)).toEqual(['same email ada@example.org', ...Array(6).fill('same LinkedIn profile')]);
    expect(await t.store.db.selectFrom('contacts').selectAll().orderBy('id').execute()).toEqual(before);
    const interactions = await t.store.db.selectFrom('interactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(interactions.n)).toBe(7);
  });

  it('applies network, connection type and tag to every row, and rejects a bad date naming line and column', async () => {
    const report = await run(lines(QUIRK_ROWS.slice(0, 2)), { networks: ['strategic'], connectionType: 'colleague', tags: ['LinkedIn'] });
    expect(await contact(report.rows[0]!.contactId)).toMatchObject({ networks: ['strategic'], connectionType: 'colleague', tags: ['LinkedIn'] });

    const bad = lines(['Zed,Zero,,,,,Octember 9th']);
    const preview = await t.run(importPreview, { content: bad, filename: 'Connections.csv' });
    expect(preview.rejected).toEqual([{ line: 5, reason: 'Connected On: not a date "Octember 9th" (expected like "09 Oct 2024")' }]);
    await expect(run(bad)).rejects.toThrow('Connections.csv line 5: Connected On: not a date "Octember 9th"');
  });
});

// The corpus's copy of a real export's first lines: ours has the same shape, and the real one imports the same way.
describe.skipIf(!CORPUS)('corpus: the real LinkedIn preamble and header', () => {
  const real = CORPUS ? readFileSync(new URL(FILE, CORPUS), 'utf8') : '';
  const shape = (text: string) => text.split(/\r?\n/).map((line) => (line.startsWith('"') ? '"…"' : line));

  it('has the lines ours has: "Notes:", one quoted line, a blank line, the header', () => {
    expect(shape(real)).toEqual(shape(FIXTURE));
  });

  it('imports a row below it', async () => {
    const t = await testContext('sqlite');
    try {
      const report = await t.run(importRun, { content: `${real.replace(/\r?\n$/, '')}\n${QUIRK_ROWS[1]}\n`, filename: 'Connections.csv' });
      expect(report).toMatchObject({ format: 'linkedin', counts: { created: 1, rejected: 0 } });
      expect(report.rows[0]!.line).toBe(5);
    } finally {
      await t.close();
    }
  });
});
