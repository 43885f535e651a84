import { z } from 'zod';
import { lineText, TEXT_LIMITS } from '../domain/limits.ts';
import { connectionTypeKeySchema } from '../domain/connection-types.ts';
import { tagSchema } from '../domain/contact.ts';
import { invalid } from '../domain/errors.ts';
import { networkSchema } from '../domain/networks.ts';
import { CSV_LAYOUTS, contactsToGoogleCsv, contactsToOutlookCsv } from '../io/csv-layouts.ts';
import { contactsToCsv } from '../io/csv-write.ts';
import { contactsToVcard, type ExportContact } from '../io/vcard-write.ts';
import { loadContacts } from '../store/repositories/contacts.repository.ts';
import { exportContactIds, photosOf, type ExportFilter } from '../store/repositories/export.repository.ts';
import { backupJson } from './backup-restore.ts';
import { defineOperation, type ServiceContext } from './operation.ts';
import { settingsAndDefaults } from './support/settings.ts';
import { exportOutput } from './schemas/import-export.ts';

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const exportInput = z.object({
  format: z.enum(['vcard', 'csv', 'json'], { error: (i) => `unknown export format ${JSON.stringify(i.input)}: use vcard, csv or json` }),
  network: networkSchema.optional(),
  connectionType: connectionTypeKeySchema.optional(),
  tag: tagSchema.optional(),
  query: lineText(TEXT_LIMITS.name).min(1).optional(),
  archived: flag.optional().describe('only archived (true) or only active (false) contacts; both when left out'),
  layout: z.enum(CSV_LAYOUTS, { error: (i) => `unknown CSV layout ${JSON.stringify(i.input)}: use rapport, google or outlook` }).default('rapport')
    .describe("CSV only: Rapport's own columns, or Google Contacts' or Outlook's layout"),
  vcardVersion: z.enum(['3.0', '4.0'], { error: (i) => `unknown vCard version ${JSON.stringify(i.input)}: use 3.0 or 4.0` }).default('4.0')
    .describe('vCard only: 4.0 (RFC 6350), or 3.0 for older readers (photos inline as ENCODING=b)'),
});
export type ExportInput = z.output<typeof exportInput>;

export interface ExportResult {
  format: 'vcard' | 'csv' | 'json';
  filename: string;
  mimeType: string;
  count: number;
  content: string;
  // Values the chosen layout has no column for (Outlook's fixed slots), named so nothing is lost silently.
  warnings: string[];
}

const FILES = {
  vcard: { filename: 'rapport-contacts.vcf', mimeType: 'text/vcard; charset=utf-8' },
  csv: { filename: 'rapport-contacts.csv', mimeType: 'text/csv; charset=utf-8' },
  json: { filename: 'rapport-backup.json', mimeType: 'application/json' },
} as const;

async function exportContacts(ctx: ServiceContext, filter: ExportFilter): Promise<ExportContact[]> {
  const ids = await exportContactIds(ctx.store, filter);
  const { defaults } = await settingsAndDefaults(ctx.store);
  const contacts = await loadContacts(ctx.store, ids, defaults);
  const photos = await photosOf(ctx.store, ids);
  return contacts.map((c) => ({ ...c, photo: photos.get(c.id) ?? null }));
}

export async function runExport(ctx: ServiceContext, input: ExportInput): Promise<ExportResult> {
  const { format, query, layout, vcardVersion, ...rest } = input;
  if (format === 'json') {
    if (query || Object.values(rest).some((v) => v !== undefined)) {
      throw invalid('format', 'a JSON backup holds the whole database; filters apply to vcard and csv exports');
    }
    const content = await backupJson(ctx);
    const count = (await ctx.store.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ctx.store.workspaceId).executeTakeFirstOrThrow()).n;
    return { format, ...FILES.json, count: Number(count), content, warnings: [] };
  }
  const filter: ExportFilter = { ...rest };
  if (query) filter.ids = await ctx.store.search.search(ctx.store.db, ctx.store.workspaceId, query, 100_000);
  const contacts = await exportContacts(ctx, filter);
  if (format === 'vcard') return { format, ...FILES.vcard, count: contacts.length, content: contactsToVcard(contacts, vcardVersion), warnings: [] };
  if (layout === 'outlook') {
    const { content, dropped } = contactsToOutlookCsv(contacts);
    return { format, ...FILES.csv, filename: 'outlook-contacts.csv', count: contacts.length, content, warnings: dropped };
  }
  const content = layout === 'google' ? contactsToGoogleCsv(contacts) : contactsToCsv(contacts);
  return { format, ...FILES.csv, ...(layout === 'google' ? { filename: 'google-contacts.csv' } : {}), count: contacts.length, content, warnings: [] };
}

export const exportOp = defineOperation({
  name: 'export',
  summary: 'Export contacts as vCard 4.0 or 3.0, or CSV in Rapport\'s, Google\'s or Outlook\'s layout (all, or filtered like the contact list), or the whole database as a JSON backup',
  effect: 'read',
  input: exportInput,
  output: exportOutput,
  http: { method: 'get', path: '/export' },
  run: runExport,
});
