import { DEFAULT_CHANNEL, type Channel, type InteractionKind, type ValueFlow } from '../../domain/channels.ts';
import { fill, type PlannedContact, type PlannedEvent, type PlannedFollowUp, type PlannedInteraction } from './plan-types.ts';
import type { Random } from './random.ts';
import { FOLLOW_UP_REASONS, KIND_WEIGHTS, SUMMARIES, TOPICS, VALUE_NOTES } from './vocabulary-activity.ts';

// The same meeting can happen on another channel: a meeting on video, a call on video, a message on social.
const OTHER_CHANNEL: Record<InteractionKind, Channel> = {
  coffee: 'in-person', meal: 'in-person', meeting: 'video', call: 'video', message: 'social', email: 'message', event: 'event',
  introduction: 'message', 'informational-interview': 'in-person', connected: 'social', update: 'social', other: 'phone',
};
const GROUP_KINDS = new Set<InteractionKind>(['meeting', 'call', 'coffee', 'meal']);
const VALUE_WEIGHTS: Record<ValueFlow, number> = { none: 68, given: 12, received: 12, mutual: 8 };

export interface Timelines {
  interactions: PlannedInteraction[];
  followUps: PlannedFollowUp[];
  snoozed: { contact: number; untilAgo: number }[];
  archived: number[];
}

// When each contact was last heard from, by its tie profile and cadence: fresh well inside it, cooling past it, dormant long gone.
function lastContactAgo(rng: Random, c: PlannedContact, events: readonly PlannedEvent[]): number | null {
  const cad = c.cadence;
  const met = c.metAt === null ? null : events[c.metAt]!;
  if (met && met.ago <= 14) return met.ago >= 2 && rng.chance(0.4) ? met.ago - rng.int(1, Math.min(3, met.ago - 1)) : null;
  switch (c.profile) {
    case 'never': return null;
    case 'new': return rng.chance(0.55) ? rng.int(1, Math.max(1, c.createdAgo - 1)) : null;
    case 'fresh': return rng.int(1, Math.max(1, Math.floor(cad * 0.6)));
    case 'due': return rng.chance(0.5) ? Math.max(1, cad - rng.int(0, 7)) : cad + rng.int(1, 6);
    case 'cooling': return Math.round(cad * rng.between(1.2, 2.5));
    case 'dormant': return Math.max(200, cad * 3) + rng.int(0, 300);
  }
}

function interaction(rng: Random, c: PlannedContact, contact: number, ago: number, kind?: InteractionKind, summary?: string): PlannedInteraction {
  const k = kind ?? rng.weighted(KIND_WEIGHTS[c.networks[0] ?? 'personal']);
  const value = rng.weighted(VALUE_WEIGHTS);
  return {
    ago,
    minute: rng.int(9 * 60, 18 * 60),
    kind: k,
    channel: rng.chance(0.75) ? DEFAULT_CHANNEL[k] : OTHER_CHANNEL[k],
    summary: summary ?? (rng.chance(0.85) ? fill(rng.pick(SUMMARIES[k]), { topic: rng.pick(TOPICS) }) : null),
    value,
    valueNote: value === 'none' ? null : rng.pick(VALUE_NOTES[value]),
    gratitude: rng.chance(value === 'received' ? 0.45 : 0.06),
    participants: [contact],
  };
}

export function planTimelines(
  rng: Random, contacts: PlannedContact[], events: readonly PlannedEvent[], followUpDays: { event: number; newContact: number },
): Timelines {
  contacts.forEach((c) => {
    const last = lastContactAgo(rng, c, events);
    // A tie gone quiet long ago must have started before that; people met at an event keep that day.
    if (last !== null && last > c.createdAgo && c.metAt === null) c.createdAgo = Math.min(730, last + rng.int(0, 120));
    c.lastAgo = last === null ? null : Math.min(last, c.createdAgo);
  });
  const teams = new Map<number, number[]>();
  contacts.forEach((c, i) => (teams.get(c.team) ?? teams.set(c.team, []).get(c.team)!).push(i));
  const within = (i: number, ago: number) => {
    const c = contacts[i]!;
    return c.lastAgo !== null && c.lastAgo <= ago && c.createdAgo >= ago;
  };

  const interactions: PlannedInteraction[] = [];
  contacts.forEach((c, i) => {
    if (c.lastAgo === null) return;
    const met = c.metAt === null ? null : events[c.metAt]!;
    const gap = c.cadence * rng.between(0.45, 0.9) * (c.profile === 'dormant' ? 1.3 : 1);
    const days: number[] = [];
    for (let d = c.lastAgo; d <= c.createdAgo && (met === null || d < c.createdAgo); d += Math.max(1, Math.round(gap * rng.between(0.6, 1.4)))) days.push(d);
    for (const [n, day] of days.entries()) {
      const first = n === days.length - 1 && met === null && rng.chance(0.4);
      const it = first ? interaction(rng, c, i, day, 'connected') : interaction(rng, c, i, day);
      if (c.org !== null && GROUP_KINDS.has(it.kind) && rng.chance(0.15)) {
        const mates = (teams.get(c.team) ?? []).filter((j) => j !== i && within(j, day));
        it.participants.push(...rng.sample(mates, rng.int(1, 3)));
      }
      interactions.push(it);
    }
    if (met && met.ago > 14) {
      interactions.push(interaction(rng, c, i, c.createdAgo, 'event', `Met at ${met.name}; talked about ${rng.pick(TOPICS)}`));
      // Seed 004: the short note after meeting someone, a day or three later.
      const noteDay = Math.max(c.lastAgo, c.createdAgo - rng.int(1, 3));
      if (noteDay < c.createdAgo) interactions.push(interaction(rng, c, i, noteDay, rng.pick(['message', 'email', 'connected'] as const), `Great to meet you at ${met.name}`));
    }
  });
  // Known faces at past events: one shared "saw each other there" for those in touch at the time.
  for (const event of events) {
    if (event.ago <= 14) continue;
    const there = event.attendees.filter((a) => !a.met && within(a.contact, event.ago)).map((a) => a.contact);
    if (there.length === 0) continue;
    const it = interaction(rng, contacts[there[0]!]!, there[0]!, event.ago, 'event', `Caught up at ${event.name}`);
    it.participants = there.slice(0, 6);
    interactions.push(it);
  }
  interactions.sort((a, b) => b.ago - a.ago || a.minute - b.minute);
  return { interactions, ...planFollowUps(rng, contacts, events, followUpDays) };
}

function planFollowUps(rng: Random, contacts: PlannedContact[], events: readonly PlannedEvent[], days: { event: number; newContact: number }): Omit<Timelines, 'interactions'> {
  const followUps: PlannedFollowUp[] = [];
  const covered = new Set<number>();
  contacts.forEach((c, contact) => {
    const met = c.metAt === null ? null : events[c.metAt]!;
    if (met && met.ago <= 14) {
      followUps.push({ contact, createdAgo: met.ago, dueAgo: met.ago - days.event, reason: `Follow up after meeting at ${met.name}`, source: 'event', event: c.metAt, doneAgo: c.lastAgo });
    } else if (c.profile === 'new' && met === null) {
      followUps.push({ contact, createdAgo: c.createdAgo, dueAgo: c.createdAgo - days.newContact, reason: 'First follow-up: say thank you and stay in touch', source: 'new-contact', event: null, doneAgo: c.lastAgo });
    } else {
      return;
    }
    if (c.lastAgo === null) covered.add(contact);
  });
  // Promises made since the last conversation: due from a few days ago to next week.
  const promisable = contacts.map((c, i) => (['fresh', 'due', 'cooling'].includes(c.profile) && c.lastAgo !== null && c.lastAgo >= 2 ? i : -1)).filter((i) => i >= 0);
  for (const contact of rng.sample(promisable, Math.max(4, Math.round(contacts.length / 50)))) {
    const createdAgo = rng.int(1, Math.min(contacts[contact]!.lastAgo! - 1, 14));
    const reason = fill(rng.pick(FOLLOW_UP_REASONS), { topic: rng.pick(TOPICS) });
    followUps.push({ contact, createdAgo, dueAgo: createdAgo - rng.int(2, 10), reason, source: 'manual', event: null, doneAgo: null });
    covered.add(contact);
  }
  const cooling = contacts.map((c, i) => (c.profile === 'cooling' && !covered.has(i) ? i : -1)).filter((i) => i >= 0);
  const snoozed = rng.sample(cooling, Math.max(2, Math.round(contacts.length / 100))).map((contact) => ({ contact, untilAgo: -rng.int(3, 20) }));
  const dormant = contacts.map((c, i) => (c.profile === 'dormant' && c.metAt === null ? i : -1)).filter((i) => i >= 0);
  return { followUps, snoozed, archived: rng.sample(dormant, Math.max(1, Math.round(contacts.length / 200))) };
}
