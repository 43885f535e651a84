import { z } from 'zod';
import { idList, MAX_BULK_IDS } from '../domain/limits.ts';
import { addDays } from '../domain/dates.ts';
import { eventInputSchema, type NetworkingEvent } from '../domain/entities.ts';
import { notFound } from '../domain/errors.ts';
import {
  addEventFollowUps, insertEvent, listEvents, loadEvent, recordAttendance, removeAttendance, type EventSummary,
} from '../store/repositories/events.repository.ts';
import { loadSettings } from '../store/repositories/settings.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, idParam, idSchema, pageSchema, type Page, type ServiceContext } from './operation.ts';
import { assertContactsExist } from './support/contact-ref.ts';
import { assertIdsExist, flagParam } from './support/params.ts';
import { pageOf } from './schemas/common.ts';
import { eventAttendOutput, eventOutput, eventSummaryOutput } from './schemas/entities.ts';

async function eventOrThrow(store: Store, id: number): Promise<NetworkingEvent> {
  const event = await loadEvent(store, id);
  if (!event) throw notFound('event', id);
  return event;
}

// Seed 004: neglecting the follow-up wastes the meeting, so meeting someone at an event plans one.
async function attend(ctx: ServiceContext, event: NetworkingEvent, contactIds: readonly number[], metThere: boolean): Promise<number> {
  const { store, clock } = ctx;
  await assertContactsExist(store, contactIds, 'contactIds');
  await recordAttendance(store, event.id, contactIds, metThere);
  if (!metThere) return 0;
  const { eventFollowUpDays } = await loadSettings(store);
  return addEventFollowUps(store, event, contactIds, addDays(event.date, eventFollowUpDays), clock.now().toISOString());
}

export const eventCreate = defineOperation({
  name: 'event.create',
  summary: 'Record an event (conference, meetup, webinar, ...), optionally with who was there and whom you met',
  effect: 'write',
  input: eventInputSchema.extend({
    attendees: z.array(z.object({ contactId: idSchema, metThere: z.boolean().default(false) })).max(MAX_BULK_IDS, `at most ${MAX_BULK_IDS} attendees at once`).default([]),
  }),
  output: eventOutput,
  http: { method: 'post', path: '/events' },
  run: async (ctx, { attendees, ...fields }): Promise<NetworkingEvent> => {
    const { store, clock } = ctx;
    if (fields.communityId !== null) await assertIdsExist(store, 'communities', [fields.communityId], 'communityId');
    await assertContactsExist(store, attendees.map((a) => a.contactId), 'attendees');
    const event = await eventOrThrow(store, await insertEvent(store, fields, clock.now().toISOString()));
    for (const metThere of [false, true]) {
      const ids = attendees.filter((a) => a.metThere === metThere).map((a) => a.contactId);
      if (ids.length) await attend(ctx, event, ids, metThere);
    }
    return eventOrThrow(store, event.id);
  },
});

export const eventGet = defineOperation({
  name: 'event.get',
  summary: 'One event with its attendees and whom you met there',
  effect: 'read',
  input: z.object({ id: idParam }),
  output: eventOutput,
  http: { method: 'get', path: '/events/{id}' },
  run: ({ store }, { id }) => eventOrThrow(store, id),
});

export const eventList = defineOperation({
  name: 'event.list',
  summary: 'Events, newest first, with how many of your contacts attended',
  effect: 'read',
  input: pageSchema.extend({ communityId: idParam.optional() }),
  output: pageOf(eventSummaryOutput),
  http: { method: 'get', path: '/events' },
  run: async ({ store }, { communityId, limit, offset }): Promise<Page<EventSummary>> => ({ ...(await listEvents(store, { communityId, limit, offset })), limit, offset }),
});

export const eventAttend = defineOperation({
  name: 'event.attend',
  summary: 'Record contacts at an event; metThere also plans one follow-up each, due a few days after (settings.eventFollowUpDays)',
  effect: 'write',
  input: z.object({ eventId: idParam, contactIds: idList('name at least one contact'), metThere: flagParam.default(false) }),
  output: eventAttendOutput,
  http: { method: 'post', path: '/events/{eventId}/attend' },
  run: async (ctx, { eventId, contactIds, metThere }) => {
    const event = await eventOrThrow(ctx.store, eventId);
    const followUpsCreated = await attend(ctx, event, contactIds, metThere);
    return { event: await eventOrThrow(ctx.store, eventId), followUpsCreated };
  },
});

export const eventUnattend = defineOperation({
  name: 'event.unattend',
  summary: 'Remove contacts from an event\'s attendees (follow-ups already planned stay)',
  effect: 'write',
  input: z.object({ eventId: idParam, contactIds: idList('name at least one contact') }),
  output: eventOutput,
  http: { method: 'post', path: '/events/{eventId}/unattend' },
  run: async ({ store }, { eventId, contactIds }): Promise<NetworkingEvent> => {
    await eventOrThrow(store, eventId);
    await removeAttendance(store, eventId, contactIds);
    return eventOrThrow(store, eventId);
  },
});
