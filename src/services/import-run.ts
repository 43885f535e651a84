import { z } from 'zod';
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
import { insertOrganisation } from '../store/repositories/organisations.repository.ts';
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
  filename: z.string().trim().min(1).max(500).default('input'),
  format: z.enum(['auto', ...IMPORT_FORMATS]).default('auto'),
  map: z.string().max(5000).optional().describe('Column=field pairs for any CSV, e.g. "Full Name=name,Mail=email"'),
  networks: z.array(networkSchema).default([]),
  connectionType: connectionTypeKeySchema.optional(),
  tags: z.array(tagSchema).default([]),
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
  counts: { rows: number; organisations: number; created: number; updated: number; unchanged: number; merged: number; rejected: number; blank: number };
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

// The whole import, read or write: parse, validate, match, then (when `write`) one pass of bulk writes.
// Runs inside the caller's transaction, so a failure or a kill leaves the database as it was.
export async function runImport(ctx: ServiceContext, input: ImportInput, opts: { write: boolean; onProgress?: ImportProgress }): Promise<ImportReport> {
  const { store } = ctx;
  const file = input.filename;
  const { text, encoding, note } = decode(input);
  const format = input.format === 'auto' ? detectFormat(text, file) : input.format;
  const base = { file, format, encoding, written: false, rows: [], suggestedDuplicates: [], rejected: [], blankLines: [], rejectedFile: null, restored: null };
  if (format === 'json') {
    const restored = opts.write ? await restoreBackup(ctx, text, file) : summariseBackup(text, file);
    return { ...base, written: opts.write, warnings: [], restored, counts: { rows: 0, organisations: restored.organisations ?? 0, created: restored.contacts ?? 0, updated: 0, unchanged: 0, merged: 0, rejected: 0, blank: 0 } };
  }
  const custom = await loadCustomConnectionTypes(store);
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
    if (++seen % 1000 === 0) opts.onProgress?.(seen, expected, 'reading');
  });
  rejected.push(...parsed.rejected);
  for (const o of organisations) warnings.push(`line ${o.line}: a KIND:org card, so the organisation ${JSON.stringify(o.name)}, not a contact`);
  const blankLines = [...parsed.blankLines, ...blank].sort((a, b) => a - b);
  warnings.splice(note ? 1 : 0, 0, ...parsed.warnings);
  rejected.sort((a, b) => a.line - b.line);

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
    counts: { rows: plan.rows.length + rejected.length + blankLines.length + organisations.length, organisations: organisations.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), merged: count('merged'), rejected: rejected.length, blank: blankLines.length },
    rows: plan.rows,
    suggestedDuplicates: plan.suggestions,
    rejected: rejected.map(({ line, reason }) => ({ line, reason })),
    blankLines,
    warnings,
    rejectedFile: rejected.length ? rejectedFile(parsed.header, rejected) : null,
  };
  if (!opts.write) return report;
  if (rejected.length && !input.skipInvalid) {
    const first = rejected[0]!;
    throw new RapportError('invalid', `${file} line ${first.line}: ${first.reason}${rejected.length > 1 ? ` (and ${rejected.length - 1} more rejected rows)` : ''}; nothing was imported (fix the rows, or skip them with --skip-invalid)`, {
      problems: rejected.map((r) => ({ path: `line ${r.line}`, message: r.reason })),
    });
  }
  if (organisations.length) {
    const known = await organisationIdsByKey(store);
    for (const o of organisations) {
      if (known.has(normaliseName(o.name))) continue;
      known.set(normaliseName(o.name), await insertOrganisation(store, { name: o.name, industry: null, website: o.website, isMine: false, notes: o.notes }, ctx.clock.now().toISOString()));
    }
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
