import { emptyCard, type Address, type ContactCard } from '../domain/card.ts';
import { parseExportDate } from './dates.ts';
import { clean, emptyFields, type ImportedInteraction, type ParsedRecord, type RecordFields } from './import-record.ts';

// Where one CSV column goes. Columns of a repeated group ("E-mail 2 - Label" / "E-mail 2 - Value") share `group`.
export type TargetField =
  | 'name' | 'givenName' | 'middleName' | 'familyName' | 'prefix' | 'suffix' | 'nickname'
  | 'organisation' | 'title' | 'location' | 'birthday' | 'metHow' | 'metWhere' | 'industry' | 'connectionType' | 'cadenceDays' | 'photo'
  | 'notes' | 'locationPart' | 'addressPart' | 'organisationUnit' | 'emails' | 'phones' | 'webLinks' | 'listLabel' | 'tags' | 'networks' | 'connectedOn' | 'ignore';

export interface Target {
  to: TargetField;
  // The column as the file names it, for messages.
  column: string;
  label?: string | null;
  group?: string;
  // Order of address parts (city before region before country).
  rank?: number;
  // Which part of a postal address the column holds (addressPart; its group names the address).
  part?: Exclude<keyof Address, 'label'>;
  // Separator between several values in one cell.
  split?: RegExp;
  // Tags: turns an exporter's group name into a tag, or null to drop it (Google's "* myContacts").
  tag?: (value: string) => string | null;
}

export const MULTI = /\s*:::\s*/;

type Scalar = 'organisation' | 'title' | 'location' | 'birthday' | 'metHow' | 'metWhere' | 'industry' | 'connectionType' | 'cadenceDays' | 'photo';
const SCALARS = new Set<TargetField>(['organisation', 'title', 'location', 'birthday', 'metHow', 'metWhere', 'industry', 'connectionType', 'cadenceDays', 'photo']);

const labelOf = (raw: string | null | undefined): string | null => clean(raw?.replace(/^\*\s*/, '')) ?? null;

// "Connected On" as the day it names at noon UTC, by the cell's text: a LinkedIn file of 30,000 rows has a few
// thousand distinct days, so most rows reuse an answer (and share its string). Bounded; the parse is pure.
const connectedDays = new Map<string, string | null>();
function connectedAt(value: string): string | null {
  let at = connectedDays.get(value);
  if (at === undefined) {
    const day = parseExportDate(value);
    at = day === null ? null : `${day}T12:00:00.000Z`;
    if (connectedDays.size >= 20_000) connectedDays.clear();
    connectedDays.set(value, at);
  }
  return at;
}

// Whether any column of a header labels a group: worked out once per header, not once per row.
const labelsGroups = new WeakMap<readonly (Target | null)[], boolean>();

// One CSV row → loose record fields (validation comes later, in one place for every format). The address, place and
// card holders are made only for rows whose columns fill them: a LinkedIn row needs none.
export function rowToRecord(cells: readonly string[], targets: readonly (Target | null)[], line: number, raw: string): ParsedRecord {
  const f: RecordFields = emptyFields();
  let givenName: string | undefined, middleName: string | undefined, familyName: string | undefined, prefix: string | undefined, suffix: string | undefined;
  let groupLabels: Map<string, string | null> | null = null;
  let places: Map<string, { rank: number; value: string }[]> | null = null;
  let addresses: Map<string, Address> | null = null;
  let card: ContactCard | null = null;
  const interactions: ImportedInteraction[] = [];
  let error: string | null = null;

  let labels = labelsGroups.get(targets);
  if (labels === undefined) labelsGroups.set(targets, (labels = targets.some((t) => t?.to === 'listLabel' && t.group !== undefined)));
  if (labels) {
    groupLabels = new Map();
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      if (t?.to === 'listLabel' && t.group) groupLabels.set(t.group, labelOf(cells[i]));
    }
  }
  const labelFor = (t: Target): string | null => (t.group ? groupLabels?.get(t.group) ?? t.label ?? null : t.label ?? null);
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    const cell = cells[i] ?? '';
    if (!t || t.to === 'ignore' || t.to === 'listLabel') continue;
    if (t.to === 'notes') {
      const text = cell.trim();
      if (text) f.notes.push(t.label ? `${t.label}: ${text}` : text);
      continue;
    }
    const value = clean(cell);
    if (value === null) continue;
    const values = t.split ? value.split(t.split).map((v) => clean(v)).filter((v): v is string => v !== null) : null;
    switch (t.to) {
      case 'name': f.name ??= value; break;
      case 'nickname': f.nickname ??= value; card ??= emptyCard(); card.nickname ??= value; break;
      case 'organisationUnit': card ??= emptyCard(); card.organisationUnit ??= value; break;
      case 'addressPart': {
        const key = t.group ?? '';
        addresses ??= new Map();
        const a = addresses.get(key) ?? addresses.set(key, { label: groupLabels?.get(key) ?? t.label ?? null, poBox: null, extended: null, street: null, locality: null, region: null, postcode: null, country: null }).get(key)!;
        if (t.part) a[t.part] ??= value;
        break;
      }
      case 'givenName': givenName ??= value; break;
      case 'middleName': middleName ??= value; break;
      case 'familyName': familyName ??= value; break;
      case 'prefix': prefix ??= value; break;
      case 'suffix': suffix ??= value; break;
      case 'organisation': f.organisation ??= value; break;
      case 'title': f.title ??= value; break;
      case 'emails': for (const v of values ?? [value]) f.emails.push({ address: v, label: labelFor(t) }); break;
      case 'phones': for (const v of values ?? [value]) f.phones.push({ number: v, label: labelFor(t) }); break;
      case 'webLinks': for (const v of values ?? [value]) f.webLinks.push({ url: v, label: labelFor(t) }); break;
      case 'tags': for (const v of values ?? [value]) { const tag = t.tag ? t.tag(v) : v; if (tag) f.tags.push(tag); } break;
      case 'networks': for (const v of values ?? [value]) f.networks.push(v.toLowerCase()); break;
      case 'locationPart': {
        const key = t.group ?? '';
        places ??= new Map();
        (places.get(key) ?? places.set(key, []).get(key)!).push({ rank: t.rank ?? 0, value });
        break;
      }
      case 'connectedOn': {
        const at = connectedAt(value);
        if (at === null) error ??= `${t.column}: not a date ${JSON.stringify(value)} (expected like "09 Oct 2024")`;
        else interactions.push({ occurredAt: at, kind: 'connected', channel: 'social', summary: null });
        break;
      }
      default:
        if (SCALARS.has(t.to)) f[t.to as Scalar] ??= value;
    }
  }

  if (middleName !== undefined || prefix !== undefined || suffix !== undefined) card ??= emptyCard();
  if (card) {
    card.middleName = middleName ?? null;
    card.namePrefix = prefix ?? null;
    card.nameSuffix = suffix ?? null;
  }
  if (addresses) {
    card ??= emptyCard();
    const byGroup = addresses;
    card.addresses = [...byGroup.keys()].sort().map((k) => byGroup.get(k)!);
  }
  // A row with nothing for the card has none (validation treats none and an empty one alike).
  f.card = card;
  const first = card?.addresses[0];
  if (f.location === null && first) f.location = [first.locality, first.region, first.country].filter(Boolean).join(', ') || first.street;
  f.givenName = givenName ?? null;
  f.familyName = familyName ?? null;
  f.name ??= clean([prefix, givenName, middleName, familyName, suffix].filter(Boolean).join(' '));
  if (f.location === null && places) {
    // Groups are named so they sort in order of preference (business address before home).
    for (const key of [...places.keys()].sort()) {
      const list = places.get(key)!;
      const joined = [...new Set(list.sort((a, b) => a.rank - b.rank).map((p) => p.value))].join(', ');
      if (joined) { f.location = joined; break; }
    }
  }
  return { line, raw, fields: f, interactions, error, warnings: [] };
}
