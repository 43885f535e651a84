// Words shown in the UI. Typed as complete records over the domain's unions (type-only imports), so a kind added
// to the domain fails the type check here until it has a label, without shipping zod to the browser.
import type { Channel, InteractionKind, ValueFlow } from '../../src/domain/channels.ts';
import type { ACTION_KINDS, COMMUNITY_KINDS, EVENT_KINDS, GOAL_KINDS } from '../../src/domain/entities.ts';
import type { Network } from '../../src/domain/networks.ts';
import type { Situation } from '../../src/domain/situations.ts';

export const NETWORK_LABELS: Record<Network, string> = { operational: 'Operational', personal: 'Personal', strategic: 'Strategic' };
export const NETWORK_HINTS: Record<Network, string> = {
  operational: 'getting today’s work done',
  personal: 'learning, advice, referrals',
  strategic: 'future priorities and opportunities',
};
export const NETWORKS = Object.keys(NETWORK_LABELS) as Network[];

export const KIND_LABELS: Record<InteractionKind, string> = {
  coffee: 'Coffee', meal: 'Meal', meeting: 'Meeting', call: 'Call', message: 'Message', email: 'Email', event: 'Event',
  introduction: 'Introduction', 'informational-interview': 'Informational interview', connected: 'Connected online',
  update: 'Shared an update', other: 'Other',
};
export const CHANNEL_LABELS: Record<Channel, string> = {
  'in-person': 'In person', event: 'At an event', video: 'Video', phone: 'Phone', email: 'Email', message: 'Message', social: 'Social media',
};
export const VALUE_LABELS: Record<ValueFlow, string> = { none: 'No exchange', given: 'I gave', received: 'I received', mutual: 'Both ways' };

export const SITUATION_LABELS: Record<Situation, string> = {
  'job-seeking': 'Looking for a job',
  'growing-in-role': 'Growing in my role',
  'stepping-into-leadership': 'Stepping into leadership',
  'running-a-business': 'Running a business or side project',
};
export const SITUATION_HINTS: Record<Situation, string> = {
  'job-seeking': 'Weights your strategic and personal networks: the people who know where the openings are.',
  'growing-in-role': 'Tends your operational network most often: the people your work depends on.',
  'stepping-into-leadership': 'Keeps the strategic network in view, the one new leaders under-invest in.',
  'running-a-business': 'Keeps a strong operational network, with strategic ties close behind.',
};
export const SITUATIONS = Object.keys(SITUATION_LABELS) as Situation[];

type Kind<T extends readonly string[]> = T[number];
export const GOAL_KIND_LABELS: Record<Kind<typeof GOAL_KINDS>, string> = {
  mentorship: 'Mentorship', job: 'Job opportunities', insight: 'Industry insight', business: 'Business development', skill: 'Skills', other: 'Other',
};
export const ACTION_KIND_LABELS: Record<Kind<typeof ACTION_KINDS>, string> = {
  'informational-interview': 'Informational interview', coffee: 'Coffee', 'introduction-request': 'Ask for an introduction',
  'attend-event': 'Attend an event', 'follow-up': 'Follow up', other: 'Other',
};
export const EVENT_KIND_LABELS: Record<Kind<typeof EVENT_KINDS>, string> = {
  conference: 'Conference', seminar: 'Seminar', workshop: 'Workshop', meetup: 'Meetup', webinar: 'Webinar', alumni: 'Alumni event', talk: 'Talk', other: 'Other',
};
export const COMMUNITY_KIND_LABELS: Record<Kind<typeof COMMUNITY_KINDS>, string> = {
  association: 'Professional association', alumni: 'Alumni', online: 'Online community', volunteer: 'Volunteer role', other: 'Other',
};

export const keysOf = <K extends string>(record: Record<K, string>): K[] => Object.keys(record) as K[];
