import { z } from 'zod';
import { daysBetween, addDays, toIsoDay } from '../domain/dates.ts';
import type { FollowUp } from '../domain/entities.ts';
import { loadFollowUps } from '../store/repositories/follow-ups.repository.ts';
import { actionsDue, dueContacts, metAtRecentEvents, type DueContactRow, type MetAtEventRow, type OpenActionRow } from '../store/repositories/today.repository.ts';
import { defineOperation } from './operation.ts';

export interface DueContact extends DueContactRow {
  daysOverdue: number;
}

export interface TodayView {
  today: string;
  followUps: FollowUp[];
  overdue: DueContact[];
  dueThisWeek: DueContact[];
  keepInTouchTotal: number;
  actions: OpenActionRow[];
  metAtEvents: MetAtEventRow[];
}

export const RECENT_EVENT_DAYS = 14;

export const today = defineOperation({
  name: 'today',
  summary: 'What to do now: open follow-ups, overdue and due-this-week keep-in-touch, actions due, people met at recent events not yet followed up',
  effect: 'read',
  input: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
  http: { method: 'get', path: '/today' },
  run: async ({ store, clock }, { limit }): Promise<TodayView> => {
    const day = toIsoDay(clock.now());
    const weekEnd = addDays(day, 7);
    const [followUps, due, actions, metAtEvents] = await Promise.all([
      loadFollowUps(store, { openOnly: true, dueBy: weekEnd, activeOn: day, limit }),
      dueContacts(store, weekEnd, limit),
      actionsDue(store, weekEnd, limit),
      metAtRecentEvents(store, addDays(day, -RECENT_EVENT_DAYS), day, limit),
    ]);
    const withLateness = due.items.map((c) => ({ ...c, daysOverdue: Math.max(0, daysBetween(c.nextDueOn, day)) }));
    return {
      today: day,
      followUps,
      overdue: withLateness.filter((c) => c.nextDueOn < day),
      dueThisWeek: withLateness.filter((c) => c.nextDueOn >= day),
      keepInTouchTotal: due.total,
      actions,
      metAtEvents,
    };
  },
});
