import type { InteractionKind } from '../../domain/channels.ts';
import type { Network } from '../../domain/networks.ts';

// Words the demo builds interactions, events, communities and goals from.

export const TOPICS = [
  'the Q3 roadmap', 'hiring plans', 'AI regulation', 'pricing experiments', 'the data platform migration', 'climate tech',
  'career moves', 'a conference talk', 'board governance', 'remote work', 'supplier contracts', 'fundraising',
  'onboarding new managers', 'a move to a new role', 'product discovery', 'the grants programme', 'customer research',
  'data protection', 'the logistics pilot', 'team rituals', 'a book on negotiation', 'open-source licensing',
  'the annual budget', 'public speaking', 'the reorg', 'market entry in Germany', 'accessibility', 'the offsite',
] as const;

// How often each kind happens with people of a network: colleagues meet, mentors get coffee, stakeholders get email.
export const KIND_WEIGHTS: Record<Network, Partial<Record<InteractionKind, number>>> = {
  operational: { meeting: 35, message: 25, call: 12, email: 15, coffee: 10, update: 3 },
  personal: { coffee: 25, call: 18, message: 25, meal: 10, email: 8, update: 10, event: 4 },
  strategic: { email: 28, meeting: 20, call: 14, coffee: 10, update: 10, 'informational-interview': 6, introduction: 6, event: 6 },
};

export const SUMMARIES: Record<InteractionKind, readonly string[]> = {
  coffee: ['Coffee catch-up about {topic}', 'Coffee: swapped notes on {topic}', 'Long coffee, mostly about {topic}'],
  meal: ['Lunch, talked about {topic}', 'Dinner after the workshop; {topic}'],
  meeting: ['Sync on {topic}', 'Working session on {topic}', 'Reviewed {topic} together', '1:1 about {topic}'],
  call: ['Call about {topic}', 'Quick call to unblock {topic}', 'Phone catch-up on {topic}'],
  message: ['Messaged about {topic}', 'Shared a link on {topic}', 'Checked in about {topic}'],
  email: ['Emailed notes on {topic}', 'Sent the article on {topic}', 'Replied about {topic}'],
  event: ['Saw each other at a panel on {topic}', 'Chatted at the event about {topic}'],
  introduction: ['Introduced them to someone working on {topic}', 'They introduced me to a contact in {topic}'],
  'informational-interview': ['Informational interview about {topic}', 'Asked how they got into {topic}'],
  connected: ['Connected on LinkedIn', 'Connected on LinkedIn after a thread on {topic}'],
  update: ['Congratulated them on {topic}', 'Sent an update on {topic}', 'Shared news about {topic}'],
  other: ['Caught up about {topic}'],
};

// Seed 003: give, don't just take — and say thank you.
export const VALUE_NOTES = {
  given: ['Intro to a recruiter', 'Shared my slides', 'Reviewed their CV', 'Recommended a book', 'Feedback on their pitch deck', 'Intro to an investor', 'Shared a job lead'],
  received: ['Advice on negotiating', 'Referral to a hiring manager', 'Feedback on my plan', 'Intro to a policy lead', 'A reference', 'Tips for my talk'],
  mutual: ['Swapped contacts', 'Co-wrote a proposal', 'Traded feedback on drafts', 'Agreed to co-host a meetup'],
} as const;

export const FOLLOW_UP_REASONS = [
  'Send the article on {topic}', 'Congratulate them on the new role', 'Share the notes from our chat about {topic}',
  'Ask about the board opening', 'Check how the launch went', 'Send the intro I promised', 'Thank them for the referral',
  'Invite them to the meetup on {topic}',
] as const;

export const EVENT_SERIES: readonly { name: string; kind: 'conference' | 'seminar' | 'workshop' | 'meetup' | 'webinar' | 'alumni' | 'talk' }[] = [
  { name: 'ProductCon Europe', kind: 'conference' },
  { name: 'Data Leaders Summit', kind: 'conference' },
  { name: 'Climate Tech Meetup', kind: 'meetup' },
  { name: 'AI Policy Seminar', kind: 'seminar' },
  { name: 'Leading Teams Workshop', kind: 'workshop' },
  { name: 'Fintech Breakfast', kind: 'meetup' },
  { name: 'Westhaven Alumni Evening', kind: 'alumni' },
  { name: 'Open Source Friday', kind: 'webinar' },
  { name: 'Founders & Funders', kind: 'talk' },
  { name: 'Design Systems Day', kind: 'conference' },
  { name: 'Logistics Innovation Forum', kind: 'seminar' },
  { name: 'Women in Product Meetup', kind: 'meetup' },
];

export const COMMUNITIES: readonly { name: string; kind: 'association' | 'alumni' | 'online' | 'volunteer' | 'other'; notes: string | null }[] = [
  { name: 'Product Leaders Guild', kind: 'association', notes: 'Monthly round tables for heads of product.' },
  { name: 'Westhaven Alumni Network', kind: 'alumni', notes: null },
  { name: 'Data Science Slack', kind: 'online', notes: 'Very active #careers channel.' },
  { name: 'Code Club Volunteers', kind: 'volunteer', notes: 'I mentor a Saturday coding club.' },
  { name: 'Climate Tech Collective', kind: 'online', notes: null },
  { name: 'Founders Breakfast Club', kind: 'other', notes: 'Invitation-only breakfast, first Friday of the month.' },
];

export const COMMUNITY_THEMES = ['Product', 'Data', 'Design', 'Climate', 'Fintech', 'Policy', 'Logistics', 'Health', 'Robotics', 'Security', 'Open Source', 'Leadership'] as const;
export const COMMUNITY_FORMS: Record<'association' | 'alumni' | 'online' | 'volunteer' | 'other', readonly string[]> = {
  association: ['Association', 'Guild', 'Society', 'Council'],
  alumni: ['Alumni Circle', 'Alumni Network'],
  online: ['Slack', 'Forum', 'Discord'],
  volunteer: ['Volunteers', 'Mentoring Programme'],
  other: ['Breakfast Club', 'Reading Group'],
};

export const COMMUNITY_ROLES = ['organiser', 'board member', 'speaker', 'moderator'] as const;
