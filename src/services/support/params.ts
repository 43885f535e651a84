import { z } from 'zod';
import { RapportError } from '../../domain/errors.ts';
import { existingIds, type OwnedTable } from '../../store/repositories/existing.repository.ts';
import type { Store } from '../../store/store.ts';

// A yes/no that may arrive as "true"/"false" from a URL query or the CLI (z.coerce.boolean would read "false" as true).
export const flagParam = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const NOUN: Record<OwnedTable, string> = {
  contacts: 'contact', organisations: 'organisation', goals: 'goal', actions: 'action', events: 'event', communities: 'community',
};

// Fails with one not_found naming every missing id, before anything is written.
export async function assertIdsExist(store: Store, table: OwnedTable, ids: readonly number[], path: string): Promise<void> {
  const found = await existingIds(store, table, ids);
  const missing = [...new Set(ids)].filter((id) => !found.has(id));
  if (missing.length === 0) return;
  throw new RapportError('not_found', `${path}: no ${NOUN[table]} with id ${missing.join(', ')}`, {
    problems: missing.map((value) => ({ path, message: `no such ${NOUN[table]}`, value })),
  });
}
