import { describe, expect, it } from 'vitest';
import { detectFormat } from './parse-file.ts';

describe('detectFormat reads the content, not the name', () => {
  it.each([
    ['Notes:\n"When exporting..."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n', 'linkedin'],
    ['"Notes:"\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n', 'linkedin'],
    ['First Name,Last Name,Email Address,Company,Position,Connected On\n', 'linkedin'],
    ['First Name,Middle Name,Last Name,Organization Name,E-mail 1 - Label,E-mail 1 - Value\n', 'google'],
    ['Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value\n', 'google'],
    ['First Name,Last Name,E-mail Address,Business Phone,Job Title\n', 'outlook'],
    ['Vorname,Nachname,E-Mail-Adresse,Firma\n', 'outlook'],
    ['Name,Email\nAda,ada@example.org\n', 'csv'],
    ['\n\nbegin:vcard\nversion:3.0\nfn:A\nend:vcard\n', 'vcard'],
    ['{\n  "format": "rapport-backup",\n  "version": 1\n}', 'json'],
  ])('%j is %s', (text, format) => expect(detectFormat(text, 'f')).toBe(format));
  it('says what it cannot tell', () => {
    expect(() => detectFormat('{"a":1}', 'x.json')).toThrow('x.json: this JSON is not a Rapport backup');
    expect(() => detectFormat('just words', 'x.txt')).toThrow(/cannot tell what this file is/);
  });
});
