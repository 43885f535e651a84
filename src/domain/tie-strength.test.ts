import { describe, expect, it } from 'vitest';
import type { Channel, ValueFlow } from './channels.ts';
import { bandOf, epochDay, TIE_STRENGTH_WEIGHTS, tieStrength, type TieEvent } from './tie-strength.ts';

// Every expected number below is worked out by hand from the formula in docs/tie-strength.md:
//   100 · (0.30·R + 0.25·F + 0.20·C + 0.10·P + 0.15·D)
//   R = 0.5^(days/90), F = n/(n+4), C = mean richness (in person 1, video 0.7, email 0.2),
//   P = 1 − |given − received| / (given + received + mutual) or 0.5, D = days/(days + 730).
const TODAY = epochDay('2026-11-23');
const ago = (days: number, channel: Channel, value: ValueFlow = 'none'): TieEvent => ({ day: TODAY - days, channel, value });

describe('tie strength', () => {
  it('keeps its weights in one place, summing to 1', () => {
    const sum = Object.values(TIE_STRENGTH_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('is 0 and weak for someone never met', () => {
    expect(tieStrength([], TODAY)).toMatchObject({ strength: 0, peak: 0, band: 'weak', interactions: 0, daysSinceLast: null });
  });

  it('scores one coffee 90 days ago', () => {
    // R = 0.5, F = 1/5 = 0.2, C = 1, P = 0.5 (no value recorded), D = 90/820 = 0.109756
    // 100 · (0.15 + 0.05 + 0.20 + 0.05 + 0.016463) = 46.646 → 47 (medium)
    // On the day itself: 100 · (0.30 + 0.05 + 0.20 + 0.05 + 0) = 60
    const t = tieStrength([ago(90, 'in-person')], TODAY);
    expect(t.components.recency).toBeCloseTo(0.5, 12);
    expect(t.components.frequency).toBeCloseTo(0.2, 12);
    expect(t.components.duration).toBeCloseTo(0.1097561, 6);
    expect(t).toMatchObject({ strength: 47, peak: 60, band: 'medium', interactions: 1, daysSinceLast: 90 });
  });

  it('scores a mixed, reciprocal history of three interactions', () => {
    // Video 400 days ago (gave), coffee 200 days ago (received), email 20 days ago (mutual).
    // R = 0.5^(20/90) = 0.857244; n = 2 within the year (400 days is outside) → F = 2/6 = 0.333333
    // C = (1 + 0.2)/2 = 0.6; P = 1 − |1 − 1|/3 = 1; D = 400/1130 = 0.353982
    // 100 · (0.257173 + 0.083333 + 0.12 + 0.1 + 0.053097) = 61.360 → 61 (medium: strong starts at 70)
    // Peak on each interaction day: 49.0, 68.559 (200 days ago), 65.468 → 69
    const t = tieStrength([ago(400, 'video', 'given'), ago(200, 'in-person', 'received'), ago(20, 'email', 'mutual')], TODAY);
    expect(t.components.recency).toBeCloseTo(0.857244, 6);
    expect(t.components.channel).toBeCloseTo(0.6, 12);
    expect(t.components.reciprocity).toBe(1);
    expect(t).toMatchObject({ strength: 61, peak: 69, band: 'medium', interactions: 3 });
  });

  it('calls a monthly coffee over the past year strong', () => {
    // Twelve coffees, 330, 300, … 30 and 0 days ago: R = 1, F = 12/16 = 0.75, C = 1, P = 0.5, D = 330/1060 = 0.311321
    // 100 · (0.3 + 0.1875 + 0.2 + 0.05 + 0.046698) = 78.420 → 78; today is also its peak.
    const t = tieStrength(Array.from({ length: 12 }, (_, i) => ago(330 - 30 * i, 'in-person')), TODAY);
    expect(t).toMatchObject({ strength: 78, peak: 78, band: 'strong', interactions: 12, daysSinceLast: 0 });
  });

  it('calls a once-close tie quiet for almost a year dormant, whatever its current score', () => {
    // Coffees 400, 370 and 340 days ago. Now: R = 0.5^(340/90) = 0.072960, F = 1/5 (one in the year), C = 1,
    // P = 0.5, D = 400/1130 → 100 · (0.021888 + 0.05 + 0.2 + 0.05 + 0.053097) = 37.497 → 37.
    // Peak 340 days ago: F = 3/7, D = 60/790 → 100 · (0.3 + 0.107143 + 0.2 + 0.05 + 0.011392) = 66.854 → 67.
    const t = tieStrength([ago(400, 'in-person'), ago(370, 'in-person'), ago(340, 'in-person')], TODAY);
    expect(t).toMatchObject({ strength: 37, peak: 67, band: 'dormant', daysSinceLast: 340 });
  });

  it('does not call a one-off or two-off contact dormant, however warm it was', () => {
    const t = tieStrength([ago(330, 'in-person'), ago(300, 'in-person')], TODAY);
    expect(t.peak).toBeGreaterThanOrEqual(50);
    expect(t.band).not.toBe('dormant');
  });

  it('gives no reciprocity to a one-sided exchange and counts several same-day interactions once for the peak', () => {
    // Two emails today, both giving: R = 1, F = 2/6, C = 0.2, P = 1 − 2/2 = 0, D = 0
    // 100 · (0.3 + 0.083333 + 0.04 + 0 + 0) = 42.333 → 42; the peak is measured after both, so it is 42 too.
    const t = tieStrength([ago(0, 'email', 'given'), ago(0, 'email', 'given')], TODAY);
    expect(t.components.reciprocity).toBe(0);
    expect(t).toMatchObject({ strength: 42, peak: 42, band: 'medium' });
  });

  it('ignores interactions logged ahead of today', () => {
    expect(tieStrength([{ day: TODAY + 3, channel: 'in-person', value: 'none' }], TODAY).strength).toBe(0);
  });

  it('sorts scores into bands at 70 and 40, dormant only after 180 quiet days', () => {
    expect(bandOf(70, 70, 5, 1)).toBe('strong');
    expect(bandOf(69, 80, 5, 1)).toBe('medium');
    expect(bandOf(40, 40, 1, 1)).toBe('medium');
    expect(bandOf(39, 60, 5, 10)).toBe('weak');
    expect(bandOf(20, 50, 3, 181)).toBe('dormant');
    expect(bandOf(20, 50, 3, 180)).toBe('weak');
    expect(bandOf(20, 49, 3, 400)).toBe('weak');
  });
});
