import type { ContactPatch } from '../../domain/contact.ts';
import { replaceCard } from '../../store/repositories/card.repository.ts';
import { updateContact } from '../contacts.service.ts';
import type { ServiceContext } from '../operation.ts';
import { SYNCED_FIELDS, type CardFields } from './carddav-cards.ts';

// A card's fields written onto its contact with the same code as `rapport contact update`, so the search index,
// the due dates and the organisation follow; the unmodelled vCard lines replace the kept ones.
export async function applyFields(ctx: ServiceContext, contactId: number, fields: CardFields, before: CardFields): Promise<void> {
  const patch: Record<string, unknown> = {};
  for (const f of SYNCED_FIELDS) if (f !== 'card' && JSON.stringify(fields[f] ?? null) !== JSON.stringify(before[f] ?? null)) patch[f] = fields[f];
  if (Object.keys(patch).length) await updateContact(ctx, contactId, patch as ContactPatch);
  if (fields.card && JSON.stringify(fields.card) !== JSON.stringify(before.card ?? null)) await replaceCard(ctx.store, contactId, fields.card);
}
