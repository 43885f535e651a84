import { WEEKDAYS, type DigestSettings } from './digest-settings.ts';

// The wall clock in a time zone, read with Intl (no time-zone library: the zone rules come with Node's ICU).
interface WallClock { year: number; month: number; day: number; hour: number; minute: number; weekday: number }

function wallClock(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), hour: Number(get('hour')), minute: Number(get('minute')), weekday };
}

// The instant a local day and hour fall on in a zone: found by correcting a UTC guess by the zone's offset there
// (twice, so an hour next to a daylight-saving change still lands on it, or just after a skipped hour).
function instantOf(day: string, hour: number, timeZone: string): Date {
  const target = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  let guess = target;
  for (let i = 0; i < 2; i += 1) {
    const w = wallClock(new Date(guess), timeZone);
    const seen = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    guess += target - seen;
  }
  return new Date(guess);
}

const isoOf = (w: Pick<WallClock, 'year' | 'month' | 'day'>): string =>
  `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
const shift = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface DigestPeriod {
  // 'daily:2026-12-07' or 'weekly:2026-12-07': the local day it is scheduled on; one send per key and channel.
  key: string;
  // The local day the digest is about (its "today").
  day: string;
  scheduledAt: Date;
}

// The period whose send time is the latest at or before `now`, or null when the digest is off. A server started
// at 15:00 with an 8:00 digest not yet sent today sends today's at once; yesterday's is never sent late.
export function currentPeriod(now: Date, s: Pick<DigestSettings, 'frequency' | 'hour' | 'weekday' | 'timeZone'>): DigestPeriod | null {
  if (s.frequency === 'off') return null;
  const local = wallClock(now, s.timeZone);
  let day = isoOf(local);
  if (s.frequency === 'daily') {
    if (local.hour < s.hour) day = shift(day, -1);
  } else {
    const want = WEEKDAYS.indexOf(s.weekday);
    let back = (local.weekday - want + 7) % 7;
    if (back === 0 && local.hour < s.hour) back = 7;
    day = shift(day, -back);
  }
  return { key: `${s.frequency}:${day}`, day, scheduledAt: instantOf(day, s.hour, s.timeZone) };
}

// The next send after `now`, for Settings ("next digest: Mon 7 Dec 08:00 Europe/Paris").
export function nextSendAt(now: Date, s: Pick<DigestSettings, 'frequency' | 'hour' | 'weekday' | 'timeZone'>): Date | null {
  const current = currentPeriod(now, s);
  if (!current) return null;
  return instantOf(shift(current.day, s.frequency === 'daily' ? 1 : 7), s.hour, s.timeZone);
}

// Back-off after a failed send: 1, 2, 4, 8 … minutes, at most an hour apart; the period's end stops the retries.
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}
