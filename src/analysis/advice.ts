// Plain-language advice that ends the report. Every item names people, because "add strategic contacts" is a
// slogan and "revive Ada Lovelace" is a plan.
import type { Balance, NetworkBalance } from '../domain/balance.ts';
import type { Network } from '../domain/networks.ts';
import { SITUATION_LABELS } from '../domain/situations.ts';
import type { TieBand } from '../domain/tie-strength.ts';
import type { DormantTie } from './dormant.ts';
import { tiePhrase } from './intro-explain.ts';
import type { NetworkContact, NetworkModel } from './network-graph.ts';
import type { Reciprocity } from './reciprocity.ts';
import type { Structure } from './structure.ts';
import { byName, topK } from './top.ts';

export type AdviceKind = 'under-target' | 'revive-dormant' | 'goal-without-people' | 'one-organisation' | 'inside-heavy' | 'give-back' | 'thank' | 'bridge';
export interface AdvicePerson { id: number; name: string; organisation: string | null; strength: number; band: TieBand }
export interface Advice { kind: AdviceKind; text: string; people: AdvicePerson[] }

// A network is "all one organisation" when at least this share of its people (with a known one) work there.
export const ONE_ORGANISATION_SHARE = 0.6;
const MIN_PEOPLE_FOR_SHAPE = 5;
const NAMED = 3;

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const advicePerson = (c: NetworkContact): AdvicePerson => ({ id: c.id, name: c.name, organisation: c.organisation, strength: c.tie.strength, band: c.tie.band });
const names = (people: readonly { name: string }[]): string => {
  const list = people.map((p) => p.name);
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
};
const strongestFirst = (a: NetworkContact, b: NetworkContact) => b.tie.strength - a.tie.strength || byName(a, b);
const strongest = (list: readonly NetworkContact[], k: number) => topK(list, k, strongestFirst);

export interface AdviceInput {
  model: NetworkModel;
  balance: Balance;
  dormant: DormantTie[];
  reciprocity: Reciprocity;
  structure: Structure;
}

export function adviseOn(input: AdviceInput): Advice[] {
  return [
    ...reviveStrategic(input),
    ...underTarget(input),
    ...goalsWithoutPeople(input),
    ...oneOrganisation(input),
    ...giveBack(input),
    ...bridges(input),
  ];
}

function reviveStrategic({ model, dormant }: AdviceInput): Advice[] {
  const strategic = dormant.filter((d) => d.networks.includes('strategic')).slice(0, NAMED);
  const pick = strategic.length > 0 ? strategic : dormant.slice(0, NAMED);
  if (pick.length === 0) return [];
  const people = pick.map((d) => advicePerson(model.contacts[model.indexOf.get(d.contactId)!]!));
  const what = strategic.length > 0 ? 'dormant strategic ties' : 'dormant ties';
  const detail = pick.map((d) => `${d.name}${d.organisation ? ` (${d.organisation})` : ''}, ${d.reasons[0]}`).join('; ');
  return [{ kind: 'revive-dormant', text: `Revive your most valuable ${what} before they go cold: ${detail}. The reconnect template is a good first message.`, people }];
}

function underTarget({ model, balance, dormant }: AdviceInput): Advice[] {
  const label = SITUATION_LABELS[balance.situation].toLowerCase();
  // With nobody placed in any network yet there is no shape to compare, only a first step to take.
  if (balance.networks.every((b) => b.count === 0)) return [];
  return balance.networks.filter((b) => b.status === 'under').sort((a, b) => a.gap - b.gap).map((b: NetworkBalance): Advice => {
    const head = `Your ${b.network} network is ${pct(b.share)} of your network, against a target of ${pct(b.target)} for “${label}”.`;
    // Dormant strategic ties are already named above; elsewhere reviving is the cheapest way back to target.
    const revive = b.network === 'strategic' ? [] : dormant.filter((d) => d.networks.includes(b.network)).slice(0, NAMED)
      .map((d) => model.contacts[model.indexOf.get(d.contactId)!]!);
    const deepen = strongest(model.contacts.filter((c) => c.networks.includes(b.network) && (c.tie.band === 'medium' || c.tie.band === 'weak') && c.tie.strength > 0), NAMED - revive.length);
    const people = [...revive, ...deepen];
    const tail = people.length === 0
      ? ` Nobody is in it yet: look for people already where you want to go, at events and in associations.`
      : `${revive.length > 0 ? ` Revive ${names(revive)}.` : ''}${deepen.length > 0 ? ` Deepen your ties with ${names(deepen.map((c) => ({ name: `${c.name} (${c.tie.strength})` })))}: a coffee or a call moves a tie more than a message.` : ''}`;
    return { kind: 'under-target', text: head + tail, people: people.map(advicePerson) };
  });
}

// Which networks a goal of each kind leans on, to suggest people for a goal nobody is tied to yet.
const GOAL_NETWORKS: Record<string, readonly Network[]> = {
  mentorship: ['personal'], job: ['strategic', 'personal'], insight: ['strategic'], business: ['strategic'], skill: ['personal'], other: ['operational', 'personal', 'strategic'],
};

function goalsWithoutPeople({ model }: AdviceInput): Advice[] {
  return model.openGoals.filter((g) => g.contactIds.length === 0).map((g): Advice => {
    const orgs = new Set(g.organisationIds);
    const atOrgs = strongest(model.contacts.filter((c) => c.organisationId !== null && orgs.has(c.organisationId)), NAMED);
    const lean = GOAL_NETWORKS[g.kind] ?? GOAL_NETWORKS.other!;
    const pool = atOrgs.length > 0 ? atOrgs
      : strongest(model.contacts.filter((c) => c.tie.band !== 'dormant' && c.tie.strength > 0 && c.networks.some((n) => lean.includes(n))), NAMED);
    const where = atOrgs.length > 0 ? `You know people at its organisations: ${names(pool.map((c) => ({ name: `${c.name} (${c.organisation})` })))}.`
      : pool.length > 0 ? `Start with your strongest ${lean.join(' or ')} ties: ${names(pool)}.` : 'Nobody in your network fits yet: an event or an association is the place to start.';
    return { kind: 'goal-without-people', text: `Nobody is tied to your goal “${g.description}” yet. ${where} Tie them to the goal so it has people behind it.`, people: pool.map(advicePerson) };
  });
}

function oneOrganisation({ model, balance }: AdviceInput): Advice[] {
  const out: Advice[] = [];
  for (const nb of balance.networks) {
    const members = model.contacts.filter((c) => c.networks.includes(nb.network));
    const withOrg = members.filter((c) => c.organisation !== null);
    if (withOrg.length < MIN_PEOPLE_FOR_SHAPE) continue;
    const counts = new Map<string, number>();
    for (const c of withOrg) counts.set(c.organisation!, (counts.get(c.organisation!) ?? 0) + 1);
    const [org, count] = topK(counts, 1, (a, b) => b[1] - a[1] || byName({ name: a[0] }, { name: b[0] }))[0]!;
    if (count / withOrg.length < ONE_ORGANISATION_SHARE) continue;
    const outside = strongest(members.filter((c) => c.organisation !== org && c.tie.strength > 0), NAMED);
    const tail = outside.length > 0 ? ` Your strongest ties outside it are ${names(outside)}: widen from there.` : ' Add people from other organisations: a changed employer would otherwise take the whole network with it.';
    out.push({ kind: 'one-organisation', text: `Your ${nb.network} network is almost all one organisation: ${pct(count / withOrg.length)} at ${org} (${count} of ${withOrg.length}).${tail}`, people: outside.map(advicePerson) });
  }
  const share = balance.inside.insideShare;
  if (share !== null && share >= 0.75 && balance.inside.inside + balance.inside.outside >= MIN_PEOPLE_FOR_SHAPE) {
    const outside = strongest(model.contacts.filter((c) => c.inside === false && c.tie.strength > 0), NAMED);
    out.push({ kind: 'inside-heavy', text: `${pct(share)} of your network is inside your own organisation; your personal and strategic networks live mostly outside it.${outside.length ? ` Your strongest outside ties: ${names(outside)}.` : ''}`, people: outside.map(advicePerson) });
  }
  return out;
}

function giveBack({ model, reciprocity }: AdviceInput): Advice[] {
  const out: Advice[] = [];
  const byId = (id: number) => model.contacts[model.indexOf.get(id)!]!;
  const takers = reciprocity.youTakeFrom.slice(0, NAMED);
  if (takers.length > 0) {
    const list = takers.map((e) => `${e.name} (received ${e.received}×, gave 0)`).join(', ');
    out.push({ kind: 'give-back', text: `You have only taken from ${list}. Give something back: an introduction, an article, help with what they are working on (the share-or-offer-help template).`, people: takers.map((e) => advicePerson(byId(e.contactId))) });
  }
  const unthanked = reciprocity.unthanked.filter((e) => !takers.some((t) => t.contactId === e.contactId)).slice(0, NAMED);
  if (unthanked.length > 0) {
    out.push({ kind: 'thank', text: `${names(unthanked)} helped you and no thanks is on record. A short thank-you keeps the tie warm (the thanks-for-help template).`, people: unthanked.map((e) => advicePerson(byId(e.contactId))) });
  }
  return out;
}

// Named only when the first place is settled: an estimate whose leader could be someone else names nobody.
function bridges({ model, structure }: AdviceInput): Advice[] {
  if (structure.bridges.settled < 1) return [];
  const best = structure.bridges.top[0]!;
  // A settled tie for first place (exact values equal) is said as such.
  const second = structure.bridges.top[1];
  const tied = second !== undefined && structure.bridges.settled >= 2 && structure.betweenness[second] === structure.betweenness[best];
  const c = model.contacts[best]!;
  const g = model.alters;
  const labels = new Map(structure.clusters.map((cl) => [cl.id, cl.label.name]));
  const reached = new Set<string>();
  for (let a = g.offsets[best]!; a < g.offsets[best + 1]!; a++) reached.add(labels.get(structure.community[g.neighbours[a]!]!) ?? '');
  const spans = [...reached].filter((l) => l !== '').slice(0, 3);
  return [{
    kind: 'bridge',
    text: `${c.name} bridges ${tied ? 'as many' : 'more'} of your clusters ${tied ? 'as' : 'than'} anyone${spans.length > 1 ? ` (${names(spans.map((name) => ({ name })))})` : ''}; you have ${tiePhrase(c)} with them. Keep it warm: brokers carry news and introductions between groups that do not otherwise meet.`,
    people: [advicePerson(c)],
  }];
}
