import ical, { ICalAlarmType, ICalEventRepeatingFreq } from 'ical-generator';

export interface CalendarItem {
  // Stable across exports and unique in the world ("follow-up-3-<database id>@rapport"), so a subscribed calendar
  // updates an entry instead of duplicating it, and two Rapport databases never collide.
  uid: string;
  day: string;
  summary: string;
  description: string | null;
  // Grows with every change to the item (its stored revision): calendars apply an update only when it does.
  sequence: number;
  // A birthday or anniversary: one event from its first day with RRULE:FREQ=YEARLY.
  yearly?: boolean;
  // Set for a yearly February 29: it recurs on February's last day (29th or 28th), the rule Today and the digest use.
  lastDayOfFebruary?: boolean;
  // VALARM this many minutes before the day starts (settings.calendarAlarmMinutes); null or absent: no alarm.
  alarmMinutes?: number | null;
}

// DTSTAMP is when the file was made (RFC 5545 §3.8.7.2 for a published calendar), given by the caller's clock.
export function calendarText(name: string, items: readonly CalendarItem[], generatedAt: Date): string {
  const cal = ical({ name, prodId: { company: 'Rapport', product: 'Rapport', language: 'EN' } });
  for (const item of items) {
    cal.createEvent({
      id: item.uid,
      start: new Date(`${item.day}T00:00:00Z`),
      allDay: true,
      summary: item.summary,
      ...(item.description ? { description: item.description } : {}),
      stamp: generatedAt,
      sequence: item.sequence,
      ...(item.yearly ? { repeating: { freq: ICalEventRepeatingFreq.YEARLY, ...(item.lastDayOfFebruary ? { byMonth: 2, byMonthDay: -1 } : {}) } } : {}),
      // A display alarm, relative to the start (TRIGGER:-PT15H): the calendar shows it in the subscriber's own zone.
      ...(item.alarmMinutes != null ? { alarms: [{ type: ICalAlarmType.display, triggerBefore: item.alarmMinutes * 60, description: item.summary }] } : {}),
    });
  }
  return cal.toString();
}
