import { createHash, timingSafeEqual } from 'node:crypto';
import { loadPasswordHash, passwordMatches } from '../services/auth.service.ts';
import type { Store } from '../store/store.ts';
import { SessionStore } from './sessions.ts';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

// Who may in: anyone while no password or token is configured (the server then listens on loopback only),
// else a valid session cookie or `Authorization: Bearer <token or password>`.
export class AuthGate {
  readonly sessions = new SessionStore();
  private passwordHash: string | null = null;
  private readonly token: Buffer | null;
  // Bearer passwords already checked with argon2 (as sha256 digests), so a script is not slowed ~85 ms a request.
  private readonly verifiedBearers = new Set<string>();

  constructor(private readonly store: Store, token: string | null | undefined) {
    this.token = token ? digest(token) : null;
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

  async checkPassword(candidate: string): Promise<boolean> {
    if (this.passwordHash !== null && (await passwordMatches(this.passwordHash, candidate))) return true;
    // With only RAPPORT_TOKEN configured, the login form takes the token.
    return this.tokenMatches(candidate);
  }

  async allows(bearer: string | null, sessionId: string | undefined): Promise<boolean> {
    if (!this.required) return true;
    if (this.sessions.valid(sessionId)) return true;
    if (bearer === null) return false;
    if (this.tokenMatches(bearer)) return true;
    const key = digest(bearer).toString('hex');
    if (this.verifiedBearers.has(key)) return true;
    if (this.passwordHash !== null && (await passwordMatches(this.passwordHash, bearer))) {
      this.verifiedBearers.add(key);
      return true;
    }
    return false;
  }

  private tokenMatches(candidate: string): boolean {
    return this.token !== null && timingSafeEqual(this.token, digest(candidate));
  }
}

export function bearerOf(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match ? match[1]!.trim() : null;
}
