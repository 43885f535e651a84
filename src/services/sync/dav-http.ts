import { RapportError } from '../../domain/errors.ts';
import type { ConnectedAccount } from './account-syncer.ts';
import { basicAuth } from './credentials.ts';

export type Fetch = typeof globalThis.fetch;

// Every request to the account's server goes through here, so a refused login or an unreachable server reads the
// same everywhere: the account, the address, and what to do.
export interface DavSession {
  account: ConnectedAccount;
  headers: Record<string, string>;
  fetch: Fetch;
  request(url: string, init?: RequestInit): Promise<Response>;
}

// Errors that concern the whole session (server gone, login refused): a sync stops at the first, since every later
// card would fail the same way.
const SESSION_ERRORS = new WeakSet<Error>();
export const isSessionError = (e: unknown): boolean => e instanceof Error && SESSION_ERRORS.has(e);
const mark = (e: RapportError): RapportError => { SESSION_ERRORS.add(e); return e; };

export function unreachable(account: ConnectedAccount, url: string, cause: unknown): RapportError {
  const why = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return mark(new RapportError('invalid', `account ${JSON.stringify(account.name)}: cannot reach ${url} (${why}); check the address and that the server is running, then sync again`, { cause }));
}

export function refusedLogin(account: ConnectedAccount, url: string): RapportError {
  const where = account.secret_env ? `the password in $${account.secret_env}` : 'the stored password';
  return mark(new RapportError('invalid', `account ${JSON.stringify(account.name)}: ${url} refused user ${JSON.stringify(account.username ?? '')} (401); check the user name and ${where}`, {
    problems: [{ path: 'password', message: 'refused by the server' }],
  }));
}

// tsdav's own requests fail with a bare "fetch failed": named here like ours.
export async function guarded<T>(session: DavSession, url: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RapportError) throw e;
    throw unreachable(session.account, url, e);
  }
}

export function davSession(account: ConnectedAccount, fetchImpl: Fetch = globalThis.fetch.bind(globalThis), timeoutMs = 30_000): DavSession {
  const headers = basicAuth(account);
  // A server that accepts the connection and never answers would hold a sync (and `rapport serve`'s timer) for ever.
  const timed: Fetch = (input, init) => fetchImpl(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
  const session: DavSession = {
    account,
    headers,
    fetch: timed,
    async request(url, init = {}) {
      let res: Response;
      try {
        res = await timed(url, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
      } catch (e) {
        throw unreachable(account, url, e);
      }
      if (res.status === 401) throw refusedLogin(account, url);
      return res;
    },
  };
  return session;
}
