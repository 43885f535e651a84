import { z } from 'zod';
import { toIsoDay } from '../domain/dates.ts';
import { occasionPhrase, occurrenceIn, type ImportantDate } from '../domain/important-dates.ts';
import { calendarText, type CalendarItem } from '../io/calendar-write.ts';
import { openDueItems, workspaceUid } from '../store/repositories/export.repository.ts';
import { datesInMonths } from '../store/repositories/important-dates.repository.ts';
import { loadSettings } from '../store/repositories/settings.repository.ts';
import { defineOperation } from './operation.ts';
import { calendarOutput } from './schemas/import-export.ts';

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

// A yearly date starts on its first day when the year is known (so calendars can count the years), else this year.
function dateItem(d: ImportantDate & { contactName: string }, uid: string, thisYear: number, alarmMinutes: number | null): CalendarItem {
  const start = d.year !== null ? occurrenceIn(d, d.year) : occurrenceIn(d, thisYear);
  const what = occasionPhrase({ kind: d.kind, label: d.label, years: null });
  return {
    uid: d.id === null ? `birthday-${d.contactId}-${uid}@rapport` : `date-${d.id}-${uid}@rapport`,
    day: start, summary: `${d.contactName}: ${what}`, description: null, sequence: 0,
    yearly: d.yearly, lastDayOfFebruary: d.yearly && d.month === 2 && d.day === 29, alarmMinutes,
  };
}

export const calendar = defineOperation({
  name: 'calendar',
  summary: 'Open follow-ups and actions with a due day, and important dates as yearly events, as an iCalendar file with alarms (subscribable: entries keep their UID)',
  effect: 'read',
  input: z.object({}),
  output: calendarOutput,
  http: { method: 'get', path: '/calendar' },
  run: async ({ store, clock }) => {
    const [uid, settings, due, dates] = await Promise.all([workspaceUid(store), loadSettings(store), openDueItems(store), datesInMonths(store, ALL_MONTHS)]);
    const alarm = settings.calendarAlarmMinutes;
    const items: CalendarItem[] = due.map((r) => ({
      uid: `${r.kind}-${r.id}-${uid}@rapport`,
      day: r.day,
      summary: r.kind === 'follow-up'
        ? `Follow up with ${r.contact ?? 'someone'}: ${r.text}`
        : `${r.detail ? `${r.detail.replace(/-/g, ' ')}: ` : ''}${r.text}${r.contact ? ` (${r.contact})` : ''}`,
      description: r.kind === 'follow-up' ? r.text : null,
      sequence: r.revision,
      alarmMinutes: alarm,
    }));
    const thisYear = Number(toIsoDay(clock.now()).slice(0, 4));
    items.push(...dates.sort((a, b) => a.contactId - b.contactId || (a.id ?? 0) - (b.id ?? 0)).map((d) => dateItem(d, uid, thisYear, alarm)));
    return { count: items.length, content: calendarText('Rapport: follow-ups, actions and dates', items, clock.now()) };
  },
});
