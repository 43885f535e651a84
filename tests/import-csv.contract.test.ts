import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactCreate, contactGet } from '../src/services/contacts.service.ts';
import { importPreview, importRun } from '../src/services/import.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';
import { clientFixturesUrl, corpusUrl } from './support/fixtures.ts';

// Header rows as the real exporters write them (tests/fixtures/clients/csv); data rows are built here, cell by column name.
const headerLines = (file: string, root: URL = clientFixturesUrl('csv')) => readFileSync(new URL(file, root), 'utf8')
  .split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
const [GOOGLE, GOOGLE_LEGACY] = headerLines('google_contacts_headers.txt') as [string, string];
const [OUTLOOK, OUTLOOK_LIVE] = headerLines('outlook_contacts_headers.txt') as [string, string];

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function csv(header: string, rows: Record<string, string>[]): string {
  const columns = header.split(',');
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) throw new Error(`test bug: no column ${k}`);
  return `${[header, ...rows.map((r) => columns.map((c) => quote(r[c] ?? '')).join(','))].join('\r\n')}\r\n`;
}

describe.each(DIALECTS)('CSV imports on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const run = (content: string, extra: Record<string, unknown> = {}) => t.run(importRun, { content, filename: 'contacts.csv', ...extra });
  const contact = (id: number | null) => t.run(contactGet, { id });
  const count = async () => Number((await t.store.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('Google Contacts (current export): names, repeated e-mail/phone groups with labels, " ::: " values, labels as tags', async () => {
    const content = `\uFEFF${csv(GOOGLE, [{
      'First Name': 'Ada', 'Last Name': 'Lovelace', 'Organization Name': 'Analytical Engines', 'Organization Title': 'Countess', Birthday: '1815-12-10',
      Notes: 'Met at the Royal Society.\nLikes poetry.', Labels: '* myContacts ::: Mentors', 'E-mail 1 - Label': '* Work', 'E-mail 1 - Value': 'ada@example.org ::: ada@engines.example',
      'Phone 1 - Label': 'Mobile', 'Phone 1 - Value': '+44 20 7946 0000', 'Address 1 - City': 'London', 'Address 1 - Country': 'UK', 'Website 1 - Value': 'https://ada.example.org',
    }, { 'E-mail 1 - Value': 'someone@example.net', Labels: '* Other Contacts' }])}`;
    const report = await run(content);
    expect(report.format).toBe('google');
    expect(report.counts).toMatchObject({ created: 2, rejected: 0 });
    const ada = await contact(report.rows[0]!.contactId);
    expect(ada).toMatchObject({ name: 'Ada Lovelace', organisation: 'Analytical Engines', title: 'Countess', birthday: '1815-12-10', location: 'London, UK', tags: ['Mentors'], notes: 'Met at the Royal Society.\nLikes poetry.' });
    expect(ada.emails).toEqual([{ address: 'ada@example.org', label: 'Work' }, { address: 'ada@engines.example', label: 'Work' }]);
    expect(ada.phones).toEqual([{ number: '+44 20 7946 0000', label: 'Mobile' }]);
    // Google's "Other Contacts" are email-only: named after the address for now, and said so.
    expect((await contact(report.rows[1]!.contactId)).name).toBe('someone@example.net');
    // Ada's notes span two lines, so the second row starts on line 4.
    expect(report.warnings).toContain('line 4: no name: called "someone@example.net" for now');
  });

  it('Google Contacts (legacy export)', async () => {
    const report = await run(csv(GOOGLE_LEGACY, [{ Name: 'Charles Babbage', 'Given Name': 'Charles', 'Family Name': 'Babbage', 'Group Membership': '* My Contacts ::: Engineers', 'E-mail 1 - Type': '* Home', 'E-mail 1 - Value': 'charles@example.org', 'Phone 1 - Value': '020 7946 0001', Birthday: '--12-26' }]));
    expect(report.format).toBe('google');
    expect(await contact(report.rows[0]!.contactId)).toMatchObject({ name: 'Charles Babbage', tags: ['Engineers'], birthday: '--12-26', emails: [{ address: 'charles@example.org', label: 'Home' }] });
  });

  it('Outlook (88 columns): courtesy title, job title, phones labelled from their column, US birthday, 0/0/00 as none', async () => {
    const report = await run(csv(OUTLOOK, [
      { Title: 'Dr.', 'First Name': 'Grace', 'Last Name': 'Hopper', Company: 'US Navy', 'Job Title': 'Rear Admiral', 'E-mail Address': 'grace@navy.example', 'E-mail 2 Address': 'g.hopper@example.org', 'Mobile Phone': '(555) 010-2000', 'Business Phone': '555-010-3000', Birthday: '12/9/1906', Categories: 'Mentors;Pioneers', 'Business City': 'Arlington', 'Business State': 'VA', 'Home City': 'New York' },
      { 'First Name': 'Alan', 'Last Name': 'Turing', Birthday: '0/0/00', 'E-mail Address': 'alan@example.org' },
    ]));
    expect(report.format).toBe('outlook');
    const grace = await contact(report.rows[0]!.contactId);
    expect(grace).toMatchObject({ name: 'Dr. Grace Hopper', givenName: 'Grace', familyName: 'Hopper', organisation: 'US Navy', title: 'Rear Admiral', birthday: '1906-12-09', location: 'Arlington, VA', tags: ['Mentors', 'Pioneers'] });
    expect(grace.phones).toEqual([{ number: '(555) 010-2000', label: 'mobile' }, { number: '555-010-3000', label: 'work' }]);
    expect(grace.emails.map((e) => e.address)).toEqual(['grace@navy.example', 'g.hopper@example.org']);
    expect((await contact(report.rows[1]!.contactId)).birthday).toBeNull();
  });

  it('Outlook.com (56 columns, title first)', async () => {
    const report = await run(csv(OUTLOOK_LIVE, [{ 'First Name': 'Katherine', 'Last Name': 'Johnson', Company: 'NASA', 'Job Title': 'Mathematician', 'E-mail Address': 'kj@nasa.example', 'Mobile Phone': '555 010 4000' }]));
    expect(report.format).toBe('outlook');
    expect(await contact(report.rows[0]!.contactId)).toMatchObject({ name: 'Katherine Johnson', organisation: 'NASA', title: 'Mathematician' });
  });

  it('any CSV: known header names without a map, others with --map, unknown columns reported', async () => {
    const plain = await run('Name,E-mail,Company,Job Title,Favourite Colour\nAda Lovelace,ada@example.org,Analytical Engines,Countess,blue\n');
    expect(plain.format).toBe('csv');
    expect(plain.warnings).toContain('columns not imported: Favourite Colour');
    expect(await contact(plain.rows[0]!.contactId)).toMatchObject({ name: 'Ada Lovelace', organisation: 'Analytical Engines', title: 'Countess' });

    const mapped = await run('Full Nm,Mail,Where,Kind\nCharles Babbage,charles@example.org,London,mentor\n', { map: 'Full Nm=name,Mail=email,Where=location,Kind=connectionType' });
    expect(await contact(mapped.rows[0]!.contactId)).toMatchObject({ name: 'Charles Babbage', location: 'London', connectionType: 'mentor', emails: [{ address: 'charles@example.org' }] });

    await expect(run('Full Nm,Mail\nX,y@z.org\n', { map: 'Full Name=name' })).rejects.toThrow('map: contacts.csv has no column "full name" (its columns: Full Nm, Mail)');
    await expect(run('Full Nm,Mail\nX,y@z.org\n', { map: 'Full Nm=fullest' })).rejects.toThrow(/map: unknown field "fullest"/);
    await expect(run('Colour,Size\nblue,3\n')).rejects.toThrow(/no column holds a name, email or organisation .* --map "Column=name"/);
  });

  it('a row that cannot be a contact is rejected naming line, field and value; all or nothing, or skipInvalid', async () => {
    const content = 'Name,Email,Networks\nAda Lovelace,ada@example.org,strategic\nBad Row,bad@example.org,social\nCharles Babbage,charles@example.org,personal\n';
    await expect(run(content)).rejects.toThrow('contacts.csv line 3: networks: unknown network "social": use operational, personal or strategic; nothing was imported');
    expect(await count()).toBe(0);
    const report = await run(content, { skipInvalid: true });
    expect(report.counts).toMatchObject({ created: 2, rejected: 1 });
    expect(report.rejected).toEqual([{ line: 3, reason: 'networks: unknown network "social": use operational, personal or strategic' }]);
    expect(report.rejectedFile).toEqual({ suffix: '.rejected.csv', content: 'Name,Email,Networks,"Rejected Because"\nBad Row,bad@example.org,social,"line 3: networks: unknown network ""social"": use operational, personal or strategic"\n' });
    expect(await count()).toBe(2);
  });

  it('a value other tools let through is kept in the notes, not lost, and the person is imported', async () => {
    const report = await run('Name,Email,Phone,Birthday\nAda Lovelace,not-an-address,call me,sometime in spring\n');
    const ada = await contact(report.rows[0]!.contactId);
    expect(ada.emails).toEqual([]);
    expect(ada.notes).toBe('email (not imported as one): not-an-address\n\nphone (not imported as one): call me\n\nbirthday (not imported as one): sometime in spring');
    expect(report.warnings).toContain('line 2: emails: not an email address: "not-an-address"; kept in the notes');
  });

  it('decodes UTF-16 (both byte orders, with BOM) and Windows-1252 (detected or named)', async () => {
    const text = 'Name,Email\nZoë Ünal,zoe@example.org\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!));
    const cp1252 = Buffer.from('Name,Email\nRen\xe9 M\xfcller \x96 CEO,rene@example.org\n', 'latin1');
    for (const [bytes, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      const r = await t.run(importPreview, { content: bytes.toString('base64'), base64: true, filename: 'u16.csv' });
      expect(r.encoding).toBe(encoding);
      expect(r.rows[0]!.name).toBe('Zoë Ünal');
    }
    const guessed = await t.run(importPreview, { content: cp1252.toString('base64'), base64: true, filename: 'w.csv' });
    expect(guessed).toMatchObject({ encoding: 'windows-1252', rows: [{ name: 'René Müller – CEO' }] });
    expect(guessed.warnings[0]).toMatch(/read as Windows-1252/);
    const named = await t.run(importPreview, { content: Buffer.from('Name\nRené\n', 'utf8').toString('base64'), base64: true, filename: 'w.csv', encoding: 'windows-1252', map: 'Name=name' });
    expect(named.rows[0]!.name).toBe('RenÃ©');
  });

  it('preview reports what would happen and writes nothing', async () => {
    const r = await t.run(importPreview, { content: 'Name,Email\nAda,ada@example.org\n', filename: 'x.csv' });
    expect(r).toMatchObject({ written: false, counts: { created: 1 } });
    expect(await count()).toBe(0);
  });

  it('matches stored contacts by email, LinkedIn or phone; a name and organisation alone is a suggestion; fills empty fields, adds, never erases', async () => {
    const ada = (await t.run(contactCreate, { name: 'Ada Lovelace', emails: ['ada@example.org'], title: 'Countess', tags: ['math'] })).contact;
    const bob = (await t.run(contactCreate, { name: 'Robert Smith', phones: ['+1 555 010 9999'] })).contact;
    const grace = (await t.run(contactCreate, { name: 'Grace Hopper', organisation: 'US Navy' })).contact;
    const report = await run([
      'Name,Email,Phone,Company,Title,Tags,Location',
      'A. Lovelace,ADA@example.org,,Analytical Engines,Analyst,poetry,London',
      'Bob Smith,bob@example.org,(555) 010-9999,,,,',
      'Grace Hopper,,,US Navy,Admiral,,',
      'Grace Hopper,,,Another Org,,,',
    ].join('\n'));
    expect(report.rows.map((r) => [r.outcome, r.contactId, r.matchedBy])).toEqual([
      ['updated', ada.id, 'same email ada@example.org'],
      ['updated', bob.id, 'same phone number'],
      // Same name and organisation, but no strong identifier: another contact, suggested as a duplicate of Grace.
      ['created', report.rows[2]!.contactId, null],
      ['created', report.rows[3]!.contactId, null],
    ]);
    expect(report.suggestedDuplicates.map((s) => [s.line, s.withContactId, s.reason])).toEqual([[4, grace.id, 'same name and organisation']]);
    const after = await contact(ada.id);
    expect(after).toMatchObject({ name: 'Ada Lovelace', title: 'Countess', organisation: 'Analytical Engines', location: 'London', tags: ['math', 'poetry'] });
    expect((await contact(bob.id)).emails.map((e) => e.address)).toEqual(['bob@example.org']);
    expect(report.rows[0]!.changes).toEqual(['organisation', 'location', 'tags']);
  });

  it('rows of one file that are the same person are merged, not duplicated', async () => {
    const report = await run('Name,Email,Phone\nAda Lovelace,ada@example.org,\nAda L.,ada@example.org,+44 20 7946 0000\nAugusta Ada King,,+44 20 7946 0000\n');
    expect(report.counts).toMatchObject({ created: 1, merged: 2 });
    // Every merged row points at the row that created the contact, whichever row its key came from.
    expect(report.rows.map((r) => [r.matchedLine, r.matchedBy])).toEqual([[null, null], [2, 'same email ada@example.org'], [2, 'same phone number']]);
    expect(await count()).toBe(1);
    expect((await contact(report.rows[0]!.contactId)).phones).toEqual([{ number: '+44 20 7946 0000', label: null }]);
  });
});

// The corpus's header rows, gathered from real exports: ours must be the same columns in the same order.
const CORPUS = corpusUrl('csv');
describe.skipIf(!CORPUS)('corpus: client CSV headers', () => {
  it.each(['google_contacts_headers.txt', 'outlook_contacts_headers.txt'])('%s lists the columns ours lists', (file) => {
    expect(headerLines(file, CORPUS!)).toEqual(headerLines(file));
  });
});
