import type { PlannedAction, PlannedContact, PlannedEvent, PlannedGoal, PlannedOrganisation } from './plan-types.ts';
import type { Random } from './random.ts';

// Seed 003: define networking goals first, then tie people, organisations and actions to them.
// Six goals whatever the network's size: a person has a handful of goals, not thousands.
export function planGoals(rng: Random, contacts: readonly PlannedContact[], orgs: readonly PlannedOrganisation[], events: readonly PlannedEvent[], archived: ReadonlySet<number>): PlannedGoal[] {
  const usable = (c: PlannedContact, i: number) => !archived.has(i) && c.profile !== 'never';
  const ofType = (type: string, count: number): number[] => {
    const fits = contacts.map((c, i) => (c.type === type && usable(c, i) ? i : -1)).filter((i) => i >= 0);
    return rng.sample(fits, count);
  };
  const atOrg = (name: string, count: number): { org: number; people: number[] } => {
    const org = Math.max(0, orgs.findIndex((o) => o.name === name));
    const fits = contacts.map((c, i) => (c.org === org && usable(c, i) ? i : -1)).filter((i) => i >= 0);
    return { org, people: rng.sample(fits, count) };
  };
  const name = (i: number | undefined) => (i === undefined ? 'someone' : contacts[i]!.input.name.split(' ')[0]!);
  const action = (kind: PlannedAction['kind'], description: string, contact: number | undefined, dueAgo: number | null, doneAgo: number | null = null): PlannedAction =>
    ({ kind, description, contact: contact ?? null, dueAgo, doneAgo });

  const [mentor, mentor2] = ofType('mentor', 2);
  const [peer] = ofType('association-peer', 1);
  const greenleaf = atOrg('Greenleaf Energy', 2);
  const upcoming = events.find((e) => e.ago < 0);
  const [gov] = ofType('government-body', 1);
  const [licensing] = ofType('licensing-authority', 1);
  const orbital = atOrg('Orbital Logistics', 1);
  const atlas = atOrg('Atlas Build', 0);
  const [contractor] = ofType('contractor', 1);
  const [financial] = ofType('financial-expert', 1);
  const [educator] = ofType('educator', 1);
  const formers = ofType('former-colleague', 5);
  const defined = (list: (number | undefined)[]) => list.filter((i): i is number => i !== undefined);

  return [
    {
      kind: 'mentorship', description: 'Find a mentor who has led a product organisation', targetAgo: -90, status: 'open',
      contacts: defined([mentor, mentor2, peer]), organisations: [],
      actions: [
        action('coffee', `Coffee with ${name(mentor)} about leading a product org`, mentor, 21, 20),
        action('introduction-request', `Ask ${name(mentor)} to introduce me to a Chief Product Officer`, mentor, -2),
        action('informational-interview', `Informational interview with ${name(peer)}`, peer, -9),
      ],
    },
    {
      kind: 'job', description: 'Explore a move into climate tech within a year', targetAgo: -300, status: 'open',
      contacts: greenleaf.people, organisations: [greenleaf.org],
      actions: [
        action('informational-interview', `Informational interview with ${name(greenleaf.people[0])} about product roles at Greenleaf`, greenleaf.people[0], -4),
        action('attend-event', `Attend ${upcoming?.name ?? 'the next climate meetup'}`, undefined, upcoming?.ago ?? -12),
        action('follow-up', `Send ${name(greenleaf.people[1])} the climate reporting article`, greenleaf.people[1], 2),
      ],
    },
    {
      kind: 'insight', description: 'Understand how AI regulation will affect our roadmap', targetAgo: -60, status: 'open',
      contacts: defined([gov, licensing]), organisations: [],
      actions: [
        action('coffee', `Coffee with ${name(gov)} on the draft AI rules`, gov, 36, 35),
        action('other', `Read the consultation paper and send notes to ${name(licensing)}`, licensing, 0),
      ],
    },
    {
      kind: 'business', description: 'Find two partners for the logistics pilot', targetAgo: -120, status: 'open',
      contacts: defined([contractor, financial, ...orbital.people]), organisations: [orbital.org, atlas.org],
      actions: [
        action('introduction-request', `Ask ${name(financial)} for an intro to Orbital's COO`, financial, -6),
        action('coffee', `Coffee with ${name(contractor)} to scope the pilot`, contractor, null),
      ],
    },
    {
      kind: 'skill', description: 'Give a talk at a meetup this spring', targetAgo: -150, status: 'open',
      contacts: defined([educator]), organisations: [],
      actions: [
        action('attend-event', 'Go to a meetup to see how talks there work', undefined, 41, 40),
        action('other', `Draft the talk outline and ask ${name(educator)} for feedback`, educator, -1),
      ],
    },
    {
      kind: 'other', description: 'Reconnect with five former colleagues after the move', targetAgo: 30, status: 'achieved',
      contacts: formers, organisations: [],
      actions: formers.slice(0, 3).map((i, n) => action('follow-up', `Catch up with ${name(i)}`, i, 60 - n * 10, 62 - n * 10)),
    },
  ];
}
