import { describe, expect, it } from 'vitest';
import { calendar, vevent } from './support/ics.ts';
import { readCalendar } from '../src/io/calendar-read.ts';

const YEAR = [new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z')] as const;

describe('readCalendar', () => {
  it('places a time in a zone the calendar does not define by the zone\'s own rules, summer and winter', () => {
    const r = readCalendar(calendar([
      vevent({ uid: 'w@x', start: 'TZID=America/New_York:20261113T090000' }),
      vevent({ uid: 's@x', start: 'TZID=America/New_York:20260713T090000' }),
    ]), ...YEAR);
    expect(r.problems).toEqual([]);
    expect(r.occurrences.map((o) => [o.uid, o.start]).sort()).toEqual([['s@x', '2026-07-13T13:00:00.000Z'], ['w@x', '2026-11-13T14:00:00.000Z']]);
  });

  it('counts everyone invited for the attendee limit but keeps only those who did not decline', () => {
    const [o] = readCalendar(calendar([vevent({ uid: 'd@x', start: '20261113T090000Z', organizer: 'boss@example.org',
      attendees: [{ email: 'yes@example.org', partstat: 'ACCEPTED' }, { email: 'no@example.org', partstat: 'DECLINED' }] })]), ...YEAR).occurrences;
    expect(o!.invited).toBe(3);
    expect(o!.people.map((p) => p.email)).toEqual(['yes@example.org', 'boss@example.org']);
  });

  it('reports an event without a UID and keeps reading', () => {
    const r = readCalendar(calendar([vevent({ uid: 'ok@x', start: '20261113T090000Z' }), vevent({ uid: '', start: '20261114T090000Z', summary: 'Nameless' }).replace('UID:\r\n', '')]), ...YEAR);
    expect(r.occurrences.map((o) => o.uid)).toEqual(['ok@x']);
    expect(r.problems).toEqual([{ uid: '(event 2, "Nameless")', message: expect.stringMatching(/no UID/) }]);
  });
});
