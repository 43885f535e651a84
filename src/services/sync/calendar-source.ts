import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createDAVClient, type DAVCalendar } from 'tsdav';
import { RapportError } from '../../domain/errors.ts';
import { readCalendar, type CalendarReading } from '../../io/calendar-read.ts';
import type { ConnectedAccount } from './account-syncer.ts';

// A server that accepts the connection and never answers would hold a capture (and `rapport serve`'s timer) for ever.
const TIMEOUT_MS = 30_000;

const why = (e: unknown): string => (e instanceof Error ? (e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message) : String(e));
const signalOf = (signal?: AbortSignal): AbortSignal => (signal ? AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]) : AbortSignal.timeout(TIMEOUT_MS));

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

// The key a file or URL is remembered by between captures: a file by its absolute path.
export const sourceKey = (location: string): string => (isUrl(location) ? location : resolve(location));

// An .ics file or URL, read whole and expanded over the window. What cannot be read is named (`what`: the file, URL
// or account as the user knows it) with what to do.
export async function readIcs(location: string, from: Date, to: Date, what: string, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<CalendarReading> {
  let text: string;
  if (isUrl(location)) {
    let res: Response;
    try {
      res = await fetch(location, { headers, signal: signalOf(signal) });
    } catch (e) {
      throw new RapportError('invalid', `${what}: cannot fetch it (${why(e)}); check the address and that the server is running, then capture again`, { cause: e });
    }
    if (res.status === 401 || res.status === 403) throw new RapportError('invalid', `${what}: the server refused access (${res.status}); check the user name and password`);
    if (!res.ok) throw new RapportError('invalid', `${what}: the server answered ${res.status} ${res.statusText}; check the address`);
    text = await res.text();
  } else {
    try {
      text = await readFile(location, 'utf8');
    } catch (e) {
      throw new RapportError('invalid', `${what}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? why(e)}); give the path of an .ics file`, { cause: e });
    }
  }
  try {
    return readCalendar(text, from, to);
  } catch (e) {
    throw new RapportError('invalid', `${what}: not an iCalendar file (${why(e)}); export the calendar as .ics and try again`, { cause: e });
  }
}

export function accountPassword(account: ConnectedAccount): string {
  if (account.secret !== null) return account.secret;
  if (account.secret_env === null) return '';
  const value = process.env[account.secret_env];
  if (value === undefined || value === '') {
    throw new RapportError('invalid', `account ${JSON.stringify(account.name)}: the environment variable ${account.secret_env} holding its password is not set; set it and sync again`, {
      problems: [{ path: 'passwordEnv', message: `${account.secret_env} is not set` }],
    });
  }
  return value;
}

export interface CalDavSession {
  calendar: DAVCalendar;
  objects(range: { from: Date; to: Date }): Promise<{ url: string; data: string }[]>;
}

// Logs in (discovery from the account's address: /.well-known/caldav, principal, calendar home), picks the account's
// calendar (its collection_url, else the first that holds events) and reads objects by time range.
export async function openCalDav(account: ConnectedAccount, signal?: AbortSignal): Promise<CalDavSession> {
  const name = JSON.stringify(account.name);
  const password = accountPassword(account);
  const timed: typeof fetch = (input, init) => fetch(input, { ...init, signal: signalOf(signal) });
  const fail = (e: unknown): RapportError => {
    const text = why(e);
    if (/401|unauthori[sz]ed|invalid credentials/i.test(text)) {
      const where = account.secret_env ? `the password in $${account.secret_env}` : 'the stored password';
      return new RapportError('invalid', `account ${name}: ${account.url} refused user ${JSON.stringify(account.username ?? '')} (401); check the user name and ${where}`, { cause: e });
    }
    return new RapportError('invalid', `account ${name}: cannot reach the calendar at ${account.url} (${text}); check the address and that the server is running, then sync again`, { cause: e });
  };
  let client: Awaited<ReturnType<typeof createDAVClient>>;
  let calendars: DAVCalendar[];
  try {
    client = await createDAVClient({
      serverUrl: account.url, credentials: { username: account.username ?? '', password }, authMethod: 'Basic', defaultAccountType: 'caldav', fetch: timed,
    });
    calendars = await client.fetchCalendars();
  } catch (e) {
    throw fail(e);
  }
  const wanted = account.collection_url;
  const same = (a: string, b: string) => new URL(a, account.url).pathname.replace(/\/?$/, '/') === new URL(b, account.url).pathname.replace(/\/?$/, '/');
  const calendar = wanted
    ? calendars.find((c) => same(c.url, wanted))
    : calendars.find((c) => !c.components || c.components.includes('VEVENT'));
  if (!calendar) {
    const list = calendars.map((c) => `${String(c.displayName ?? '')} (${c.url})`).join(', ') || 'none';
    throw new RapportError('not_found', `account ${name}: ${wanted ? `no calendar at ${wanted}` : 'no calendar with events'} on ${account.url}; calendars there: ${list}`);
  }
  return {
    calendar,
    async objects({ from, to }) {
      try {
        const objects = await client.fetchCalendarObjects({ calendar, timeRange: { start: from.toISOString(), end: to.toISOString() }, expand: false });
        return objects.map((o) => ({ url: o.url, data: String(o.data ?? '') }));
      } catch (e) {
        throw fail(e);
      }
    },
  };
}
