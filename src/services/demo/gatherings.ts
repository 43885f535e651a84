import type { PlannedCommunity, PlannedContact, PlannedEvent } from './plan-types.ts';
import type { Random } from './random.ts';
import { COMMUNITIES, COMMUNITY_FORMS, COMMUNITY_ROLES, COMMUNITY_THEMES, EVENT_SERIES } from './vocabulary-activity.ts';
import { CITIES } from './vocabulary-people.ts';

// Events in the last two weeks make Today's "met at recent events" and their follow-ups show.
export const RECENT_EVENT_DAYS = [4, 10] as const;
const UPCOMING_EVENT_IN = 12;
const OUTSIDE_MEETABLE = new Set(['consultant', 'contractor', 'financial-expert', 'government-body', 'licensing-authority', 'mentor', 'educator', 'friend', 'alumni', 'former-colleague', 'association-peer']);

export function planCommunities(rng: Random, size: number): PlannedCommunity[] {
  const out: PlannedCommunity[] = COMMUNITIES.map((c) => ({ ...c, iAmMember: c.kind !== 'online' || c.name !== 'Climate Tech Collective', members: [] }));
  const count = Math.max(COMMUNITIES.length, Math.round(size / 150));
  const taken = new Set(out.map((c) => c.name));
  while (out.length < count) {
    const kind = rng.weighted({ association: 4, alumni: 2, online: 3, volunteer: 1, other: 1 });
    let name = `${rng.pick(COMMUNITY_THEMES)} ${rng.pick(COMMUNITY_FORMS[kind])}`;
    if (kind === 'alumni') name = `${rng.pick(CITIES)} ${name}`;
    for (let n = 2; taken.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
    taken.add(name);
    out.push({ name, kind, notes: null, iAmMember: rng.chance(0.8), members: [] });
  }
  return out;
}

// Association peers meet in associations, alumni in alumni networks; a fifth of everyone else joins something.
export function planMemberships(rng: Random, contacts: readonly PlannedContact[], communities: PlannedCommunity[]): void {
  const ofKind = (kind: PlannedCommunity['kind']) => communities.map((c, i) => (c.kind === kind ? i : -1)).filter((i) => i >= 0);
  const associations = ofKind('association');
  const alumni = ofKind('alumni');
  const all = communities.map((_, i) => i);
  contacts.forEach((c, contact) => {
    const joined = new Set<number>();
    if (c.type === 'association-peer') joined.add(rng.pick(associations));
    if (c.type === 'alumni') joined.add(rng.pick(alumni));
    if (rng.chance(0.2)) joined.add(rng.pick(all));
    for (const community of joined) {
      communities[community]!.members.push({ contact, role: rng.chance(0.05) ? rng.pick(COMMUNITY_ROLES) : null });
    }
  });
}

function eventDays(rng: Random, count: number): number[] {
  const days: number[] = [...RECENT_EVENT_DAYS, -UPCOMING_EVENT_IN];
  while (days.length < count) days.push(rng.int(15, 720));
  return days.sort((a, b) => b - a);
}

// Whom you met at each event becomes a contact on that day; a few known faces attend too.
export function planEvents(rng: Random, size: number, contacts: PlannedContact[], communities: readonly PlannedCommunity[]): PlannedEvent[] {
  const count = size <= 400 ? EVENT_SERIES.length : Math.round(size / 100);
  const alumniCommunity = communities.findIndex((c) => c.kind === 'alumni');
  const scale = size <= 400 ? 1 : 2;
  const events: PlannedEvent[] = eventDays(rng, count).map((ago, i) => {
    const series = EVENT_SERIES[i % EVENT_SERIES.length]!;
    const edition = Math.floor(i / EVENT_SERIES.length);
    const online = series.kind === 'webinar';
    return {
      name: edition === 0 ? series.name : `${series.name} #${edition + 1}`,
      kind: series.kind,
      ago,
      place: online ? 'Online' : rng.pick(CITIES),
      community: series.kind === 'alumni' ? alumniCommunity : series.kind === 'meetup' && rng.chance(0.5) ? rng.int(0, communities.length - 1) : null,
      notes: ago < 0 ? 'Registered; plan who to meet.' : null,
      attendees: [],
    };
  });
  // Two queues of people to meet, shuffled once: new faces for the last two weeks, anyone else before.
  const meetable = rng.shuffle(contacts.map((_, i) => i).filter((i) => OUTSIDE_MEETABLE.has(contacts[i]!.type)));
  const fresh = meetable.filter((i) => contacts[i]!.profile === 'new');
  const older = meetable.filter((i) => contacts[i]!.profile !== 'new');
  for (const [e, event] of events.entries()) {
    if (event.ago <= 0) continue;
    const recent = event.ago <= 14;
    const count = rng.int(recent ? 3 : 2, (recent ? 5 : 4) * scale);
    // A small network may hold too few new faces: then some other ties become people just met.
    while (recent && fresh.length < count && older.length > 0) {
      const i = older.pop()!;
      contacts[i]!.profile = 'new';
      fresh.push(i);
    }
    for (const i of (recent ? fresh : older).splice(0, count)) {
      const c = contacts[i]!;
      c.metAt = e;
      c.createdAgo = event.ago;
      c.input.metHow = `Met at ${event.name}`;
      c.input.metWhere = event.place;
      event.attendees.push({ contact: i, met: true });
    }
  }
  // Known faces: people already in the network on the day, never someone first met later.
  for (const event of events) {
    if (event.ago <= 0) continue;
    const known = new Set(event.attendees.map((a) => a.contact));
    for (let n = rng.int(4, 12 * scale), tries = 0; n > 0 && tries < 200; tries++) {
      const i = rng.int(0, contacts.length - 1);
      if (known.has(i) || contacts[i]!.createdAgo <= event.ago) continue;
      known.add(i);
      event.attendees.push({ contact: i, met: false });
      n--;
    }
  }
  return events;
}
