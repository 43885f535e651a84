import { RapportError, notFound } from '../../domain/errors.ts';
import { MAX_ID } from '../../domain/limits.ts';
import { existingIds } from '../../store/repositories/existing.repository.ts';
import { contactIdsByNameFragment, existingContactIds } from '../../store/repositories/contacts.repository.ts';
import type { Store } from '../../store/store.ts';

// A person is named by id or by an unambiguous part of the name; an ambiguous name lists the candidates.
export async function resolveContactRef(store: Store, ref: string | number, path = 'contact'): Promise<number> {
  const text = String(ref).trim();
  if (text === '') throw new RapportError('invalid', `${path}: a contact reference cannot be empty`, { problems: [{ path, message: 'empty' }] });
  if (/^\d+$/.test(text)) {
    const id = Number(text);
    // Past the id column's range no contact can have it (and PostgreSQL would refuse to compare).
    if (id <= MAX_ID && (await existingContactIds(store, [id])).has(id)) return id;
    throw notFound('contact', id);
  }
  const matches = await contactIdsByNameFragment(store, text, 11);
  const active = matches.filter((m) => m.archived === 0);
  const pool = active.length > 0 ? active : matches;
  const exact = pool.filter((m) => m.name.toLowerCase() === text.toLowerCase());
  const chosen = exact.length === 1 ? exact : pool;
  if (chosen.length === 1) return chosen[0]!.id;
  if (chosen.length === 0) throw new RapportError('not_found', `no contact matches ${JSON.stringify(text)}`);
  throw new RapportError('ambiguous', `${JSON.stringify(text)} matches ${chosen.length > 10 ? 'more than 10' : chosen.length} contacts; name one by id`, {
    candidates: chosen.slice(0, 10).map((m) => ({ id: m.id, label: m.organisation ? `${m.name} (${m.organisation})` : m.name })),
  });
}

export async function assertContactsExist(store: Store, ids: readonly number[], path = 'contactIds'): Promise<void> {
  const found = await existingIds(store, 'contacts', ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw new RapportError('not_found', `${path}: no contact with id ${missing.join(', ')}`, {
      problems: missing.map((id) => ({ path, message: 'no such contact', value: id })),
    });
  }
}
