// The user's network as analysis sees it: every active contact with its tie strength and reciprocity ledger,
// and the links between contacts as a CSR graph, built once from one bulk load of the store.
import { VALUE_FLOWS } from '../domain/channels.ts';
import { maskToNetworks, type Network } from '../domain/networks.ts';
import { tieStrengthOf, type TieStrength } from '../domain/tie-strength.ts';
import type { NetworkData, NetworkGoalRow, NetworkOrganisationRow } from '../store/repositories/network.repository.ts';
import { buildGraph, type CsrGraph } from './kernels/index.ts';

// A link whose strength the user never gave counts as 2 of 5: they know each other, how well is not known.
export const UNKNOWN_LINK_STRENGTH = 2;

export interface Ledger {
  given: number;
  received: number;
  mutual: number;
  // Interactions in which the user expressed gratitude.
  gratitude: number;
  interactions: number;
}

export interface NetworkContact {
  index: number;
  id: number;
  name: string;
  organisationId: number | null;
  organisation: string | null;
  networks: Network[];
  inside: boolean | null;
  industry: string | null;
  tie: TieStrength;
  ledger: Ledger;
  // Whether the user has a real tie to this contact, and so whether the contact is in the user's ego network:
  // a conversation (any interaction up to today other than 'connected') or a recorded link (docs/ego-network.md).
  inEgo: boolean;
}

export interface NetworkModel {
  today: number;
  contacts: NetworkContact[];
  indexOf: Map<number, number>;
  organisations: Map<number, NetworkOrganisationRow>;
  // Links between active contacts, by contact index; strength 1–5 (unknown filled in).
  links: { length: number; a: Int32Array; b: Int32Array; strength: Uint8Array; known: Uint8Array };
  // Contacts only (node = contact index), weighted by link strength. "Me" is added where a measure needs it.
  alters: CsrGraph;
  openGoals: NetworkGoalRow[];
  memberships: { index: number; label: string }[];
  tags: { index: number; label: string }[];
  // Distinct interactions per day, for the activity calendar.
  activityByDay: Map<number, number>;
  // Value exchanged over distinct interactions (a group lunch where you gave counts once).
  overall: Ledger;
}

const emptyLedger = (): Ledger => ({ given: 0, received: 0, mutual: 0, gratitude: 0, interactions: 0 });

export function buildNetworkModel(data: NetworkData, today: number): NetworkModel {
  const organisations = new Map(data.organisations.map((o) => [o.id, o]));
  const indexOf = new Map<number, number>();
  data.contacts.forEach((c, i) => indexOf.set(c.id, i));
  const n = data.contacts.length;
  // Contact ids are dense integers: a typed array maps id → index faster than a Map for 300,000 look-ups.
  const maxId = data.contacts.reduce((m, c) => Math.max(m, c.id), 0);
  const slot = new Int32Array(maxId + 1).fill(-1);
  data.contacts.forEach((c, i) => { slot[c.id] = i; });
  const indexOfId = (id: number): number => (id <= maxId ? slot[id]! : -1);

  const { history, start, ledgers, overall, activityByDay } = groupInteractions(data, n, indexOfId);
  const links = activeLinks(data, indexOfId);
  const inEgo = realTies(data, n, indexOfId, links, today);
  // One history view moved along the contacts, and the network lists shared per bit mask (there are eight).
  const slice = { ...history, from: 0, to: 0 };
  const networksOf = Array.from({ length: 8 }, (_, mask) => maskToNetworks(mask));
  const contacts: NetworkContact[] = data.contacts.map((c, i) => {
    slice.from = start[i]!;
    slice.to = start[i + 1]!;
    const org = c.organisation_id === null ? undefined : organisations.get(c.organisation_id);
    return {
      index: i,
      id: c.id,
      name: c.name,
      organisationId: c.organisation_id,
      organisation: org?.name ?? null,
      networks: networksOf[c.networks & 7]!,
      inside: c.inside_organisation === null ? null : c.inside_organisation === 1,
      industry: c.industry ?? org?.industry ?? null,
      tie: tieStrengthOf(slice, today),
      ledger: ledgers[i]!,
      inEgo: inEgo[i] === 1,
    };
  });

  const weights = new Float64Array(links.length);
  for (let e = 0; e < links.length; e++) weights[e] = links.strength[e]!;
  const alters = buildGraph({ nodeCount: n, sources: links.a, targets: links.b, weights });
  const pick = (rows: { contact_id: number; label: string }[]) =>
    rows.map((r) => ({ index: indexOfId(r.contact_id), label: r.label })).filter((r) => r.index >= 0);
  return {
    today, contacts, indexOf, organisations, links, alters, openGoals: data.openGoals,
    memberships: pick(data.memberships), tags: pick(data.tags), activityByDay, overall,
  };
}

// Sorts the (interaction, participant) entries by contact, then by day, with two stable counting sorts (O(n)),
// so each contact's history is one contiguous slice of typed arrays; ledgers and activity fall out of the pass.
function groupInteractions(data: NetworkData, n: number, indexOfId: (id: number) => number) {
  const it = data.interactions;
  const ledgers = Array.from({ length: n }, emptyLedger);
  const overall = emptyLedger();
  const activityByDay = new Map<number, number>();
  let maxInteraction = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let k = 0; k < it.length; k++) {
    maxInteraction = Math.max(maxInteraction, it.interactionId[k]!);
    minDay = Math.min(minDay, it.day[k]!);
    maxDay = Math.max(maxDay, it.day[k]!);
  }
  const counted = new Uint8Array(maxInteraction + 1);
  const owner = new Int32Array(it.length);
  for (let k = 0; k < it.length; k++) {
    const value = VALUE_FLOWS[it.value[k]!] ?? 'none';
    const thanked = it.gratitude[k] === 1;
    const id = it.interactionId[k]!;
    if (counted[id] === 0) {
      counted[id] = 1;
      tally(overall, value, thanked);
      activityByDay.set(it.day[k]!, (activityByDay.get(it.day[k]!) ?? 0) + 1);
    }
    const i = indexOfId(it.contactId[k]!);
    owner[k] = i;
    if (i >= 0) tally(ledgers[i]!, value, thanked);
  }
  const dayKey = new Int32Array(it.length);
  for (let k = 0; k < it.length; k++) dayKey[k] = it.day[k]! - minDay;
  const byDay = countingSort(dayKey, it.length === 0 ? 0 : maxDay - minDay + 1, null);
  const start = new Int32Array(n + 1);
  for (let k = 0; k < it.length; k++) if (owner[k]! >= 0) start[owner[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const order = countingSort(owner, n, byDay);
  const m = start[n]!;
  const history = { day: new Int32Array(m), channel: new Uint8Array(m), value: new Uint8Array(m) };
  for (let p = 0; p < m; p++) {
    const k = order[p]!;
    history.day[p] = it.day[k]!;
    history.channel[p] = it.channel[k]!;
    history.value[p] = it.value[k]!;
  }
  return { history, start, ledgers, overall, activityByDay };
}

// Stable counting sort of entries 0..n-1 (visited in `within` order when given) by key[k] in [0, buckets);
// entries with a negative key are dropped.
function countingSort(key: Int32Array, buckets: number, within: Int32Array | null): Int32Array {
  const count = key.length;
  const offsets = new Int32Array(buckets + 1);
  for (let k = 0; k < count; k++) {
    const b = key[k]!;
    if (b >= 0) offsets[b + 1]!++;
  }
  for (let b = 0; b < buckets; b++) offsets[b + 1]! += offsets[b]!;
  const out = new Int32Array(offsets[buckets]!);
  for (let p = 0; p < count; p++) {
    const k = within === null ? p : within[p]!;
    const b = key[k]!;
    if (b >= 0) out[offsets[b]!++] = k;
  }
  return out;
}

// A tie of the user's own is evidence of knowing someone: a conversation (a 'connected' interaction only says
// two accounts are linked on a platform) or a link recorded between the contact and someone else. Interactions
// dated after today have not happened yet. Tie strength is above zero only after an interaction, so
// every contact with a strength from a conversation is counted here.
function realTies(data: NetworkData, n: number, indexOfId: (id: number) => number, links: NetworkModel['links'], today: number): Uint8Array {
  const tied = new Uint8Array(n);
  const it = data.interactions;
  for (let k = 0; k < it.length; k++) {
    if (it.connected[k] === 1 || it.day[k]! > today) continue;
    const i = indexOfId(it.contactId[k]!);
    if (i >= 0) tied[i] = 1;
  }
  for (let e = 0; e < links.length; e++) {
    tied[links.a[e]!] = 1;
    tied[links.b[e]!] = 1;
  }
  return tied;
}

function tally(ledger: Ledger, value: string, thanked: boolean): void {
  ledger.interactions++;
  if (value === 'given') ledger.given++;
  else if (value === 'received') ledger.received++;
  else if (value === 'mutual') ledger.mutual++;
  if (thanked) ledger.gratitude++;
}

function activeLinks(data: NetworkData, indexOfId: (id: number) => number): NetworkModel['links'] {
  const { length } = data.links;
  const out = { length: 0, a: new Int32Array(length), b: new Int32Array(length), strength: new Uint8Array(length), known: new Uint8Array(length) };
  for (let e = 0; e < length; e++) {
    const a = indexOfId(data.links.a[e]!);
    const b = indexOfId(data.links.b[e]!);
    if (a < 0 || b < 0) continue;
    const s = data.links.strength[e]!;
    out.a[out.length] = a;
    out.b[out.length] = b;
    out.strength[out.length] = s === 0 ? UNKNOWN_LINK_STRENGTH : s;
    out.known[out.length] = s === 0 ? 0 : 1;
    out.length++;
  }
  return { ...out, a: out.a.subarray(0, out.length), b: out.b.subarray(0, out.length), strength: out.strength.subarray(0, out.length), known: out.known.subarray(0, out.length) };
}

// The weight of the user's own tie to a contact in the ego network, on the links' 1–5 scale: tie strength / 20,
// at least 1/20 (a link alone puts a contact in it before any conversation). Contacts outside the ego network have
// no tie at all: not in the measures (egoWeights), not as a first hop of an introduction (intro.ts).
export const meWeight = (strength: number): number => Math.max(1, strength) / 20;

// The weight of the user's tie to each contact in the ego network: meWeight inside it, 0 outside, where there
// is no tie at all (docs/ego-network.md).
export function egoWeights(model: NetworkModel): Float64Array {
  const out = new Float64Array(model.contacts.length);
  for (const c of model.contacts) out[c.index] = c.inEgo ? meWeight(c.tie.strength) : 0;
  return out;
}
