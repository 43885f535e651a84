import type { ContactInput } from '../../domain/contact.ts';
import type { ACTION_KINDS, COMMUNITY_KINDS, EVENT_KINDS, FollowUpSource, GOAL_KINDS, GOAL_STATUSES, Interaction } from '../../domain/entities.ts';
import type { Network } from '../../domain/networks.ts';

// A demo network as plain data, before anything is written. Everything refers to other parts by index,
// and every date is a number of days before "today" (negative: in the future), so a plan made with a
// frozen clock is the same plan every time.

// How a tie has been kept: it decides when the contact was last heard from, relative to its cadence.
export type TieProfile = 'fresh' | 'due' | 'cooling' | 'dormant' | 'new' | 'never';

export interface PlannedOrganisation {
  name: string;
  industry: string;
  website: string;
  domain: string;
  isMine: boolean;
  notes: string | null;
}

export interface PlannedContact {
  input: ContactInput & { name: string };
  type: string;
  networks: Network[];
  org: number | null;
  // People who work together closely (a team, or a circle of friends): most links and group meetings stay inside.
  team: number;
  profile: TieProfile;
  cadence: number;
  createdAgo: number;
  // Days since the last interaction; null for someone never contacted.
  lastAgo: number | null;
  metAt: number | null;
  broker: boolean;
}

// An interaction as stored, but dated in days before today and naming its participants by plan index.
export interface PlannedInteraction extends Omit<Interaction, 'id' | 'occurredAt' | 'participants'> {
  ago: number;
  minute: number;
  participants: number[];
}

export interface PlannedFollowUp {
  contact: number;
  createdAgo: number;
  dueAgo: number;
  reason: string;
  source: FollowUpSource;
  event: number | null;
  doneAgo: number | null;
}

export interface PlannedEvent {
  name: string;
  kind: (typeof EVENT_KINDS)[number];
  ago: number;
  place: string | null;
  community: number | null;
  notes: string | null;
  attendees: { contact: number; met: boolean }[];
}

export interface PlannedCommunity {
  name: string;
  kind: (typeof COMMUNITY_KINDS)[number];
  notes: string | null;
  iAmMember: boolean;
  members: { contact: number; role: string | null }[];
}

export interface PlannedAction {
  kind: (typeof ACTION_KINDS)[number];
  description: string;
  dueAgo: number | null;
  doneAgo: number | null;
  contact: number | null;
}

export interface PlannedGoal {
  kind: (typeof GOAL_KINDS)[number];
  description: string;
  targetAgo: number | null;
  status: (typeof GOAL_STATUSES)[number];
  contacts: number[];
  organisations: number[];
  actions: PlannedAction[];
}

export interface PlannedLink {
  a: number;
  b: number;
  strength: number | null;
  note: string | null;
}

export interface DemoPlan {
  organisations: PlannedOrganisation[];
  contacts: PlannedContact[];
  interactions: PlannedInteraction[];
  followUps: PlannedFollowUp[];
  events: PlannedEvent[];
  communities: PlannedCommunity[];
  goals: PlannedGoal[];
  links: PlannedLink[];
  snoozed: { contact: number; untilAgo: number }[];
  archived: number[];
}

// "{topic}" and friends, filled from a dictionary.
export const fill = (template: string, words: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (m, key: string) => words[key] ?? m);

export const asciiSlug = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
