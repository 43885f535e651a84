import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../src/domain/contact.ts';
import { normaliseBirthday } from '../src/io/dates.ts';
import { contactGet } from '../src/services/contacts.service.ts';
import { importRun, type ImportReport } from '../src/services/import.service.ts';
import { testContext, type TestContext } from './support/stores.ts';
import { corpusUrl } from './support/fixtures.ts';

// Conformance against files no one on this project wrote (the corpus's vcard/, see its SOURCE.txt files); it runs
// when the corpus is present (tests/support/fixtures.ts). The project's own cards: import-vcard-clients.test.ts.
const CORPUS = corpusUrl('vcard');
const ROOT = CORPUS ?? new URL('file:///nonexistent/');
const FILES = CORPUS ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.vcf')).sort() : [];

type JProp = [string, Record<string, unknown>, string, ...unknown[]];
const flat = (v: unknown): string => (Array.isArray(v) ? v.map(flat).filter(Boolean).join(' ') : String(v ?? ''));
const digits = (s: string) => s.replace(/^tel:/i, '').replace(/\D/g, '');
// The oracle (ical.js's PR for 2.1) leaves "\n" escaped in 2.1 notes; what the file plainly says is a new line.
const unescapeNewlines = (s: string) => s.replace(/\\n/g, '\n');

let t: TestContext;
beforeEach(async () => { t = await testContext('sqlite'); });
afterEach(async () => { await t.close(); });

async function importFile(rel: string): Promise<{ report: ImportReport; contacts: Contact[] }> {
  const bytes = readFileSync(new URL(rel, ROOT));
  const report = await t.run(importRun, { content: bytes.toString('base64'), base64: true, filename: rel });
  const ids = [...new Set(report.rows.map((r) => r.contactId!))];
  const contacts = await Promise.all(ids.map((id) => t.run(contactGet, { id })));
  return { report, contacts };
}

describe.skipIf(!CORPUS)('corpus: every vCard fixture imports', () => {
  it('finds the fixtures (the walk must not pass on an empty folder)', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(29);
  });

  it.each(FILES)('%s imports with no rejected card, every card accounted for', async (rel) => {
    const { report } = await importFile(rel);
    const cards = (readFileSync(new URL(rel, ROOT), 'utf8').match(/^BEGIN:VCARD/gim) ?? []).length;
    expect(report.counts.rejected).toBe(0);
    expect(report.counts.created + report.counts.merged + report.counts.blank + report.counts.organisations).toBe(cards);
    expect(report.written).toBe(true);
  });
});

const ORACLES = !CORPUS ? [] : FILES.filter((f) => FILES.includes(f) && readdirSync(new URL('./', new URL(f, ROOT))).includes(f.split('/').pop()!.replace(/\.vcf$/, '.json')));

describe.skipIf(!CORPUS)('corpus: ical.js fixtures match their jCard oracle', () => {
  it('has oracles to compare with', () => expect(ORACLES.length).toBeGreaterThanOrEqual(12));

  it.each(ORACLES)('%s', async (rel) => {
    const oracle = JSON.parse(readFileSync(new URL(rel.replace(/\.vcf$/, '.json'), ROOT), 'utf8')) as ['vcard', JProp[], unknown[]];
    const props = oracle[1];
    const all = (name: string) => props.filter((p) => p[0] === name);
    const { contacts, report } = await importFile(rel);
    const fn = all('fn')[0];
    if (!fn && all('email').length === 0) {
      // vcard_grouped: only addresses, no person; skipped as blank, never created empty.
      expect(report.counts.blank).toBe(1);
      expect(contacts).toEqual([]);
      return;
    }
    expect(contacts).toHaveLength(1);
    const c = contacts[0]!;
    expect(c.name).toBe(flat(fn![3]));
    const notes = c.notes ?? '';
    for (const e of all('email')) {
      const address = flat(e[3]).toLowerCase();
      // An address the schema refuses ("test,user@example.com") is kept in the notes, never dropped.
      if (address.includes(',')) expect(notes).toContain(address);
      else expect(c.emails.map((x) => x.address)).toContain(address);
    }
    expect(c.phones.map((p) => digits(p.number)).sort()).toEqual(all('tel').map((p) => digits(flat(p[3]))).sort());
    const org = all('org')[0];
    expect(c.organisation).toBe(org ? flat(Array.isArray(org[3]) ? org[3][0] : org[3]) : null);
    const title = all('title')[0];
    expect(c.title).toBe(title ? flat(title[3]) : null);
    const noteText = all('note').map((n) => unescapeNewlines(flat(n[3]))).join('\n\n');
    if (noteText) expect(notes.startsWith(noteText)).toBe(true);
    const bday = all('bday')[0];
    expect(c.birthday).toBe(bday ? normaliseBirthday(flat(bday[3])) : null);
  });
});

// ez-vcard and py-vobject ship no oracle beside their files; these are values each file plainly says.
describe.skipIf(!CORPUS)('corpus: client exports (ez-vcard, py-vobject) keep what they plainly say', () => {
  const one = async (rel: string) => (await importFile(rel)).contacts;

  it('Android 2.1: quoted-printable UTF-8 names, email-only cards, a damaged photo dropped not corrupted', async () => {
    const { contacts, report } = await importFile('ezvcard/John_Doe_ANDROID.vcf');
    expect(contacts.map((c) => c.name)).toEqual(['john.doe@company.com', 'jane.doe@company.com', 'Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ', 'ÑÑÑÑ']);
    const bob = contacts.find((c) => c.emails.some((e) => e.address === 'bob@company.com'))!;
    expect(bob.organisation).toBe('ÑÑÑÑÑÑÑÑÑÑÑÑ');
    expect(bob.hasPhoto).toBe(false);
    expect(report.warnings.some((w) => /line 36: photo dropped: its base64 data is damaged/.test(w))).toBe(true);
    expect(contacts[3]!.phones.map((p) => p.number)).toEqual(['123456', '234567', '3456789', '45678901']);
  });

  it('Evolution and Gmail 3.0: folded lines, escaped commas and quotes, categories', async () => {
    for (const file of ['ezvcard/John_Doe_EVOLUTION.vcf', 'ezvcard/John_Doe_GMAIL.vcf']) {
      const [c] = await one(file);
      expect(c).toMatchObject({ name: 'Mr. John Richter, James Doe Sr.', givenName: 'John', familyName: 'Doe', organisation: 'IBM', title: 'Money Counter', birthday: '1980-03-22' });
      expect(c!.emails.map((e) => e.address)).toEqual(['john.doe@ibm.com']);
      expect(c!.notes).toMatch(/^THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO,/);
      expect(c!.notes).toMatch(/SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION\)/);
    }
    const [evolution] = await one('ezvcard/John_Doe_EVOLUTION.vcf');
    expect(evolution!.tags).toEqual(['VIP']);
    expect(evolution!.phones.map((p) => p.number)).toEqual(['905-666-1234', '905-555-1234']);
  });

  it('Gmail item1. groups keep their X-ABLabel', async () => {
    const [c] = await one('ezvcard/gmail-single.vcf');
    expect(c).toMatchObject({ name: 'Greg Dartmouth', organisation: 'TheCompany', title: 'TheJobTitle', birthday: '1960-09-10' });
    expect(c!.phones).toEqual([{ number: '555 555 1111', label: 'mobile' }, { number: '555 555 2222', label: 'GRAND_CENTRAL' }]);
    expect(c!.webLinks).toEqual([{ url: 'http://TheProfile.com', label: 'PROFILE' }]);
    expect(c!.notes).toBe("This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField");
  });

  it('Outlook 2003 2.1: soft line breaks, placeholder phones kept in the notes', async () => {
    const [c] = await one('ezvcard/outlook-2003.vcf');
    expect(c).toMatchObject({ name: 'John Doe III', organisation: 'Company, The', title: 'The Job Title', birthday: '1980-03-21', location: 'Austin, TX, United States of America' });
    expect(c!.emails.map((e) => e.address)).toEqual(['jdoe@hotmail.com']);
    expect(c!.notes).toMatch(/^This is the note field!!\nSecond line\n\nThird line is empty/);
    for (const placeholder of ['BusinessPhone', 'HomePhone', 'MobilePhone']) expect(c!.notes).toContain(placeholder);
  });

  it('RFC 2426 and RFC 6350 examples', async () => {
    const [frank, tim] = await one('ezvcard/rfc2426-example.vcf');
    expect(frank).toMatchObject({ name: 'Frank Dawson', organisation: 'Lotus Development Corporation' });
    expect(frank!.emails.map((e) => e.address)).toEqual(['Frank_Dawson@Lotus.com', 'fdawson@earthlink.net']);
    expect(tim).toMatchObject({ name: 'Tim Howes', organisation: 'Netscape Communications Corp.' });
    const [simon] = await one('ezvcard/rfc6350-example.vcf');
    expect(simon).toMatchObject({ name: 'Simon Perreault', organisation: 'Viagenie', birthday: '--02-03' });
    expect(simon!.phones[0]!.number).toBe('+1-418-656-9254 ext 102');
  });

  it('full contact 4.0', async () => {
    const [full] = await one('ezvcard/fullcontact.vcf');
    expect(full).toMatchObject({ name: 'Prefix FirstName MiddleName LastName Suffix', organisation: 'Organization1', title: 'Title1', birthday: '2016-08-01', notes: 'Notes line 1\nNotes line 2' });
    expect(full!.emails).toHaveLength(5);
    expect(full!.phones).toHaveLength(9);
  });

  it('Thunderbird 3.0 with escaped commas between categories', async () => {
    const [tb] = await one('ezvcard/thunderbird-MoreFunctionsForAddressBook-extension.vcf');
    expect(tb).toMatchObject({ name: 'John Doe', organisation: 'TheOrganization', title: 'TheTitle', birthday: '1970-09-21' });
    expect(tb!.tags).toEqual(['category1', 'category2', 'category3']);
    expect(tb!.emails).toHaveLength(5);
  });

  it('py-vobject: a base64 photo kept byte for byte, 4.0 variants', async () => {
    const [school] = await one('pyvobject/photo-test.vcf');
    expect(school).toMatchObject({ name: 'should be ok to share', hasPhoto: true });
    const photo = (await t.store.db.selectFrom('contacts').select('photo').where('id', '=', school!.id).executeTakeFirstOrThrow()).photo!;
    const source = readFileSync(new URL('pyvobject/photo-test.vcf', ROOT), 'utf8');
    const expected = /PHOTO;[^:]*:([\s\S]*?)\r?\n(?:\r?\n|[A-Z])/.exec(source)![1]!.replace(/\s+/g, '');
    expect(photo).toBe(`data:image/jpeg;base64,${expected}`);
    expect(Buffer.from(expected, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const [full] = await one('pyvobject/vcard40_full.vcf');
    expect(full).toMatchObject({ name: 'Dr. John Q. Public, III', organisation: 'Example Corp.', title: 'CEO', birthday: '1985-04-15', notes: 'This is a note about John.\nHe likes vCards.' });
    expect((await one('pyvobject/vcard40_multilang.vcf'))[0]!.name).toBe('Yamada Taro');
    // KIND:org: an organisation, not a person; its phone, email and address kept in its notes.
    expect(await one('pyvobject/vcard40_org.vcf')).toEqual([]);
    const org = await t.store.db.selectFrom('organisations').selectAll().where('name', '=', 'ABC, Inc.').executeTakeFirstOrThrow();
    expect(org).toMatchObject({ website: 'http://www.abc.example.com/marketing' });
    expect(org.notes).toContain('Phone: +1-555-000-0000');
    expect(org.notes).toContain('Email: marketing@abc.example.com');
    expect((await one('pyvobject/radicale-1587.vcf'))[0]).toMatchObject({ name: 'Given Family', givenName: 'Given', familyName: 'Family' });
  });

  it('noPhotos drops every photo', async () => {
    const bytes = readFileSync(new URL('pyvobject/photo-test.vcf', ROOT));
    const report = await t.run(importRun, { content: bytes.toString('base64'), base64: true, filename: 'photo-test.vcf', noPhotos: true });
    const c = await t.run(contactGet, { id: report.rows[0]!.contactId });
    expect(c.hasPhoto).toBe(false);
  });
});
