import { createHash, timingSafeEqual } from 'node:crypto';
import { loadPasswordHash, passwordMatches } from '../services/auth.service.ts';
import type { LoginFailure, LoginFailureKind } from '../services/login-failures.service.ts';
import type { Store } from '../store/store.ts';
import { networkOf } from './client-address.ts';
import { DEFAULT_THROTTLE_POLICY, LoginThrottle, VerifyQueue, type ThrottlePolicy } from './login-throttle.ts';
import { SessionStore } from './sessions.ts';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

// ok, or refused: retryAfter (seconds) when throttled, which the routes answer with 429 instead of 401.
export type Verdict = { ok: true } | { ok: false; retryAfter: number | null };
const OK: Verdict = { ok: true };
const WRONG: Verdict = { ok: false, retryAfter: null };
const throttled = (seconds: number): Verdict => ({ ok: false, retryAfter: seconds });

export interface GateOptions {
  now: () => number;
  // Keeps each failed attempt where Settings can show it.
  recordFailure: (failure: LoginFailure) => Promise<void>;
  policy?: ThrottlePolicy;
}

// Who may in: anyone while no password or token is configured (the server then listens on loopback only),
// else a valid session cookie or `Authorization: Bearer <token or password>`. Every password or token tried is
// throttled per client address (see login-throttle.ts); a throttled attempt is refused before anything is checked.
export class AuthGate {
  readonly sessions = new SessionStore();
  readonly throttle: LoginThrottle;
  private readonly queue = new VerifyQueue();
  // How many argon2 verifications ran: a throttled attempt must not add to it.
  verifications = 0;
  private passwordHash: string | null = null;
  private readonly token: Buffer | null;
  // Bearer passwords already checked with argon2 (as sha256 digests), so a script is not slowed ~85 ms a request.
  private readonly verifiedBearers = new Set<string>();

  constructor(private readonly store: Store, token: string | null | undefined, private readonly options: GateOptions) {
    this.token = token ? digest(token) : null;
    this.throttle = new LoginThrottle(options.now, options.policy ?? DEFAULT_THROTTLE_POLICY);
  }

  async reload(): Promise<void> {
    const next = await loadPasswordHash(this.store);
    if (next !== this.passwordHash) {
      this.sessions.endAll();
      this.verifiedBearers.clear();
    }
    this.passwordHash = next;
  }

  get required(): boolean {
    return this.passwordHash !== null || this.token !== null;
  }

  get hasToken(): boolean {
    return this.token !== null;
  }

  // The login form; with only RAPPORT_TOKEN configured it takes the token.
  checkPassword(client: string, candidate: string): Promise<Verdict> {
    return this.attempt(client, 'password', candidate);
  }

  async allows(client: string, bearer: string | null, sessionId: string | undefined): Promise<Verdict> {
    if (!this.required) return OK;
    // A session id is 256 random bits: checking one costs nothing and guessing one is hopeless, so never throttled.
    if (this.sessions.valid(sessionId)) return OK;
    if (bearer === null) return WRONG;
    return this.attempt(client, 'token', bearer);
  }

  private async attempt(client: string, kind: LoginFailureKind, candidate: string): Promise<Verdict> {
    const network = networkOf(client);
    const wait = this.throttle.retryAfter(client, network);
    if (wait) return throttled(wait);
    const key = digest(candidate).toString('hex');
    let ok = this.tokenMatches(candidate) || (kind === 'token' && this.verifiedBearers.has(key));
    if (!ok && this.passwordHash !== null) {
      const hash = this.passwordHash;
      const result = await this.queue.run(client, async (): Promise<{ wait: number } | { match: boolean }> => {
        // Looked at again: an attempt from the same address that failed while this one queued may have blocked it.
        const again = this.throttle.retryAfter(client, network);
        if (again) return { wait: again };
        this.verifications += 1;
        return { match: await passwordMatches(hash, candidate) };
      }, !this.throttle.hasFailed(client));
      if (result === null) return throttled(1);
      if ('wait' in result) return throttled(result.wait);
      ok = result.match;
      if (ok && kind === 'token') this.verifiedBearers.add(key);
    }
    if (ok) {
      this.throttle.succeeded(client);
      return OK;
    }
    this.throttle.failed(client, network);
    await this.options.recordFailure({ at: new Date(this.options.now()).toISOString(), client, kind });
    return WRONG;
  }

  private tokenMatches(candidate: string): boolean {
    return this.token !== null && timingSafeEqual(this.token, digest(candidate));
  }
}

export function bearerOf(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match ? match[1]!.trim() : null;
}
