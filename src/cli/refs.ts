import { normaliseName } from '../domain/contact.ts';
import { RapportError } from '../domain/errors.ts';

// Organisations, goals, events and communities are named like contacts: by id, or by an unambiguous part of the name.
// A number is taken as an id without a lookup; the operation reports it if it does not exist.
export function pickByName(what: string, ref: string, items: readonly { id: number; name: string }[]): number {
  const text = ref.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const key = normaliseName(text);
  if (key === '') throw new RapportError('invalid', `${what}: say which ${what}, by id or name (got ${JSON.stringify(ref)})`, { problems: [{ path: what, message: 'empty', value: ref }] });
  const matches = items.filter((i) => normaliseName(i.name).includes(key));
  const exact = matches.filter((i) => normaliseName(i.name) === key);
  const chosen = exact.length === 1 ? exact : matches;
  if (chosen.length === 1) return chosen[0]!.id;
  if (chosen.length === 0) throw new RapportError('not_found', `no ${what} matches ${JSON.stringify(text)}`);
  throw new RapportError('ambiguous', `${JSON.stringify(text)} matches ${chosen.length} ${what}s; name one by id`, {
    candidates: chosen.slice(0, 10).map((i) => ({ id: i.id, label: i.name })),
  });
}
