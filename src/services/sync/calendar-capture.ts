import { createHash } from 'node:crypto';
import type { Channel } from '../../domain/channels.ts';
import { meetingChannel } from '../../domain/meeting-channel.ts';
import type { CalendarOccurrence, CalendarProblem } from '../../io/calendar-read.ts';
import { chunks } from '../../store/chunks.ts';
import { resolveFollowUps } from '../../store/repositories/follow-ups.repository.ts';
import { replaceParticipants } from '../../store/repositories/interactions.repository.ts';
import { insertReturningIds, insertRows } from '../../store/repositories/bulk-insert.ts';
import {
  capturedEventsOf, contactsByAddress, deleteCapturedEvents, deleteInteractions, insertCapturedEvents, insertMetPeople, metPeopleByEmail,
  updateCapturedEvent, updateMetPerson, type CapturedEvent, type CapturedSource,
} from '../../store/repositories/captured-events.repository.ts';
import { afterInteractionsChanged } from '../interactions.service.ts';
import type { ServiceContext } from '../operation.ts';
import type { SyncResult } from './account-syncer.ts';

export interface CaptureOptions {
  // Meetings with more invited than this are skipped (a town hall is not a conversation).
  maxAttendees: number;
  // The user's own addresses: never a contact to match, never offered as someone met.
  myAddresses: readonly string[];
}

export interface CaptureReport extends SyncResult {
  // Of `skipped`: marked private or confidential, and over the attendee limit.
  skippedPrivate: number;
  skippedLarge: number;
  // Past meetings with nobody among the contacts (their people may be offered in "people you met").
  unmatched: number;
  // Addresses newly offered in "people you met".
  offered: number;
}

export function emptyReport(): CaptureReport {
  return { created: 0, updated: 0, deleted: 0, archived: 0, conflicts: 0, skipped: 0, errors: [], skippedPrivate: 0, skippedLarge: 0, unmatched: 0, offered: 0 };
}

interface Plan { occ: CalendarOccurrence; channel: Channel; contactIds: number[]; others: CalendarOccurrence['people']; attendees: string[]; hash: string }

const keyOf = (uid: string, recurrenceId: string) => `${uid}\u0000${recurrenceId}`;
const summaryOf = (occ: CalendarOccurrence): string | null => (occ.summary ? occ.summary.slice(0, 2000) : null);

// What an occurrence contributes to its interaction: when it changes, the interaction is rewritten.
function hashOf(occ: CalendarOccurrence, channel: Channel, contactIds: readonly number[], attendees: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([occ.start, summaryOf(occ), channel, [...contactIds].sort((a, b) => a - b), attendees])).digest('hex').slice(0, 32);
}

// The past meetings read from one source, made into interactions (kind meeting) with the contacts whose address is
// among the attendees or the organizer. `full`: the reading is the whole captured window [from, to), so an event
// captured before in that window and no longer there has gone from the calendar and its interaction goes too; false
// when only the slice since the last capture was read. Runs in the caller's transaction.
export async function applyCapture(
  ctx: ServiceContext, source: CapturedSource, reading: { occurrences: CalendarOccurrence[]; problems: CalendarProblem[] },
  window: { from: Date; to: Date; full: boolean }, options: CaptureOptions, itemLabel: (uid: string) => string,
): Promise<CaptureReport> {
  const { store, clock } = ctx;
  const now = clock.now().toISOString();
  const report = emptyReport();
  report.errors = reading.problems.map((p) => ({ item: itemLabel(p.uid), message: p.message }));
  const me = new Set(options.myAddresses.map((a) => a.toLowerCase()));
  const existing = new Map((await capturedEventsOf(store, source.id)).map((r) => [keyOf(r.uid, r.recurrence_id), r]));
  const contacts = await contactsByAddress(store, reading.occurrences.flatMap((o) => o.people.map((p) => p.email)));
  const seen = new Set<string>();
  const gone: CapturedEvent[] = [];
  const plans: Plan[] = [];
  for (const occ of reading.occurrences) {
    const key = keyOf(occ.uid, occ.recurrenceId);
    seen.add(key);
    const before = existing.get(key);
    const drop = occ.cancelled || occ.private || occ.invited > options.maxAttendees;
    if (occ.private) report.skippedPrivate++;
    else if (!occ.cancelled && occ.invited > options.maxAttendees) report.skippedLarge++;
    if (drop) {
      if (before) gone.push(before);
      continue;
    }
    const people = occ.people.filter((p) => !me.has(p.email));
    const contactIds = [...new Set(people.flatMap((p) => contacts.get(p.email) ?? []))];
    const channel = meetingChannel(occ);
    const attendees = people.map((p) => p.email).sort();
    plans.push({ occ, channel, contactIds, others: people.filter((p) => !contacts.has(p.email)), attendees, hash: hashOf(occ, channel, contactIds, attendees) });
  }
  report.skipped = report.skippedPrivate + report.skippedLarge;
  if (window.full) {
    const broken = new Set(reading.problems.map((p) => p.uid));
    for (const [key, row] of existing) {
      const at = new Date(row.occurred_at);
      if (!seen.has(key) && !broken.has(row.uid) && at >= window.from && at < window.to) gone.push(row);
    }
  }

  const adoptable = await unmappedMeetings(ctx, plans.filter((p) => !existing.has(keyOf(p.occ.uid, p.occ.recurrenceId))).map((p) => p.occ.start));
  const touched = new Set<number>();
  const lastDay = new Map<number, string>();
  const met = new Map<string, { name: string | null; at: string; summary: string | null; meetings: number }>();
  // What changed is gathered first and written in a few statements (multi-row inserts, IN lists), not per event.
  const changed: { plan: Plan; before: CapturedEvent | undefined }[] = [];
  for (const plan of plans) {
    const { occ } = plan;
    const before = existing.get(keyOf(occ.uid, occ.recurrenceId));
    const was = before ? new Set(JSON.parse(before.attendees) as string[]) : null;
    for (const p of plan.others) {
      if (was?.has(p.email)) continue;
      const m = met.get(p.email) ?? met.set(p.email, { name: p.name, at: occ.start, summary: summaryOf(occ), meetings: 0 }).get(p.email)!;
      m.meetings++;
      if (occ.start >= m.at) Object.assign(m, { at: occ.start, summary: summaryOf(occ), name: p.name ?? m.name });
    }
    if (plan.contactIds.length === 0) report.unmatched++;
    if (!before || before.hash !== plan.hash) changed.push({ plan, before });
  }
  const participants = await participantsOf(ctx, changed.flatMap(({ before }) => (before?.interaction_id != null ? [before.interaction_id] : [])));
  for (const ids of participants.values()) for (const id of ids) touched.add(id);

  const dropInteractions: number[] = [];
  const creates: Plan[] = [];
  // Each changed occurrence's capture record, with the interaction it points at (a new one's id known once inserted).
  const records: { plan: Plan; before: CapturedEvent | undefined; interactionId: number | null; matched: number }[] = [];
  for (const { plan, before } of changed) {
    const { occ } = plan;
    let interactionId = before?.interaction_id ?? null;
    const deletedByUser = before !== undefined && before.interaction_id === null && before.matched > 0;
    let create = false;
    let adopted: number | null = null;
    if (interactionId !== null && plan.contactIds.length === 0) {
      dropInteractions.push(interactionId);
      interactionId = null;
      report.deleted++;
    } else if (interactionId !== null) {
      await ctx.store.db.updateTable('interactions').set({ occurred_at: occ.start, channel: plan.channel, summary: summaryOf(occ) })
        .where('id', '=', interactionId).where('workspace_id', '=', ctx.store.workspaceId).execute();
      await replaceParticipants(ctx.store, interactionId, plan.contactIds);
      report.updated++;
    } else if (plan.contactIds.length > 0 && !deletedByUser && (adopted = adopt(adoptable, plan)) !== null) {
      // The same meeting already here with no capture record (restored from a backup, which does not carry what was
      // captured): it is taken over, not made twice.
      interactionId = adopted;
      await replaceParticipants(ctx.store, interactionId, plan.contactIds);
      report.updated++;
    } else if (plan.contactIds.length > 0 && !deletedByUser) {
      create = true;
      report.created++;
    }
    const matched = deletedByUser ? Math.max(1, plan.contactIds.length) : plan.contactIds.length;
    for (const id of plan.contactIds) {
      touched.add(id);
      if ((lastDay.get(id) ?? '') < occ.start.slice(0, 10)) lastDay.set(id, occ.start.slice(0, 10));
    }
    if (create) creates.push(plan);
    records.push({ plan, before, interactionId, matched });
  }
  // New meetings: one multi-row insert for the interactions, one for their participants.
  const created = await insertInteractions(ctx, creates, now);
  const createdId = new Map(creates.map((p, i) => [p, created[i]!]));
  for (const r of records) {
    const interactionId = createdId.get(r.plan) ?? r.interactionId;
    if (r.before) await updateCapturedEvent(ctx.store, r.before.id, { ...fieldsOf(r.plan, r.matched), interaction_id: interactionId });
  }
  await insertCapturedEvents(ctx.store, records.filter((r) => !r.before).map((r) => ({
    source_id: source.id, uid: r.plan.occ.uid, recurrence_id: r.plan.occ.recurrenceId, interaction_id: createdId.get(r.plan) ?? r.interactionId, ...fieldsOf(r.plan, r.matched),
  })));
  await deleteInteractions(ctx.store, dropInteractions);

  const goneInteractions = gone.flatMap((r) => (r.interaction_id === null ? [] : [r.interaction_id]));
  for (const ids of (await participantsOf(ctx, goneInteractions)).values()) for (const c of ids) touched.add(c);
  await deleteInteractions(store, goneInteractions);
  await deleteCapturedEvents(store, gone.map((r) => r.id));
  report.deleted += goneInteractions.length;

  report.offered = await offerMetPeople(ctx, met, now);
  // A meeting answers the follow-ups that were waiting for it, as one logged by hand does.
  const byDay = new Map<string, number[]>();
  for (const [id, day] of lastDay) (byDay.get(day) ?? byDay.set(day, []).get(day)!).push(id);
  for (const [day, ids] of byDay) await resolveFollowUps(store, ids, day, now);
  if (touched.size > 0) await afterInteractionsChanged(store, [...touched], null, now);
  return report;
}

// Meetings at these instants that no captured event points at (a restore from a backup, which does not carry what
// was captured), with their summary and participants.
interface Unmapped { id: number; summary: string | null; contactIds: number[] }
async function unmappedMeetings({ store }: ServiceContext, instants: string[]): Promise<Map<string, Unmapped[]>> {
  const found = new Map<string, Unmapped[]>();
  const byId = new Map<number, Unmapped>();
  for (const some of chunks([...new Set(instants)])) {
    const rows = await store.db.selectFrom('interactions').select(['id', 'occurred_at', 'summary'])
      .where('workspace_id', '=', store.workspaceId).where('kind', '=', 'meeting').where('occurred_at', 'in', some)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('captured_events as ce').select('ce.id').whereRef('ce.interaction_id', '=', 'interactions.id'))))
      .execute();
    for (const r of rows) {
      const m = { id: r.id, summary: r.summary, contactIds: [] };
      byId.set(r.id, m);
      (found.get(r.occurred_at) ?? found.set(r.occurred_at, []).get(r.occurred_at)!).push(m);
    }
  }
  for (const some of chunks([...byId.keys()])) {
    const rows = await store.db.selectFrom('interaction_participants').select(['interaction_id', 'contact_id']).where('interaction_id', 'in', some).execute();
    for (const r of rows) byId.get(r.interaction_id)!.contactIds.push(r.contact_id);
  }
  return found;
}

// The meeting already here that this occurrence is: same instant and title, or (its title edited since) same
// instant and one of the same contacts. Taken at most once.
function adopt(unmapped: Map<string, Unmapped[]>, plan: Plan): number | null {
  const here = unmapped.get(plan.occ.start);
  if (!here) return null;
  const i = [here.findIndex((m) => m.summary === summaryOf(plan.occ)), here.findIndex((m) => m.contactIds.some((c) => plan.contactIds.includes(c)))].find((x) => x >= 0);
  if (i === undefined) return null;
  return here.splice(i, 1)[0]!.id;
}

// The contacts in these interactions now, by interaction.
async function participantsOf({ store }: ServiceContext, interactionIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const some of chunks([...new Set(interactionIds)])) {
    const rows = await store.db.selectFrom('interaction_participants').select(['interaction_id', 'contact_id']).where('interaction_id', 'in', some).execute();
    for (const r of rows) (out.get(r.interaction_id) ?? out.set(r.interaction_id, []).get(r.interaction_id)!).push(r.contact_id);
  }
  return out;
}

const fieldsOf = (plan: Plan, matched: number) => ({
  occurred_at: plan.occ.start, hash: plan.hash, summary: summaryOf(plan.occ), channel: plan.channel, attendees: JSON.stringify(plan.attendees), matched,
});

// The new meetings, in order, with their participants: a multi-row insert each.
async function insertInteractions({ store }: ServiceContext, plans: readonly Plan[], now: string): Promise<number[]> {
  if (plans.length === 0) return [];
  const rows = plans.map((p) => ({
    occurred_at: p.occ.start, kind: 'meeting', channel: p.channel, summary: summaryOf(p.occ), value_flow: 'none', value_note: null, gratitude: 0, created_at: now,
  }));
  const ids = await insertReturningIds(store, 'interactions', ['occurred_at', 'kind', 'channel', 'summary', 'value_flow', 'value_note', 'gratitude', 'created_at'], rows, 'occurred_at');
  await insertRows(store, 'interaction_participants', ['interaction_id', 'contact_id'], plans.flatMap((p, i) => p.contactIds.map((contact_id) => ({ interaction_id: ids[i]!, contact_id }))));
  return ids;
}

// Attendees who are not contacts wait in "people you met"; one dismissed or already added is left alone.
async function offerMetPeople(ctx: ServiceContext, met: Map<string, { name: string | null; at: string; summary: string | null; meetings: number }>, now: string): Promise<number> {
  const known = await metPeopleByEmail(ctx.store, [...met.keys()]);
  const fresh: Parameters<typeof insertMetPeople>[1][number][] = [];
  for (const [email, m] of met) {
    const row = known.get(email);
    if (!row) {
      fresh.push({ email, name: m.name, meetings: m.meetings, first_met_at: m.at, last_met_at: m.at, last_meeting: m.summary, status: 'waiting', contact_id: null, created_at: now });
    } else if (row.status === 'waiting') {
      const later = m.at > row.last_met_at;
      await updateMetPerson(ctx.store, row.id, {
        meetings: row.meetings + m.meetings, name: row.name ?? m.name,
        ...(later ? { last_met_at: m.at, last_meeting: m.summary } : {}), ...(m.at < row.first_met_at ? { first_met_at: m.at } : {}),
      });
    }
  }
  await insertMetPeople(ctx.store, fresh);
  return fresh.length;
}
