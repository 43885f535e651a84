import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { RapportError } from '../../domain/errors.ts';
import type { CaptureReport } from '../../services/sync/calendar-capture.ts';
import { EXIT } from '../exit-codes.ts';
import { dim, paint, printJson } from '../output.ts';
import { collect, integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderCapture(r: CaptureReport): string {
  const lines = [`${plural(r.created, 'meeting')} captured, ${r.updated} updated, ${r.deleted} removed (cancelled or gone from the calendar)`];
  if (r.skipped) lines.push(dim(`skipped: ${r.skippedPrivate} private or confidential, ${r.skippedLarge} over the attendee limit`));
  if (r.unmatched) lines.push(dim(`${plural(r.unmatched, 'past meeting')} with none of your contacts`));
  if (r.offered) lines.push(`${plural(r.offered, 'person')} you met ${r.offered === 1 ? 'is' : 'are'} not a contact yet: see \`rapport triage met\``);
  for (const e of r.errors) lines.push(paint('red', `not captured: ${e.item}: ${e.message}`));
  return lines.join('\n');
}

async function readIcsFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new RapportError('invalid', `${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)}); give the path of an .ics file`, { cause: e });
  }
}

export function registerCaptureCommand(program: Command, rt: CliRuntime): void {
  program.command('capture').description('capture past meetings from a calendar (.ics file or URL): events with your contacts become meetings, once each')
    .argument('<source>', 'an .ics file, or an http(s) URL of a calendar feed')
    .option('--max-attendees <n>', 'skip events with more people invited than this', integer, 10)
    .option('--days <n>', 'how far back to capture', integer, 365)
    .option('--me <emails>', 'your own addresses (comma-separated or repeated): never matched, never offered', collect, [])
    .option('--timeout <seconds>', 'how long to wait for a feed at a URL', integer, 30)
    .option('--json', 'print the result as JSON')
    .action(async (source: string, o: { maxAttendees: number; days: number; me: string[]; timeout: number; json?: boolean }) => {
      const { calendarCapture } = await import('../../services/calendar-capture.service.ts');
      const { isUrl } = await import('../../services/sync/calendar-source.ts');
      const common = { maxAttendees: o.maxAttendees, days: o.days, me: o.me, timeout: o.timeout };
      // Only the CLI reads a local file (the API takes the calendar's text): it is remembered by its absolute path.
      const r = await rt.run(calendarCapture, isUrl(source) ? { source, ...common } : { source: resolve(source), content: await readIcsFile(source), ...common });
      if (o.json) return printJson(r);
      console.log(renderCapture(r));
      if (r.errors.length > 0) process.exitCode = EXIT.failure;
    });
}
