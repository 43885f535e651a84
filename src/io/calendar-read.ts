import ICAL from 'ical.js';

// One happening of a calendar event: a single event, or one occurrence of a recurring one (its recurrence id set).
export interface CalendarOccurrence {
  uid: string;
  // '' for a single event; for an occurrence, its original start (RECURRENCE-ID) as UTC ISO, or the day for all-day ones.
  recurrenceId: string;
  start: string; // ISO-8601 UTC
  summary: string | null;
  location: string | null;
  description: string | null;
  links: string[];
  cancelled: boolean;
  // CLASS:PRIVATE or CONFIDENTIAL.
  private: boolean;
  // Attendees and organizer, by lower-case address, without those who declined.
  people: { email: string; name: string | null }[];
  // Everyone invited, declined or not: the attendee limit counts the size of the meeting.
  invited: number;
}

export interface CalendarProblem {
  uid: string;
  message: string;
}

export interface CalendarReading {
  occurrences: CalendarOccurrence[];
  problems: CalendarProblem[];
}

// A recurrence is followed from its first occurrence up to the window's end (a rule cannot be started in the
// middle: INTERVAL and COUNT count from DTSTART), but only the occurrences inside the window are built. This many
// steps of one rule at most: a daily meeting for 270 years, or a runaway FREQ=MINUTELY stopped.
const MAX_OCCURRENCES_PER_EVENT = 100_000;

const text = (c: ICAL.Component, name: string): string | null => {
  const v = c.getFirstPropertyValue(name);
  if (v === null || v === undefined) return null;
  const s = String(v as string).trim();
  return s === '' ? null : s;
};

const address = (value: unknown): string | null => {
  const s = String(value ?? '').trim().replace(/^mailto:/i, '').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(s) ? s : null;
};

function peopleOf(c: ICAL.Component): { people: CalendarOccurrence['people']; invited: number } {
  const people = new Map<string, string | null>();
  let invited = 0;
  for (const p of c.getAllProperties('attendee')) {
    invited++;
    const email = address(p.getFirstValue());
    if (!email || String(p.getParameter('partstat') ?? '').toUpperCase() === 'DECLINED') continue;
    if (!people.has(email)) people.set(email, (p.getParameter('cn') as string | undefined)?.trim() || null);
  }
  const organizer = c.getFirstProperty('organizer');
  const org = organizer ? address(organizer.getFirstValue()) : null;
  if (organizer && org && !people.has(org)) {
    people.set(org, (organizer.getParameter('cn') as string | undefined)?.trim() || null);
    if (c.getAllProperties('attendee').every((p) => address(p.getFirstValue()) !== org)) invited++;
  }
  return { people: [...people].map(([email, name]) => ({ email, name })), invited };
}

function linksOf(c: ICAL.Component): string[] {
  const links: string[] = [];
  for (const name of ['conference', 'x-google-conference', 'url']) {
    for (const p of c.getAllProperties(name)) {
      const v = p.getFirstValue();
      if (v !== null && v !== undefined && String(v as string).trim() !== '') links.push(String(v as string).trim());
    }
  }
  return links;
}

// The UTC offset of a zone at an instant, from the platform's time-zone data, in milliseconds.
const formats = new Map<string, Intl.DateTimeFormat>();
function offsetIn(zone: string, at: number): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000;
}

const knownZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

// A TZID without its VTIMEZONE leaves ical.js a floating time. A zone the platform knows (America/New_York) is
// converted with its rules; any other makes the time unknown, and the event is reported rather than guessed.
// The occurrences a recurrence gives lose that TZID (ical.js copies the time, not the name): `zone` is the series'
// own, from its DTSTART.
function instant(t: ICAL.Time, zone?: string): string {
  const tzid = (t as unknown as { timezone?: string }).timezone ?? zone; // set by ical.js from TZID, untyped
  if (t.zone?.tzid !== 'floating' || !tzid || tzid === 'floating') return t.toJSDate().toISOString();
  if (!knownZone(tzid)) throw new Error(`the time zone "${tzid}" is neither defined in the calendar (VTIMEZONE) nor a known zone, so the time of the event is unknown`);
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  let at = wall - offsetIn(tzid, wall);
  at = wall - offsetIn(tzid, at);
  return new Date(at).toISOString();
}

const utc = (t: ICAL.Time, zone?: string): string => (t.isDate ? `${t.toString()}T00:00:00.000Z` : instant(t, zone));
const recurrenceKey = (t: ICAL.Time, zone?: string): string => (t.isDate ? t.toString() : instant(t, zone));
const zoneOf = (c: ICAL.Component, name: string): string | undefined => (c.getFirstProperty(name)?.getParameter('tzid') as string | undefined) ?? undefined;

function occurrence(item: ICAL.Component, uid: string, recurrenceId: string, start: ICAL.Time, zone?: string): CalendarOccurrence {
  const klass = (text(item, 'class') ?? 'PUBLIC').toUpperCase();
  return {
    uid, recurrenceId, start: utc(start, zone ?? zoneOf(item, 'dtstart')),
    summary: text(item, 'summary'), location: text(item, 'location'), description: text(item, 'description'), links: linksOf(item),
    cancelled: (text(item, 'status') ?? '').toUpperCase() === 'CANCELLED',
    private: klass === 'PRIVATE' || klass === 'CONFIDENTIAL',
    ...peopleOf(item),
  };
}

// Occurrences of one UID (a master and its exceptions) that start in [from, to).
function expand(uid: string, components: ICAL.Component[], from: Date, to: Date): CalendarOccurrence[] {
  const master = components.find((c) => !c.hasProperty('recurrence-id'));
  const exceptions = components.filter((c) => c.hasProperty('recurrence-id'));
  const inWindow = (t: ICAL.Time, zone?: string) => { const d = new Date(utc(t, zone)); return d >= from && d < to; };
  const out: CalendarOccurrence[] = [];
  if (!master) {
    // Invited to single occurrences only: each exception stands alone.
    for (const x of exceptions) {
      const event = new ICAL.Event(x);
      if (!event.startDate) throw new Error('an occurrence without DTSTART');
      if (inWindow(event.startDate, zoneOf(x, 'dtstart'))) out.push(occurrence(x, uid, recurrenceKey(event.recurrenceId, zoneOf(x, 'recurrence-id')), event.startDate));
    }
    return out;
  }
  // Its exceptions given (even none): otherwise ical.js looks for them among every event of the calendar, which
  // makes reading a calendar quadratic in its size.
  const event = new ICAL.Event(master, { exceptions: [] });
  if (!master.hasProperty('dtstart') || !event.startDate) throw new Error('no DTSTART: the event has no start');
  for (const x of exceptions) event.relateException(x);
  const zone = zoneOf(master, 'dtstart');
  if (!event.isRecurring()) {
    if (inWindow(event.startDate, zone)) out.push(occurrence(master, uid, '', event.startDate));
    return out;
  }
  const seen = new Set<string>();
  const earliestYear = from.getUTCFullYear() - 1;
  const it = event.iterator();
  for (let n = 0, next = it.next(); next; next = it.next(), n++) {
    if (n > MAX_OCCURRENCES_PER_EVENT) throw new Error(`the recurrence gives more than ${MAX_OCCURRENCES_PER_EVENT} occurrences before ${to.toISOString().slice(0, 10)}`);
    // Years before the window are passed over without working out their instant (a zone moves a time by hours).
    if (next.year < earliestYear) continue;
    const at = new Date(utc(next, zone));
    if (at >= to) break;
    // Before the window: not built. An exception moved from there into the window is taken below.
    if (at < from) continue;
    const details = event.getOccurrenceDetails(next);
    const key = recurrenceKey(details.recurrenceId, zone);
    seen.add(key);
    const startZone = details.item.component === master ? zone : zoneOf(details.item.component, 'dtstart');
    if (inWindow(details.startDate, startZone)) out.push(occurrence(details.item.component, uid, key, details.startDate, startZone));
  }
  // An exception moved here from a day the rule no longer gives (the rule was edited) still happened.
  for (const x of exceptions) {
    const ex = new ICAL.Event(x);
    const key = recurrenceKey(ex.recurrenceId, zoneOf(x, 'recurrence-id'));
    if (!seen.has(key) && ex.startDate && inWindow(ex.startDate, zoneOf(x, 'dtstart'))) out.push(occurrence(x, uid, key, ex.startDate));
  }
  return out;
}

function registerTimezones(root: ICAL.Component): void {
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    const id = tz.getFirstPropertyValue('tzid');
    if (id && !ICAL.TimezoneService.has(String(id as string))) ICAL.TimezoneService.register(tz);
  }
}

// The text's calendars. ical.js reads values as it parses, so one bad value (an RRULE with FREQ=SOMETIMES) fails
// the whole text: then each event is parsed on its own, with the calendar's time zones, and the one that fails is
// reported by its UID while the others are read.
function parseRoots(ics: string, problems: CalendarProblem[]): ICAL.Component[] {
  const rootsOf = (text: string) => {
    const parsed = ICAL.parse(text) as unknown[];
    return (Array.isArray(parsed[0]) ? parsed : [parsed]).map((j) => new ICAL.Component(j as unknown[]));
  };
  let roots: ICAL.Component[];
  try {
    roots = rootsOf(ics);
  } catch (whole) {
    const lines = ics.split(/\r?\n/);
    const blocks = (name: string) => {
      const out: string[] = [];
      let start = -1;
      lines.forEach((l, i) => {
        if (l.toUpperCase() === `BEGIN:${name}`) start = i;
        else if (l.toUpperCase() === `END:${name}` && start >= 0) { out.push(lines.slice(start, i + 1).join('\r\n')); start = -1; }
      });
      return out;
    };
    const events = blocks('VEVENT');
    if (events.length === 0 || !/^BEGIN:VCALENDAR/im.test(ics)) throw whole;
    const zones = blocks('VTIMEZONE').join('\r\n');
    roots = events.flatMap((e) => {
      try {
        return rootsOf(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${zones}\r\n${e}\r\nEND:VCALENDAR`);
      } catch (error) {
        const uid = /^UID[;:](?:[^:\r\n]*:)?(.+)$/m.exec(e)?.[1]?.trim() ?? '(an event without UID)';
        problems.push({ uid, message: error instanceof Error ? error.message : String(error) });
        return [];
      }
    });
  }
  const other = roots.find((r) => r.name !== 'vcalendar');
  if (other) throw new Error(`a ${other.name.toUpperCase()} where a VCALENDAR was expected`);
  return roots;
}

// The events of an iCalendar text that start in [from, to), recurrences expanded (RRULE, RDATE, EXDATE, and
// RECURRENCE-ID exceptions). A malformed event is reported by UID and the others are still read; a text that is
// not iCalendar at all throws, with the reason.
export function readCalendar(ics: string, from: Date, to: Date): CalendarReading {
  const problems: CalendarProblem[] = [];
  const roots = parseRoots(ics, problems);
  const byUid = new Map<string, ICAL.Component[]>();
  // An iTIP cancellation (METHOD:CANCEL, as mailed by a calendar app) cancels every event it holds, STATUS or not.
  const cancelledByMethod = new Set<string>();
  for (const root of roots) {
    registerTimezones(root);
    const cancels = String(root.getFirstPropertyValue('method') ?? '').toUpperCase() === 'CANCEL';
    root.getAllSubcomponents('vevent').forEach((c, i) => {
      const uid = text(c, 'uid');
      if (!uid) {
        problems.push({ uid: `(event ${i + 1}, "${text(c, 'summary') ?? 'no summary'}")`, message: 'no UID: the event cannot be followed from one capture to the next' });
        return;
      }
      (byUid.get(uid) ?? byUid.set(uid, []).get(uid)!).push(c);
      if (cancels) cancelledByMethod.add(uid);
    });
  }
  const occurrences: CalendarOccurrence[] = [];
  for (const [uid, components] of byUid) {
    try {
      const found = expand(uid, components, from, to);
      if (cancelledByMethod.has(uid)) for (const o of found) o.cancelled = true;
      occurrences.push(...found);
    } catch (error) {
      problems.push({ uid, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { occurrences, problems };
}
