import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../src/domain/errors.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('bad files are refused whole on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await testContext(dialect);
    await t.run(contactCreate, { name: 'Already Here', emails: ['here@example.org'] });
  });
  afterEach(async () => { await t.close(); });

  const snapshot = async () => ({
    contacts: await t.store.db.selectFrom('contacts').selectAll().orderBy('id').execute(),
    interactions: await t.store.db.selectFrom('interactions').selectAll().orderBy('id').execute(),
    organisations: await t.store.db.selectFrom('organisations').selectAll().orderBy('id').execute(),
  });

  async function refused(input: Record<string, unknown>, message: string | RegExp): Promise<RapportError> {
    const before = await snapshot();
    const error = await t.run(importRun, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    if (typeof message === 'string') expect((error as RapportError).message).toBe(message);
    else expect((error as RapportError).message).toMatch(message);
    expect((error as RapportError).message).not.toContain('\n');
    expect(await snapshot()).toEqual(before);
    return error as RapportError;
  }

  const bytes = (b: Buffer | Uint8Array, filename: string, extra: Record<string, unknown> = {}) =>
    ({ content: Buffer.from(b).toString('base64'), base64: true, filename, ...extra });

  it('an empty file, or one of only blank space', async () => {
    await refused(bytes(Buffer.alloc(0), 'empty.csv'), 'empty.csv: the file is empty');
    await refused({ content: '  \n\r\n ', filename: 'blank.vcf' }, 'blank.vcf: the file is empty (only blank space)');
  });

  it('a binary file, with a hint when it is a known kind', async () => {
    const noise = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7919 + 13) % 256));
    await refused(bytes(noise, 'photo.dat'), /^photo\.dat: this (is|looks like) a binary file, not a contact export/);
    await refused(bytes(Buffer.from('Name,Email\nAda\u0000,x@y.z\n'), 'nul.csv'), 'nul.csv: this is a binary file, not a contact export (a NUL byte on line 2)');
    await refused(bytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'Connections.xlsx'), 'Connections.xlsx: this is a ZIP archive (an .xlsx or .numbers spreadsheet?): export it as CSV first');
  });

  it('a truncated vCard names the card that never ends', async () => {
    const vcf = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Charles Bab';
    await refused({ content: vcf, filename: 'contacts.vcf' }, 'contacts.vcf line 5: vCard begun here has no END:VCARD (the file ends first): the file looks truncated; nothing was imported');
    const nested = 'BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nBEGIN:VCARD\nVERSION:3.0\nFN:Bob\nEND:VCARD\n';
    await refused({ content: nested, filename: 'cut.vcf' }, /^cut\.vcf line 1: vCard begun here has no END:VCARD \(another BEGIN:VCARD starts at line 4\)/);
  });

  it('a CSV with an unclosed quote names the line where it opened', async () => {
    const content = 'Name,Email,Notes\nAda Lovelace,ada@example.org,fine\nCharles Babbage,charles@example.org,"never closed\nGrace Hopper,grace@example.org,more\n';
    await refused({ content, filename: 'people.csv' }, 'people.csv line 3: a quoted field opened here is never closed (a missing " ?); nothing was imported');
  });

  it('JSON that is not a backup, a damaged backup, and text of no known kind', async () => {
    await refused({ content: '{"contacts": []}', filename: 'x.json' }, 'x.json: this JSON is not a Rapport backup (no "format": "rapport-backup")');
    await refused({ content: '{"format": "rapport-backup", "version": 1, "contacts": [', filename: 'b.json' }, /^b\.json: not valid JSON .*the backup looks damaged or truncated$/);
    await refused({ content: 'hello there\nthis is a letter\n', filename: 'letter.txt' }, 'letter.txt: cannot tell what this file is (not a vCard, a CSV with a header row, or a Rapport backup); name it with --format');
  });

  it('one bad row refuses the whole file by default, listing every rejected row', async () => {
    const content = 'Name,Email,Cadence\nAda,ada@example.org,30\nBob,bob@example.org,weekly\nCy,cy@example.org,often\n';
    const error = await refused({ content, filename: 'c.csv' }, 'c.csv line 3: cadenceDays: not a whole number of days "weekly" (and 1 more rejected rows); nothing was imported (fix the rows, or skip them with --skip-invalid)');
    expect(error.problems).toEqual([
      { path: 'line 3', message: 'cadenceDays: not a whole number of days "weekly"' },
      { path: 'line 4', message: 'cadenceDays: not a whole number of days "often"' },
    ]);
  });
});
