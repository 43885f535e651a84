import type { PlannedCommunity, PlannedContact, PlannedLink } from './plan-types.ts';
import type { Random } from './random.ts';

type LinkKind = 'team' | 'organisation' | 'community' | 'industry' | 'bridge';

// Mostly inside a team, an organisation or a community; a few people (brokers) bridge otherwise separate clusters.
// That is the structure network analysis looks for: dense clusters, weak ties between them, and brokers.
const KIND_WEIGHTS: Record<LinkKind, number> = { team: 50, organisation: 22, community: 14, industry: 10, bridge: 4 };
const STRENGTH: Record<LinkKind, [number, number]> = { team: [3, 5], organisation: [2, 3], community: [2, 3], industry: [1, 2], bridge: [1, 3] };
const NOTES = ['Worked together on the data platform', 'Co-organise a meetup', 'Old university friends', 'Sit on the same board', 'Were on the same panel'];

// About 5 links per person in a small network, 10 in a benchmark-sized one (300,000 for 30,000 people).
export const linkTarget = (size: number): number => Math.round(size * Math.min(10, 4 + size / 2500));

function groupBy(contacts: readonly PlannedContact[], key: (c: PlannedContact) => number | string | null): Map<number | string, number[]> {
  const out = new Map<number | string, number[]>();
  contacts.forEach((c, i) => {
    const k = key(c);
    if (k !== null) (out.get(k) ?? out.set(k, []).get(k)!).push(i);
  });
  return out;
}

export function planLinks(rng: Random, contacts: readonly PlannedContact[], communities: readonly PlannedCommunity[]): PlannedLink[] {
  const n = contacts.length;
  const teams = groupBy(contacts, (c) => c.team);
  const orgs = groupBy(contacts, (c) => c.org);
  const industries = groupBy(contacts, (c) => (c.input.industry as string | null | undefined) ?? null);
  const joined = communities.filter((c) => c.members.length >= 2);
  const brokers = contacts.map((c, i) => (c.broker ? i : -1)).filter((i) => i >= 0);
  const target = linkTarget(n);
  const seen = new Set<number>();
  const links: PlannedLink[] = [];

  const partner = (kind: LinkKind, a: number): [number, number] | null => {
    const c = contacts[a]!;
    switch (kind) {
      case 'team': return [a, rng.pick(teams.get(c.team)!)];
      case 'organisation': return c.org === null ? null : [a, rng.pick(orgs.get(c.org)!)];
      case 'industry': {
        const same = industries.get((c.input.industry as string | null | undefined) ?? '');
        return same ? [a, rng.pick(same)] : null;
      }
      case 'community': {
        if (joined.length === 0) return null;
        const { members } = rng.pick(joined);
        return [rng.pick(members).contact, rng.pick(members).contact];
      }
      case 'bridge': return brokers.length ? [rng.pick(brokers), rng.int(0, n - 1)] : null;
    }
  };

  for (let attempt = 0; links.length < target && attempt < target * 4; attempt++) {
    const kind = rng.weighted(KIND_WEIGHTS);
    const pair = partner(kind, rng.int(0, n - 1));
    if (!pair || pair[0] === pair[1]) continue;
    const [a, b] = pair[0] < pair[1] ? pair : [pair[1], pair[0]];
    const key = a * n + b;
    if (seen.has(key)) continue;
    seen.add(key);
    const [lo, hi] = STRENGTH[kind];
    links.push({ a, b, strength: rng.chance(0.15) ? null : rng.int(lo, hi), note: rng.chance(0.03) ? rng.pick(NOTES) : null });
  }
  return links;
}
