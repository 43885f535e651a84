import type { Contact } from '../domain/contact.ts';
import { absorb, copyDraft, type Absorbed, type MergeableContact } from '../io/absorb.ts';
import type { ImportedInteraction, ValidRecord } from '../io/import-record.ts';
import { keysOfDraft, nameKey, strongConflict, type MatchKeys, type StrongKeys } from '../io/match-keys.ts';
import type { StoredKeys } from '../store/repositories/import.repository.ts';

export type Target = { kind: 'existing'; id: number } | { kind: 'new'; index: number };

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'merged';

// One row of the report; the plan keeps it as is, so 30,000 rows are not copied again into the report.
export interface PlannedRow {
  line: number;
  name: string;
  outcome: RowOutcome;
  // The stored contact updated, or (once written) the one created.
  contactId: number | null;
  // Why the row was taken for an existing contact or an earlier row: "same email ada@example.org".
  matchedBy: string | null;
  matchedLine: number | null;
  changes: string[];
}

export interface ExistingUpdate {
  id: number;
  before: Contact;
  working: MergeableContact;
  changes: Absorbed[];
}

// Same name, no strong identifier against it, but something new: two contacts, and a pair for the user to review
// (`rapport duplicates` lists it too once both are stored).
export interface SuggestedDuplicate {
  line: number;
  name: string;
  // The earlier row of the file, or the stored contact, it may be.
  withLine: number | null;
  withContactId: number | null;
  withName: string;
  reason: string;
}

export interface ImportPlan {
  rows: PlannedRow[];
  suggestions: SuggestedDuplicate[];
  // Where each row goes, by the row's index.
  targets: Target[];
  // The first row of each new contact; later rows of the same person are absorbed into its draft.
  creates: { draft: MergeableContact; line: number; days: string[]; keys: StrongKeys; state: ValidRecord['state'] }[];
  updates: Map<number, ExistingUpdate & { days: string[] }>;
  interactions: { target: Target; interaction: ImportedInteraction }[];
}

// Key → where it leads: a new contact's index (>= 0) or a stored contact's id, negated. Numbers, not objects:
// four maps of 30,000 entries each are part of what an import keeps in memory.
type Index = Map<string, number>;
// Names lead to every contact of that name (namesakes are kept apart, so there can be several).
export interface KeyIndex { emails: Index; linkedIn: Index; phones: Index; names: Map<string, number[]> }

const decode = (n: number): Target => (n < 0 ? { kind: 'existing', id: -n } : { kind: 'new', index: n });

const addName = (names: Map<string, number[]>, key: string, at: number) => {
  const list = names.get(key);
  if (!list) names.set(key, [at]);
  else if (!list.includes(at)) list.push(at);
};

// Stored contacts by every key, built once per import (rows of the file are added as the plan goes).
export function storedIndex(stored: StoredKeys): KeyIndex {
  const put = (m: Index, key: string, id: number) => { if (!m.has(key)) m.set(key, -id); };
  const emails: Index = new Map(), linkedIn: Index = new Map(), phones: Index = new Map(), names = new Map<string, number[]>();
  for (const e of stored.emails) put(emails, e.address.toLowerCase(), e.contact_id);
  for (const l of stored.webLinks) put(linkedIn, l.url_key, l.contact_id);
  for (const p of stored.phones) if (p.number_key.length >= 7) put(phones, p.number_key, p.contact_id);
  for (const n of stored.names) {
    const key = nameKey(n.name);
    if (key) addName(names, `${key}|${n.organisation_key ?? ''}`, -n.id);
  }
  return { emails, linkedIn, phones, names };
}

// Strong identifiers decide: the first email, LinkedIn profile or phone (E.164) already known.
function strongLookup(idx: KeyIndex, keys: MatchKeys): { at: number; why: string } | null {
  for (const k of keys.emails) { const at = idx.emails.get(k); if (at !== undefined) return { at, why: `same email ${k}` }; }
  for (const k of keys.linkedIn) { const at = idx.linkedIn.get(k); if (at !== undefined) return { at, why: 'same LinkedIn profile' }; }
  for (const k of keys.phones) { const at = idx.phones.get(k); if (at !== undefined) return { at, why: 'same phone number' }; }
  return null;
}

const nameWhy = (nameOrg: string) => (nameOrg.endsWith('|') ? 'same name, and neither has an organisation' : 'same name and organisation');

const mergeKeys = (into: StrongKeys, from: StrongKeys) => {
  for (const list of ['emails', 'linkedIn', 'phones'] as const) for (const k of from[list]) if (!into[list].includes(k)) into[list].push(k);
};

function register(idx: KeyIndex, keys: MatchKeys, at: number): void {
  for (const k of keys.emails) if (!idx.emails.has(k)) idx.emails.set(k, at);
  for (const k of keys.linkedIn) if (!idx.linkedIn.has(k)) idx.linkedIn.set(k, at);
  for (const k of keys.phones) if (!idx.phones.has(k)) idx.phones.set(k, at);
  if (keys.nameOrg) addName(idx.names, keys.nameOrg, at);
}

// Decides, row by row, whether each creates a contact, updates a stored one, or joins an earlier row of the file.
// Matching order: email, LinkedIn profile, phone, then name with organisation (DOMAIN: the same person, not a namesake).
export function planImport(
  records: readonly ValidRecord[], recordKeys: readonly MatchKeys[], idx: KeyIndex, existing: ReadonlyMap<number, Contact>, connectedKeys: ReadonlySet<string>,
  region: string | null = null,
): ImportPlan {
  const plan: ImportPlan = { rows: [], suggestions: [], targets: [], creates: [], updates: new Map(), interactions: [] };
  const storedKeys = new Map<number, StrongKeys>();
  const keysOfStored = (id: number): StrongKeys => {
    let k = storedKeys.get(id);
    if (!k) {
      const c = existing.get(id);
      if (!c) throw new Error(`import plan: contact ${id} was matched but not loaded`);
      k = keysOfDraft(c, false, region);
      storedKeys.set(id, k);
    }
    return k;
  };
  // A name alone never merges (DOMAIN: the same person, not a namesake). A row adding nothing to the contact of the
  // same name (the same file imported again) is that contact; a strong identifier that differs makes another
  // person; anything else is another contact and a suggested duplicate.
  const byName = (rec: ValidRecord, keys: MatchKeys): { at: number; why: string } | null => {
    if (!keys.nameOrg) return null;
    let suggest: { at: number; name: string } | null = null;
    for (const at of idx.names.get(keys.nameOrg) ?? []) {
      const theirs = at >= 0 ? plan.creates[at]!.keys : keysOfStored(-at);
      if (strongConflict(theirs, keys)) continue;
      const stored = at < 0 ? -at : null;
      const working = at >= 0 ? plan.creates[at]!.draft : plan.updates.get(-at)?.working ?? contactAsDraft(existing.get(-at)!);
      const days = at >= 0 ? plan.creates[at]!.days : plan.updates.get(-at)?.days ?? [];
      const newDay = rec.interactions.some((i) => !days.includes(i.occurredAt) && !(stored !== null && connectedKeys.has(`${stored}|${i.occurredAt}`)));
      if (!newDay && absorb(copyDraft(working), rec.draft, region).fields.length === 0) return { at, why: `${nameWhy(keys.nameOrg)}, nothing new` };
      suggest ??= { at, name: working.name };
    }
    if (suggest) {
      const { at, name } = suggest;
      plan.suggestions.push({ line: rec.line, name: rec.draft.name, withLine: at >= 0 ? plan.creates[at]!.line : null, withContactId: at < 0 ? -at : null, withName: name, reason: nameWhy(keys.nameOrg) });
    }
    return null;
  };
  records.forEach((rec, n) => {
    const keys = recordKeys[n]!;
    const hit = strongLookup(idx, keys) ?? byName(rec, keys);
    const row: PlannedRow = { line: rec.line, name: rec.draft.name, outcome: 'created', contactId: null, matchedBy: hit?.why ?? null, matchedLine: null, changes: [] };
    // Days of the 'connected' interactions the contact has or will have, so a day is never added twice.
    let days: string[];
    // A stored contact's existing 'connected' days count too.
    let storedId: number | null = null;
    let at: number;
    if (!hit) {
      at = plan.creates.length;
      days = [];
      plan.creates.push({ draft: rec.draft, line: rec.line, days, state: rec.state, keys: { emails: [...keys.emails], linkedIn: [...keys.linkedIn], phones: [...keys.phones] } });
    } else if (hit.at >= 0) {
      at = hit.at;
      const into = plan.creates[at]!;
      row.outcome = 'merged';
      row.matchedLine = into.line;
      row.changes = absorb(into.draft, rec.draft, region).fields;
      mergeKeys(into.keys, keys);
      days = into.days;
    } else {
      at = hit.at;
      const id = -at;
      row.contactId = id;
      let update = plan.updates.get(id);
      if (!update) {
        const before = existing.get(id);
        if (!before) throw new Error(`import plan: contact ${id} was matched but not loaded`);
        update = { id, before, working: contactAsDraft(before), changes: [], days: [] };
        plan.updates.set(id, update);
      }
      const changed = absorb(update.working, rec.draft, region);
      mergeKeys(keysOfStored(id), keys);
      update.changes.push(changed);
      row.changes = changed.fields;
      row.outcome = changed.fields.length ? 'updated' : 'unchanged';
      days = update.days;
      storedId = id;
    }
    const target = decode(at);
    for (const interaction of rec.interactions) {
      if (days.includes(interaction.occurredAt) || (storedId !== null && connectedKeys.has(`${storedId}|${interaction.occurredAt}`))) continue;
      days.push(interaction.occurredAt);
      plan.interactions.push({ target, interaction });
      if (row.outcome === 'unchanged') row.outcome = 'updated';
      row.changes.push(`${interaction.kind} on ${interaction.occurredAt.slice(0, 10)}`);
    }
    register(idx, keys, at);
    plan.rows.push(row);
    plan.targets.push(target);
  });
  return plan;
}

// Which stored contacts the rows will touch, found before loading them whole (call before planImport adds rows).
export function matchedIds(recordKeys: readonly MatchKeys[], idx: KeyIndex): number[] {
  const ids = new Set<number>();
  const note = (at: number | undefined) => { if (at !== undefined && at < 0) ids.add(-at); };
  for (const keys of recordKeys) {
    for (const k of keys.emails) note(idx.emails.get(k));
    for (const k of keys.linkedIn) note(idx.linkedIn.get(k));
    for (const k of keys.phones) note(idx.phones.get(k));
    if (keys.nameOrg) for (const at of idx.names.get(keys.nameOrg) ?? []) note(at);
  }
  return [...ids].sort((a, b) => a - b);
}

// A stored photo is only known to exist here; it is never read or rewritten by an import.
export function contactAsDraft(c: Contact): MergeableContact {
  return {
    name: c.name, givenName: c.givenName, familyName: c.familyName, emails: [...c.emails], phones: [...c.phones], webLinks: [...c.webLinks],
    organisation: c.organisation, title: c.title, location: c.location, birthday: c.birthday, metHow: c.metHow, metWhere: c.metWhere,
    notes: c.notes, tags: [...c.tags], networks: [...c.networks], connectionType: c.connectionType, insideOrganisation: c.insideOrganisation,
    industry: c.industry, cadenceDays: c.cadenceDays, photo: c.hasPhoto ? '(stored)' : null,
    ...(c.card ? { card: { ...c.card, addresses: [...c.card.addresses], dates: [...c.card.dates], properties: [...c.card.properties] } } : {}),
  };
}
