import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../src/domain/contact.ts';
import { contactGet } from '../src/services/contacts.service.ts';
import { importRun, type ImportReport } from '../src/services/import.service.ts';
import { clientFixturesUrl } from './support/fixtures.ts';
import { testContext, type TestContext } from './support/stores.ts';

// The project's own vCards, one per client shape (tests/fixtures/clients/vcard): what each card plainly says.
const ROOT = clientFixturesUrl('vcard');

let t: TestContext;
beforeEach(async () => { t = await testContext('sqlite'); });
afterEach(async () => { await t.close(); });

async function importFile(file: string, extra: Record<string, unknown> = {}): Promise<{ report: ImportReport; contacts: Contact[] }> {
  const bytes = readFileSync(new URL(file, ROOT));
  const report = await t.run(importRun, { content: bytes.toString('base64'), base64: true, filename: file, ...extra });
  const ids = [...new Set(report.rows.map((r) => r.contactId).filter((id): id is number => id !== null))];
  return { report, contacts: await Promise.all(ids.map((id) => t.run(contactGet, { id }))) };
}

describe('vCards in the shape each client writes', () => {
  it('iPhone 3.0: item1.X-ABLabel names the grouped email, phone and link; ORG keeps the company; the photo is kept byte for byte', async () => {
    const { report, contacts } = await importFile('iphone-3.0.vcf');
    expect(report.counts).toMatchObject({ created: 2, rejected: 0 });
    const [ada, northstar] = contacts;
    expect(ada).toMatchObject({
      name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace', organisation: 'Analytical Engines', title: 'Countess',
      birthday: '1815-12-10', location: 'London, United Kingdom', hasPhoto: true,
      notes: 'Met at the Royal Society, 1833.\nAsk about the engine notes.',
    });
    expect(ada!.emails).toEqual([{ address: 'ada@example.org', label: 'Work' }, { address: 'ada.home@example.net', label: 'home' }]);
    expect(ada!.phones).toEqual([{ number: '+44 20 7946 0000', label: 'Studio' }, { number: '07700 900123', label: 'mobile' }]);
    expect(ada!.webLinks).toEqual([{ url: 'https://www.linkedin.com/in/ada-lovelace', label: 'HomePage' }]);
    const source = readFileSync(new URL('iphone-3.0.vcf', ROOT), 'utf8');
    const base64 = /PHOTO;[^:]*:([\s\S]*?)\r\nEND:VCARD/.exec(source)![1]!.replace(/\s+/g, '');
    const stored = await t.store.db.selectFrom('contacts').select('photo').where('id', '=', ada!.id).executeTakeFirstOrThrow();
    expect(stored.photo).toBe(`data:image/jpeg;base64,${base64}`);
    expect(Buffer.from(base64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(northstar).toMatchObject({ name: 'Northstar Capital', organisation: 'Northstar Capital' });
    expect(northstar!.emails).toEqual([{ address: 'hello@northstar.example', label: 'Enquiries' }]);
  });

  it('Outlook 2.1: Windows-1252 quoted-printable with a soft line break, type words as labels, a compact birthday', async () => {
    const { report, contacts } = await importFile('outlook-2.1.vcf');
    expect(report.counts).toMatchObject({ created: 1, rejected: 0 });
    const [rene] = contacts;
    expect(rene).toMatchObject({
      name: 'René Dupré', givenName: 'René', familyName: 'Dupré', organisation: 'Café Consulting', title: 'Partner',
      birthday: '1970-03-21', location: 'Paris, France',
    });
    expect(rene!.notes).toBe('Introduced by Ada at the café.\nSecond line, which Outlook folds with a soft break.');
    expect(rene!.phones).toEqual([{ number: '+33 1 23 45 67 89', label: 'work' }, { number: '+33 6 12 34 56 78', label: 'mobile' }]);
    expect(rene!.emails).toEqual([{ address: 'rene@cafe-consulting.example', label: null }]);
    expect(rene!.webLinks).toEqual([{ url: 'http://www.cafe-consulting.example', label: 'work' }]);
  });

  it('Android 2.1: UTF-8 quoted-printable names, an email-only card named by its address, a damaged photo dropped with a note', async () => {
    const { report, contacts } = await importFile('android-2.1.vcf');
    expect(report.counts).toMatchObject({ created: 2, rejected: 0 });
    expect(contacts.map((c) => c.name)).toEqual(['Zeynep Öztürk', 'only.an.address@example.org']);
    expect(contacts[0]).toMatchObject({ givenName: 'Zeynep', familyName: 'Öztürk', hasPhoto: false });
    expect(contacts[0]!.phones).toEqual([{ number: '+90 532 000 0000', label: 'mobile' }]);
    expect(report.warnings.some((w) => /photo dropped: its base64 data is damaged/.test(w))).toBe(true);
  });

  it('vCard 4.0: a tel: URI with its extension, a birthday without a year, categories as tags, an address-only card skipped as blank', async () => {
    const { report, contacts } = await importFile('vcard-4.0.vcf');
    expect(report.counts).toMatchObject({ created: 1, blank: 1, rejected: 0 });
    const [grace] = contacts;
    expect(grace).toMatchObject({ name: 'Grace Hopper', givenName: 'Grace', familyName: 'Hopper', organisation: 'US Navy', birthday: '--12-09' });
    expect(grace!.phones).toEqual([{ number: '+1-202-555-0100 ext 42', label: 'work' }]);
    expect(grace!.emails.map((e) => e.address)).toEqual(['grace@navy.example']);
    // An address the schema refuses is kept in the notes, never dropped.
    expect(grace!.notes).toContain('Line one\nLine two');
    expect(grace!.notes).toContain('test,user@example.com');
    expect(grace!.tags).toEqual(['compilers', 'mentors']);
  });

  it('noPhotos leaves the photo out', async () => {
    const { contacts } = await importFile('iphone-3.0.vcf', { noPhotos: true });
    expect(contacts[0]!.hasPhoto).toBe(false);
  });
});
