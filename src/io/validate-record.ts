import type { z } from 'zod';
import { addressLine, cardSchema, isEmptyCard, type ContactCard } from '../domain/card.ts';
import { contactInputSchema, type ContactDraft, type ContactInput } from '../domain/contact.ts';
import { isBlankDate, normaliseBirthday } from './dates.ts';
import { fastDraft } from './fast-draft.ts';
import type { ParsedRecord, RecordFields, RejectedRow, ValidRecord } from './import-record.ts';

export interface AppliedToEvery {
  networks: string[];
  connectionType: string | null;
  tags: string[];
  // Built-in or this workspace's own connection types.
  isKnownType: (key: string) => boolean;
}

export type Validated =
  | { kind: 'valid'; record: ValidRecord }
  | { kind: 'blank'; line: number }
  | { kind: 'rejected'; row: RejectedRow }
  // A vCard with KIND:org: the organisation it names, not a person.
  | { kind: 'organisation'; line: number; name: string; website: string | null; notes: string | null };

// Values other tools let through (Outlook's "BusinessPhone", a vCard email with a comma) must not cost the whole
// person: they are kept in the notes and reported. Only these fields are salvaged that way.
const SALVAGE: Record<string, string> = { emails: 'email', phones: 'phone', webLinks: 'web address', tags: 'tag', birthday: 'birthday' };

function nameOf(f: RecordFields): { name: string; fallback: boolean } | null {
  if (f.name) return { name: f.name, fallback: false };
  if (f.nickname) return { name: f.nickname, fallback: false };
  const other = f.organisation ?? f.emails[0]?.address ?? f.phones[0]?.number ?? f.webLinks[0]?.url ?? null;
  return other ? { name: other, fallback: true } : null;
}

const show = (value: unknown): string => {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);
};

function describe(issue: z.core.$ZodIssue, input: ContactInput): string {
  const path = issue.path.map(String);
  const field = path[0] ?? '(record)';
  let value: unknown = input;
  for (const p of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) value = Object.values(value)[0];
  const shown = value === undefined || issue.message.includes('"') ? '' : ` (got ${show(value)})`;
  return `${field}: ${issue.message}${shown}`;
}

export function validateRecord(rec: ParsedRecord, every: AppliedToEvery): Validated {
  if (rec.error) return { kind: 'rejected', row: { line: rec.line, reason: rec.error, raw: rec.raw } };
  const f = rec.fields;
  if (f.kind === 'org' || f.kind === 'organization') {
    const name = f.organisation ?? f.name;
    if (!name) return { kind: 'blank', line: rec.line };
    // What an organisation has no field for is kept in its notes.
    const details = [
      f.name && f.name !== name ? `Also called ${f.name}` : null, f.card?.organisationUnit ? `Unit: ${f.card.organisationUnit}` : null,
      ...f.emails.map((e) => `Email: ${e.address}`), ...f.phones.map((p) => `Phone: ${p.number}`),
      ...(f.card?.addresses ?? []).map((a) => `Address: ${addressLine(a)}`), ...f.webLinks.slice(1).map((l) => `Web: ${l.url}`), ...f.notes,
    ].filter((x): x is string => x !== null);
    return { kind: 'organisation', line: rec.line, name, website: f.webLinks[0]?.url ?? null, notes: details.length ? details.join('\n') : null };
  }
  const named = nameOf(f);
  if (!named) return { kind: 'blank', line: rec.line };
  const warnings = [...rec.warnings];
  if (named.fallback) warnings.push(`no name: called ${JSON.stringify(named.name)} for now`);
  const notes = [...f.notes];
  let birthday = f.birthday && !isBlankDate(f.birthday) ? f.birthday : null;
  if (birthday) birthday = normaliseBirthday(birthday) ?? birthday;
  let cadenceDays: number | null = null;
  if (f.cadenceDays !== null) {
    if (!/^\d+$/.test(f.cadenceDays)) return reject(rec, `cadenceDays: not a whole number of days ${show(f.cadenceDays)}`);
    cadenceDays = Number(f.cadenceDays);
  }
  const input = {
    name: named.name, givenName: f.givenName, familyName: f.familyName,
    emails: [...f.emails], phones: [...f.phones], webLinks: [...f.webLinks],
    organisation: f.organisation, title: f.title, location: f.location, birthday,
    metHow: f.metHow, metWhere: f.metWhere, notes: null as string | null,
    tags: [...f.tags, ...every.tags], networks: [...new Set([...f.networks, ...every.networks])],
    connectionType: f.connectionType ?? every.connectionType, industry: f.industry, cadenceDays, photo: f.photo,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    input.notes = notes.length ? notes.join('\n\n') : null;
    const fast = attempt === 0 ? fastDraft(input) : null;
    const parsed = fast ? { success: true as const, data: fast } : contactInputSchema.safeParse(input as ContactInput);
    if (parsed.success) {
      const type = parsed.data.connectionType;
      if (type !== null && !every.isKnownType(type)) return reject(rec, `connectionType: unknown connection type ${show(type)} (add it with \`rapport types add\` first)`);
      const draft = f.card ? withCard(parsed.data, f.card, warnings) : parsed.data;
      const state = f.archived || f.snoozedUntil ? { archived: f.archived, snoozedUntil: f.snoozedUntil } : null;
      return { kind: 'valid', record: { line: rec.line, raw: rec.raw, draft, nameIsFallback: named.fallback, state, interactions: rec.interactions, warnings } };
    }
    const issues = parsed.error.issues;
    const fatal = issues.find((i) => !(String(i.path[0]) in SALVAGE) && i.path[0] !== 'photo');
    if (fatal) return reject(rec, describe(fatal, input as ContactInput), issues.length - 1);
    // Remove each bad value (highest index first so the others keep theirs) and keep it in the notes.
    const bad = issues.map((i) => ({ field: String(i.path[0]), index: typeof i.path[1] === 'number' ? i.path[1] : -1, issue: i }))
      .sort((a, b) => b.index - a.index);
    for (const { field, index, issue } of bad) {
      if (field === 'photo') {
        input.photo = null;
        warnings.push('photo dropped: larger than about 1.5 MB');
        continue;
      }
      const list = field === 'birthday' ? null : (input[field as 'emails' | 'phones' | 'webLinks' | 'tags'] as unknown[]);
      const entry = list ? list[index] : input.birthday;
      const value = typeof entry === 'object' && entry !== null ? Object.values(entry)[0] : entry;
      if (list) list.splice(index, 1);
      else input.birthday = null;
      notes.push(`${SALVAGE[field]} (not imported as one): ${String(value)}`);
      warnings.push(`${field}: ${issue.message}${issue.message.includes('"') ? '' : ` (got ${show(value)})`}; kept in the notes`);
    }
  }
  return reject(rec, 'could not be made valid');
}

// The card's parts are checked on their own: one too long never costs the person, only that part (reported).
function withCard(draft: ContactDraft, card: ContactCard, warnings: string[]): ContactDraft {
  if (isEmptyCard(card)) return draft;
  const parsed = cardSchema.safeParse(card);
  if (parsed.success) return { ...draft, card: parsed.data };
  const issue = parsed.error.issues[0]!;
  warnings.push(`card: ${issue.path.join('.')}: ${issue.message}; those details were not kept`);
  return draft;
}

function reject(rec: ParsedRecord, reason: string, more = 0): Validated {
  return { kind: 'rejected', row: { line: rec.line, reason: more > 0 ? `${reason} (and ${more} more)` : reason, raw: rec.raw } };
}
