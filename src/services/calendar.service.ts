import { z } from 'zod';
import { calendarText, type CalendarItem } from '../io/calendar-write.ts';
import { openDueItems, workspaceUid } from '../store/repositories/export.repository.ts';
import { defineOperation } from './operation.ts';
import { calendarOutput } from './schemas/import-export.ts';

export const calendar = defineOperation({
  name: 'calendar',
  summary: 'Open follow-ups and actions with a due day, as an iCalendar file (subscribable: entries keep their UID)',
  effect: 'read',
  input: z.object({}),
  output: calendarOutput,
  http: { method: 'get', path: '/calendar' },
  run: async ({ store, clock }) => {
    const uid = await workspaceUid(store);
    const items: CalendarItem[] = (await openDueItems(store)).map((r) => ({
      uid: `${r.kind}-${r.id}-${uid}@rapport`,
      day: r.day,
      summary: r.kind === 'follow-up'
        ? `Follow up with ${r.contact ?? 'someone'}: ${r.text}`
        : `${r.detail ? `${r.detail.replace(/-/g, ' ')}: ` : ''}${r.text}${r.contact ? ` (${r.contact})` : ''}`,
      description: r.kind === 'follow-up' ? r.text : null,
      sequence: r.revision,
    }));
    return { count: items.length, content: calendarText('Rapport: follow-ups and actions', items, clock.now()) };
  },
});
