import { contactInputSchema } from '../../domain/contact.ts';
import { addDays, toIsoDay } from '../../domain/dates.ts';
import { refreshDue } from '../../store/repositories/contacts.repository.ts';
import {
  archiveContacts, insertActionsBulk, insertAttendeesBulk, insertCommunitiesBulk, insertEventsBulk, insertFollowUpsBulk,
  insertGoalContactsBulk, insertGoalOrganisationsBulk, insertGoalsBulk, insertInteractionsBulk, insertLinksBulk, insertMembersBulk,
  insertOrganisationsBulk, snoozeContactsUntil,
} from '../../store/repositories/demo.repository.ts';
import type { CadenceDefaults } from '../../domain/cadence.ts';
import type { ServiceContext } from '../operation.ts';
import { parseInput } from '../operation.ts';
import { createContacts } from '../support/create-contacts.ts';
import type { DemoPlan } from './plan-types.ts';

export interface DemoCounts {
  contacts: number;
  organisations: number;
  interactions: number;
  links: number;
  events: number;
  communities: number;
  goals: number;
  actions: number;
  followUps: number;
}

// Writes a plan through the bulk paths: contacts through createContacts (the one path that creates contacts),
// the rest as multi-row inserts, then one cadence refresh and one search reindex. Runs inside the caller's transaction.
export async function writeDemo(ctx: ServiceContext, plan: DemoPlan, defaults: CadenceDefaults): Promise<DemoCounts> {
  const { store, clock } = ctx;
  const today = toIsoDay(clock.now());
  const day = (ago: number) => addDays(today, -ago);
  const at = (ago: number, minute = 8 * 60) => `${day(ago)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;
  const { contacts } = plan;

  const orgIds = await insertOrganisationsBulk(store, plan.organisations.map((o) => {
    // An organisation enters the network with the first person known there, at the latest two years ago.
    return { name: o.name, industry: o.industry, website: o.website, is_mine: o.isMine ? 1 : 0, notes: o.notes, created_at: at(730), updated_at: at(730) };
  }));
  const drafts = contacts.map((c, i) => parseInput(contactInputSchema, c.input, `demo contact ${i}`));
  const { ids } = await createContacts(ctx, drafts, { followUpDays: null, searchIndex: false, createdAt: (i) => at(contacts[i]!.createdAgo) });
  const id = (index: number) => ids[index]!;

  const communityIds = await insertCommunitiesBulk(store, plan.communities.map((c) => ({
    name: c.name, kind: c.kind, notes: c.notes, i_am_member: c.iAmMember ? 1 : 0, created_at: at(730),
  })));
  await insertMembersBulk(store, plan.communities.flatMap((c, k) => c.members.map((m) => ({ community_id: communityIds[k]!, contact_id: id(m.contact), role: m.role }))));

  const eventIds = await insertEventsBulk(store, plan.events.map((e) => ({
    name: e.name, kind: e.kind, date: day(e.ago), place: e.place, community_id: e.community === null ? null : communityIds[e.community]!, notes: e.notes, created_at: at(Math.max(e.ago, 30)),
  })));
  await insertAttendeesBulk(store, plan.events.flatMap((e, k) => e.attendees.map((a) => ({ event_id: eventIds[k]!, contact_id: id(a.contact), met_there: a.met ? 1 : 0 }))));

  await insertInteractionsBulk(store, plan.interactions.map((it) => ({
    row: {
      occurred_at: at(it.ago, it.minute), kind: it.kind, channel: it.channel, summary: it.summary, value_flow: it.value,
      value_note: it.valueNote, gratitude: it.gratitude ? 1 : 0, created_at: at(it.ago, it.minute + 5),
    },
    contactIds: it.participants.map(id),
  })));

  await insertFollowUpsBulk(store, plan.followUps.map((f) => ({
    contact_id: id(f.contact), due_on: day(f.dueAgo), reason: f.reason, source: f.source, event_id: f.event === null ? null : eventIds[f.event]!,
    done_at: f.doneAgo === null ? null : at(f.doneAgo, 19 * 60), snoozed_until: null, created_at: at(f.createdAgo),
  })));

  const goalIds = await insertGoalsBulk(store, plan.goals.map((g) => ({
    kind: g.kind, description: g.description, target_date: g.targetAgo === null ? null : day(g.targetAgo), status: g.status, created_at: at(200),
  })));
  await insertGoalContactsBulk(store, plan.goals.flatMap((g, k) => [...new Set(g.contacts)].map((c) => ({ goal_id: goalIds[k]!, contact_id: id(c) }))));
  await insertGoalOrganisationsBulk(store, plan.goals.flatMap((g, k) => [...new Set(g.organisations)].map((o) => ({ goal_id: goalIds[k]!, organisation_id: orgIds[o]! }))));
  const actions = plan.goals.flatMap((g, k) => g.actions.map((a) => ({
    kind: a.kind, description: a.description, due_on: a.dueAgo === null ? null : day(a.dueAgo), done_at: a.doneAgo === null ? null : at(a.doneAgo, 17 * 60),
    goal_id: goalIds[k]!, contact_id: a.contact === null ? null : id(a.contact), created_at: at(200),
  })));
  await insertActionsBulk(store, actions);

  await insertLinksBulk(store, plan.links.map((l) => {
    const [a, b] = id(l.a) < id(l.b) ? [id(l.a), id(l.b)] : [id(l.b), id(l.a)];
    return { a_id: a, b_id: b, strength: l.strength, note: l.note, created_at: at(365) };
  }));

  await snoozeContactsUntil(store, plan.snoozed.map((s) => ({ id: id(s.contact), until: day(s.untilAgo) })));
  await archiveContacts(store, plan.archived.map(id));
  await refreshDue(store, 'all', defaults, clock.now().toISOString());
  await store.search.reindex(store.db, store.workspaceId, ids);

  return {
    contacts: ids.length, organisations: orgIds.length, interactions: plan.interactions.length, links: plan.links.length,
    events: eventIds.length, communities: communityIds.length, goals: goalIds.length, actions: actions.length, followUps: plan.followUps.length,
  };
}
