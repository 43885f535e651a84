import { describe, expect, it } from 'vitest';
import { explainTieBand, TIE_BANDS_SUMMARY } from './tie-band-explain.ts';
import { bandOf } from './tie-strength.ts';

describe('explainTieBand', () => {
  it('explains why the same score 56 is dormant for a quiet tie and medium for a live one', () => {
    const quiet = { strength: 56, peak: 74, interactions: 9, daysSinceLast: 200 };
    const live = { strength: 56, peak: 60, interactions: 4, daysSinceLast: 20 };
    expect(bandOf(quiet.strength, quiet.peak, quiet.interactions, quiet.daysSinceLast)).toBe('dormant');
    expect(bandOf(live.strength, live.peak, live.interactions, live.daysSinceLast)).toBe('medium');
    expect(explainTieBand({ ...quiet, band: 'dormant' })).toBe(
      'Dormant: once strong (peak 74, 9 interactions) but quiet for 200 days (over 180); the score 56 still counts the past, the band says it is going cold.',
    );
    expect(explainTieBand({ ...live, band: 'medium' })).toBe('Medium: score 56 is 40–69. Still in use: last in touch 20 days ago.');
  });
  it('says why a long-quiet medium tie is not dormant', () => {
    expect(explainTieBand({ band: 'medium', strength: 45, peak: 48, interactions: 5, daysSinceLast: 300 })).toContain('Not dormant: it never peaked at 50');
  });
  it('summarises the rule in one paragraph', () => {
    expect(TIE_BANDS_SUMMARY).toContain('Dormant is about recency');
  });
});
