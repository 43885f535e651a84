import { describe, expect, it } from 'vitest';
import { balanceOf, blauIndex, dunbarLayers, type BalanceContact } from './balance.ts';

const person = (networks: BalanceContact['networks'], organisation: string | null, inside: boolean | null, strength: number, industry: string | null = null): BalanceContact =>
  ({ networks, organisation, inside, strength, industry, band: strength >= 70 ? 'strong' : strength >= 40 ? 'medium' : 'weak' });

describe('network balance', () => {
  // Five people; memberships: operational 3, personal 1, strategic 1 (5 in all, the first person counts twice).
  const people = [
    person(['operational', 'strategic'], 'Acme', true, 80, 'Software'),
    person(['operational'], 'Acme', true, 0, 'Software'),
    person(['personal'], 'Beta', false, 50, 'Finance'),
    person([], null, null, 10),
    person(['operational'], 'Acme', true, 30, 'Software'),
  ];

  it('compares each network share of memberships with the situation target, five points either side being on target', () => {
    const b = balanceOf(people, 'job-seeking'); // targets: operational 0.20, personal 0.35, strategic 0.45
    expect(b.networks.map((n) => [n.network, n.count, n.status])).toEqual([
      ['operational', 3, 'over'], ['personal', 1, 'under'], ['strategic', 1, 'under'],
    ]);
    expect(b.networks[0]!.share).toBeCloseTo(0.6, 12); // 3/5
    expect(b.networks[1]!.gap).toBeCloseTo(0.2 - 0.35, 12);
    expect(b.networks[2]!.gap).toBeCloseTo(0.2 - 0.45, 12);
    expect(b.unassigned).toBe(1);
  });

  it('counts inside and outside my organisation, leaving the unknown out of the share', () => {
    expect(balanceOf(people, 'growing-in-role').inside).toEqual({ inside: 3, outside: 1, unknown: 1, insideShare: 0.75 });
  });

  it('measures diversity with the Blau index 1 − Σp²', () => {
    // Organisations known for 4: Acme 3/4, Beta 1/4 → 1 − (0.5625 + 0.0625) = 0.375
    const b = balanceOf(people, 'growing-in-role');
    expect(b.organisations.blau).toBeCloseTo(0.375, 12);
    expect(b.organisations.top).toEqual({ name: 'Acme', count: 3, share: 0.75 });
    expect(b.industries.blau).toBeCloseTo(0.375, 12);
    expect(blauIndex(['a', 'b', 'c', 'd']).blau).toBeCloseTo(0.75, 12);
    expect(blauIndex(['a', 'a']).blau).toBe(0);
    expect(blauIndex([null]).top).toBeNull();
  });

  it('fills Dunbar layers by strength rank, leaving out people never met', () => {
    // Ranked 80, 50, 30, 10 (the 0 is left out): all four in the innermost five, mean 42.5.
    expect(dunbarLayers([80, 0, 50, 10, 30])).toEqual([
      { layer: 5, fromRank: 1, toRank: 5, filled: 4, meanStrength: 42.5 },
      { layer: 15, fromRank: 6, toRank: 15, filled: 0, meanStrength: 0 },
      { layer: 50, fromRank: 16, toRank: 50, filled: 0, meanStrength: 0 },
      { layer: 150, fromRank: 51, toRank: 150, filled: 0, meanStrength: 0 },
    ]);
    expect(dunbarLayers(Array.from({ length: 20 }, (_, i) => 100 - i))[1]).toMatchObject({ filled: 10, meanStrength: 90.5 });
  });

  it('counts ties per band', () => {
    expect(balanceOf(people, 'job-seeking').bands).toEqual({ strong: 1, medium: 1, weak: 3, dormant: 0 });
  });
});
