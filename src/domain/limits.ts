import { z } from 'zod';

// Every bound the operations enforce, in one place: the schemas below use them, the README's "Limits" section
// quotes them, and the fuzz test checks that nothing past them reaches the database.

// Ids are PostgreSQL `integer` (SQLite's INTEGER is wider): an id past 2^31-1 cannot exist, so it is refused up
// front rather than widening every key column and index for ids no one will ever reach.
export const MAX_ID = 2_147_483_647;
// Bulk operations (archive, erase, tag, snooze, bulk update…) take at most this many ids in one call; the store
// splits them into chunks below SQLite's and PostgreSQL's bind-parameter limits.
export const MAX_BULK_IDS = 50_000;
// Lists inside one record (a contact's emails, phones, web links, tags, networks).
export const MAX_ENTRIES = 100;
// An HTTP request body (an import file travels inside one).
export const MAX_BODY_BYTES = 50 * 1024 * 1024;
// A JSON request body nested deeper than this is refused before anything looks at it.
export const MAX_JSON_DEPTH = 64;
// Characters of a contact's text indexed for search (PostgreSQL's tsvector holds at most 1 MB).
export const MAX_SEARCH_DOCUMENT = 100_000;
// Web links and organisation websites: anything else (javascript:, data:, file:) is refused.
export const URL_SCHEMES = ['http', 'https', 'mailto'] as const;

// String lengths by kind of field.
export const TEXT_LIMITS = {
  label: 40, // an email's or phone's label, a tag
  short: 100, // given/family name, industry, a role
  name: 200, // names, titles, places, search queries
  line: 500, // one-line explanations: how you met, a reason, a value note
  description: 1_000, // goals and actions
  url: 2_048,
  note: 20_000, // notes and summaries (newlines and tabs allowed)
  message: 100_000, // a drafted message
} as const;

// Single-line fields refuse every control character (C0, DEL, C1): a NUL cannot be stored in PostgreSQL, and an
// escape sequence in a name would run in a terminal that prints it. Multi-line fields keep tab, line feed and CR.
const LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const hasLineControl = (text: string): boolean => LINE_CONTROL.test(text);
export const hasTextControl = (text: string): boolean => TEXT_CONTROL.test(text);

const codePoint = (text: string, pattern: RegExp): string => {
  const found = pattern.exec(text)?.[0] ?? '';
  return `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
};

const tooLong = (max: number) => `must be at most ${max} characters`;

// One line of text, trimmed: names, titles, tags, emails, queries…
const buildLineText = (max: number, tooLongMessage: string) =>
  z.string().trim().max(max, tooLongMessage).refine((v) => !hasLineControl(v), {
    error: (issue) => `must be one line without control characters (found ${codePoint(String(issue.input), LINE_CONTROL)})`,
  });
// Schemas never change once built, so each length's line schema is built once and shared: the operations name a
// few lengths hundreds of times, and building zod chains is most of what loading the schemas costs a CLI start.
const lineTexts = new Map<number, ReturnType<typeof buildLineText>>();
export const lineText = (max: number, tooLongMessage?: string): ReturnType<typeof buildLineText> => {
  if (tooLongMessage !== undefined) return buildLineText(max, tooLongMessage);
  const known = lineTexts.get(max);
  if (known) return known;
  const built = buildLineText(max, tooLong(max));
  lineTexts.set(max, built);
  return built;
};

// Free text that may span lines (notes, summaries, message bodies): tabs and line breaks are kept, NUL and the
// other control characters are refused.
export const multilineText = (max: number, options: { trim?: boolean } = {}) => {
  const base = options.trim === false ? z.string() : z.string().trim();
  return base.max(max, tooLong(max)).refine((v) => !hasTextControl(v), {
    error: (issue) => `must not contain control characters other than tab and line breaks (found ${codePoint(String(issue.input), TEXT_CONTROL)})`,
  });
};

export const idSchema = z.number().int().min(1, 'an id is a positive whole number').max(MAX_ID, `no id is above ${MAX_ID}`);
// Accepts "42" from a URL or the CLI as well as 42.
export const idParam = z.coerce.number().int().min(1, 'an id is a positive whole number').max(MAX_ID, `no id is above ${MAX_ID}`);

// A list of ids for a bulk operation.
export const idList = (emptyMessage?: string) =>
  z.array(idSchema).min(1, emptyMessage ?? 'name at least one').max(MAX_BULK_IDS, `at most ${MAX_BULK_IDS} ids at once`);
export const optionalIdList = () => z.array(idSchema).max(MAX_BULK_IDS, `at most ${MAX_BULK_IDS} ids at once`);

// A record's own list (emails, tags…).
export const entryList = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_ENTRIES, `at most ${MAX_ENTRIES} entries`);

// http(s) with a host, or mailto with an address; a bare "example.com" is read as https://example.com.
export function isAllowedUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (!(URL_SCHEMES as readonly string[]).includes(scheme)) return false;
  return scheme === 'mailto' ? url.pathname.length > 0 : url.hostname.length > 0;
}

export const webUrlSchema = lineText(TEXT_LIMITS.url)
  .transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
  .refine(isAllowedUrl, { error: (issue) => `not a web address (http, https or mailto only): ${JSON.stringify(issue.input)}` });

// Where a list is paged: the offset stays within what both databases count to.
export const offsetSchema = z.coerce.number().int().min(0).max(MAX_ID).default(0);
