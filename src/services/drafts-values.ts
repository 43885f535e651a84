import type { Contact } from '../domain/contact.ts';
import { splitName } from '../domain/contact.ts';
import { daysBetween } from '../domain/dates.ts';
import type { DraftEvent, DraftFacts, DraftInteraction } from '../store/repositories/drafts.repository.ts';

// Everything a draft is personalised from. Pure: the service gathers it, this turns it into placeholder values.
export interface DraftSources {
  contact: Contact;
  facts: DraftFacts;
  // The event the draft is about: the one asked for, else where you met them.
  event: DraftEvent | null;
  goal: string | null;
  // The second person of an introduction (the one to be introduced to, or introduced).
  other: Contact | null;
  myName: string | null;
  today: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// Read after "meet you at the event ...": relative while it is fresh, a date once it is not.
export function whenPhrase(day: string, today: string): string {
  const ago = daysBetween(day, today);
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (ago === 0) return 'today';
  if (ago === 1) return 'yesterday';
  if (ago >= 2 && ago <= 6) return `on ${WEEKDAYS[d.getUTCDay()]}`;
  if (ago >= 7 && ago <= 13) return 'last week';
  const year = d.getUTCFullYear() === Number(today.slice(0, 4)) ? '' : ` ${d.getUTCFullYear()}`;
  return `on ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year}`;
}

export const firstNameOf = (c: Contact): string | null => c.givenName ?? splitName(c.name).givenName;

// Interaction summaries are notes ("Coffee catch-up about hiring plans", "Met at X; talked about Y"), read here
// after "our conversation about ...": the words after the last connector are the topic. Without a connector only a
// short phrase passes. When unsure, null: a flagged [lastTopic?] beats a sentence that reads wrong.
const TOPIC_LEAD = /^(?:we\s+)?(?:talked|chatted|spoke|discussed|conversation|chat|talk)(?:\s+(?:about|on|re:?))?\s+/i;
const CONNECTORS = [/\babout\s+/gi, /;\s+/g, /\bon\s+/gi, /:\s+/g];
const NOT_A_TOPIC = /^(?:linkedin|twitter|x|mastodon|bluesky|slack|discord|github|email|the phone|zoom|teams)$/i;
const MAX_TOPIC = 100;
const MAX_BARE_WORDS = 4;
export function topicOf(summary: string | null): string | null {
  if (!summary) return null;
  const sentence = (summary.trim().split(/(?<=[.!?])\s+|\n/)[0] ?? '').replace(/[.!?;:,\s]+$/, '');
  let topic: string | null = null;
  for (const connector of CONNECTORS) {
    const last = [...sentence.matchAll(connector)].pop();
    if (last) {
      topic = sentence.slice(last.index + last[0].length);
      break;
    }
  }
  if (topic === null) {
    const bare = sentence.replace(TOPIC_LEAD, '');
    topic = bare !== sentence || bare.split(/\s+/).length <= MAX_BARE_WORDS ? bare : null;
  }
  const clean = topic?.trim() ?? '';
  return clean === '' || clean.length > MAX_TOPIC || NOT_A_TOPIC.test(clean) ? null : clean;
}

// Read after "who ...": what someone does, for an introduction.
export function roleOf(c: Contact): string | null {
  if (c.title && c.organisation) return `is ${c.title} at ${c.organisation}`;
  if (c.organisation) return `works at ${c.organisation}`;
  if (c.title) return `is ${c.title}`;
  return null;
}

// How the last conversation happened, in the words of its channel: a draft must not call a video call "our
// conversation at the event". Read after "thinking back to" or "after".
const IN_PERSON_KIND: Record<string, string> = { coffee: 'our coffee', meal: 'our meal together', 'informational-interview': 'our informational interview' };
const BY_CHANNEL: Record<string, string> = {
  video: 'our video call', phone: 'our phone call', email: 'our emails', message: 'our messages', social: 'our exchange online', 'in-person': 'our meeting',
};
export function exchangePhrase(i: DraftInteraction, event: DraftEvent | null, today: string): string {
  const day = i.occurredAt.slice(0, 10);
  let what: string;
  if (i.channel === 'event') what = event?.attended && event.date === day ? `our chat at ${event.name}` : 'our chat at an event';
  else if (i.channel === 'in-person') what = IN_PERSON_KIND[i.kind] ?? 'our meeting';
  else what = BY_CHANNEL[i.channel] ?? 'our conversation';
  return `${what} ${whenPhrase(day, today)}`;
}

const LINKEDIN = /^https?:\/\/([a-z]+\.)?linkedin\.com\//i;

export function draftValues(s: DraftSources): Record<string, string | null> {
  const { contact, facts, event, other } = s;
  // The last real conversation: not an import's 'connected' entry, not our own sent message (its summary is our
  // subject line, and no reply may have come). Its channel, day and topic are all a draft may claim about it.
  const last = facts.recentInteractions.find((i) => !i.fromDraft && i.kind !== 'connected') ?? null;
  const helped = facts.recentInteractions.find((i) => (i.valueFlow === 'received' || i.valueFlow === 'mutual') && i.valueNote) ?? null;
  // An event is only "where we met" if they are on its attendee list.
  const attended = event?.attended ? event : null;
  return {
    firstName: firstNameOf(contact),
    name: contact.name,
    organisation: contact.organisation,
    title: contact.title,
    myName: s.myName,
    eventName: attended?.name ?? contact.metWhere,
    metWhere: contact.metWhere ?? attended?.name ?? null,
    metWhen: attended ? whenPhrase(attended.date, s.today) : null,
    platform: contact.webLinks.some((l) => LINKEDIN.test(l.url)) ? 'LinkedIn' : null,
    lastTopic: last ? topicOf(last.summary) : null,
    lastDate: last ? last.occurredAt.slice(0, 10) : null,
    lastExchange: last ? exchangePhrase(last, event, s.today) : null,
    helpGiven: helped?.valueNote ?? null,
    sharedCommunity: facts.sharedCommunities[0] ?? null,
    goal: s.goal?.trim().replace(/[.!]+$/, '') ?? null,
    introTarget: other?.name ?? null,
    otherName: other ? firstNameOf(other) : null,
    otherContext: other ? roleOf(other) : null,
    theirContext: roleOf(contact),
  };
}
