// Small iCalendar builders for the calendar-capture tests: each event says only what the test cares about.
export interface EventSpec {
  uid: string;
  start: string; // 20261019T100000Z, or with tz: 'TZID=Europe/Berlin:20261019T100000', or all day: 'VALUE=DATE:20261019'
  summary?: string;
  location?: string;
  rrule?: string;
  exdate?: string;
  recurrenceId?: string;
  status?: 'CANCELLED' | 'CONFIRMED';
  klass?: 'PRIVATE' | 'CONFIDENTIAL' | 'PUBLIC';
  sequence?: number;
  organizer?: string;
  attendees?: (string | { email: string; name?: string; partstat?: string })[];
  extra?: string[];
}

const dt = (name: string, v: string) => (/^(TZID|VALUE)=/.test(v) ? `${name};${v}` : `${name}:${v}`);

export function vevent(e: EventSpec): string {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, 'DTSTAMP:20261001T000000Z', dt('DTSTART', e.start)];
  if (e.recurrenceId) lines.push(dt('RECURRENCE-ID', e.recurrenceId));
  if (e.rrule) lines.push(`RRULE:${e.rrule}`);
  if (e.exdate) lines.push(dt('EXDATE', e.exdate));
  if (e.summary) lines.push(`SUMMARY:${e.summary}`);
  if (e.location) lines.push(`LOCATION:${e.location}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  if (e.klass) lines.push(`CLASS:${e.klass}`);
  if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
  if (e.organizer) lines.push(`ORGANIZER:mailto:${e.organizer}`);
  for (const a of e.attendees ?? []) {
    const x = typeof a === 'string' ? { email: a } : a;
    lines.push(`ATTENDEE${x.name ? `;CN=${x.name}` : ''}${x.partstat ? `;PARTSTAT=${x.partstat}` : ''}:mailto:${x.email}`);
  }
  lines.push(...(e.extra ?? []), 'END:VEVENT');
  return lines.join('\r\n');
}

export const BERLIN = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export function calendar(events: readonly string[], timezones: readonly string[] = []): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport tests//EN', ...timezones, ...events, 'END:VCALENDAR', ''].join('\r\n');
}

// The weekly meeting of the tests: Mondays 10:00 Berlin from 19 October 2026, eight times; 26 October left out
// (EXDATE); 2 November moved to Tuesday 3rd 15:00 in a café; 9 November cancelled.
export function weeklyWithExceptions(opts: { summary?: string; attendees?: EventSpec['attendees'] } = {}): string[] {
  const attendees = opts.attendees ?? [{ email: 'Ada@Example.org', name: 'Ada Lovelace', partstat: 'ACCEPTED' }, { email: 'grace@example.net', name: 'Grace Hopper' }];
  const summary = opts.summary ?? 'Weekly sync';
  return [
    vevent({ uid: 'weekly-1@example.org', start: 'TZID=Europe/Berlin:20261019T100000', rrule: 'FREQ=WEEKLY;COUNT=8', exdate: 'TZID=Europe/Berlin:20261026T100000',
      summary, location: 'https://meet.google.com/abc-defg-hij', organizer: 'me@example.org', attendees }),
    vevent({ uid: 'weekly-1@example.org', recurrenceId: 'TZID=Europe/Berlin:20261102T100000', start: 'TZID=Europe/Berlin:20261103T150000',
      summary: `${summary} (moved)`, location: 'Café Central, Vienna', organizer: 'me@example.org', attendees }),
    vevent({ uid: 'weekly-1@example.org', recurrenceId: 'TZID=Europe/Berlin:20261109T100000', start: 'TZID=Europe/Berlin:20261109T100000', status: 'CANCELLED', summary }),
  ];
}
