import { z } from 'zod';
import { RapportError } from '../../domain/errors.ts';
import { readCalendar, type CalendarReading } from '../../io/calendar-read.ts';
import { capturedSource, setSourcePosition } from '../../store/repositories/captured-events.repository.ts';
import type { ServiceContext } from '../operation.ts';
import type { AccountSyncer, ConnectedAccount } from './account-syncer.ts';
import { applyCapture, type CaptureReport } from './calendar-capture.ts';
import { accountPassword, openCalDav, readIcs } from './calendar-source.ts';

export const DEFAULT_MAX_ATTENDEES = 10;
export const DEFAULT_CAPTURE_DAYS = 365;

// What a calendar account's options may say (connected_accounts.options, JSON).
export const calendarOptionsSchema = z.object({
  maxAttendees: z.number().int().min(1).max(10_000).default(DEFAULT_MAX_ATTENDEES),
  days: z.number().int().min(1).max(36_500).default(DEFAULT_CAPTURE_DAYS),
  myAddresses: z.array(z.string()).default([]),
});
export type CalendarOptions = z.output<typeof calendarOptionsSchema>;

function optionsOf(account: ConnectedAccount): CalendarOptions {
  let raw: unknown;
  try {
    raw = JSON.parse(account.options);
  } catch {
    raw = {};
  }
  const parsed = calendarOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const p = parsed.error.issues[0]!;
    throw new RapportError('invalid', `account ${JSON.stringify(account.name)}: option ${p.path.join('.')}: ${p.message}`);
  }
  const me = account.username && account.username.includes('@') ? [account.username] : [];
  return { ...parsed.data, myAddresses: [...parsed.data.myAddresses, ...me] };
}

const DAY_MS = 86_400_000;
const uidIn = (ics: string): string | null => /^UID[;:](?:[^:\r\n]*:)?(.+)$/m.exec(ics)?.[1]?.trim() ?? null;

// CalDAV: when the calendar's ctag is the one of the last capture, nothing on it changed and only the occurrences
// that moved into the past since then are read; otherwise the whole window is read again, so edits and
// disappearances are seen.
async function syncCalDav(ctx: ServiceContext, account: ConnectedAccount, signal?: AbortSignal): Promise<CaptureReport> {
  const options = optionsOf(account);
  const to = ctx.clock.now();
  const windowFrom = new Date(to.getTime() - options.days * DAY_MS);
  const key = `account:${account.id}`;
  const session = await openCalDav(account, signal);
  const known = await ctx.store.db.selectFrom('captured_sources').selectAll().where('workspace_id', '=', ctx.store.workspaceId).where('source', '=', key).executeTakeFirst();
  const ctag = session.calendar.ctag ?? null;
  const unchanged = ctag !== null && known?.ctag === ctag && known.captured_until !== null && new Date(known.captured_until) > windowFrom;
  const from = unchanged ? new Date(known.captured_until!) : windowFrom;
  // Nothing on the calendar changed and no time has passed: nothing to read.
  const objects = from < to ? await session.objects({ from, to }) : [];
  const reading: CalendarReading = { occurrences: [], problems: [] };
  for (const o of objects) {
    try {
      const r = readCalendar(o.data, from, to);
      reading.occurrences.push(...r.occurrences);
      reading.problems.push(...r.problems);
    } catch (e) {
      reading.problems.push({ uid: uidIn(o.data) ?? o.url, message: `not readable as iCalendar (${e instanceof Error ? e.message : String(e)})` });
    }
  }
  const label = (uid: string) => `account ${JSON.stringify(account.name)}, event ${uid}`;
  return ctx.store.transaction(async (tx) => {
    const inner = { ...ctx, store: tx };
    const source = await capturedSource(tx, key, to.toISOString());
    const report = await applyCapture(inner, source, reading, { from, to, full: !unchanged }, options, label);
    await setSourcePosition(tx, source.id, ctag, to.toISOString());
    return report;
  });
}

export const captureWindow = (ctx: ServiceContext, days: number): { from: Date; to: Date } => {
  const to = ctx.clock.now();
  return { from: new Date(to.getTime() - days * DAY_MS), to };
};

// An .ics file or feed: always read whole, so the whole window is compared with what was captured before. The
// reading is done by the caller before this (a fetch or a file read never holds the write transaction).
export async function applyIcsCapture(
  ctx: ServiceContext, key: string, what: string, reading: CalendarReading, window: { from: Date; to: Date }, options: CalendarOptions,
): Promise<CaptureReport> {
  const label = (uid: string) => `${what}, event ${uid}`;
  return ctx.store.transaction(async (tx) => {
    const source = await capturedSource(tx, key, window.to.toISOString());
    const report = await applyCapture({ ...ctx, store: tx }, source, reading, { ...window, full: true }, options, label);
    await setSourcePosition(tx, source.id, null, window.to.toISOString());
    return report;
  });
}

async function syncIcsAccount(ctx: ServiceContext, account: ConnectedAccount, signal?: AbortSignal): Promise<CaptureReport> {
  const options = optionsOf(account);
  const headers: Record<string, string> = account.username ? { Authorization: `Basic ${Buffer.from(`${account.username}:${accountPassword(account)}`).toString('base64')}` } : {};
  const window = captureWindow(ctx, options.days);
  const what = `account ${JSON.stringify(account.name)} (${account.url})`;
  const reading = await readIcs(account.url, window.from, window.to, what, signal, headers);
  return applyIcsCapture(ctx, `account:${account.id}`, what, reading, window, options);
}

export const caldavSyncer: AccountSyncer = {
  async test(_ctx, account) {
    const session = await openCalDav(account);
    return { ok: true, detail: `calendar "${String(session.calendar.displayName ?? session.calendar.url)}" at ${session.calendar.url}` };
  },
  sync: (ctx, account, options) => syncCalDav(ctx, account, options?.signal),
  // Reads the calendar first, then writes in one short transaction (syncCalDav, applyIcsCapture).
  ownTransactions: true,
};

export const icsSyncer: AccountSyncer = {
  async test(ctx, account) {
    const now = ctx.clock.now();
    const headers: Record<string, string> = account.username ? { Authorization: `Basic ${Buffer.from(`${account.username}:${accountPassword(account)}`).toString('base64')}` } : {};
    const r = await readIcs(account.url, new Date(now.getTime() - optionsOf(account).days * DAY_MS), now, `account ${JSON.stringify(account.name)} (${account.url})`, undefined, headers);
    return { ok: true, detail: `${r.occurrences.length} past event${r.occurrences.length === 1 ? '' : 's'} in the window at ${account.url}` };
  },
  sync: (ctx, account, options) => syncIcsAccount(ctx, account, options?.signal),
  ownTransactions: true,
};
