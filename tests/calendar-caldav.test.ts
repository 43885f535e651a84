import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { interactionList } from '../src/services/interactions.service.ts';
import { metList } from '../src/services/met-people.service.ts';
import type { ConnectedAccount } from '../src/services/sync/account-syncer.ts';
import { caldavSyncer } from '../src/services/sync/calendar-syncer.ts';
import { addContact } from './support/builders.ts';
import { BERLIN, calendar, vevent, weeklyWithExceptions } from './support/ics.ts';
import { radicaleAvailable, startRadicaleCalendar, type RadicaleCalendar } from './support/radicale-calendar.ts';
import { testContext, type TestContext } from './support/stores.ts';

// A real CalDAV server (Radicale) holding the user's work calendar; the clock is frozen at 2026-11-23 12:00 UTC.
describe.skipIf(!radicaleAvailable)('meetings captured from a CalDAV calendar (Radicale)', () => {
  let server: RadicaleCalendar;
  let t: TestContext;
  let ada: number;
  let n = 0;

  beforeAll(async () => { server = await startRadicaleCalendar(); });
  afterAll(async () => { await server.close(); });

  // Each test has its own calendar file names on the one server, so the tests need not run in order.
  let names: string[];
  const put = async (name: string, events: string[]) => { names.push(name); await server.put(name, calendar(events, [BERLIN])); };
  beforeEach(async () => {
    t = await testContext('sqlite');
    names = [];
    ada = await addContact(t, 'Ada Lovelace', { emails: ['ada@example.org'], networks: ['operational'] });
  });
  afterEach(async () => {
    for (const name of names) await server.remove(name).catch(() => undefined);
    await t.close();
  });

  const account = async (password = server.password): Promise<ConnectedAccount> => {
    n++;
    return t.store.db.insertInto('connected_accounts').values({
      workspace_id: t.store.workspaceId, kind: 'caldav', name: `Work ${n}`, url: server.url, username: server.user, secret: password, secret_env: null,
      collection_url: server.calendarUrl, options: JSON.stringify({ myAddresses: ['me@example.org'] }), paused: 0, sync_token: null, ctag: null,
      last_sync_at: null, last_result: null, last_error: null, created_at: '2026-11-23T12:00:00.000Z',
    }).returningAll().executeTakeFirstOrThrow();
  };
  const meetingsOf = async (id: number) => (await t.run(interactionList, { contactId: id })).items;

  it('captures a recurring meeting with an exception and a cancellation, and a second sync changes nothing', async () => {
    await put('weekly.ics', weeklyWithExceptions());
    const acc = await account();
    expect(await caldavSyncer.test(t, acc)).toMatchObject({ ok: true, detail: expect.stringContaining('Work') });
    expect(await caldavSyncer.sync(t, acc)).toMatchObject({ created: 4, updated: 0, deleted: 0, errors: [] });
    expect((await meetingsOf(ada)).map((m) => [m.occurredAt, m.channel])).toEqual([
      ['2026-11-23T09:00:00.000Z', 'video'], ['2026-11-16T09:00:00.000Z', 'video'], ['2026-11-03T14:00:00.000Z', 'in-person'], ['2026-10-19T08:00:00.000Z', 'video'],
    ]);
    expect(await caldavSyncer.sync(t, acc)).toMatchObject({ created: 0, updated: 0, deleted: 0, errors: [] });
    expect(await meetingsOf(ada)).toHaveLength(4);
    expect((await t.run(metList, {})).items.map((m) => m.email)).toEqual(['grace@example.net']);
  });

  it('follows an event edited on the server, and one deleted there', async () => {
    await put('lunch.ics', [vevent({ uid: 'lunch@x', start: '20261118T120000Z', summary: 'Lunch', location: 'Canteen', attendees: ['ada@example.org'] })]);
    await put('review.ics', [vevent({ uid: 'review@x', start: '20261119T120000Z', summary: 'Review', attendees: ['ada@example.org'] })]);
    const acc = await account();
    expect(await caldavSyncer.sync(t, acc)).toMatchObject({ created: 2 });
    await server.put('lunch.ics', calendar([vevent({ uid: 'lunch@x', start: '20261118T123000Z', summary: 'Lunch with Ada', location: 'https://zoom.us/j/1', sequence: 1, attendees: ['ada@example.org'] })]));
    await server.remove('review.ics');
    expect(await caldavSyncer.sync(t, acc)).toMatchObject({ created: 0, updated: 1, deleted: 1 });
    expect((await meetingsOf(ada)).map((m) => [m.occurredAt, m.summary, m.channel])).toEqual([['2026-11-18T12:30:00.000Z', 'Lunch with Ada', 'video']]);
  });

  it('skips a private event and a large one, and counts them', async () => {
    const crowd = Array.from({ length: 12 }, (_, i) => `p${i}@example.com`);
    await put('private.ics', [vevent({ uid: 'private@x', start: '20261110T090000Z', summary: 'Doctor', klass: 'PRIVATE', attendees: ['ada@example.org'] })]);
    await put('allhands.ics', [vevent({ uid: 'allhands@x', start: '20261112T090000Z', summary: 'All hands', attendees: ['ada@example.org', ...crowd] })]);
    expect(await caldavSyncer.sync(t, await account())).toMatchObject({ created: 0, skipped: 2, skippedPrivate: 1, skippedLarge: 1 });
    expect(await meetingsOf(ada)).toEqual([]);
  });

  it('names the account and the UID of a malformed event on the server, and captures the rest', async () => {
    await put('fine.ics', [vevent({ uid: 'fine@x', start: '20261112T090000Z', summary: 'Fine', attendees: ['ada@example.org'] })]);
    // Radicale refuses most broken events; it takes one whose time zone is defined nowhere, so its time is unknown.
    await put('broken.ics', [vevent({ uid: 'broken@x', start: 'TZID=Mars/Olympus_Mons:20261113T090000', summary: 'Broken', attendees: ['ada@example.org'] })]);
    const acc = await account();
    const report = await caldavSyncer.sync(t, acc);
    expect(report.created).toBe(1);
    expect(report.errors).toEqual([{ item: `account "${acc.name}", event broken@x`, message: expect.stringMatching(/time zone "Mars\/Olympus_Mons" is neither defined in the calendar/) }]);
  });

  it('says which account refused the password, and what to check', async () => {
    const acc = await account('wrong');
    await expect(caldavSyncer.sync(t, acc)).rejects.toThrow(new RegExp(`account "${acc.name}": .* refused user "ada" \\(401\\); check the user name and the stored password`));
  });

  it('reads only what moved into the past when the calendar did not change', async () => {
    await put('standup.ics', [vevent({ uid: 'standup@x', start: '20261120T080000Z', rrule: 'FREQ=DAILY;COUNT=10', summary: 'Stand-up', attendees: ['ada@example.org'] })]);
    const acc = await account();
    expect(await caldavSyncer.sync(t, acc)).toMatchObject({ created: 4 }); // 20, 21, 22, 23 November
    const later = { ...t, clock: fixedClock('2026-11-25T12:00:00.000Z') };
    expect(await caldavSyncer.sync(later, acc)).toMatchObject({ created: 2, deleted: 0 });
    expect(await meetingsOf(ada)).toHaveLength(6);
  });
});
