import type { Network } from '../../../../src/domain/networks.ts';

// The same hues as the network badges, and a cluster palette that stays apart for readers with colour-blindness
// (Okabe–Ito, then a few muted extras). Clusters past the palette share grey.
export const NETWORK_COLOURS: Record<Network | 'none' | 'several', string> = {
  operational: '#1f7a6d', personal: '#b0641f', strategic: '#6a4bb0', several: '#255a8c', none: '#9aa3ae',
};
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#6a4bb0', '#8c6d31', '#3d8b8b', '#b0406a'];
export const OTHER_CLUSTER = '#b6bdc6';
export const ME_COLOUR = '#1e2a3a';

export const clusterColour = (rank: number): string => PALETTE[rank] ?? OTHER_CLUSTER;

export function networkColour(networks: readonly Network[]): string {
  if (networks.length === 0) return NETWORK_COLOURS.none;
  return networks.length > 1 ? NETWORK_COLOURS.several : NETWORK_COLOURS[networks[0]!];
}

export const BAND_COLOURS = { strong: '#255a8c', medium: '#5b8fc2', weak: '#a9c1da', dormant: '#c0873f' } as const;
