import { z } from 'zod';
import { IMPORT_FORMATS } from '../../io/import-record.ts';
import { count, id, out } from './common.ts';

const line = z.number().int().min(1);
// A JSON backup: how many of each entity it holds (or restored), by table.
export const restoredCountsOutput = z.record(z.string(), count);

export const importReportOutput = out({
  file: z.string(),
  format: z.enum(IMPORT_FORMATS),
  encoding: z.string(),
  written: z.boolean(),
  counts: out({ rows: count, organisations: count, created: count, updated: count, unchanged: count, merged: count, rejected: count, blank: count, unsorted: count }),
  rows: z.array(out({
    line,
    name: z.string(),
    outcome: z.enum(['created', 'updated', 'unchanged', 'merged']),
    contactId: id.nullable(),
    matchedBy: z.string().nullable(),
    matchedLine: line.nullable(),
    changes: z.array(z.string()),
  })),
  suggestedDuplicates: z.array(out({ line, name: z.string(), withLine: line.nullable(), withContactId: id.nullable(), withName: z.string(), reason: z.string() })),
  rejected: z.array(out({ line, reason: z.string() })),
  blankLines: z.array(line),
  warnings: z.array(z.string()),
  rejectedFile: out({ suffix: z.string(), content: z.string() }).nullable(),
  restored: restoredCountsOutput.nullable(),
}).meta({ id: 'ImportReport' });

export const exportOutput = out({
  format: z.enum(['vcard', 'csv', 'json']),
  filename: z.string(),
  mimeType: z.string(),
  count,
  content: z.string(),
  warnings: z.array(z.string()),
});

export const calendarOutput = out({ count, content: z.string() });

const pairSide = out({ id, name: z.string(), organisation: z.string().nullable(), archived: z.boolean() });
export const duplicatePairOutput = out({ a: pairSide, b: pairSide, reasons: z.array(z.string()) }).meta({ id: 'DuplicatePair' });

const demoCounts = {
  contacts: count, organisations: count, interactions: count, links: count, events: count, communities: count, goals: count, actions: count, followUps: count,
};
export const demoSummaryOutput = out({ ...demoCounts, size: count, seed: z.number().int() });

export const demoRemovalOutput = out({
  contacts: count, organisations: count, interactions: count, events: count, communities: count, goals: count,
  yours: out({ interactions: count, followUps: count, actions: count, links: count }),
  rows: count,
  removed: z.boolean(),
});
