import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupRestore } from '../src/services/backup-restore.ts';
import { calendarCapture } from '../src/services/calendar-capture.service.ts';
import { exportOp } from '../src/services/export.service.ts';
import { contactGet } from '../src/services/contacts.service.ts';
import { interactionDelete, interactionList, interactionLog, interactionUpdate } from '../src/services/interactions.service.ts';
import { historyUndo } from '../src/services/history.service.ts';
import { metAdd, metDismiss, metList } from '../src/services/met-people.service.ts';
import { today } from '../src/services/today.service.ts';
import { triageList } from '../src/services/triage.service.ts';
import { readCalendar } from '../src/io/calendar-read.ts';
import { applyCapture } from '../src/services/sync/calendar-capture.ts';
import { capturedSource } from '../src/store/repositories/captured-events.repository.ts';
import { addContact } from './support/builders.ts';
import { QueryCounter } from './support/query-counter.ts';
import { BERLIN, calendar, vevent, weeklyWithExceptions } from './support/ics.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// The clock is frozen at 2026-11-23 12:00 UTC: the weekly meeting's 09:00 UTC occurrence that day has happened.
describe.each(DIALECTS)('meetings captured from an .ics file on %s', (dialect) => {
  let t: TestContext;
  let dir: string;
  let file: string;
  let ada: number;
  const write = (events: string[]) => writeFileSync(file, calendar(events, [BERLIN]));
  // As the CLI does: the file read here, its text sent with its path as the name it is remembered by.
  const upload = () => ({ source: file, content: readFileSync(file, 'utf8') });
  const capture = (extra: Record<string, unknown> = {}) => t.run(calendarCapture, { ...upload(), me: ['me@example.org'], ...extra });
  const meetingsOf = async (id: number) => (await t.run(interactionList, { contactId: id })).items;

  beforeEach(async () => {
    t = await testContext(dialect);
    dir = mkdtempSync(join(tmpdir(), 'rapport-ics-'));
    file = join(dir, 'work.ics');
    ada = await addContact(t, 'Ada Lovelace', { emails: ['ada@example.org'], networks: ['operational'] });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes each past occurrence of a recurring meeting a meeting with the contacts in it: exception moved, EXDATE and cancellation left out', async () => {
    write(weeklyWithExceptions());
    const report = await capture();
    expect(report).toMatchObject({ created: 4, updated: 0, deleted: 0, skipped: 0, errors: [] });
    const meetings = await meetingsOf(ada);
    expect(meetings.map((m) => [m.occurredAt, m.kind, m.channel, m.summary])).toEqual([
      ['2026-11-23T09:00:00.000Z', 'meeting', 'video', 'Weekly sync'],
      ['2026-11-16T09:00:00.000Z', 'meeting', 'video', 'Weekly sync'],
      ['2026-11-03T14:00:00.000Z', 'meeting', 'in-person', 'Weekly sync (moved)'],
      ['2026-10-19T08:00:00.000Z', 'meeting', 'video', 'Weekly sync'],
    ]);
    const contact = await t.run(contactGet, { id: ada });
    expect(contact.lastInteractionAt).toBe('2026-11-23T09:00:00.000Z');
  });

  it('captures nothing twice, and follows an edit and a cancellation made later', async () => {
    write(weeklyWithExceptions());
    await capture();
    expect(await capture()).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(await meetingsOf(ada)).toHaveLength(4);

    const [master, moved] = weeklyWithExceptions({ summary: 'Weekly planning' });
    write([master!, moved!,
      vevent({ uid: 'weekly-1@example.org', recurrenceId: 'TZID=Europe/Berlin:20261116T100000', start: 'TZID=Europe/Berlin:20261116T100000', status: 'CANCELLED', summary: 'Weekly planning' })]);
    const report = await capture();
    // 9 November is no longer cancelled, 16 November is; the others carry the new title.
    expect(report).toMatchObject({ created: 1, updated: 3, deleted: 1 });
    expect((await meetingsOf(ada)).map((m) => [m.occurredAt.slice(0, 10), m.summary])).toEqual([
      ['2026-11-23', 'Weekly planning'], ['2026-11-09', 'Weekly planning'], ['2026-11-03', 'Weekly planning (moved)'], ['2026-10-19', 'Weekly planning'],
    ]);
  });

  it('does not make the meetings twice when the same calendar is captured again after a restore from a backup', async () => {
    write(weeklyWithExceptions());
    await capture();
    const backup = (await t.run(exportOp, { format: 'json' })).content;
    const restored = await testContext(dialect);
    try {
      await restored.run(backupRestore, { content: backup });
      const again = await restored.run(calendarCapture, { ...upload(), me: ['me@example.org'] });
      expect(again).toMatchObject({ created: 0, updated: 4, deleted: 0 });
      expect((await restored.run(interactionList, { contactId: ada })).items).toHaveLength(4);
      // And from then on it is tracked as before: a third capture changes nothing.
      expect(await restored.run(calendarCapture, { ...upload(), me: ['me@example.org'] })).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    } finally {
      await restored.close();
    }
  });

  it('after a restore, takes over a captured meeting whose title the user edited, keeping the edit, instead of making it again', async () => {
    write(weeklyWithExceptions());
    await capture();
    const [latest] = await meetingsOf(ada);
    await t.run(interactionUpdate, { id: latest!.id, summary: 'Weekly sync: agreed the Q1 plan' });
    const backup = (await t.run(exportOp, { format: 'json' })).content;
    const restored = await testContext(dialect);
    try {
      await restored.run(backupRestore, { content: backup });
      expect(await restored.run(calendarCapture, { ...upload(), me: ['me@example.org'] })).toMatchObject({ created: 0, updated: 4, deleted: 0 });
      const after = (await restored.run(interactionList, { contactId: ada })).items;
      expect(after.map((m) => [m.occurredAt.slice(0, 10), m.summary])).toEqual([
        ['2026-11-23', 'Weekly sync: agreed the Q1 plan'], ['2026-11-16', 'Weekly sync'], ['2026-11-03', 'Weekly sync (moved)'], ['2026-10-19', 'Weekly sync'],
      ]);
    } finally {
      await restored.close();
    }
  });

  it('looks up and writes a calendar in as many statements for 100 events as for 10 (batched, not per event)', async () => {
    const others = [ada];
    for (let i = 1; i < 5; i++) others.push(await addContact(t, `Person ${i}`, { emails: [`p${i}@example.org`], networks: ['operational'] }));
    const statements = async (n: number, key: string) => {
      const events = Array.from({ length: n }, (_, i) => vevent({
        uid: `${key}-${i}@x`, start: `202611${String(1 + (i % 20)).padStart(2, '0')}T${String(8 + (i % 8)).padStart(2, '0')}0000Z`, summary: `${key} ${i}`,
        attendees: [i % 5 === 0 ? 'ada@example.org' : `p${i % 5}@example.org`, `stranger-${key}-${i}@example.net`],
      }));
      const reading = readCalendar(calendar(events), new Date('2025-11-23T12:00:00Z'), new Date('2026-11-23T12:00:00Z'));
      const counter = new QueryCounter();
      const report = await t.store.transaction(async (tx) => {
        const counted = { ...tx, db: counter.watch(tx.db) };
        const source = await capturedSource(counted, key, '2026-11-23T12:00:00.000Z');
        return applyCapture({ store: counted, clock: t.clock }, source, reading, { from: new Date('2025-11-23T12:00:00Z'), to: new Date('2026-11-23T12:00:00Z'), full: true }, { maxAttendees: 10, myAddresses: [] }, (u) => u);
      });
      expect(report).toMatchObject({ created: n, offered: n });
      return counter.count;
    };
    const ten = await statements(10, 'small');
    const hundred = await statements(100, 'large');
    expect(hundred).toBe(ten);
  });

  it('undoes a capture whole: its meetings, and the people it offered, go; capturing again makes them again', async () => {
    write(weeklyWithExceptions());
    await capture();
    await t.run(historyUndo, {});
    expect(await meetingsOf(ada)).toEqual([]);
    expect((await t.run(metList, {})).items).toEqual([]);
    expect(await capture()).toMatchObject({ created: 4, offered: 1 });
  });

  it('removes the meeting of an event that disappeared from the calendar, and the cadence follows', async () => {
    write([vevent({ uid: 'coffee@x', start: '20261120T090000Z', summary: 'Coffee', location: 'Kaffeehaus', attendees: ['ada@example.org'] })]);
    await capture();
    expect((await t.run(contactGet, { id: ada })).lastInteractionAt).toBe('2026-11-20T09:00:00.000Z');
    write([]);
    expect(await capture()).toMatchObject({ deleted: 1 });
    expect(await meetingsOf(ada)).toEqual([]);
    expect((await t.run(contactGet, { id: ada })).lastInteractionAt).toBeNull();
  });

  it('skips and counts private events and events over the attendee limit, and never captures a future one', async () => {
    const crowd = Array.from({ length: 11 }, (_, i) => `person${i}@example.com`);
    write([
      vevent({ uid: 'private@x', start: '20261110T090000Z', summary: 'Doctor', klass: 'PRIVATE', attendees: ['ada@example.org'] }),
      vevent({ uid: 'secret@x', start: '20261111T090000Z', summary: 'Offer talk', klass: 'CONFIDENTIAL', attendees: ['ada@example.org'] }),
      vevent({ uid: 'townhall@x', start: '20261112T090000Z', summary: 'Town hall', attendees: ['ada@example.org', ...crowd] }),
      vevent({ uid: 'future@x', start: '20261124T090000Z', summary: 'Tomorrow', attendees: ['ada@example.org'] }),
    ]);
    expect(await capture()).toMatchObject({ created: 0, skipped: 3, skippedPrivate: 2, skippedLarge: 1 });
    expect(await meetingsOf(ada)).toEqual([]);
    // With the limit raised, the town hall is a meeting.
    expect(await capture({ maxAttendees: 20 })).toMatchObject({ created: 1, skippedLarge: 0 });
  });

  it('names a malformed event by UID and still captures the others', async () => {
    write([
      vevent({ uid: 'broken@x', start: '20261110T090000Z', summary: 'Broken', rrule: 'FREQ=SOMETIMES;COUNT=2', attendees: ['ada@example.org'] }),
      vevent({ uid: 'fine@x', start: '20261112T090000Z', summary: 'Fine', attendees: ['ada@example.org'] }),
    ]);
    const report = await capture();
    expect(report.created).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.item).toBe(`${file}, event broken@x`);
    expect(report.errors[0]!.message).toMatch(/FREQ|SOMETIMES|frequency/i);
  });

  it('offers attendees who are not contacts in people you met, and adds one only when asked', async () => {
    write(weeklyWithExceptions());
    expect(await capture()).toMatchObject({ offered: 1 });
    const met = await t.run(metList, {});
    expect(met.items.map((m) => [m.email, m.name, m.meetings])).toEqual([['grace@example.net', 'Grace Hopper', 4]]);
    expect((await t.run(triageList, {})).unsorted).toBe(0);
    // Captured again: still offered once, her meetings not counted twice.
    await capture();
    expect((await t.run(metList, {})).items[0]!.meetings).toBe(4);

    const added = await t.run(metAdd, { email: 'grace@example.net' });
    expect(added.meetings).toBe(4);
    expect((await t.run(triageList, {})).items.map((i) => i.name)).toEqual(['Grace Hopper']);
    expect((await meetingsOf(added.contactId)).map((m) => m.occurredAt.slice(0, 10))).toEqual(['2026-11-23', '2026-11-16', '2026-11-03', '2026-10-19']);
    expect((await t.run(metList, {})).items).toEqual([]);
    await expect(t.run(metDismiss, { email: 'grace@example.net' })).rejects.toThrow(/already added/);
  });

  it('does not make again a meeting the user deleted', async () => {
    write([vevent({ uid: 'lunch@x', start: '20261120T120000Z', summary: 'Lunch', attendees: ['ada@example.org'] })]);
    await capture();
    const [meeting] = await meetingsOf(ada);
    await t.run(interactionDelete, { id: meeting!.id });
    expect(await capture()).toMatchObject({ created: 0 });
    expect(await meetingsOf(ada)).toEqual([]);
  });

  it('takes a contact met in a captured meeting off the keep-in-touch list at once', async () => {
    const old = await addContact(t, 'Old Friend', { emails: ['old@example.org'], networks: ['personal'], cadenceDays: 30 });
    await t.store.db.deleteFrom('follow_ups').execute();
    await t.run(interactionLog, { contactIds: [old], occurredAt: '2026-09-01', kind: 'coffee' });
    const due = async () => { const v = await t.run(today, {}); return [...v.overdue, ...v.dueThisWeek].map((d) => d.id); };
    expect(await due()).toContain(old);
    write([vevent({ uid: 'catchup@x', start: '20261122T180000Z', summary: 'Catch-up', attendees: ['old@example.org'] })]);
    await capture();
    expect(await due()).not.toContain(old);
  });

  it('reads a calendar feed from a URL', async () => {
    const body = calendar([vevent({ uid: 'feed@x', start: '20261118T090000Z', summary: 'Feed meeting', location: 'tel:+15550100', attendees: ['ada@example.org'] })]);
    const server: Server = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/calendar' }); res.end(body); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cal.ics`;
      expect(await t.run(calendarCapture, { source: url })).toMatchObject({ created: 1 });
      expect((await meetingsOf(ada)).map((m) => [m.summary, m.channel])).toEqual([['Feed meeting', 'phone']]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('never reads a file itself (a path over the API would be on the server), and says which calendar is not one', async () => {
    write(weeklyWithExceptions());
    await expect(t.run(calendarCapture, { source: file })).rejects.toThrow(/source: not an http\(s\) URL: a file is not read here; send the calendar's text in content/);
    expect(await meetingsOf(ada)).toEqual([]);
    writeFileSync(file, 'BEGIN:VCARD\nFN:Not a calendar\nEND:VCARD\n');
    await expect(capture()).rejects.toThrow(/work\.ics: not an iCalendar file/);
  });
});
