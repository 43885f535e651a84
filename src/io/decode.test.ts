import { describe, expect, it } from 'vitest';
import { checkedText, decodeBytes, decodeWindows1252 } from './decode.ts';

describe('decodeBytes', () => {
  const text = 'Name\nZoë “Z” Ünal\n';
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeBytes(Buffer.from(text), 'f')).toEqual({ text, encoding: 'utf-8', note: null });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'f').text).toBe(text);
  });
  it('reads UTF-16 by its BOM, either byte order, and BOM-less UTF-16 by its zero bytes', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!));
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'f')).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'f')).toMatchObject({ text, encoding: 'utf-16be' });
    expect(decodeBytes(le, 'f')).toMatchObject({ text, encoding: 'utf-16le', note: 'no byte-order mark: read as UTF-16LE' });
  });
  it('falls back to Windows-1252 for bytes that are not UTF-8, including the 0x80-0x9F range', () => {
    const bytes = Buffer.from([0x52, 0x65, 0x6e, 0xe9, 0x20, 0x93, 0x78, 0x94, 0x20, 0x96, 0x20, 0x80]);
    expect(decodeBytes(bytes, 'f')).toMatchObject({ text: 'René “x” – €', encoding: 'windows-1252' });
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x8d]))).toBe('\u0081\u008d');
  });
  it('honours a named encoding unless a BOM says otherwise', () => {
    expect(decodeBytes(Buffer.from('Ren\xe9', 'latin1'), 'f', 'windows-1252').text).toBe('René');
    expect(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'f', 'windows-1252').note).toMatch(/--encoding windows-1252 ignored/);
  });
  it('refuses empty and binary files with one-line messages naming the file', () => {
    expect(() => decodeBytes(new Uint8Array(), 'a.csv')).toThrow('a.csv: the file is empty');
    expect(() => decodeBytes(Buffer.from('%PDF-1.4'), 'a.pdf')).toThrow('a.pdf: this is a PDF document, not a contact export');
    expect(() => decodeBytes(Buffer.from('a,b\n\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f'), 'x')).toThrow(/binary file/);
    expect(() => checkedText('a\u0000b', 'x')).toThrow('x: this is a binary file, not a contact export (a NUL byte on line 1)');
  });
});
