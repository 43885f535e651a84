import { z } from 'zod';
import { cardSchema, type ContactCard } from './card.ts';
import { connectionTypeKeySchema } from './connection-types.ts';
import { isValidIsoDay } from './dates.ts';
import { networkSchema, type Network } from './networks.ts';
import { entryList, hasTextControl, lineText, multilineText, TEXT_LIMITS, webUrlSchema } from './limits.ts';
import { patchSchema } from './patch.ts';
import { phoneMatchKey } from './phone.ts';

const optionalText = (max: number) => lineText(max).nullish().transform((v) => (v === '' || v == null ? null : v));
const optionalNote = (max: number) => multilineText(max).nullish().transform((v) => (v === '' || v == null ? null : v));

// Stored as given ("Ada.Lovelace@Example.org"), compared without case everywhere.
export const emailAddressSchema = lineText(TEXT_LIMITS.name)
  .pipe(z.email({ error: (issue) => `not an email address: ${JSON.stringify(issue.input)}` }));

// An entry is written either as a bare value or as { value, label }; errors point at the value itself.
const labelled = <T extends z.ZodType<string, string>>(value: T, key: 'address' | 'number' | 'url') =>
  z.preprocess((v) => (typeof v === 'string' ? { [key]: v } : v), z.object({ [key]: value, label: optionalText(TEXT_LIMITS.label) }));

export const emailEntrySchema = labelled(emailAddressSchema, 'address') as unknown as z.ZodType<
  { address: string; label: string | null },
  string | { address: string; label?: string | null }
>;

export const phoneNumberSchema = lineText(TEXT_LIMITS.short)
  .refine((v) => /^[+()\d][\d\s().\-/]{2,30}(\s*(x|ext\.?)\s*\d{1,6})?$/i.test(v) && /\d{3}/.test(v.replace(/\D/g, '')), {
    error: (issue) => `not a phone number: ${JSON.stringify(issue.input)}`,
  });

export const phoneEntrySchema = labelled(phoneNumberSchema, 'number') as unknown as z.ZodType<
  { number: string; label: string | null },
  string | { number: string; label?: string | null }
>;

export { webUrlSchema };

export const webLinkEntrySchema = labelled(webUrlSchema, 'url') as unknown as z.ZodType<
  { url: string; label: string | null },
  string | { url: string; label?: string | null }
>;

// A birthday may lack the year (vCard's --MM-DD), which many people prefer not to share.
export const birthdaySchema = lineText(TEXT_LIMITS.label).refine(
  (v) => isValidIsoDay(v) || (/^--\d{2}-\d{2}$/.test(v) && isValidIsoDay(`2000${v.slice(1)}`)),
  { error: (issue) => `not a birthday (YYYY-MM-DD or --MM-DD): ${JSON.stringify(issue.input)}` },
);

// Kept as given ("AI", "Berlin"), compared without case: one contact never has "ai" and "AI".
export const tagSchema = lineText(TEXT_LIMITS.label, `a tag is at most ${TEXT_LIMITS.label} characters`)
  .min(1, 'a tag cannot be empty')
  .regex(/^[^,\s][^,]*$/, 'a tag cannot contain a comma');

export const cadenceDaysSchema = z.number().int().min(1, 'a cadence is at least 1 day').max(3650, 'a cadence is at most 3650 days');

export const contactFields = {
  name: lineText(TEXT_LIMITS.name).min(1, 'a contact needs a name'),
  givenName: optionalText(TEXT_LIMITS.short),
  familyName: optionalText(TEXT_LIMITS.short),
  emails: entryList(emailEntrySchema).default([]),
  phones: entryList(phoneEntrySchema).default([]),
  organisation: optionalText(TEXT_LIMITS.name),
  title: optionalText(TEXT_LIMITS.name),
  location: optionalText(TEXT_LIMITS.name),
  webLinks: entryList(webLinkEntrySchema).default([]),
  birthday: birthdaySchema.nullish().transform((v) => v ?? null),
  metHow: optionalNote(TEXT_LIMITS.line),
  metWhere: optionalText(TEXT_LIMITS.name),
  notes: optionalNote(TEXT_LIMITS.note),
  tags: entryList(tagSchema).default([]),
  networks: entryList(networkSchema).default([]),
  connectionType: connectionTypeKeySchema.nullish().transform((v) => v ?? null),
  insideOrganisation: z.boolean().nullish().transform((v) => v ?? null),
  industry: optionalText(TEXT_LIMITS.short),
  cadenceDays: cadenceDaysSchema.nullish().transform((v) => v ?? null),
  photo: z.string().max(2_000_000, 'a photo is at most about 1.5 MB').refine((v) => !hasTextControl(v), 'a photo must not contain control characters').nullish().transform((v) => v ?? null),
  // Addresses, name parts, dated events and the vCard properties Rapport does not model; left out, unchanged.
  card: cardSchema.optional(),
};

export const contactInputSchema = z.object(contactFields);
export type ContactInput = z.input<typeof contactInputSchema>;
export type ContactDraft = z.output<typeof contactInputSchema>;

// Partial update: a field left out is unchanged; null clears it (patchSchema, because .partial() would apply the [] defaults).
export const contactPatchSchema = patchSchema(z.object(contactFields));
export type ContactPatch = z.output<typeof contactPatchSchema>;

export interface Contact {
  id: number;
  name: string;
  givenName: string | null;
  familyName: string | null;
  emails: { address: string; label: string | null }[];
  phones: { number: string; label: string | null }[];
  organisationId: number | null;
  organisation: string | null;
  title: string | null;
  location: string | null;
  webLinks: { url: string; label: string | null }[];
  birthday: string | null;
  metHow: string | null;
  metWhere: string | null;
  notes: string | null;
  tags: string[];
  networks: Network[];
  connectionType: string | null;
  insideOrganisation: boolean | null;
  industry: string | null;
  cadenceDays: number | null;
  effectiveCadenceDays: number;
  // The last conversation: 'connected' (an import's "Connected On") is on the timeline but is not one.
  lastInteractionAt: string | null;
  // Null while unsorted: no cadence runs until the contact is given a network.
  nextDueOn: string | null;
  // When the contact was sorted into the user's networks; null while unsorted (imported without a network).
  sortedAt: string | null;
  snoozedUntil: string | null;
  archived: boolean;
  hasPhoto: boolean;
  card?: ContactCard;
  createdAt: string;
  updatedAt: string;
}

// "Dr. Ada King (Lovelace)" → given "Ada", family "King": good enough to sort by; users can correct it.
export function splitName(name: string): { givenName: string | null; familyName: string | null } {
  const cleaned = name.replace(/\([^)]*\)|"[^"]*"/g, ' ').replace(/\b(dr|mr|mrs|ms|prof|sir)\.?\s+/gi, '').trim();
  const parts = cleaned.split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { givenName: null, familyName: null };
  if (parts.length === 1) return { givenName: parts[0] ?? null, familyName: null };
  return { givenName: parts.slice(0, -1).join(' '), familyName: parts[parts.length - 1] ?? null };
}

// Printable ASCII (most names and companies) needs none of the Unicode work and gives the same key several times
// faster, which an import keying 30,000 names and companies notices; a unit test holds the two paths equal.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// An import asks for the same keys over and over (each row's organisation, four times; each name when matching and
// again when storing): a bounded memo answers the repeats. The key is a pure function of the text.
const NAME_KEYS_KEPT = 50_000;
const nameKeys = new Map<string, string>();
export function normaliseName(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = PRINTABLE_ASCII.test(name) ? name.toLowerCase().replace(/\b(dr|mr|mrs|ms|prof|sir)\b\.?/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim() : normaliseUnicodeName(name);
    if (nameKeys.size >= NAME_KEYS_KEPT) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

const MARKS = /\p{M}/gu;
const NOT_LETTERS = /[^\p{L}\p{N}]+/gu;
export function normaliseUnicodeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/\b(dr|mr|mrs|ms|prof|sir)\b\.?/g, ' ')
    .replace(NOT_LETTERS, ' ')
    .trim();
}

// The stored number_key: E.164 where the number can be read (see phone.ts), so "+31 20 …" and "020 …" match in NL.
export const normalisePhone = (phone: string, region: string | null = null): string => phoneMatchKey(phone, region);

export function isLinkedInUrl(url: string): boolean {
  return /^https?:\/\/([a-z]+\.)?linkedin\.com\/in\//i.test(url);
}

// A profile URL as LinkedIn's export writes it ("https://www.linkedin.com/in/ada-lovelace-1a2b3c") is its own key:
// lower case, that host, no query, fragment or trailing slash. Only other forms need the rewriting.
const NORMAL_LINKEDIN_URL = /^https:\/\/www\.linkedin\.com\/[a-z0-9._~%!$&'()*+,;=:@/-]*[a-z0-9._~%!$&'()*+,;=:@-]$/;
export function normaliseLinkedInUrl(url: string): string {
  if (NORMAL_LINKEDIN_URL.test(url)) return url;
  return url.toLowerCase().replace(/^https?:\/\/([a-z]+\.)?linkedin\.com/, 'https://www.linkedin.com').replace(/[/?#].*?$/, (m) => (m.startsWith('/') ? m.replace(/[?#].*$/, '').replace(/\/+$/, '') : ''));
}
