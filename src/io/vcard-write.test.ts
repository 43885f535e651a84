import { describe, expect, it } from 'vitest';
import type { ParsedRecord } from './import-record.ts';
import { readAllRecords } from './parse-file.ts';
import { contactToVcard, escapeText, foldLine, type ExportContact } from './vcard-write.ts';

const contact: ExportContact = {
  id: 7, name: 'Zoë; “Z”, Ünal\\', givenName: 'Zoë', familyName: 'Ünal', emails: [{ address: 'zoe@example.org', label: 'work' }],
  phones: [{ number: '+44 20 7946 0000', label: 'mobile' }, { number: '555-0100', label: 'assistant' }], organisationId: 1, organisation: 'Acme, Inc.',
  title: 'CTO; founder', location: 'London, UK', webLinks: [{ url: 'https://www.linkedin.com/in/zoe', label: 'LinkedIn' }], birthday: '--04-15',
  metHow: 'Conference', metWhere: null, notes: `line one\nline two ${'é'.repeat(80)} 🎉`, tags: ['ai', 'founders'], networks: ['strategic'],
  connectionType: 'mentor', insideOrganisation: null, industry: 'AI', cadenceDays: 30, effectiveCadenceDays: 30, lastInteractionAt: null,
  nextDueOn: '2026-12-01', sortedAt: '2026-11-01T10:00:00.000Z', snoozedUntil: null, archived: false, hasPhoto: true, createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z',
  photo: 'data:image/png;base64,iVBORw0KGgo=',
};

describe('vCard 4.0 writer', () => {
  it('escapes text and folds at 75 octets without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `NOTE:${'€'.repeat(60)}🎉x`;
    const folded = foldLine(long);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('writes a card the reader gives back field for field', () => {
    const text = contactToVcard(contact);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text).toContain('PHOTO:data:image/png;base64,iVBORw0KGgo=\r\n');
    expect(text).toContain('item1.TEL;VALUE=text:555-0100\r\nitem1.X-ABLABEL:assistant');
    const { records } = readAllRecords(text.replace(/\r\n/g, '\n'), 'x.vcf', { format: 'vcard' });
    const f = (records[0] as ParsedRecord).fields;
    expect(f).toMatchObject({
      name: contact.name, givenName: 'Zoë', familyName: 'Ünal', organisation: 'Acme, Inc.', title: 'CTO; founder', location: 'London, UK',
      birthday: '--04-15', notes: [contact.notes], tags: ['ai', 'founders'], networks: ['strategic'], connectionType: 'mentor', metHow: 'Conference',
      industry: 'AI', cadenceDays: '30', photo: contact.photo,
    });
    expect(f.emails).toEqual([{ address: 'zoe@example.org', label: 'work' }]);
    expect(f.phones).toEqual([{ number: '+44 20 7946 0000', label: 'mobile' }, { number: '555-0100', label: 'assistant' }]);
    expect(f.webLinks).toEqual([{ url: 'https://www.linkedin.com/in/zoe', label: 'LinkedIn' }]);
  });
});
