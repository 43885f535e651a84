import { describe, expect, it } from 'vitest';
import { readAllRecords } from './parse-file.ts';
import type { ParsedRecord } from './import-record.ts';
import { parseVcardFile } from './vcard-read.ts';

// The shape Android writes: a vCard 2.1 quoted-printable ORG whose soft line break ("=" at the line end) runs onto a
// blank line, which ends the value; another whose soft break runs onto the value's last line; more properties after.
const ANDROID_QP = [
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ni=C3=B1o;Jos=C3=A9;;;',
  'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 Ni=C3=B1o',
  'TEL;CELL;PREF:+34600111222',
  'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Caf=C3=A9=',
  '=20=C3=91and=C3=BA=',
  '',
  'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:B=C3=BCro=20=',
  'M=C3=BCller',
  'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=98stfold=',
  '',
  'CATEGORIES:Friends,Work',
  'END:VCARD',
  '',
].join('\r\n');

function viaCardDav(text: string, file: string): { records: ParsedRecord[]; rejected: { line: number; reason: string }[] } {
  const records: ParsedRecord[] = [];
  const parsed = parseVcardFile(text, file, {}, (r) => records.push(r));
  return { records, rejected: parsed.rejected };
}

describe('vCard reader: quoted-printable soft line breaks', () => {
  // The importer reads a file with its line endings made LF; a CardDAV sync reads the server's CRLF as it comes.
  const paths = {
    import: (text: string, file: string) => { const { parsed, records } = readAllRecords(text, file, { format: 'vcard' }); return { records, rejected: parsed.rejected }; },
    carddav: viaCardDav,
  };

  it.each(Object.keys(paths) as (keyof typeof paths)[])('a soft break onto a blank line ends the value; every ORG and the CATEGORIES come out as the card says (%s)', (path) => {
    const { records, rejected } = paths[path](ANDROID_QP, 'android.vcf');
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(1);
    const f = records[0]!.fields;
    expect(f.name).toBe('José Niño');
    expect(f.organisation).toBe('Café Ñandú');
    expect(f.card?.organisationUnit).toBeNull();
    // The second and third ORG are kept verbatim, each whole and on its own.
    expect(f.card?.properties).toEqual(['ORG:Büro Müller', 'ORG:Østfold']);
    expect(f.tags).toEqual(['Friends', 'Work']);
    expect(f.phones).toEqual([{ number: '+34600111222', label: 'mobile' }]);
    expect(JSON.stringify(f)).not.toMatch(/\\r|\\n/);
  });

  it('a dangling soft break before END:VCARD does not swallow the end of the card', () => {
    const text = ['BEGIN:VCARD', 'VERSION:2.1', 'FN:Ada', 'ORG;ENCODING=QUOTED-PRINTABLE:Acme=', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:2.1', 'FN:Bob', 'END:VCARD', ''].join('\r\n');
    const { records, rejected } = viaCardDav(text, 'two.vcf');
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.fields.name, r.fields.organisation])).toEqual([['Ada', 'Acme'], ['Bob', null]]);
  });

  it.each(Object.keys(paths) as (keyof typeof paths)[])('a line break inside a one-line value is refused, naming file, line and property (%s)', (path) => {
    const text = ['BEGIN:VCARD', 'VERSION:2.1', 'FN:Ada', 'TEL:+441234', 'ORG;ENCODING=QUOTED-PRINTABLE:Acme=0D=0AInc', 'END:VCARD', ''].join('\r\n');
    const { records, rejected } = paths[path](text, 'broken.vcf');
    expect(records).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.line).toBe(1);
    expect(rejected[0]!.reason).toMatch(/^broken\.vcf line 5: ORG has a line break \(U\+000A\)/);
  });

  it('an escaped line break in a 3.0 TITLE is refused too, never stored with the break', () => {
    const text = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ada', 'TITLE:Chief\\nEngineer', 'END:VCARD', ''].join('\r\n');
    const { records, rejected } = viaCardDav(text, 'title.vcf');
    expect(records).toEqual([]);
    expect(rejected[0]!.reason).toMatch(/^title\.vcf line 4: TITLE has a line break \(U\+000A\)/);
  });
});
