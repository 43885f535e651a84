// The network report: balance against the situation's target, tie strength, dormant ties, reciprocity,
// structure, activity, and the advice that ties them together. Pure: it reads a NetworkModel and a Structure.
import { balanceOf, type Balance, type DunbarLayer } from '../domain/balance.ts';
import { DAY_MS } from '../domain/dates.ts';
import type { Network } from '../domain/networks.ts';
import { SITUATION_LABELS, type Situation } from '../domain/situations.ts';
import type { TieBand } from '../domain/tie-strength.ts';
import { adviseOn, type Advice } from './advice.ts';
import { goalsByContact, rankDormant, type DormantTie } from './dormant.ts';
import type { NetworkContact, NetworkModel } from './network-graph.ts';
import { reciprocityOf, type Reciprocity } from './reciprocity.ts';
import type { Structure } from './structure.ts';
import { byName, topK } from './top.ts';

export interface PersonRef { id: number; name: string; organisation: string | null; networks: Network[]; strength: number; band: TieBand }
export interface StructurePerson extends PersonRef { degree: number; constraint: number | null; effectiveSize: number | null; efficiency: number | null; betweenness: number; community: number }
export interface BridgeCertainty {
  method: 'exact' | 'sampled'; settled: number; ranked: number; confidence: number; samples: number; computedAt: string; reused: boolean;
  // How fresh it is (domain/bridge-freshness.ts words it): false `current` is an exact ranking of the graph as it
  // was `changesSince` changes ago, shown while the background ranks the current one (`recomputing`).
  current: boolean; changesSince: number; changesAtLeast: boolean; recomputing: boolean; backgroundError: string | null;
}
export type BridgeFreshnessInput = Pick<BridgeCertainty, 'changesSince' | 'changesAtLeast' | 'recomputing' | 'backgroundError'>;
export interface CommunitySummary { id: number; size: number; label: string; labelKind: string; share: number; people: PersonRef[] }

export interface NetworkReport {
  generatedOn: string;
  situation: Situation;
  situationLabel: string;
  totals: { contacts: number; links: number; interactions: number; organisations: number };
  balance: Balance;
  strength: { histogram: number[]; mean: number; median: number };
  dunbar: (DunbarLayer & { people: PersonRef[] })[];
  dormant: { total: number; top: DormantTie[] };
  reciprocity: Reciprocity;
  structure: {
    me: { degree: number; effectiveSize: number | null; efficiency: number | null; constraint: number | null };
    brokers: StructurePerson[];
    bridges: StructurePerson[];
    communities: CommunitySummary[];
    communityCount: number;
    // Contacts linked to nobody else you know.
    isolated: number;
    modularity: number | null;
    // How the bridges were ranked and how sure the ranking is (docs/bridges.md): exact, or estimated from
    // sampled shortest paths with the first `settled` of the bridges certain at `confidence`.
    betweenness: BridgeCertainty;
  };
  // Distinct interactions per day for the last 53 weeks, from a Monday to today.
  activity: { from: string; to: string; days: number[] };
  advice: Advice[];
}

export const REPORT_LIMITS = { people: 10, dormant: 20, communities: 12, communityPeople: 5, innerDunbar: 15 } as const;

const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
export const personRef = (c: NetworkContact): PersonRef => ({ id: c.id, name: c.name, organisation: c.organisation, networks: c.networks, strength: c.tie.strength, band: c.tie.band });

const NO_NEWS: BridgeFreshnessInput = { changesSince: 0, changesAtLeast: false, recomputing: false, backgroundError: null };

export function buildReport(model: NetworkModel, structure: Structure, situation: Situation, freshness: BridgeFreshnessInput = NO_NEWS): NetworkReport {
  const balance = balanceOf(model.contacts.map((c) => ({ networks: c.networks, inside: c.inside, organisation: c.organisation, industry: c.industry, strength: c.tie.strength, band: c.tie.band })), situation);
  const dormant = rankDormant(model, balance.networks, goalsByContact(model));
  const reciprocity = reciprocityOf(model, REPORT_LIMITS.people);
  const ranked = topK(model.contacts.filter((c) => c.tie.strength > 0), REPORT_LIMITS.innerDunbar, (a, b) => b.tie.strength - a.tie.strength || byName(a, b));
  return {
    generatedOn: isoOf(model.today),
    situation,
    situationLabel: SITUATION_LABELS[situation],
    totals: { contacts: model.contacts.length, links: model.links.length, interactions: model.overall.interactions, organisations: model.organisations.size },
    balance,
    strength: strengthSummary(model),
    dunbar: balance.dunbar.map((layer) => ({ ...layer, people: layer.toRank <= REPORT_LIMITS.innerDunbar ? ranked.slice(layer.fromRank - 1, layer.toRank).map(personRef) : [] })),
    dormant: { total: dormant.length, top: dormant.slice(0, REPORT_LIMITS.dormant) },
    reciprocity,
    structure: structureSummary(model, structure, freshness),
    activity: activity(model),
    advice: adviseOn({ model, balance, dormant, reciprocity, structure }),
  };
}

function strengthSummary(model: NetworkModel): NetworkReport['strength'] {
  const histogram = new Array<number>(10).fill(0);
  const values = model.contacts.map((c) => c.tie.strength).sort((a, b) => a - b);
  for (const s of values) histogram[Math.min(9, Math.floor(s / 10))]!++;
  const mean = values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  return { histogram, mean: Math.round(mean * 10) / 10, median: values.length === 0 ? 0 : values[Math.floor(values.length / 2)]! };
}

function structurePerson(model: NetworkModel, s: Structure, i: number): StructurePerson {
  const degree = model.alters.offsets[i + 1]! - model.alters.offsets[i]!;
  const eff = s.effectiveSize[i]!;
  return {
    ...personRef(model.contacts[i]!),
    degree,
    constraint: finite(s.constraint[i]!),
    effectiveSize: finite(eff),
    efficiency: degree > 0 && Number.isFinite(eff) ? eff / degree : null,
    betweenness: s.betweenness[i]!,
    community: s.community[i]!,
  };
}

function structureSummary(model: NetworkModel, s: Structure, freshness: BridgeFreshnessInput): NetworkReport['structure'] {
  const n = model.contacts.length;
  const g = model.alters;
  const indexes = Array.from({ length: n }, (_, i) => i);
  // Brokers: the least constrained among those who know at least two of your contacts (one tie is no brokerage).
  const brokers = topK(indexes.filter((i) => g.offsets[i + 1]! - g.offsets[i]! >= 2), REPORT_LIMITS.people,
    (a, b) => s.constraint[a]! - s.constraint[b]! || s.effectiveSize[b]! - s.effectiveSize[a]! || a - b).map((i) => structurePerson(model, s, i));
  const bridges = [...s.bridges.top].slice(0, REPORT_LIMITS.people).map((i) => structurePerson(model, s, i));
  const b = s.bridges;
  let isolated = 0;
  for (let i = 0; i < n; i++) if (g.offsets[i + 1] === g.offsets[i]) isolated++;
  const linked = s.clusters.filter((c) => c.size >= 2);
  const communities = linked.slice(0, REPORT_LIMITS.communities).map((c): CommunitySummary => ({
    id: c.id, size: c.size, label: c.label.name, labelKind: c.label.kind, share: Math.round(c.label.share * 100) / 100,
    people: topK(c.members, REPORT_LIMITS.communityPeople, (a, b) => model.contacts[b]!.tie.strength - model.contacts[a]!.tie.strength || a - b).map((i) => personRef(model.contacts[i]!)),
  }));
  return {
    me: { degree: s.me.degree, effectiveSize: finite(s.me.effectiveSize), efficiency: finite(s.me.efficiency), constraint: finite(s.me.constraint) },
    brokers, bridges, communities, communityCount: linked.length, isolated,
    modularity: finite(s.modularity),
    betweenness: {
      method: b.method, settled: Math.min(b.settled, bridges.length), ranked: bridges.length, confidence: b.confidence, samples: b.samples, computedAt: b.computedAt, reused: b.reused,
      current: b.current, changesSince: freshness.changesSince, changesAtLeast: freshness.changesAtLeast, recomputing: freshness.recomputing, backgroundError: freshness.backgroundError,
    },
  };
}

function activity(model: NetworkModel): NetworkReport['activity'] {
  const today = model.today;
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  const from = today - 364 - ((today + 3) % 7);
  const days = Array.from({ length: today - from + 1 }, (_, i) => model.activityByDay.get(from + i) ?? 0);
  return { from: isoOf(from), to: isoOf(today), days };
}
