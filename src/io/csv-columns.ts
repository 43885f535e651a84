import { emptyCard, type Address } from '../domain/card.ts';
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

// One CSV row → loose record fields (validation comes later, in one place for every format).
export function rowToRecord(cells: readonly string[], targets: readonly (Target | null)[], line: number, raw: string): ParsedRecord {
  const f: RecordFields = emptyFields();
  const parts: Partial<Record<'givenName' | 'middleName' | 'familyName' | 'prefix' | 'suffix', string>> = {};
  const groupLabels = new Map<string, string | null>();
  const places = new Map<string, { rank: number; value: string }[]>();
  const addresses = new Map<string, Address>();
  const card = emptyCard();
  const interactions: ImportedInteraction[] = [];
  let error: string | null = null;

  targets.forEach((t, i) => {
    if (t?.to === 'listLabel' && t.group) groupLabels.set(t.group, labelOf(cells[i]));
  });
  targets.forEach((t, i) => {
    const cell = cells[i] ?? '';
    if (!t || t.to === 'ignore' || t.to === 'listLabel') return;
    if (t.to === 'notes') {
      const text = cell.trim();
      if (text) f.notes.push(t.label ? `${t.label}: ${text}` : text);
      return;
    }
    const value = clean(cell);
    if (value === null) return;
    const values = t.split ? value.split(t.split).map((v) => clean(v)).filter((v): v is string => v !== null) : [value];
    switch (t.to) {
      case 'name': f.name ??= value; break;
      case 'nickname': f.nickname ??= value; card.nickname ??= value; break;
      case 'organisationUnit': card.organisationUnit ??= value; break;
      case 'addressPart': {
        const key = t.group ?? '';
        const a = addresses.get(key) ?? addresses.set(key, { label: groupLabels.get(key) ?? t.label ?? null, poBox: null, extended: null, street: null, locality: null, region: null, postcode: null, country: null }).get(key)!;
        if (t.part) a[t.part] ??= value;
        break;
      }
      case 'givenName': case 'middleName': case 'familyName': case 'prefix': case 'suffix':
        parts[t.to] ??= value; break;
      case 'emails': for (const v of values) f.emails.push({ address: v, label: t.group ? groupLabels.get(t.group) ?? t.label ?? null : t.label ?? null }); break;
      case 'phones': for (const v of values) f.phones.push({ number: v, label: t.group ? groupLabels.get(t.group) ?? t.label ?? null : t.label ?? null }); break;
      case 'webLinks': for (const v of values) f.webLinks.push({ url: v, label: t.group ? groupLabels.get(t.group) ?? t.label ?? null : t.label ?? null }); break;
      case 'tags': for (const v of values) { const tag = t.tag ? t.tag(v) : v; if (tag) f.tags.push(tag); } break;
      case 'networks': f.networks.push(...values.map((v) => v.toLowerCase())); break;
      case 'locationPart': {
        const key = t.group ?? '';
        (places.get(key) ?? places.set(key, []).get(key)!).push({ rank: t.rank ?? 0, value });
        break;
      }
      case 'connectedOn': {
        const day = parseExportDate(value);
        if (day === null) error ??= `${t.column}: not a date ${JSON.stringify(value)} (expected like "09 Oct 2024")`;
        else interactions.push({ occurredAt: `${day}T12:00:00.000Z`, kind: 'connected', channel: 'social', summary: null });
        break;
      }
      default:
        if (SCALARS.has(t.to)) f[t.to as Scalar] ??= value;
    }
  });

  card.middleName = parts.middleName ?? null;
  card.namePrefix = parts.prefix ?? null;
  card.nameSuffix = parts.suffix ?? null;
  card.addresses = [...addresses.keys()].sort().map((k) => addresses.get(k)!);
  f.card = card;
  if (f.location === null && card.addresses[0]) {
    const a = card.addresses[0];
    f.location = [a.locality, a.region, a.country].filter(Boolean).join(', ') || a.street;
  }
  f.givenName = parts.givenName ?? null;
  f.familyName = parts.familyName ?? null;
  f.name ??= clean([parts.prefix, parts.givenName, parts.middleName, parts.familyName, parts.suffix].filter(Boolean).join(' '));
  if (f.location === null) {
    // Groups are named so they sort in order of preference (business address before home).
    for (const key of [...places.keys()].sort()) {
      const list = places.get(key)!;
      const joined = [...new Set(list.sort((a, b) => a.rank - b.rank).map((p) => p.value))].join(', ');
      if (joined) { f.location = joined; break; }
    }
  }
  return { line, raw, fields: f, interactions, error, warnings: [] };
}
