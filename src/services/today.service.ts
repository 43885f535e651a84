import { z } from 'zod';
import { daysBetween, addDays, toIsoDay } from '../domain/dates.ts';
import type { FollowUp } from '../domain/entities.ts';
import {
  actionContactIds, actionsDue, dueContacts, followUpsDue, metAtRecentEvents, type DueContactRow, type MetAtEventRow, type OpenActionRow,
} from '../store/repositories/today.repository.ts';
import { upcomingDateWithDraftOutput, upcomingDates, upcomingWithDrafts, type UpcomingWithDraft } from './important-dates.service.ts';
import { loadSettings } from '../store/repositories/settings.repository.ts';
import { defineOperation, type ServiceContext } from './operation.ts';
import { count, day, out } from './schemas/common.ts';
import { followUpOutput } from './schemas/entities.ts';
import { dueContactOutput, metAtEventRowOutput, openActionRowOutput } from './schemas/today.ts';

export interface DueContact extends DueContactRow {
  daysOverdue: number;
}

// Today's sections, in the order every view shows them. Each person is listed once: met at a recent event comes
// first (the meeting is the occasion), then a due action naming them, then an open follow-up, then keep in touch.
export const TODAY_SECTIONS = ['follow-ups', 'actions', 'met-at-events', 'keep-in-touch'] as const;
export type TodaySection = (typeof TODAY_SECTIONS)[number];

export interface TodayView {
  today: string;
  // Each list is the first `limit` (from `offset`) of its section, most overdue first; the totals count them all.
  followUps: FollowUp[];
  followUpsTotal: number;
  actions: OpenActionRow[];
  actionsTotal: number;
  metAtEvents: MetAtEventRow[];
  metAtEventsTotal: number;
  // Keep in touch, split at today: overdue then due this week, one list in one order.
  overdue: DueContact[];
  dueThisWeek: DueContact[];
  keepInTouchTotal: number;
  // Birthdays and other dates in the next `datesAheadDays` days, soonest first, each with its draft for the
  // occasion. Not paged (the window is a few days) and not part of "nobody twice": a birthday is its own occasion.
  dates: UpcomingWithDraft[];
  datesAheadDays: number;
  // Set when one section was asked for: the others are then empty.
  section: TodaySection | null;
}

const todayOutput = out({
  today: day,
  followUps: z.array(followUpOutput),
  followUpsTotal: count,
  actions: z.array(openActionRowOutput),
  actionsTotal: count,
  metAtEvents: z.array(metAtEventRowOutput),
  metAtEventsTotal: count,
  overdue: z.array(dueContactOutput),
  dueThisWeek: z.array(dueContactOutput),
  keepInTouchTotal: count,
  dates: z.array(upcomingDateWithDraftOutput),
  datesAheadDays: count,
  section: z.enum(TODAY_SECTIONS).nullable(),
});

export const RECENT_EVENT_DAYS = 14;
// Short enough that every section shows on a phone's first screens; "show all" opens the rest in the same order.
export const TODAY_SHORT_LIST = 6;

export const today = defineOperation({
  name: 'today',
  summary:
    'What to do now, in fixed sections (follow-ups, actions due, people met at recent events not yet followed up, keep in touch), each most overdue first, nobody twice; `section` pages through one of them',
  effect: 'read',
  input: z.object({
    limit: z.coerce.number().int().min(1).max(500).default(TODAY_SHORT_LIST),
    section: z.enum(TODAY_SECTIONS).optional(),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  output: todayOutput,
  http: { method: 'get', path: '/today' },
  run: (ctx, input): Promise<TodayView> => todayLists(ctx, input, { dates: true }),
});

// Today's lists. `dates: false` leaves out the dates coming up and their drafts (composing one per birthday in the
// window): outreach reads the other sections only, and at 30,000 contacts the dates were most of its time.
export async function todayLists(
  ctx: ServiceContext, { limit, section, offset }: { limit: number; section?: TodaySection | undefined; offset: number }, options: { dates: boolean },
): Promise<TodayView> {
  const { store, clock } = ctx;
  const day = toIsoDay(clock.now());
  const weekEnd = addDays(day, 7);
  const wants = (s: TodaySection) => section === undefined || section === s;
  const page = (s: TodaySection) => (section === s ? offset : 0);
  // Who the higher-precedence sections hold, so no one is listed twice.
  const [met, actionPeople] = await Promise.all([metAtRecentEvents(store, addDays(day, -RECENT_EVENT_DAYS), day), actionContactIds(store, weekEnd)]);
  const metIds = met.map((m) => m.contactId);
  const actionIds = actionPeople.filter((id) => !metIds.includes(id));
  const none = { items: [], total: 0 };
  const ahead = options.dates ? (await loadSettings(store)).datesAheadDays : 0;
  const [followUps, due, actions, dates] = await Promise.all([
    wants('follow-ups') ? followUpsDue(store, weekEnd, day, limit, page('follow-ups'), [...metIds, ...actionIds]) : none,
    wants('keep-in-touch') ? dueContacts(store, weekEnd, limit, page('keep-in-touch'), [...metIds, ...actionIds]) : none,
    wants('actions') ? actionsDue(store, weekEnd, limit, page('actions')) : none,
    options.dates && section === undefined ? upcomingDates(store, day, ahead) : [],
  ]);
  const withLateness = (due.items as DueContactRow[]).map((c) => ({ ...c, daysOverdue: Math.max(0, daysBetween(c.nextDueOn, day)) }));
  const metStart = page('met-at-events');
  return {
    today: day,
    followUps: followUps.items as FollowUp[],
    followUpsTotal: followUps.total,
    actions: actions.items as OpenActionRow[],
    actionsTotal: actions.total,
    metAtEvents: wants('met-at-events') ? met.slice(metStart, metStart + limit) : [],
    metAtEventsTotal: wants('met-at-events') ? met.length : 0,
    overdue: withLateness.filter((c) => c.nextDueOn < day),
    dueThisWeek: withLateness.filter((c) => c.nextDueOn >= day),
    keepInTouchTotal: due.total,
    dates: dates.length ? await upcomingWithDrafts(ctx, dates) : [],
    datesAheadDays: ahead,
    section: section ?? null,
  };
}
