import { z } from 'zod';
import { CHANNELS, INTERACTION_KINDS, VALUE_FLOWS } from '../../domain/channels.ts';
import { ACTION_KINDS, COMMUNITY_KINDS, EVENT_KINDS, FOLLOW_UP_SOURCES, GOAL_KINDS, GOAL_STATUSES } from '../../domain/entities.ts';
import { count, day, id, instant, named, network, out } from './common.ts';

export const interactionOutput = out({
  id,
  occurredAt: instant,
  kind: z.enum(INTERACTION_KINDS),
  channel: z.enum(CHANNELS),
  summary: z.string().nullable(),
  value: z.enum(VALUE_FLOWS),
  valueNote: z.string().nullable(),
  gratitude: z.boolean(),
  participants: z.array(named),
}).meta({ id: 'Interaction' });

export const followUpOutput = out({
  id,
  contactId: id,
  contactName: z.string(),
  dueOn: day,
  reason: z.string(),
  source: z.enum(FOLLOW_UP_SOURCES),
  eventId: id.nullable(),
  doneAt: instant.nullable(),
  snoozedUntil: day.nullable(),
  createdAt: instant,
}).meta({ id: 'FollowUp' });

const organisationFields = {
  id,
  name: z.string(),
  industry: z.string().nullable(),
  website: z.string().nullable(),
  isMine: z.boolean(),
  notes: z.string().nullable(),
  contactCount: count,
};
export const organisationOutput = out(organisationFields).meta({ id: 'Organisation' });
export const organisationDetailOutput = out({ ...organisationFields, contacts: z.array(out({ id, name: z.string(), title: z.string().nullable() })) }).meta({ id: 'OrganisationDetail' });
export const organisationDeleteOutput = out({ deleted: count, contactsDetached: count });

export const linkOutput = out({ aId: id, aName: z.string(), bId: id, bName: z.string(), strength: z.number().int().nullable(), note: z.string().nullable() }).meta({ id: 'Link' });

export const actionOutput = out({
  id,
  kind: z.enum(ACTION_KINDS),
  description: z.string(),
  dueOn: day.nullable(),
  doneAt: instant.nullable(),
  goalId: id.nullable(),
  contactId: id.nullable(),
  contactName: z.string().nullable(),
}).meta({ id: 'Action' });

const goalFields = {
  id,
  kind: z.enum(GOAL_KINDS),
  description: z.string(),
  targetDate: day.nullable(),
  status: z.enum(GOAL_STATUSES),
  contacts: z.array(named),
  organisations: z.array(named),
  actionsDone: count,
  actionsTotal: count,
};
export const goalOutput = out(goalFields).meta({ id: 'Goal' });
export const goalDetailOutput = out({ ...goalFields, actions: z.array(actionOutput) }).meta({ id: 'GoalDetail' });

const communityFields = { id, name: z.string(), kind: z.enum(COMMUNITY_KINDS), notes: z.string().nullable(), iAmMember: z.boolean() };
export const communityOutput = out({ ...communityFields, members: z.array(out({ id, name: z.string(), role: z.string().nullable() })) }).meta({ id: 'Community' });
export const communitySummaryOutput = out({ ...communityFields, memberCount: count }).meta({ id: 'CommunitySummary' });

const eventFields = { id, name: z.string(), kind: z.enum(EVENT_KINDS), date: day, place: z.string().nullable(), communityId: id.nullable(), notes: z.string().nullable() };
export const eventOutput = out({ ...eventFields, attendees: z.array(out({ id, name: z.string(), metThere: z.boolean() })) }).meta({ id: 'NetworkingEvent' });
export const eventSummaryOutput = out({ ...eventFields, attendeeCount: count }).meta({ id: 'EventSummary' });
export const eventAttendOutput = out({ event: eventOutput, followUpsCreated: count });

export const connectionTypeOutput = out({ key: z.string(), label: z.string(), defaultNetwork: network, builtIn: z.boolean() }).meta({ id: 'ConnectionType' });

export const journalEntryOutput = out({
  id,
  operation: z.string(),
  summary: z.string(),
  createdAt: instant,
  rowCount: count,
  undoneAt: instant.nullable(),
  undoes: id.nullable(),
}).meta({ id: 'JournalEntry' });
export const historyListOutput = out({ items: z.array(journalEntryOutput) });
export const undoOutput = out({ undone: journalEntryOutput, removed: count, restored: count, reverted: count });

export const tagCountsOutput = z.array(out({ tag: z.string(), count }));
