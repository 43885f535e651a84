import { z } from 'zod';
import { idList } from '../domain/limits.ts';
import { addDays, isoDay, toIsoDay } from '../domain/dates.ts';
import { followUpInputSchema, type FollowUp } from '../domain/entities.ts';
import { RapportError, notFound } from '../domain/errors.ts';
import { refreshDue } from '../store/repositories/contacts.repository.ts';
import { loadFollowUps } from '../store/repositories/follow-ups.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, idParam } from './operation.ts';
import { assertContactsExist } from './support/contact-ref.ts';
import { assertIdsExist } from './support/params.ts';
import { settingsAndDefaults } from './support/settings.ts';
import { contactSnoozeOutput } from './schemas/contacts.ts';
import { followUpOutput } from './schemas/entities.ts';

async function one(store: Store, id: number): Promise<FollowUp> {
  const [f] = await loadFollowUps(store, { ids: [id] });
  if (!f) throw notFound('follow-up', id);
  return f;
}

// Snooze either to a date or by a number of days; exactly one of the two.
const snoozeTarget = z
  .object({ until: isoDay.optional(), days: z.number().int().min(1).max(365).optional() })
  .refine((s) => (s.until === undefined) !== (s.days === undefined), { message: 'give either until (YYYY-MM-DD) or days', path: ['until'] });

function snoozeDay(target: z.output<typeof snoozeTarget>, today: string): string {
  const day = target.until ?? addDays(today, target.days ?? 0);
  if (day <= today) throw new RapportError('invalid', `until: a snooze must end after today (${today}), got ${day}`, { problems: [{ path: 'until', message: 'must be after today', value: day }] });
  return day;
}

export const followUpAdd = defineOperation({
  name: 'follow-up.add',
  summary: 'Plan a follow-up with a contact on a date, with the reason',
  effect: 'write',
  input: followUpInputSchema,
  output: followUpOutput,
  http: { method: 'post', path: '/follow-ups' },
  run: async ({ store, clock }, input) => {
    await assertContactsExist(store, [input.contactId], 'contactId');
    if (input.eventId !== null) await assertIdsExist(store, 'events', [input.eventId], 'eventId');
    const { id } = await store.db.insertInto('follow_ups').values({
      workspace_id: store.workspaceId, contact_id: input.contactId, due_on: input.dueOn, reason: input.reason, source: input.source,
      event_id: input.eventId, done_at: null, snoozed_until: null, created_at: clock.now().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    return one(store, id);
  },
});

export const followUpDone = defineOperation({
  name: 'follow-up.done',
  summary: 'Mark a follow-up done (or open again with done: false)',
  effect: 'write',
  input: z.object({ id: idParam, done: z.boolean().default(true) }),
  output: followUpOutput,
  http: { method: 'post', path: '/follow-ups/{id}/done' },
  run: async ({ store, clock }, { id, done }) => {
    await one(store, id);
    await store.db.updateTable('follow_ups').set((eb) => ({ done_at: done ? clock.now().toISOString() : null, revision: eb('revision', '+', 1) })).where('id', '=', id).execute();
    return one(store, id);
  },
});

export const followUpSnooze = defineOperation({
  name: 'follow-up.snooze',
  summary: 'Put a follow-up off until a date or for some days',
  effect: 'write',
  input: z.object({ id: idParam }).and(snoozeTarget),
  output: followUpOutput,
  http: { method: 'post', path: '/follow-ups/{id}/snooze' },
  run: async ({ store, clock }, input) => {
    await one(store, input.id);
    const until = snoozeDay(input, toIsoDay(clock.now()));
    await store.db.updateTable('follow_ups').set((eb) => ({ snoozed_until: until, revision: eb('revision', '+', 1) })).where('id', '=', input.id).execute();
    return one(store, input.id);
  },
});

export const followUpList = defineOperation({
  name: 'follow-up.list',
  summary: 'Follow-ups, open ones by default, optionally of one contact',
  effect: 'read',
  input: z.object({ contactId: idParam.optional(), includeDone: z.coerce.boolean().default(false) }),
  output: z.array(followUpOutput),
  http: { method: 'get', path: '/follow-ups' },
  run: ({ store }, { contactId, includeDone }) => loadFollowUps(store, { ...(contactId ? { contactId } : {}), openOnly: !includeDone }),
});

export const contactSnooze = defineOperation({
  name: 'contact.snooze',
  summary: "Put a contact's keep-in-touch reminder off until a date or for some days (the next interaction clears it)",
  effect: 'write',
  input: z.object({ ids: idList('name at least one follow-up') }).and(snoozeTarget),
  output: contactSnoozeOutput,
  http: { method: 'post', path: '/contacts/snooze' },
  run: async ({ store, clock }, input) => {
    await assertContactsExist(store, input.ids, 'ids');
    const until = snoozeDay(input, toIsoDay(clock.now()));
    await store.db.updateTable('contacts').set({ snoozed_until: until }).where('id', 'in', input.ids).execute();
    const { defaults } = await settingsAndDefaults(store);
    await refreshDue(store, input.ids, defaults, clock.now().toISOString());
    return { snoozedUntil: until, contacts: input.ids.length };
  },
});
