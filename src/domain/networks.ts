import { z } from 'zod';

// Ibarra & Hunter's three networks. A contact may belong to several, or none yet.
export const NETWORKS = ['operational', 'personal', 'strategic'] as const;
export type Network = (typeof NETWORKS)[number];
export const networkSchema = z.enum(NETWORKS, {
  error: (issue) => `unknown network ${JSON.stringify(issue.input)}: use operational, personal or strategic`,
});

// Stored as a bit set so "in strategic" is one indexed comparison on either dialect.
const BIT: Record<Network, number> = { operational: 1, personal: 2, strategic: 4 };

export function networksToMask(networks: readonly Network[]): number {
  let mask = 0;
  for (const n of networks) mask |= BIT[n];
  return mask;
}

export function maskToNetworks(mask: number): Network[] {
  return NETWORKS.filter((n) => (mask & BIT[n]) !== 0);
}

export const networkBit = (n: Network): number => BIT[n];
