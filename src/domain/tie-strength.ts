import { CHANNELS, VALUE_FLOWS, type Channel, type ValueFlow } from './channels.ts';
import { DAY_MS } from './dates.ts';

// Tie strength, 0–100, from the interaction history alone (docs/tie-strength.md has the worked formula):
//   strength = 100 · (wR·R + wF·F + wC·C + wP·P + wD·D), each part in [0, 1]
//   R recency     = 0.5 ^ (days since the last interaction / 90)
//   F frequency   = n / (n + 4), n = interactions in the last 365 days
//   C channel     = mean richness of those interactions (of all of them when none is that recent)
//   P reciprocity = 1 − |given − received| / (given + received + mutual); 0.5 when no value was recorded
//   D duration    = y / (y + 2), y = years since the first interaction
// A contact never interacted with has strength 0. The weights live here and nowhere else.
export const TIE_STRENGTH_WEIGHTS = { recency: 0.3, frequency: 0.25, channel: 0.2, reciprocity: 0.1, duration: 0.15 } as const;

export const TIE_STRENGTH_PARAMS = {
  recencyHalfLifeDays: 90,
  frequencyWindowDays: 365,
  // n at which frequency reaches one half: four interactions a year is a tie kept alive, not yet a close one.
  frequencyHalfAt: 4,
  // Years at which duration reaches one half.
  durationHalfAtYears: 2,
} as const;

// Face to face beats online only (DOMAIN.md §3): how much of a relationship one interaction on a channel carries.
export const CHANNEL_RICHNESS: Record<Channel, number> = {
  'in-person': 1, event: 1, video: 0.7, phone: 0.5, email: 0.2, message: 0.2, social: 0.2,
};

export const TIE_BANDS = ['strong', 'medium', 'weak', 'dormant'] as const;
export type TieBand = (typeof TIE_BANDS)[number];

// strong ≥ 70, medium ≥ 40, else weak. Dormant overrides them: a tie that once reached the middle of the medium
// band (peak ≥ 50) over a real exchange (≥ 3 interactions; one warm coffee is an acquaintance, not a lapsed
// relationship) and has been quiet for more than 180 days.
export const TIE_BAND_RULES = { strongFrom: 70, mediumFrom: 40, dormantPeakFrom: 50, dormantMinInteractions: 3, dormantAfterDays: 180 } as const;

export interface TieEvent {
  // Whole days since 1970-01-01 (UTC); see epochDay.
  day: number;
  channel: Channel;
  value: ValueFlow;
}

export interface TieComponents {
  recency: number;
  frequency: number;
  channel: number;
  reciprocity: number;
  duration: number;
}

export interface TieStrength {
  // Rounded to a whole number: the unit every surface shows and sorts by.
  strength: number;
  // The highest strength the tie reached, measured on the day of each past interaction.
  peak: number;
  band: TieBand;
  components: TieComponents;
  interactions: number;
  daysSinceLast: number | null;
}

export const epochDay = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

const ZERO: TieComponents = { recency: 0, frequency: 0, channel: 0, reciprocity: 0, duration: 0 };

export function combine(c: TieComponents): number {
  const w = TIE_STRENGTH_WEIGHTS;
  return 100 * (w.recency * c.recency + w.frequency * c.frequency + w.channel * c.channel + w.reciprocity * c.reciprocity + w.duration * c.duration);
}

const frequencyOf = (n: number): number => n / (n + TIE_STRENGTH_PARAMS.frequencyHalfAt);
const durationOf = (days: number): number => {
  const years = Math.max(0, days) / 365;
  return years / (years + TIE_STRENGTH_PARAMS.durationHalfAtYears);
};
function reciprocityOf(given: number, received: number, mutual: number): number {
  const total = given + received + mutual;
  return total === 0 ? 0.5 : 1 - Math.abs(given - received) / total;
}

// A contact's history as parallel columns, oldest first: entries [from, to) of `day`, `channel` (index into
// CHANNELS) and `value` (index into VALUE_FLOWS). Analysis of 300,000 interactions passes typed arrays here
// instead of allocating an object per interaction.
export interface TieHistory {
  day: ArrayLike<number>;
  channel: ArrayLike<number>;
  value: ArrayLike<number>;
  from: number;
  to: number;
}

const RICHNESS_BY_INDEX = CHANNELS.map((c) => CHANNEL_RICHNESS[c]);
const GIVEN = VALUE_FLOWS.indexOf('given');
const RECEIVED = VALUE_FLOWS.indexOf('received');
const MUTUAL = VALUE_FLOWS.indexOf('mutual');

// Running tallies over a history in date order, so the peak is found in one pass (O(k) for k interactions).
class Tally {
  given = 0;
  received = 0;
  mutual = 0;
  private windowStart: number;
  private windowRichness = 0;
  private allRichness = 0;
  constructor(private readonly h: TieHistory) {
    this.windowStart = h.from;
  }

  add(i: number): void {
    const r = RICHNESS_BY_INDEX[this.h.channel[i]!] ?? 0;
    this.windowRichness += r;
    this.allRichness += r;
    const v = this.h.value[i];
    if (v === GIVEN) this.given++;
    else if (v === RECEIVED) this.received++;
    else if (v === MUTUAL) this.mutual++;
  }

  // Components as of `day`, counting entries [from, upTo).
  componentsAt(day: number, upTo: number): TieComponents {
    const { h } = this;
    const window = TIE_STRENGTH_PARAMS.frequencyWindowDays;
    while (this.windowStart < upTo && h.day[this.windowStart]! <= day - window) {
      this.windowRichness -= RICHNESS_BY_INDEX[h.channel[this.windowStart]!] ?? 0;
      this.windowStart++;
    }
    const inWindow = upTo - this.windowStart;
    return {
      recency: 0.5 ** ((day - h.day[upTo - 1]!) / TIE_STRENGTH_PARAMS.recencyHalfLifeDays),
      frequency: frequencyOf(inWindow),
      channel: inWindow > 0 ? this.windowRichness / inWindow : this.allRichness / (upTo - h.from),
      reciprocity: reciprocityOf(this.given, this.received, this.mutual),
      duration: durationOf(day - h.day[h.from]!),
    };
  }
}

// `events` sorted by day, oldest first; events after `today` are ignored (a meeting logged ahead of time).
export function tieStrength(events: readonly TieEvent[], today: number): TieStrength {
  return tieStrengthOf({
    day: events.map((e) => e.day),
    channel: events.map((e) => CHANNELS.indexOf(e.channel)),
    value: events.map((e) => VALUE_FLOWS.indexOf(e.value)),
    from: 0,
    to: events.length,
  }, today);
}

export function tieStrengthOf(h: TieHistory, today: number): TieStrength {
  let end = h.to;
  while (end > h.from && h.day[end - 1]! > today) end--;
  const count = end - h.from;
  if (count === 0) return { strength: 0, peak: 0, band: 'weak', components: { ...ZERO }, interactions: 0, daysSinceLast: null };
  const tally = new Tally(h);
  let peak = 0;
  for (let i = h.from; i < end; i++) {
    tally.add(i);
    // Several interactions on one day are measured once, after the last of them.
    if (i + 1 < end && h.day[i + 1] === h.day[i]) continue;
    peak = Math.max(peak, combine(tally.componentsAt(h.day[i]!, i + 1)));
  }
  const components = tally.componentsAt(today, end);
  const strength = Math.round(combine(components));
  const daysSinceLast = today - h.day[end - 1]!;
  const roundedPeak = Math.max(strength, Math.round(peak));
  return { strength, peak: roundedPeak, band: bandOf(strength, roundedPeak, count, daysSinceLast), components, interactions: count, daysSinceLast };
}

export function bandOf(strength: number, peak: number, interactions: number, daysSinceLast: number | null): TieBand {
  const r = TIE_BAND_RULES;
  if (daysSinceLast !== null && daysSinceLast > r.dormantAfterDays && peak >= r.dormantPeakFrom && interactions >= r.dormantMinInteractions) return 'dormant';
  if (strength >= r.strongFrom) return 'strong';
  if (strength >= r.mediumFrom) return 'medium';
  return 'weak';
}
