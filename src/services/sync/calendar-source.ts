import { createDAVClient, type DAVCalendar } from 'tsdav';
import { RapportError } from '../../domain/errors.ts';
import { readCalendar, type CalendarReading } from '../../io/calendar-read.ts';
import type { ConnectedAccount } from './account-syncer.ts';

// A server that accepts the connection and never answers would hold a capture (and `rapport serve`'s timer) for ever.
export const TIMEOUT_MS = 30_000;

const why = (e: unknown): string => (e instanceof Error ? (e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message) : String(e));
const signalOf = (signal?: AbortSignal, timeoutMs = TIMEOUT_MS): AbortSignal =>
  (signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs));
const timedOut = (e: unknown): boolean => e instanceof Error && e.name === 'TimeoutError';

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

// A calendar feed's text. What cannot be fetched is named (`what`: the URL or account as the user knows it) with
// what to do; a server that does not answer within the timeout is given up on.
export async function fetchIcs(url: string, what: string, options: { signal?: AbortSignal; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const signal = signalOf(options.signal, timeoutMs);
  try {
    const res = await fetch(url, { headers: options.headers ?? {}, signal });
    if (res.status === 401 || res.status === 403) throw new RapportError('invalid', `${what}: the server refused access (${res.status}); check the user name and password`);
    if (!res.ok) throw new RapportError('invalid', `${what}: the server answered ${res.status} ${res.statusText}; check the address`);
    return await res.text();
  } catch (e) {
    if (e instanceof RapportError) throw e;
    if (timedOut(e) || signal.reason instanceof Error && timedOut(signal.reason)) {
      throw new RapportError('invalid', `${what}: no answer within ${Math.round(timeoutMs / 1000)} s; check the address and that the server is running, then capture again`, { cause: e });
    }
    throw new RapportError('invalid', `${what}: cannot fetch it (${why(e)}); check the address and that the server is running, then capture again`, { cause: e });
  }
}

// An iCalendar text expanded over the window [from, to).
export function parseIcs(text: string, from: Date, to: Date, what: string): CalendarReading {
  try {
    return readCalendar(text, from, to);
  } catch (e) {
    throw new RapportError('invalid', `${what}: not an iCalendar file (${why(e)}); export the calendar as .ics and try again`, { cause: e });
  }
}

// An .ics feed, read whole and expanded over the window.
export async function readIcs(url: string, from: Date, to: Date, what: string, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<CalendarReading> {
  return parseIcs(await fetchIcs(url, what, { ...(signal ? { signal } : {}), headers }), from, to, what);
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
