import { z } from 'zod';
import { DEFAULT_CHANNEL } from '../domain/channels.ts';
import { interactionInputSchema, type Interaction } from '../domain/entities.ts';
import { addDays, toIsoDay } from '../domain/dates.ts';
import { invalid, notFound } from '../domain/errors.ts';
import { refreshDue } from '../store/repositories/contacts.repository.ts';
import { resolveFollowUps } from '../store/repositories/follow-ups.repository.ts';
import { insertInteraction, interactionIdsOfContact, loadInteractions, participantIds, replaceParticipants, type InteractionRow } from '../store/repositories/interactions.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, idParam, pageSchema, type Page, type ServiceContext } from './operation.ts';
import { assertContactsExist } from './support/contact-ref.ts';
import { settingsAndDefaults } from './support/settings.ts';
import { pageOf } from './schemas/common.ts';
import { interactionOutput } from './schemas/entities.ts';
import { deletedOutput } from './schemas/small.ts';

export const logInteractionSchema = interactionInputSchema.extend({
  // Any interaction answers the follow-ups that were waiting for it.
  resolveFollowUps: z.boolean().default(true),
});

// An interaction is something that happened. Its day may be tomorrow's (somewhere it already is), never later:
// contact planned for later is a follow-up or a goal's action. Checked here so the CLI, API and web all refuse it.
function assertNotFuture(occurredAt: string, now: Date): void {
  const latest = addDays(toIsoDay(now), 1);
  if (occurredAt.slice(0, 10) > latest) {
    throw invalid('occurredAt', `an interaction cannot be dated after ${latest} (tomorrow): it is something that happened; plan later contact as a follow-up or an action`, occurredAt.slice(0, 10));
  }
}

export async function logInteraction(ctx: ServiceContext, input: z.output<typeof logInteractionSchema>): Promise<Interaction> {
  const { store, clock } = ctx;
  assertNotFuture(input.occurredAt, clock.now());
  const now = clock.now().toISOString();
  await assertContactsExist(store, input.contactIds);
  const id = await insertInteraction(store, {
    occurred_at: input.occurredAt,
    kind: input.kind,
    channel: input.channel ?? DEFAULT_CHANNEL[input.kind],
    summary: input.summary,
    value_flow: input.value,
    value_note: input.valueNote,
    gratitude: input.gratitude ? 1 : 0,
    created_at: now,
  }, input.contactIds);
  await afterInteractionsChanged(store, input.contactIds, input.resolveFollowUps ? input.occurredAt : null, now);
  const [interaction] = await loadInteractions(store, [id]);
  return interaction!;
}

// Keeps cadence, snoozes, follow-ups and search in step with the interactions of these contacts.
export async function afterInteractionsChanged(store: Store, contactIds: readonly number[], resolveFollowUpsUpTo: string | null, now: string): Promise<void> {
  const { defaults } = await settingsAndDefaults(store);
  await store.db.updateTable('contacts').set({ snoozed_until: null }).where('id', 'in', contactIds).execute();
  if (resolveFollowUpsUpTo !== null) {
    await resolveFollowUps(store, contactIds, resolveFollowUpsUpTo.slice(0, 10), now);
  }
  await refreshDue(store, contactIds, defaults, now);
  await store.search.reindex(store.db, store.workspaceId, contactIds);
}

export const interactionLog = defineOperation({
  name: 'interaction.log',
  summary: 'Log an interaction with one or more contacts; resets their keep-in-touch clock and answers their open follow-ups',
  effect: 'write',
  input: logInteractionSchema,
  output: interactionOutput,
  http: { method: 'post', path: '/interactions' },
  run: logInteraction,
});

export const interactionList = defineOperation({
  name: 'interaction.list',
  summary: "A contact's timeline of interactions, newest first",
  effect: 'read',
  input: pageSchema.extend({ contactId: idParam }),
  output: pageOf(interactionOutput),
  http: { method: 'get', path: '/contacts/{contactId}/interactions' },
  run: async ({ store }, { contactId, limit, offset }): Promise<Page<Interaction>> => {
    await assertContactsExist(store, [contactId], 'contactId');
    const { ids, total } = await interactionIdsOfContact(store, contactId, limit, offset);
    return { items: await loadInteractions(store, ids), total, limit, offset };
  },
});

// A correction: what was logged, re-stated. The people in it may change (the wrong Isaac); everyone it touched,
// before and after, gets their cadence and search recomputed.
export const interactionUpdate = defineOperation({
  name: 'interaction.update',
  summary: 'Correct a logged interaction: when, kind, channel, summary, value, gratitude, or who took part',
  effect: 'write',
  input: interactionInputSchema.partial().extend({ id: idParam }),
  output: interactionOutput,
  http: { method: 'patch', path: '/interactions/{id}' },
  run: async ({ store, clock }, { id, contactIds, ...patch }): Promise<Interaction> => {
    const before = await participantIds(store, id);
    const [current] = await loadInteractions(store, [id]);
    if (!current) throw notFound('interaction', id);
    if (contactIds) await assertContactsExist(store, contactIds);
    const row: Partial<InteractionRow> = {};
    if (patch.occurredAt !== undefined) row.occurred_at = patch.occurredAt;
    if (patch.kind !== undefined) row.kind = patch.kind;
    if (patch.channel !== undefined) row.channel = patch.channel;
    else if (patch.kind !== undefined && patch.kind !== current.kind) row.channel = DEFAULT_CHANNEL[patch.kind];
    if (patch.summary !== undefined) row.summary = patch.summary;
    if (patch.value !== undefined) row.value_flow = patch.value;
    if (patch.valueNote !== undefined) row.value_note = patch.valueNote;
    if (patch.gratitude !== undefined) row.gratitude = patch.gratitude ? 1 : 0;
    if (Object.keys(row).length > 0) await store.db.updateTable('interactions').set(row).where('id', '=', id).where('workspace_id', '=', store.workspaceId).execute();
    if (contactIds) await replaceParticipants(store, id, contactIds);
    await afterInteractionsChanged(store, [...new Set([...before, ...(contactIds ?? [])])], null, clock.now().toISOString());
    return (await loadInteractions(store, [id]))[0]!;
  },
});

export const interactionDelete = defineOperation({
  name: 'interaction.delete',
  summary: 'Delete a logged interaction (the cadence of its participants is recomputed)',
  effect: 'write',
  input: z.object({ id: idParam }),
  output: deletedOutput,
  http: { method: 'delete', path: '/interactions/{id}' },
  run: async ({ store, clock }, { id }) => {
    const people = await participantIds(store, id);
    const res = await store.db.deleteFrom('interactions').where('id', '=', id).where('workspace_id', '=', store.workspaceId).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('interaction', id);
    await afterInteractionsChanged(store, people, null, clock.now().toISOString());
    return { deleted: id };
  },
});
