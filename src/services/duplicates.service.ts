import { nameKey, strongConflict, type StrongKeys } from '../io/match-keys.ts';
import { contactLabels, contactNames, sharedKeyPairs } from '../store/repositories/duplicates.repository.ts';
import { loadStoredKeys } from '../store/repositories/import.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, pageSchema, type Page } from './operation.ts';
import { pageOf } from './schemas/common.ts';
import { duplicatePairOutput } from './schemas/import-export.ts';

export interface DuplicatePair {
  a: { id: number; name: string; organisation: string | null; archived: boolean };
  b: { id: number; name: string; organisation: string | null; archived: boolean };
  reasons: string[];
}

// "Ada Lovelace" and "Ada King Lovelace" at the same organisation: same first and last word of the name. Without an
// organisation only the same name counts (too many people share a first and last word).
function namePairs(rows: { id: number; name: string; organisation_id: number }[]): { a: number; b: number; reason: string }[] {
  const buckets = new Map<string, { id: number; key: string }[]>();
  for (const r of rows) {
    const key = nameKey(r.name);
    const words = key.split(' ').filter(Boolean);
    if (words.length === 0) continue;
    const bucket = r.organisation_id === 0 ? `0|${key}` : `${r.organisation_id}|${words[0]}|${words[words.length - 1]}`;
    (buckets.get(bucket) ?? buckets.set(bucket, []).get(bucket)!).push({ id: r.id, key });
  }
  const out: { a: number; b: number; reason: string }[] = [];
  for (const [bucket, list] of buckets) {
    const noOrg = bucket.startsWith('0|');
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i]!, list[j]!];
        const reason = noOrg ? 'same name, and neither has an organisation' : x.key === y.key ? 'same name and organisation' : 'similar name and same organisation';
        out.push({ a: Math.min(x.id, y.id), b: Math.max(x.id, y.id), reason });
      }
    }
  }
  return out;
}

// Each contact's strong identifiers, to veto name pairs that are two people (see strongConflict).
async function strongKeysById(store: Store): Promise<Map<number, StrongKeys>> {
  const stored = await loadStoredKeys(store);
  const out = new Map<number, StrongKeys>();
  const get = (id: number) => out.get(id) ?? out.set(id, { emails: [], linkedIn: [], phones: [] }).get(id)!;
  for (const e of stored.emails) get(e.contact_id).emails.push(e.address.toLowerCase());
  for (const l of stored.webLinks) if (l.url_key.includes('linkedin.com/in/')) get(l.contact_id).linkedIn.push(l.url_key);
  for (const p of stored.phones) if (p.number_key.length >= 7) get(p.contact_id).phones.push(p.number_key);
  return out;
}

// Likely duplicates already stored, each pair once with every reason it is suspected. A shared email, LinkedIn
// profile or phone (E.164) is a strong sign; a name alone is a suggestion, dropped when a strong identifier differs.
export async function findDuplicates(store: Store): Promise<DuplicatePair[]> {
  const shared = await sharedKeyPairs(store);
  const pairs = new Map<string, { a: number; b: number; reasons: string[] }>();
  const add = (a: number, b: number, reason: string) => {
    const key = `${a}|${b}`;
    const p = pairs.get(key) ?? pairs.set(key, { a, b, reasons: [] }).get(key)!;
    if (!p.reasons.includes(reason)) p.reasons.push(reason);
  };
  for (const r of shared.email) add(r.a, r.b, `same email ${r.value}`);
  for (const r of shared.linkedIn) add(r.a, r.b, `same LinkedIn profile ${r.value}`);
  for (const r of shared.phone) add(r.a, r.b, `same phone number ${r.value}`);
  const byName = namePairs(await contactNames(store));
  if (byName.length) {
    const keys = await strongKeysById(store);
    const none: StrongKeys = { emails: [], linkedIn: [], phones: [] };
    for (const r of byName) if (pairs.has(`${r.a}|${r.b}`) || !strongConflict(keys.get(r.a) ?? none, keys.get(r.b) ?? none)) add(r.a, r.b, r.reason);
  }
  const list = [...pairs.values()].sort((x, y) => x.a - y.a || x.b - y.b);
  const labels = await contactLabels(store, [...new Set(list.flatMap((p) => [p.a, p.b]))]);
  return list.flatMap((p) => {
    const a = labels.get(p.a), b = labels.get(p.b);
    return a && b ? [{ a: { id: p.a, ...a }, b: { id: p.b, ...b }, reasons: p.reasons }] : [];
  });
}

export const duplicatesList = defineOperation({
  name: 'duplicates.list',
  summary: 'Likely duplicate contacts (same email, LinkedIn profile or phone, or the same name where no strong identifier differs), with the reason',
  effect: 'read',
  input: pageSchema,
  output: pageOf(duplicatePairOutput),
  http: { method: 'get', path: '/duplicates' },
  run: async ({ store }, { limit, offset }): Promise<Page<DuplicatePair>> => {
    const all = await findDuplicates(store);
    return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
  },
});
