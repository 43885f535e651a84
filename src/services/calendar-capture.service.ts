import { z } from 'zod';
import { lineText } from '../domain/limits.ts';
import { defineOperation } from './operation.ts';
import type { CaptureReport } from './sync/calendar-capture.ts';
import { sourceKey } from './sync/calendar-source.ts';
import { captureIcs, DEFAULT_CAPTURE_DAYS, DEFAULT_MAX_ATTENDEES } from './sync/calendar-syncer.ts';

export const captureReportSchema = z.object({
  created: z.number().int(), updated: z.number().int(), deleted: z.number().int(), archived: z.number().int(), conflicts: z.number().int(),
  skipped: z.number().int().describe('private or confidential events, and events over the attendee limit'),
  skippedPrivate: z.number().int(), skippedLarge: z.number().int(),
  unmatched: z.number().int().describe('past meetings with none of your contacts in them'),
  offered: z.number().int().describe('people newly offered in "people you met" (`rapport triage met`)'),
  errors: z.array(z.object({ item: z.string(), message: z.string() })).describe('events that could not be read, by UID; the rest were captured'),
});

export const calendarCapture = defineOperation({
  name: 'calendar.capture',
  summary: 'Capture past meetings from an .ics file or URL: events with your contacts become meetings (in person, video or call), once each; edits update them, cancellations remove them; people who are not contacts are offered in triage',
  effect: 'write',
  input: z.object({
    source: lineText(2000).min(1, 'give an .ics file or an http(s) URL').describe('the path of an .ics file, or an http(s) URL of a calendar feed'),
    maxAttendees: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_MAX_ATTENDEES).describe('events with more people invited are skipped'),
    days: z.coerce.number().int().min(1).max(36_500).default(DEFAULT_CAPTURE_DAYS).describe('how far back to capture, in days'),
    me: z.array(z.email({ error: (i) => `not an email address: ${JSON.stringify(i.input)}` })).default([]).describe('your own addresses: never matched, never offered'),
  }),
  output: captureReportSchema,
  http: { method: 'post', path: '/calendar/capture' },
  run: async (ctx, input): Promise<CaptureReport> => {
    const key = sourceKey(input.source);
    return captureIcs(ctx, key, key, input.source, { maxAttendees: input.maxAttendees, days: input.days, myAddresses: input.me });
  },
});
