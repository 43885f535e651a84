import type { Channel, InteractionKind } from '../domain/channels.ts';
import type { ContactCard } from '../domain/card.ts';
import type { ContactDraft } from '../domain/contact.ts';

export const IMPORT_FORMATS = ['linkedin', 'google', 'outlook', 'csv', 'vcard', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportedInteraction {
  occurredAt: string;
  kind: InteractionKind;
  channel: Channel;
  summary: string | null;
}

// What a parser read from one row or card, before validation: loose strings, as the file had them.
export interface RecordFields {
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  // Used as the display name only when the file gives no name: "Ada Lovelace" from nickname, org or email.
  nickname: string | null;
  emails: { address: string; label: string | null }[];
  phones: { number: string; label: string | null }[];
  webLinks: { url: string; label: string | null }[];
  organisation: string | null;
  title: string | null;
  location: string | null;
  birthday: string | null;
  metHow: string | null;
  metWhere: string | null;
  notes: string[];
  tags: string[];
  networks: string[];
  connectionType: string | null;
  industry: string | null;
  cadenceDays: string | null;
  photo: string | null;
  // The rest of a vCard (or the Google/Outlook columns Rapport has no field for): validated with cardSchema.
  card: ContactCard | null;
  // vCard KIND: "org" makes an organisation, not a contact.
  kind: string | null;
  // Rapport's own state, read back from its vCard export (X-RAPPORT-ARCHIVED, X-RAPPORT-SNOOZED-UNTIL).
  archived: boolean;
  snoozedUntil: string | null;
}

export interface ParsedRecord {
  line: number;
  // The record as it stood in the file, so rejected rows can be written back out for fixing.
  raw: string;
  fields: RecordFields;
  interactions: ImportedInteraction[];
  // A problem that makes the whole record unusable (a date that is not a date), found while reading.
  error: string | null;
  warnings: string[];
}

export interface RejectedRow {
  line: number;
  reason: string;
  raw: string;
}

// Records are handed to a sink one by one as they are read, never collected: an import keeps only what it validates.
export type RecordSink = (record: ParsedRecord) => void;

export interface ParsedFile {
  format: ImportFormat;
  // Rows with nothing in them (the "600 blank contacts" of other tools): counted, never created.
  blankLines: number[];
  // Rows the parser could not read at all (a vCard ical.js refuses).
  rejected: RejectedRow[];
  warnings: string[];
  // For writing rejected rows back: the CSV header line, or null for vCard.
  header: string | null;
}

export interface ValidRecord {
  line: number;
  raw: string;
  draft: ContactDraft;
  // The name came from an email or organisation, so it says nothing about who the person is.
  nameIsFallback: boolean;
  // Archived / snoozed as a Rapport export said; applied to contacts the import creates.
  state: { archived: boolean; snoozedUntil: string | null } | null;
  interactions: ImportedInteraction[];
  warnings: string[];
}

export function emptyFields(): RecordFields {
  return {
    name: null, givenName: null, familyName: null, nickname: null, emails: [], phones: [], webLinks: [],
    organisation: null, title: null, location: null, birthday: null, metHow: null, metWhere: null, notes: [],
    tags: [], networks: [], connectionType: null, industry: null, cadenceDays: null, photo: null, card: null, kind: null, archived: false, snoozedUntil: null,
  };
}

// Placeholders exporters write for "nothing": LinkedIn's " -", Outlook's "0/0/00".
export function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  // Most cells need none of the rewriting; the test keeps a 30,000-row import from running four regexes per cell.
  const v = (/[\t\u00a0]| {2}/.test(value) ? value.replace(/[\t\u00a0]+/g, ' ').replace(/ {2,}/g, ' ') : value).trim();
  if (v === '') return null;
  if (v.length <= 3 && (/^[-–—.]+$/.test(v) || /^n\/?a$/i.test(v))) return null;
  return v;
}
