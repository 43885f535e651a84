import { describe, expect, it } from 'vitest';
import { normaliseCard } from './vcard-normalise.ts';

const card = (...lines: string[]) => normaliseCard(['BEGIN:VCARD', 'VERSION:2.1', ...lines, 'END:VCARD']).split('\r\n');

describe('vCard 2.1 rewritten for ical.js', () => {
  it('turns bare parameters into TYPE lists', () => {
    expect(card('TEL;WORK;VOICE:+1-555-1234', 'TEL;TYPE=WORK;TYPE=CELL:+1-555-9999')).toContain('TEL;TYPE=WORK,CELL:+1-555-9999');
    expect(card('TEL;WORK;VOICE:+1-555-1234')).toContain('TEL;TYPE=WORK,VOICE:+1-555-1234');
  });
  it('decodes quoted-printable across soft line breaks, in the charset named or guessed', () => {
    expect(card('N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=20=C3=91;;;;')).toContain('N:Ñ Ñ;;;;');
    expect(card('NOTE;ENCODING=QUOTED-PRINTABLE:speci=E4l=', ' ch=E4rs=0D=0Anext')).toContain('NOTE:speciäl chärs\\nnext');
  });
  it('keeps a base64 block whole up to the blank line that ends it', () => {
    expect(card('PHOTO;ENCODING=BASE64;JPEG:AAAA', ' BBBB', 'CCCC', '', 'NOTE:after')).toEqual(expect.arrayContaining(['PHOTO;TYPE=JPEG;ENCODING=b:AAAABBBBCCCC', 'NOTE:after']));
  });
  it('escapes what 3.0 would read as structure, keeps what was escaped', () => {
    expect(card('ORG:Company, The;Dept', 'NOTE:a\\, b\\; c\\\\ d \\q')).toEqual(expect.arrayContaining(['ORG:Company\\, The;Dept', 'NOTE:a\\, b\\; c\\\\ d \\\\q']));
  });
  it('leaves 3.0 and 4.0 cards as they are', () => {
    expect(normaliseCard(['BEGIN:VCARD', 'VERSION:4.0', 'TEL;TYPE=work:1', 'END:VCARD'])).toBe('BEGIN:VCARD\r\nVERSION:4.0\r\nTEL;TYPE=work:1\r\nEND:VCARD\r\n');
  });
});
