import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../src/domain/contact.ts';
import { calendar } from '../src/services/calendar.service.ts';
import { connectionTypeAdd } from '../src/services/connection-types.service.ts';
import { contactCreate, contactGet } from '../src/services/contacts.service.ts';
import { exportOp } from '../src/services/export.service.ts';
import { followUpSnooze } from '../src/services/follow-ups.service.ts';
import { importRun, type ImportReport } from '../src/services/import.service.ts';
import { buildWorld, PNG, type World } from './backup-world.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

const SAME_FIELDS = ['name', 'givenName', 'familyName', 'emails', 'phones', 'organisation', 'title', 'location', 'webLinks', 'birthday', 'metHow', 'metWhere',
  'notes', 'tags', 'networks', 'connectionType', 'industry', 'cadenceDays', 'hasPhoto'] as const;
const pick = (c: Contact) => Object.fromEntries(SAME_FIELDS.map((f) => [f, c[f]]));

describe.each(DIALECTS)('export on %s', (dialect) => {
  let t: TestContext;
  let fresh: TestContext;
  let world: World;
  beforeEach(async () => {
    t = await testContext(dialect);
    fresh = await testContext(dialect);
    world = await buildWorld(t);
    await fresh.run(connectionTypeAdd, { key: 'podcast-guest', defaultNetwork: 'strategic' });
  });
  afterEach(async () => {
    await t.close();
    await fresh.close();
  });

  const exported = (input: Record<string, unknown>) => t.run(exportOp, input);
  const contacts = async (ctx: TestContext, report: ImportReport) => Promise.all(report.rows.map((r) => ctx.run(contactGet, { id: r.contactId })));

  it('vCard 4.0: valid to an independent parser, folded at 75 octets with CRLF, and every field survives a round trip', async () => {
    const { content, count } = await exported({ format: 'vcard' });
    expect(count).toBe(4);
    const physical = content.split('\r\n');
    expect(physical.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toContain('\n');
    const parsed = ICAL.parse(content) as unknown as ['vcard', [string, Record<string, string>, string, unknown][], unknown[]][];
    expect(parsed).toHaveLength(4);
    expect(parsed.every((card) => card[1].some((p) => p[0] === 'version' && p[3] === '4.0'))).toBe(true);
    const adaCard = parsed[0]![1];
    // ical.js leaves an escaped ";" escaped in single text values (RFC 6350 lets writers escape it); the rest is decoded.
    expect(String(adaCard.find((p) => p[0] === 'note')![3]).replace(/\\;/g, ';')).toBe('Poetical science.\nLine two; with, punctuation\\');
    expect(adaCard.find((p) => p[0] === 'photo')![3]).toBe(PNG);

    const report = await fresh.run(importRun, { content, filename: 'rapport-contacts.vcf' });
    expect(report.counts).toMatchObject({ created: 4, rejected: 0 });
    const back = await contacts(fresh, report);
    const originals = await Promise.all([world.ada, world.charles, world.grace, world.alan].map((c) => t.run(contactGet, { id: c.id })));
    expect(back.map(pick)).toEqual(originals.map(pick));
    const photo = await fresh.store.db.selectFrom('contacts').select('photo').where('id', '=', back[0]!.id).executeTakeFirstOrThrow();
    expect(photo.photo).toBe(PNG);
  });

  it('vCard: export → import → export gives the same cards', async () => {
    const first = (await exported({ format: 'vcard' })).content;
    await fresh.run(importRun, { content: first, filename: 'c.vcf' });
    const second = (await fresh.run(exportOp, { format: 'vcard' })).content;
    const strip = (s: string) => s.replace(/^(UID|REV):.*\r\n/gm, '');
    expect(strip(second)).toBe(strip(first));
  });

  it('long non-ASCII lines fold between characters, never inside one', async () => {
    await t.run(contactCreate, { name: 'Zoë Łukasiewicz-Ünal', notes: `${'日本語のメモ'.repeat(30)} 🎉🎉🎉 ${'é'.repeat(100)}`, tags: ['tokyo'] });
    const { content } = await exported({ format: 'vcard', tag: 'tokyo' });
    for (const line of content.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(content).not.toContain('\uFFFD');
    const note = (ICAL.parse(content) as unknown as ['vcard', [string, unknown, string, unknown][]])[1].find((p) => p[0] === 'note')![3];
    expect(note).toBe(`${'日本語のメモ'.repeat(30)} 🎉🎉🎉 ${'é'.repeat(100)}`);
  });

  it('filters like the contact list: network, tag, connection type, query, archived', async () => {
    const names = async (input: Record<string, unknown>) => {
      const r = await exported({ format: 'csv', ...input });
      return (parse(r.content, { bom: true, columns: true }) as { Name: string }[]).map((row) => row.Name);
    };
    expect(await names({ tag: 'math' })).toEqual(['Ada Lovelace']);
    expect(await names({ network: 'operational' })).toEqual(['Charles Babbage']);
    expect(await names({ connectionType: 'podcast-guest' })).toEqual(['Charles Babbage']);
    expect(await names({ query: 'poetical' })).toEqual(['Ada Lovelace']);
    expect(await names({ archived: true })).toEqual(['Alan Turing']);
    expect(await names({ archived: false })).toHaveLength(3);
    await expect(exported({ format: 'json', tag: 'math' })).rejects.toThrow('format: a JSON backup holds the whole database; filters apply to vcard and csv exports');
  });

  it('CSV: quoted where needed, and imports back without a map', async () => {
    const { content } = await exported({ format: 'csv' });
    const rows = parse(content, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ Name: 'Ada Lovelace', Emails: 'ada@example.org; ada@home.example', Notes: 'Poetical science.\nLine two; with, punctuation\\', Tags: 'math, poetry', Networks: 'personal, strategic' });
    const report = await fresh.run(importRun, { content, filename: 'rapport-contacts.csv' });
    expect(report.format).toBe('csv');
    expect(report.counts).toMatchObject({ created: 4, rejected: 0 });
    const [ada] = await contacts(fresh, report);
    expect(ada).toMatchObject({ name: 'Ada Lovelace', organisation: 'Analytical Engines', birthday: '--12-10', tags: ['math', 'poetry'], networks: ['personal', 'strategic'], connectionType: 'mentor', cadenceDays: 45, metHow: 'Introduced by Charles' });
    expect(ada!.phones.map((p) => p.number)).toEqual(['+44 20 7946 0000']);
  });

  it('calendar: open follow-ups and actions due, with stable UIDs, valid iCalendar', async () => {
    const first = await t.run(calendar, {});
    const again = await t.run(calendar, {});
    expect(again.content).toBe(first.content);
    const jcal = ICAL.parse(first.content) as unknown as ['vcalendar', unknown[], ['vevent', [string, unknown, string, unknown][], unknown[]][]];
    const events = jcal[2].map((e) => Object.fromEntries(e[1].map((p) => [p[0], p[3]])));
    const summaries = events.map((e) => e.summary).sort();
    expect(summaries).toContain('coffee: Coffee with Ada (Ada Lovelace)');
    expect(summaries).toContain('Follow up with Charles Babbage: Thank for the coffee');
    expect(summaries.some((s) => String(s).includes('Send the paper'))).toBe(false);
    expect(summaries.some((s) => String(s).includes('Update CV'))).toBe(false);
    // Globally unique: the item and this database's own random id.
    expect(events.every((e) => /^(follow-up|action|birthday|date)-\d+-[0-9a-f]{8}-[0-9a-f-]{27}@rapport$/.test(String(e.uid)))).toBe(true);
    expect(new Set(events.map((e) => String(e.uid).split('@')[0]!.replace(/^\D+-\d+-/, ''))).size).toBe(1);
    expect(events.find((e) => e.summary === 'coffee: Coffee with Ada (Ada Lovelace)')!.dtstart).toBe('2026-12-05');
    // DTSTAMP is when the file was made (the frozen clock), SEQUENCE 0 for items never changed.
    expect(events.every((e) => e.dtstamp === '2026-11-23T12:00:00Z' && e.sequence === 0)).toBe(true);
  });

  it('calendar: snoozing a follow-up moves it and raises its SEQUENCE, under the same UID', async () => {
    const events = (text: string) => (ICAL.parse(text) as unknown as ['vcalendar', unknown[], ['vevent', [string, unknown, string, unknown][], unknown[]][]])[2]
      .map((e) => Object.fromEntries(e[1].map((p) => [p[0], p[3]])));
    const babbage = (text: string) => events(text).find((e) => String(e.summary).startsWith('Follow up with Charles Babbage'))!;
    const before = babbage((await t.run(calendar, {})).content);
    const id = Number(/^follow-up-(\d+)-/.exec(String(before.uid))![1]);
    await t.run(followUpSnooze, { id, until: '2027-01-15' });
    const after = babbage((await t.run(calendar, {})).content);
    expect(after).toMatchObject({ uid: before.uid, dtstart: '2027-01-15', sequence: Number(before.sequence) + 1 });
    await t.run(followUpSnooze, { id, until: '2027-01-20' });
    expect(babbage((await t.run(calendar, {})).content).sequence).toBe(Number(before.sequence) + 2);
  });
});
