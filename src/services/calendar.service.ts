import { z } from 'zod';
import { calendarText, type CalendarItem } from '../io/calendar-write.ts';
import { openDueItems } from '../store/repositories/export.repository.ts';
import { defineOperation } from './operation.ts';

export const calendar = defineOperation({
  name: 'calendar',
  summary: 'Open follow-ups and actions with a due day, as an iCalendar file (subscribable: entries keep their UID)',
  effect: 'read',
  input: z.object({}),
  http: { method: 'get', path: '/calendar' },
  run: async ({ store }) => {
    const items: CalendarItem[] = (await openDueItems(store)).map((r) => ({
      uid: `${r.kind}-${r.id}@rapport`,
      day: r.day,
      summary: r.kind === 'follow-up'
        ? `Follow up with ${r.contact ?? 'someone'}: ${r.text}`
        : `${r.detail ? `${r.detail.replace(/-/g, ' ')}: ` : ''}${r.text}${r.contact ? ` (${r.contact})` : ''}`,
      description: r.kind === 'follow-up' ? r.text : null,
      createdAt: r.created_at,
    }));
    return { count: items.length, content: calendarText('Rapport: follow-ups and actions', items) };
  },
});
