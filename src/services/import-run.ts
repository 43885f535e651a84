import { z } from 'zod';
import { entryList, lineText, multilineText, TEXT_LIMITS } from '../domain/limits.ts';
import { findConnectionType, connectionTypeKeySchema } from '../domain/connection-types.ts';
import { normaliseName, tagSchema, type Contact } from '../domain/contact.ts';
import { RapportError } from '../domain/errors.ts';
import { networkSchema } from '../domain/networks.ts';
import { checkedText, decodeBytes, TEXT_ENCODINGS } from '../io/decode.ts';
import { IMPORT_FORMATS, type ImportFormat, type RejectedRow, type ValidRecord } from '../io/import-record.ts';
import { keysOfDraft } from '../io/match-keys.ts';
import { detectFormat, parseContactFile } from '../io/parse-file.ts';
import { rejectedFile } from '../io/rejected-file.ts';
import { validateRecord } from '../io/validate-record.ts';
import { loadContacts } from '../store/repositories/contacts.repository.ts';
import { organisationIdsByKey } from '../store/repositories/contacts-bulk.repository.ts';
import { insertOrganisationsBulk } from '../store/repositories/demo.repository.ts';
import { connectedInteractionKeys, loadStoredKeys } from '../store/repositories/import.repository.ts';
import { loadCustomConnectionTypes, phoneRegion } from '../store/repositories/settings.repository.ts';
import { restoreBackup, summariseBackup } from './backup-restore.ts';
import { matchedIds, planImport, storedIndex, type PlannedRow, type RowOutcome, type SuggestedDuplicate } from './import-plan.ts';
import { writeImportPlan } from './import-write.ts';
import type { ServiceContext } from './operation.ts';
import { settingsAndDefaults } from './support/settings.ts';

export const importInput = z.object({
  content: z.string().max(200_000_000, 'the file is too large (200 MB at most)'),
  // true when content is the file's bytes in base64, so the encoding can be detected.
  base64: z.boolean().default(false),
  filename: lineText(TEXT_LIMITS.line).min(1).default('input'),
  format: z.enum(['auto', ...IMPORT_FORMATS]).default('auto'),
  map: multilineText(5000).optional().describe('Column=field pairs for any CSV, e.g. "Full Name=name,Mail=email"'),
  networks: entryList(networkSchema).default([]),
  connectionType: connectionTypeKeySchema.optional(),
  tags: entryList(tagSchema).default([]),
  encoding: z.enum(TEXT_ENCODINGS).default('auto'),
  noPhotos: z.boolean().default(false),
  skipInvalid: z.boolean().default(false).describe('import the good rows and return the rejected ones, instead of importing nothing'),
});
export type ImportInput = z.output<typeof importInput>;

export interface ImportReport {
  file: string;
  format: ImportFormat;
  encoding: string;
  written: boolean;
  // unsorted: of the created, those arriving without a network, left for triage (no cadence until sorted).
  counts: { rows: number; organisations: number; created: number; updated: number; unchanged: number; merged: number; rejected: number; blank: number; unsorted: number };
  rows: PlannedRow[];
  // Rows imported as their own contact although a contact of the same name exists: for review, never merged.
  suggestedDuplicates: SuggestedDuplicate[];
  rejected: { line: number; reason: string }[];
  blankLines: number[];
  warnings: string[];
  // The rejected rows as a file to fix and import again (written beside the input by the CLI).
  rejectedFile: { suffix: string; content: string } | null;
  // A JSON backup: how many of each entity it holds (or restored).
  restored: Record<string, number> | null;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export type ImportProgress = (done: number, total: number, phase: 'reading' | 'writing') => void;

function decode(input: ImportInput): { text: string; encoding: string; note: string | null } {
  if (input.base64) return decodeBytes(Buffer.from(input.content, 'base64'), input.filename, input.encoding);
  return { text: checkedText(input.content, input.filename), encoding: 'utf-8', note: null };
}

// A file parsed and validated, before anything stored is looked at: done before the write transaction begins,
// so the write lock is held only for matching and writing (another process's writers wait that much less).
export interface ReadImport {
  format: Exclude<ImportFormat, 'json'>;
  encoding: string;
  // The custom connection types the rows were validated against; read again inside the transaction to compare.
  customTypes: string;
  valid: ValidRecord[];
  // KIND:org cards: organisations, not contacts.
  organisations: { line: number; name: string; website: string | null; notes: string | null }[];
  rejected: RejectedRow[];
  blankLines: number[];
  warnings: string[];
  header: Parameters<typeof rejectedFile>[0];
}

// A JSON backup is only decoded here: it is restored whole inside the transaction.
export type ReadFile = ReadImport | { format: 'json'; encoding: string; text: string };

// Parses and validates the file.
export async function readImport(ctx: ServiceContext, input: ImportInput, onProgress?: ImportProgress): Promise<ReadFile> {
  const file = input.filename;
  const { text, encoding, note } = decode(input);
  const format = input.format === 'auto' ? detectFormat(text, file) : input.format;
  if (format === 'json') return { format, encoding, text };
  const custom = await loadCustomConnectionTypes(ctx.store);
  if (input.connectionType && !findConnectionType(input.connectionType, custom)) {
    throw new RapportError('invalid', `connectionType: unknown connection type ${JSON.stringify(input.connectionType)} (see \`rapport types\`)`, { problems: [{ path: 'connectionType', message: 'unknown connection type', value: input.connectionType }] });
  }
  const every = { networks: input.networks, connectionType: input.connectionType ?? null, tags: input.tags, isKnownType: (k: string) => findConnectionType(k, custom) !== undefined };
  const valid: ValidRecord[] = [];
  const rejected: RejectedRow[] = [];
  const blank: number[] = [];
  const organisations: { line: number; name: string; website: string | null; notes: string | null }[] = [];
  const warnings = note ? [note] : [];
  // Progress counts records against the lines of the file: an estimate, but known before reading.
  const expected = Math.max(1, format === 'vcard' ? (text.match(/^BEGIN:VCARD/gim) ?? []).length : countLines(text));
  let seen = 0;
  const parsed = parseContactFile(text, file, { format, map: input.map, noPhotos: input.noPhotos }, (rec) => {
    const v = validateRecord(rec, every);
    if (v.kind === 'valid') {
      valid.push(v.record);
      for (const w of v.record.warnings) warnings.push(`line ${rec.line}: ${w}`);
    } else if (v.kind === 'blank') blank.push(v.line);
    else if (v.kind === 'organisation') organisations.push(v);
    else rejected.push(v.row);
    if (++seen % 1000 === 0) onProgress?.(seen, expected, 'reading');
  });
  rejected.push(...parsed.rejected);
  for (const o of organisations) warnings.push(`line ${o.line}: a KIND:org card, so the organisation ${JSON.stringify(o.name)}, not a contact`);
  const blankLines = [...parsed.blankLines, ...blank].sort((a, b) => a - b);
  warnings.splice(note ? 1 : 0, 0, ...parsed.warnings);
  rejected.sort((a, b) => a.line - b.line);
  return { format, encoding, customTypes: JSON.stringify(custom), valid, organisations, rejected, blankLines, warnings, header: parsed.header };
}

// The whole import, read or write: parse, validate, match, then (when `write`) one pass of bulk writes.
// Runs inside the caller's transaction, so a failure or a kill leaves the database as it was. `opts.read` is the
// file already read outside it (readImport); it is read again here if the connection types changed meanwhile.
export async function runImport(ctx: ServiceContext, input: ImportInput, opts: { write: boolean; onProgress?: ImportProgress; read?: ReadFile }): Promise<ImportReport> {
  const { store } = ctx;
  const file = input.filename;
  const stillValid = async (r: ReadFile): Promise<boolean> => r.format === 'json' || r.customTypes === JSON.stringify(await loadCustomConnectionTypes(store));
  const read = opts.read && (await stillValid(opts.read)) ? opts.read : await readImport(ctx, input, opts.onProgress);
  if (read.format === 'json') {
    const { text, encoding } = read;
    const base = { file, format: read.format, encoding, written: false, rows: [], suggestedDuplicates: [], rejected: [], blankLines: [], rejectedFile: null, restored: null };
    const restored = opts.write ? await restoreBackup(ctx, text, file) : summariseBackup(text, file);
    return { ...base, written: opts.write, warnings: [], restored, counts: { rows: 0, organisations: restored.organisations ?? 0, created: restored.contacts ?? 0, updated: 0, unchanged: 0, merged: 0, rejected: 0, blank: 0, unsorted: 0 } };
  }
  const { format, encoding, valid, organisations, rejected, blankLines, warnings } = read;
  const base = { file, format, encoding, written: false, rows: [], suggestedDuplicates: [], rejected: [], blankLines: [], rejectedFile: null, restored: null };
  const index = storedIndex(await loadStoredKeys(store));
  const region = await phoneRegion(store);
  const keys = valid.map((r) => keysOfDraft(r.draft, r.nameIsFallback, region));
  const ids = matchedIds(keys, index);
  const { defaults } = await settingsAndDefaults(store);
  const existing = new Map<number, Contact>((await loadContacts(store, ids, defaults)).map((c) => [c.id, c]));
  const plan = planImport(valid, keys, index, existing, await connectedInteractionKeys(store, ids), region);

  const count = (o: RowOutcome) => plan.rows.filter((r) => r.outcome === o).length;
  const report: ImportReport = {
    ...base,
    counts: { rows: plan.rows.length + rejected.length + blankLines.length + organisations.length, organisations: organisations.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), merged: count('merged'), rejected: rejected.length, blank: blankLines.length,
      unsorted: plan.creates.filter((c) => c.draft.networks.length === 0).length },
    rows: plan.rows,
    suggestedDuplicates: plan.suggestions,
    rejected: rejected.map(({ line, reason }) => ({ line, reason })),
    blankLines,
    warnings,
    rejectedFile: rejected.length ? rejectedFile(read.header, rejected) : null,
  };
  if (!opts.write) return report;
  if (rejected.length && !input.skipInvalid) {
    const first = rejected[0]!;
    throw new RapportError('invalid', `${file} line ${first.line}: ${first.reason}${rejected.length > 1 ? ` (and ${rejected.length - 1} more rejected rows)` : ''}; nothing was imported (fix the rows, or skip them with --skip-invalid)`, {
      problems: rejected.map((r) => ({ path: `line ${r.line}`, message: r.reason })),
    });
  }
  if (organisations.length) {
    // Organisation cards (KIND:org) not stored yet, each name once, in one multi-row insert.
    const known = await organisationIdsByKey(store);
    const now = ctx.clock.now().toISOString();
    const fresh = new Map<string, (typeof organisations)[number]>();
    for (const o of organisations) if (!known.has(normaliseName(o.name)) && !fresh.has(normaliseName(o.name))) fresh.set(normaliseName(o.name), o);
    await insertOrganisationsBulk(store, [...fresh.values()].map((o) => ({ name: o.name.trim(), industry: null, website: o.website, is_mine: 0, notes: o.notes, created_at: now, updated_at: now })));
  }
  const { createdIds, warnings: writeWarnings } = await writeImportPlan(ctx, plan, opts.onProgress && ((d, t) => opts.onProgress!(d, t, 'writing')));
  report.rows.forEach((row, i) => {
    const target = plan.targets[i]!;
    if (target.kind === 'new') row.contactId = createdIds[target.index]!;
  });
  // A suggestion names the contact its row became, so the pair can be merged from the report.
  const idOfLine = new Map(report.rows.map((r) => [r.line, r.contactId]));
  for (const s of report.suggestedDuplicates) if (s.withContactId === null && s.withLine !== null) s.withContactId = idOfLine.get(s.withLine) ?? null;
  report.warnings.push(...writeWarnings);
  report.written = true;
  return report;
}
