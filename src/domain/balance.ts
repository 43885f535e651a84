import { NETWORKS, type Network } from './networks.ts';
import { BALANCE_TARGETS, type Situation } from './situations.ts';
import { TIE_BANDS, type TieBand } from './tie-strength.ts';

// The shape of the user's three networks against the profile their situation calls for (DOMAIN.md §1).
export interface BalanceContact {
  networks: readonly Network[];
  inside: boolean | null;
  organisation: string | null;
  industry: string | null;
  strength: number;
  band: TieBand;
}

// A network is under (or over) target when its share is more than five points away from the target share.
export const BALANCE_TOLERANCE = 0.05;
export const DUNBAR_LAYERS = [5, 15, 50, 150] as const;

export interface NetworkBalance {
  network: Network;
  // A contact in two networks counts in both; shares are of all memberships, so they sum to 1 like the targets.
  count: number;
  share: number;
  target: number;
  gap: number;
  status: 'under' | 'on-target' | 'over';
}

export interface Diversity {
  // Blau's index 1 − Σ pᵢ²: 0 when everyone shares one value, towards 1 when all differ.
  blau: number;
  distinct: number;
  known: number;
  top: { name: string; count: number; share: number } | null;
}

export interface DunbarLayer {
  // Contacts ranked by tie strength: ranks 1–5 are the support clique, 6–15 the sympathy group, and so on.
  layer: (typeof DUNBAR_LAYERS)[number];
  fromRank: number;
  toRank: number;
  filled: number;
  meanStrength: number;
}

export interface Balance {
  situation: Situation;
  contacts: number;
  networks: NetworkBalance[];
  unassigned: number;
  inside: { inside: number; outside: number; unknown: number; insideShare: number | null };
  organisations: Diversity;
  industries: Diversity;
  bands: Record<TieBand, number>;
  dunbar: DunbarLayer[];
}

export function blauIndex(values: readonly (string | null)[]): Diversity {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let known = 0;
  for (const c of counts.values()) known += c;
  if (known === 0) return { blau: 0, distinct: 0, known: 0, top: null };
  let sumSquares = 0;
  let top: Diversity['top'] = null;
  for (const [name, count] of counts) {
    sumSquares += (count / known) ** 2;
    if (top === null || count > top.count || (count === top.count && name < top.name)) top = { name, count, share: count / known };
  }
  return { blau: 1 - sumSquares, distinct: counts.size, known, top };
}

export function networkBalance(contacts: readonly BalanceContact[], situation: Situation): NetworkBalance[] {
  const counts: Record<Network, number> = { operational: 0, personal: 0, strategic: 0 };
  for (const c of contacts) for (const n of c.networks) counts[n]++;
  const memberships = counts.operational + counts.personal + counts.strategic;
  return NETWORKS.map((network) => {
    const target = BALANCE_TARGETS[situation][network];
    const share = memberships === 0 ? 0 : counts[network] / memberships;
    const gap = share - target;
    const status = gap < -BALANCE_TOLERANCE ? 'under' : gap > BALANCE_TOLERANCE ? 'over' : 'on-target';
    return { network, count: counts[network], share, target, gap, status };
  });
}

export function dunbarLayers(strengths: readonly number[]): DunbarLayer[] {
  const ranked = strengths.filter((s) => s > 0).sort((a, b) => b - a);
  let from = 1;
  return DUNBAR_LAYERS.map((layer) => {
    const slice = ranked.slice(from - 1, layer);
    const out = { layer, fromRank: from, toRank: layer, filled: slice.length, meanStrength: slice.length === 0 ? 0 : slice.reduce((a, b) => a + b, 0) / slice.length };
    from = layer + 1;
    return out;
  });
}

export function balanceOf(contacts: readonly BalanceContact[], situation: Situation): Balance {
  const bands = Object.fromEntries(TIE_BANDS.map((b) => [b, 0])) as Record<TieBand, number>;
  let inside = 0;
  let outside = 0;
  for (const c of contacts) {
    bands[c.band]++;
    if (c.inside === true) inside++;
    else if (c.inside === false) outside++;
  }
  return {
    situation,
    contacts: contacts.length,
    networks: networkBalance(contacts, situation),
    unassigned: contacts.filter((c) => c.networks.length === 0).length,
    inside: { inside, outside, unknown: contacts.length - inside - outside, insideShare: inside + outside === 0 ? null : inside / (inside + outside) },
    organisations: blauIndex(contacts.map((c) => c.organisation)),
    industries: blauIndex(contacts.map((c) => c.industry)),
    bands,
    dunbar: dunbarLayers(contacts.map((c) => c.strength)),
  };
}
