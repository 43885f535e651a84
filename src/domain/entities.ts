import { z } from 'zod';
import { channelSchema, interactionKindSchema, valueFlowSchema, type Channel, type InteractionKind, type ValueFlow } from './channels.ts';
import { isoDay, isoInstant } from './dates.ts';
import { idSchema as id, lineText, multilineText, optionalIdList, TEXT_LIMITS, webUrlSchema } from './limits.ts';

const optionalText = (max: number) => lineText(max).nullish().transform((v) => (v === '' || v == null ? null : v));
const optionalNote = (max: number) => multilineText(max).nullish().transform((v) => (v === '' || v == null ? null : v));

export const organisationInputSchema = z.object({
  name: lineText(TEXT_LIMITS.name).min(1, 'an organisation needs a name'),
  industry: optionalText(TEXT_LIMITS.short),
  // Blank clears it; otherwise an http(s) or mailto address, as for a contact's web links.
  website: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), webUrlSchema.nullish()).transform((v) => v ?? null),
  isMine: z.boolean().default(false),
  notes: optionalNote(TEXT_LIMITS.note),
});
export type OrganisationInput = z.input<typeof organisationInputSchema>;
export interface Organisation {
  id: number;
  name: string;
  industry: string | null;
  website: string | null;
  isMine: boolean;
  notes: string | null;
  contactCount: number;
}

export const interactionInputSchema = z.object({
  contactIds: optionalIdList().min(1, 'an interaction needs at least one participant'),
  occurredAt: isoInstant,
  kind: interactionKindSchema,
  channel: channelSchema.optional(),
  summary: optionalNote(TEXT_LIMITS.note),
  value: valueFlowSchema.default('none'),
  valueNote: optionalNote(TEXT_LIMITS.line),
  gratitude: z.boolean().default(false),
});
export interface Interaction {
  id: number;
  occurredAt: string;
  kind: InteractionKind;
  channel: Channel;
  summary: string | null;
  value: ValueFlow;
  valueNote: string | null;
  gratitude: boolean;
  participants: { id: number; name: string }[];
}

export const FOLLOW_UP_SOURCES = ['manual', 'event', 'new-contact', 'message-sent', 'meeting'] as const;
export type FollowUpSource = (typeof FOLLOW_UP_SOURCES)[number];
export const followUpInputSchema = z.object({
  contactId: id,
  dueOn: isoDay,
  reason: lineText(TEXT_LIMITS.line).min(1, 'a follow-up needs a reason'),
  source: z.enum(FOLLOW_UP_SOURCES).default('manual'),
  eventId: id.nullish().transform((v) => v ?? null),
});
export interface FollowUp {
  id: number;
  contactId: number;
  contactName: string;
  dueOn: string;
  reason: string;
  source: FollowUpSource;
  eventId: number | null;
  doneAt: string | null;
  snoozedUntil: string | null;
  createdAt: string;
}

// Two contacts who know each other: the raw material of warm introduction paths. Strength 1 (acquainted) to 5 (close).
export const linkInputSchema = z
  .object({ aId: id, bId: id, strength: z.number().int().min(1).max(5).nullish().transform((v) => v ?? null), note: optionalNote(TEXT_LIMITS.line) })
  .refine((l) => l.aId !== l.bId, { message: 'a contact cannot be linked to itself', path: ['bId'] });
export interface Link {
  aId: number;
  aName: string;
  bId: number;
  bName: string;
  strength: number | null;
  note: string | null;
}

export const GOAL_KINDS = ['mentorship', 'job', 'insight', 'business', 'skill', 'other'] as const;
export const GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const;
export const goalInputSchema = z.object({
  kind: z.enum(GOAL_KINDS, { error: (i) => `unknown goal kind ${JSON.stringify(i.input)}: use ${GOAL_KINDS.join(', ')}` }),
  description: multilineText(TEXT_LIMITS.description).min(1, 'a goal needs a description'),
  targetDate: isoDay.nullish().transform((v) => v ?? null),
  status: z.enum(GOAL_STATUSES).default('open'),
  contactIds: optionalIdList().default([]),
  organisationIds: optionalIdList().default([]),
});
export interface Goal {
  id: number;
  kind: (typeof GOAL_KINDS)[number];
  description: string;
  targetDate: string | null;
  status: (typeof GOAL_STATUSES)[number];
  contacts: { id: number; name: string }[];
  organisations: { id: number; name: string }[];
  actionsDone: number;
  actionsTotal: number;
}

export const ACTION_KINDS = ['informational-interview', 'coffee', 'introduction-request', 'attend-event', 'follow-up', 'other'] as const;
export const actionInputSchema = z.object({
  kind: z.enum(ACTION_KINDS, { error: (i) => `unknown action kind ${JSON.stringify(i.input)}: use ${ACTION_KINDS.join(', ')}` }),
  description: multilineText(TEXT_LIMITS.description).min(1, 'an action needs a description'),
  dueOn: isoDay.nullish().transform((v) => v ?? null),
  goalId: id.nullish().transform((v) => v ?? null),
  contactId: id.nullish().transform((v) => v ?? null),
});
export interface Action {
  id: number;
  kind: (typeof ACTION_KINDS)[number];
  description: string;
  dueOn: string | null;
  doneAt: string | null;
  goalId: number | null;
  contactId: number | null;
  contactName: string | null;
}

export const EVENT_KINDS = ['conference', 'seminar', 'workshop', 'meetup', 'webinar', 'alumni', 'talk', 'other'] as const;
export const eventInputSchema = z.object({
  name: lineText(TEXT_LIMITS.name).min(1, 'an event needs a name'),
  kind: z.enum(EVENT_KINDS, { error: (i) => `unknown event kind ${JSON.stringify(i.input)}: use ${EVENT_KINDS.join(', ')}` }),
  date: isoDay,
  place: optionalText(TEXT_LIMITS.name),
  communityId: id.nullish().transform((v) => v ?? null),
  notes: optionalNote(TEXT_LIMITS.note),
});
export interface NetworkingEvent {
  id: number;
  name: string;
  kind: (typeof EVENT_KINDS)[number];
  date: string;
  place: string | null;
  communityId: number | null;
  notes: string | null;
  attendees: { id: number; name: string; metThere: boolean }[];
}

export const COMMUNITY_KINDS = ['association', 'alumni', 'online', 'volunteer', 'other'] as const;
export const communityInputSchema = z.object({
  name: lineText(TEXT_LIMITS.name).min(1, 'a community needs a name'),
  kind: z.enum(COMMUNITY_KINDS, { error: (i) => `unknown community kind ${JSON.stringify(i.input)}: use ${COMMUNITY_KINDS.join(', ')}` }),
  notes: optionalNote(TEXT_LIMITS.note),
  iAmMember: z.boolean().default(true),
});
export interface Community {
  id: number;
  name: string;
  kind: (typeof COMMUNITY_KINDS)[number];
  notes: string | null;
  iAmMember: boolean;
  members: { id: number; name: string; role: string | null }[];
}
