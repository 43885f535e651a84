import { z } from 'zod';
import { tagSchema } from '../../domain/contact.ts';
import { networkSchema, type Network } from '../../domain/networks.ts';
import { exportContactIds } from '../../store/repositories/export.repository.ts';
import type { Store } from '../../store/store.ts';

// Which contacts an address book gets: everyone (no networks and no tags), or those in any chosen network or with
// any chosen tag. Archived contacts are not uploaded; a card already synced stays synced.
export const carddavOptionsSchema = z.object({
  networks: z.array(networkSchema).default([]),
  tags: z.array(tagSchema).default([]),
  // The address book's name or URL when the server has several; the first one otherwise.
  addressBook: z.string().optional(),
});
export type CarddavOptions = z.output<typeof carddavOptionsSchema>;

export const parseCarddavOptions = (json: string): CarddavOptions => carddavOptionsSchema.parse(JSON.parse(json || '{}'));

export async function contactsInScope(store: Store, options: CarddavOptions): Promise<number[]> {
  if (options.networks.length === 0 && options.tags.length === 0) return exportContactIds(store, { archived: false });
  const ids = new Set<number>();
  for (const network of options.networks) for (const id of await exportContactIds(store, { archived: false, network: network as Network })) ids.add(id);
  for (const tag of options.tags) for (const id of await exportContactIds(store, { archived: false, tag })) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}
