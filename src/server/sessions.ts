import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'rapport_session';
export const SESSION_DAYS = 30;

// Sessions live in memory: a restart signs everyone out, which for a one-person server is a fair price for
// having no session secret to store or leak.
export class SessionStore {
  private readonly sessions = new Map<string, number>();
  constructor(private readonly now: () => number = Date.now) {}

  create(): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, this.now() + SESSION_DAYS * 86_400_000);
    return id;
  }

  valid(id: string | undefined): boolean {
    if (!id) return false;
    const expires = this.sessions.get(id);
    if (expires === undefined) return false;
    if (expires < this.now()) {
      this.sessions.delete(id);
      return false;
    }
    return true;
  }

  end(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  endAll(): void {
    this.sessions.clear();
  }
}
