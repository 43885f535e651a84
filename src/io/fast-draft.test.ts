import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../domain/contact.ts';
import { fastDraft } from './fast-draft.ts';
import { readAllRecords } from './parse-file.ts';
import { clientFixturesUrl, corpusUrl } from '../../tests/support/fixtures.ts';

// Inputs as validateRecord builds them: every fixture card plus rows built to sit on each rule's edge.
function inputs(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  // The project's own client cards always; the outside corpus's too when it is present.
  for (const root of [clientFixturesUrl('vcard'), corpusUrl('vcard')]) {
    if (!root) continue;
    for (const rel of readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.vcf'))) {
      const { records } = readAllRecords(readFileSync(new URL(rel, root), 'utf8').replace(/\r\n?/g, '\n'), rel, { format: 'vcard' });
      for (const r of records) out.push({ ...r.fields, name: r.fields.name ?? 'x', notes: r.fields.notes.join('\n\n') || null, cadenceDays: null });
    }
  }
  const emails = ['ada@example.org', ' ADA@Example.ORG ', 'a..b@example.org', '.a@example.org', 'a@b', 'test,user@example.com', 'é@example.org', "o'brien@example.ie", 'a+b@sub.example.co.uk', ''];
  const urls = ['https://www.linkedin.com/in/ada', 'linkedin.com/in/ada', ' http://x.org/a?b=c#d ', 'HTTPS://EXAMPLE.COM', 'ftp://x.org', 'https://exa mple.com', 'https://a..b', 'https://', 'www.example.com/path with space',
    'https://www.linkedin.com/in/goran-stipeti%C4%87-123', 'https://x.org:8080/p', 'http:example.com', 'mailto:a@b.c', 'https://ünï.example', 'https://x.org/\ttab',
    'https://x.org:99999/p', 'https://a.b.1/x', 'https://1.2.3.256', 'https://1.2.3.4/p', 'https://0x1f.org', 'https://xn--zz.com', 'https://a.XN--zz.com/p', 'https://www.example.c0m', 'https://www.linkedin.com/in/xn--a', 'https://sub.-x-.org/'];
  const texts = ['', '  ', ' Ada ', 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(200), 'x'.repeat(201), 'Zoë 🔸', null, undefined];
  const tags = [['a', ' B '], ['a,b'], [' '], ['x'.repeat(41)], ['Mentors', 'mentors'], []];
  const birthdays = [null, '1996-04-15', ' 1996-04-15 ', '1996-02-30', '--04-15', '19960415', ''];
  // A plain row, then the same row with one field set to each edge value in turn.
  const base: Record<string, unknown> = {
    name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace', emails: [{ address: 'ada@example.org', label: null }], phones: [],
    webLinks: [{ url: 'https://www.linkedin.com/in/ada', label: 'LinkedIn' }], organisation: 'Analytical Engines', title: 'Countess', location: null,
    birthday: null, metHow: null, metWhere: null, notes: null, tags: [], networks: [], connectionType: null, industry: null, cadenceDays: null, photo: null,
  };
  const edges: Record<string, unknown[]> = {
    name: texts, givenName: texts, familyName: texts, organisation: texts, title: texts, location: texts, metHow: texts, industry: texts, notes: [...texts, 'n'.repeat(20_001)],
    emails: emails.map((address, i) => [{ address, label: texts[i % texts.length] ?? null }]),
    webLinks: urls.map((url, i) => [{ url, label: i % 2 ? 'LinkedIn' : ' ' }]),
    phones: [[{ number: '+44 20 7946 0000', label: null }]], tags, birthday: birthdays, networks: [['strategic', 'social'], ['personal', 'operational'], ['Personal']],
    connectionType: [null, 'mentor', ' Colleague ', 'not a key!', 'board-member'], cadenceDays: [30], photo: ['data:image/png;base64,AAAA'], insideOrganisation: [true, false],
  };
  out.push(base);
  for (const [field, values] of Object.entries(edges)) for (const value of values) out.push({ ...base, [field]: value });
  return out;
}

describe('fastDraft agrees with contactInputSchema', () => {
  const all = inputs();
  it('gives exactly what zod gives for every input it takes, and leaves the rest to zod', () => {
    let taken = 0;
    for (const input of all) {
      const fast = fastDraft(input);
      if (fast === null) continue;
      taken++;
      const zod = contactInputSchema.safeParse(input);
      expect(zod.success, JSON.stringify(input)).toBe(true);
      expect(fast, JSON.stringify(input)).toEqual(zod.data);
    }
    expect(taken).toBeGreaterThan(60);
  });

  it('takes the usual LinkedIn row', () => {
    const row = { name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace', emails: [{ address: 'Ada@Example.org', label: null }], phones: [],
      webLinks: [{ url: 'https://www.linkedin.com/in/ada-lovelace', label: 'LinkedIn' }], organisation: '80,000 Hours', title: 'Countess', location: null,
      birthday: null, metHow: null, metWhere: null, notes: null, tags: ['linkedin'], networks: ['strategic'], connectionType: 'mentor', industry: null, cadenceDays: null, photo: null };
    expect(fastDraft(row)).toEqual(contactInputSchema.parse(row));
  });
});
