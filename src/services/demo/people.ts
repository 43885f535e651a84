import { effectiveCadenceDays, type CadenceDefaults } from '../../domain/cadence.ts';
import { BUILT_IN_CONNECTION_TYPES } from '../../domain/connection-types.ts';
import { normaliseName } from '../../domain/contact.ts';
import type { Network } from '../../domain/networks.ts';
import { asciiSlug, fill, type PlannedContact, type PlannedOrganisation, type TieProfile } from './plan-types.ts';
import type { Random } from './random.ts';
import { TOPICS } from './vocabulary-activity.ts';
import {
  CITIES, CONTACT_NOTES, FAMILY_NAMES, GIVEN_NAMES, INDUSTRIES, INITIALS, NAMED_ORGANISATIONS, ORGANISATION_STEMS,
  ORGANISATION_SUFFIXES, SECOND_NETWORK, TAGS, TITLES, TYPE_INDUSTRY, TYPE_WEIGHTS,
} from './vocabulary-people.ts';

const PROFILE_WEIGHTS: Record<TieProfile, number> = { fresh: 56, due: 9, cooling: 12, dormant: 11, new: 8, never: 4 };
const INSIDE_TYPES = new Set(['direct-supervisor', 'colleague', 'interdepartmental']);
const BROKER_TYPES = new Set(['consultant', 'association-peer', 'mentor', 'former-colleague', 'alumni']);

// A dozen organisations for a personal network; a benchmark-sized one spreads over many more, about 30 people each.
export function planOrganisations(rng: Random, size: number): PlannedOrganisation[] {
  const count = size <= 400 ? NAMED_ORGANISATIONS.length : Math.round(size / 30);
  const out: PlannedOrganisation[] = [];
  const taken = new Set<string>();
  const add = (name: string, industry: string, notes: string | null) => {
    taken.add(normaliseName(name));
    const domain = `${asciiSlug(name)}.example`;
    out.push({ name, industry, notes, domain, website: `https://www.${domain}`, isMine: out.length === 0 });
  };
  for (const o of NAMED_ORGANISATIONS) add(o.name, o.industry, o.notes);
  while (out.length < count) {
    const industry = rng.pick(INDUSTRIES);
    let name = `${rng.pick(ORGANISATION_STEMS)} ${rng.pick(ORGANISATION_SUFFIXES[industry])}`;
    for (let n = 2; taken.has(normaliseName(name)); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
    add(name, industry, null);
  }
  return out;
}

function pickOrganisation(rng: Random, type: string, orgs: readonly PlannedOrganisation[], byIndustry: Map<string, number[]>): number | null {
  if (INSIDE_TYPES.has(type)) return 0;
  if (type === 'family') return rng.chance(0.3) ? 1 + Math.floor((orgs.length - 1) * rng.next()) : null;
  if (type === 'friend' && rng.chance(0.35)) return null;
  const industry = TYPE_INDUSTRY[type];
  const fitting = industry ? byIndustry.get(industry) : undefined;
  if (fitting && fitting.length > 0 && rng.chance(0.85)) return rng.pick(fitting);
  // Skewed towards the first (named) organisations, so some outside organisations are big and most small.
  return 1 + Math.floor((orgs.length - 1) * rng.next() ** 1.6);
}

// Unique while the name pool lasts; then a middle initial, as in any large address book.
function nameMaker(rng: Random): () => { given: string; family: string; name: string } {
  const taken = new Set<string>();
  return () => {
    let given = '';
    let family = '';
    let name = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      given = rng.pick(GIVEN_NAMES);
      family = rng.pick(FAMILY_NAMES);
      name = `${given} ${family}`;
      if (!taken.has(name)) break;
    }
    for (let attempt = 0; taken.has(name) && attempt < 20; attempt++) name = `${given} ${rng.pick(INITIALS)}. ${family}`;
    taken.add(name);
    return { given, family, name };
  };
}

function emailMaker(): (given: string, family: string, domain: string) => string {
  const taken = new Set<string>();
  return (given, family, domain) => {
    const local = `${asciiSlug(given)}.${asciiSlug(family)}`;
    let address = `${local}@${domain}`;
    for (let n = 2; taken.has(address); n++) address = `${local}${n}@${domain}`;
    taken.add(address);
    return address;
  };
}

export function planContacts(rng: Random, size: number, orgs: readonly PlannedOrganisation[], defaults: CadenceDefaults): PlannedContact[] {
  const byIndustry = new Map<string, number[]>();
  orgs.forEach((o, i) => { if (i > 0) (byIndustry.get(o.industry) ?? byIndustry.set(o.industry, []).get(o.industry)!).push(i); });
  const nextName = nameMaker(rng);
  const nextEmail = emailMaker();
  // The types the demo has vocabulary for (a built-in added later does not reshuffle the seeded demo).
  const types = BUILT_IN_CONNECTION_TYPES.map((t) => t.key).filter((k) => k in TYPE_WEIGHTS);
  const contacts: PlannedContact[] = [];
  for (let i = 0; i < size; i++) {
    // Every built-in type at least once, then a realistic mix.
    const type = i < types.length ? types[i]! : rng.weighted(TYPE_WEIGHTS);
    const base = BUILT_IN_CONNECTION_TYPES.find((t) => t.key === type)!.defaultNetwork;
    const roll = rng.next();
    const networks: Network[] = roll < 0.03 && i >= types.length ? [] : roll < 0.18 ? [base, SECOND_NETWORK[base]!] : [base];
    const org = pickOrganisation(rng, type, orgs, byIndustry);
    const organisation = org === null ? null : orgs[org]!;
    const { given, family, name } = nextName();
    const titles = TITLES[type] ?? [];
    const city = rng.pick(CITIES);
    const topic = rng.pick(TOPICS);
    const cadenceDays = rng.chance(0.05) ? rng.pick([14, 21, 45, 120]) : null;
    const profile = rng.weighted(PROFILE_WEIGHTS);
    const handle = `${asciiSlug(given)}-${asciiSlug(family)}-${(i + 1).toString(36)}`;
    contacts.push({
      input: {
        name,
        givenName: given,
        familyName: family,
        emails: rng.chance(0.9) ? [nextEmail(given, family, organisation?.domain ?? 'mail.example')] : [],
        phones: rng.chance(0.4) ? [`+44 20 7946 ${String(rng.int(0, 9999)).padStart(4, '0')}`] : [],
        organisation: organisation?.name ?? null,
        title: titles.length > 0 && organisation ? rng.pick(titles) : null,
        location: city,
        webLinks: rng.chance(0.6) ? [`https://www.linkedin.com/in/${handle}`] : [],
        birthday: rng.chance(0.1) ? `--${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : null,
        notes: rng.chance(0.15) ? fill(rng.pick(CONTACT_NOTES), { topic, city: rng.pick(CITIES), industry: organisation?.industry ?? 'tech' }) : null,
        tags: rng.chance(0.3) ? rng.sample(TAGS, rng.int(1, 2)) : [],
        networks,
        connectionType: type,
        industry: organisation?.industry ?? null,
        cadenceDays,
        metHow: type === 'alumni' ? 'Studied together at Westhaven University' : type === 'former-colleague' ? 'Worked together at my previous job' : null,
      },
      type,
      networks,
      org,
      team: -1,
      profile,
      cadence: effectiveCadenceDays(networks, cadenceDays, defaults),
      // Added at some point in the last two years; the newest within the month.
      createdAgo: profile === 'new' ? rng.int(2, 30) : rng.int(35, 730),
      lastAgo: null,
      metAt: null,
      broker: false,
    });
  }
  assignTeams(rng, contacts);
  const candidates = contacts.map((c, i) => (BROKER_TYPES.has(c.type) ? i : -1)).filter((i) => i >= 0);
  for (const i of rng.sample(candidates, Math.max(3, Math.round(size * 0.015)))) contacts[i]!.broker = true;
  return contacts;
}

// Teams of 6–12 inside each organisation; people without one form circles of friends and family.
function assignTeams(rng: Random, contacts: PlannedContact[]): void {
  const groups = new Map<number, number[]>();
  contacts.forEach((c, i) => (groups.get(c.org ?? -1) ?? groups.set(c.org ?? -1, []).get(c.org ?? -1)!).push(i));
  let team = 0;
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const members = rng.shuffle(groups.get(key)!);
    for (let start = 0; start < members.length; team++) {
      const end = start + (key === -1 ? rng.int(4, 8) : rng.int(6, 12));
      for (const i of members.slice(start, end)) contacts[i]!.team = team;
      start = end;
    }
  }
}
