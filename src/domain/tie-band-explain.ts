import { TIE_BAND_RULES, type TieBand } from './tie-strength.ts';

// Why a tie is in its band, in words, for wherever a band is shown. The bands mix two questions: strong, medium
// and weak read today's score; dormant reads history and recency (once strong, now quiet) and overrides the score.
// So the same score, say 56, is "medium" for a tie still in use and "dormant" for one quiet for over 180 days.
export interface TieFacts {
  band: TieBand;
  strength: number;
  peak: number;
  interactions: number;
  daysSinceLast: number | null;
}

const r = TIE_BAND_RULES;

export const TIE_BANDS_SUMMARY =
  `Strong, medium and weak follow today's score (${r.strongFrom}+, ${r.mediumFrom}–${r.strongFrom - 1}, under ${r.mediumFrom}). ` +
  `Dormant is about recency instead: a tie that once reached ${r.dormantPeakFrom}+ over at least ${r.dormantMinInteractions} interactions ` +
  `and has been quiet for more than ${r.dormantAfterDays} days is dormant whatever its score, so the same score can be dormant for one person and medium for another.`;

export function explainTieBand(t: TieFacts): string {
  const quiet = t.daysSinceLast === null ? 'never in touch' : `last in touch ${t.daysSinceLast} days ago`;
  switch (t.band) {
    case 'dormant':
      return `Dormant: once strong (peak ${t.peak}, ${t.interactions} interactions) but quiet for ${t.daysSinceLast ?? 0} days (over ${r.dormantAfterDays}); the score ${t.strength} still counts the past, the band says it is going cold.`;
    case 'strong':
      return `Strong: score ${t.strength} is ${r.strongFrom} or more; ${quiet}.`;
    case 'medium': {
      const whyNotDormant = t.daysSinceLast !== null && t.daysSinceLast > r.dormantAfterDays
        ? ` Not dormant: ${t.peak < r.dormantPeakFrom ? `it never peaked at ${r.dormantPeakFrom}` : `fewer than ${r.dormantMinInteractions} interactions`}.`
        : ` Still in use: ${quiet}.`;
      return `Medium: score ${t.strength} is ${r.mediumFrom}–${r.strongFrom - 1}.${whyNotDormant}`;
    }
    case 'weak':
      return `Weak: score ${t.strength} is under ${r.mediumFrom}; ${quiet}.`;
  }
}
