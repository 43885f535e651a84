import { z } from 'zod';
import { lineText } from '../domain/limits.ts';
import type { CalendarReading } from '../io/calendar-read.ts';
import { defineOperation, type ServiceContext } from './operation.ts';
import type { CaptureReport } from './sync/calendar-capture.ts';
import { fetchIcs, isUrl, parseIcs, TIMEOUT_MS } from './sync/calendar-source.ts';
import { applyIcsCapture, captureWindow, DEFAULT_CAPTURE_DAYS, DEFAULT_MAX_ATTENDEES } from './sync/calendar-syncer.ts';

export const captureReportSchema = z.object({
  created: z.number().int(), updated: z.number().int(), deleted: z.number().int(), archived: z.number().int(), conflicts: z.number().int(),
  skipped: z.number().int().describe('private or confidential events, and events over the attendee limit'),
  skippedPrivate: z.number().int(), skippedLarge: z.number().int(),
  unmatched: z.number().int().describe('past meetings with none of your contacts in them'),
  offered: z.number().int().describe('people newly offered in "people you met" (`rapport triage met`)'),
  errors: z.array(z.object({ item: z.string(), message: z.string() })).describe('events that could not be read, by UID; the rest were captured'),
});

// The operation never reads a file: over the API a path would be one on the server's disk. The CLI reads a local
// file itself and sends its text in `content`, with the file's absolute path as `source`.
export const captureInput = z.object({
  source: lineText(2000).min(1, 'give an http(s) URL, or a name for the calendar sent in content')
    .describe('an http(s) URL of a calendar feed to fetch; or, with content, the name the calendar is remembered by between captures (its file name)'),
  content: z.string().max(100_000_000, 'the calendar is too large (100 MB at most)').optional()
    .describe('the calendar itself (iCalendar text), uploaded; without it, source must be a URL'),
  maxAttendees: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_MAX_ATTENDEES).describe('events with more people invited are skipped'),
  days: z.coerce.number().int().min(1).max(36_500).default(DEFAULT_CAPTURE_DAYS).describe('how far back to capture, in days'),
  me: z.array(z.email({ error: (i) => `not an email address: ${JSON.stringify(i.input)}` })).default([]).describe('your own addresses: never matched, never offered'),
  timeout: z.coerce.number().int().min(1).max(600).default(TIMEOUT_MS / 1000).describe('seconds to wait for the feed at a URL'),
}).superRefine((v, ctx) => {
  if (v.content === undefined && !isUrl(v.source)) {
    ctx.addIssue({
      code: 'custom', path: ['source'], input: v.source,
      message: 'not an http(s) URL: a file is not read here; send the calendar\'s text in content (the CLI `rapport capture FILE` reads a local file)',
    });
  }
});
type CaptureInput = z.output<typeof captureInput>;

interface Prepared { reading: CalendarReading; window: { from: Date; to: Date } }

// Fetched and parsed before the write transaction begins.
async function prepare(ctx: ServiceContext, input: CaptureInput): Promise<Prepared> {
  const window = captureWindow(ctx, input.days);
  const text = input.content ?? await fetchIcs(input.source, input.source, { timeoutMs: input.timeout * 1000 });
  return { reading: parseIcs(text, window.from, window.to, input.source), window };
}

export const calendarCapture = defineOperation({
  name: 'calendar.capture',
  summary: 'Capture past meetings from an .ics calendar (uploaded, or fetched from a URL): events with your contacts become meetings (in person, video or call), once each; edits update them, cancellations remove them; people who are not contacts are offered in triage',
  effect: 'write',
  input: captureInput,
  output: captureReportSchema,
  http: { method: 'post', path: '/calendar/capture' },
  prepare,
  run: async (ctx, input, prepared): Promise<CaptureReport> => {
    const { reading, window } = (prepared as Prepared | undefined) ?? await prepare(ctx, input);
    return applyIcsCapture(ctx, input.source, input.source, reading, window, { maxAttendees: input.maxAttendees, days: input.days, myAddresses: input.me });
  },
});
