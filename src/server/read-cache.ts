import { sql } from 'kysely';
import type { Store } from '../store/store.ts';

const MAX_BYTES = 32 * 1024 * 1024;
const MAX_ENTRY_BYTES = 1024 * 1024;
const MAX_AGE_MS = 5 * 60_000;
// How often another process's writes are looked for: a CLI write shows in the web app within this time.
const SYNC_EVERY_MS = 250;

// Read results kept as the JSON they were sent as, until anything changes the database. Writes through this server
// clear it at once; writes by another process (the CLI on the same SQLite file) show in SQLite's data_version,
// looked at every quarter second; PostgreSQL has no such counter, so there entries live two seconds at most.
export class ReadCache {
  private readonly entries = new Map<string, { body: string; at: number }>();
  // Answers being computed: fifty requests arriving together for the same thing share one computation.
  private readonly inflight = new Map<string, Promise<string>>();
  private bytes = 0;
  private token: number | null = null;
  private syncedAt = -Infinity;
  // Bumped by every clear, so a read that started before a write cannot store its now-stale answer.
  generation = 0;

  constructor(private readonly changeToken: () => Promise<number>, private readonly now: () => number = Date.now) {}

  async sync(): Promise<void> {
    const now = this.now();
    if (now - this.syncedAt < SYNC_EVERY_MS) return;
    this.syncedAt = now;
    const token = await this.changeToken();
    if (token !== this.token) {
      this.clear();
      this.token = token;
    }
  }

  async fetch(key: string, compute: () => Promise<string>): Promise<string> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const promise = compute();
    this.inflight.set(key, promise);
    try {
      const body = await promise;
      this.set(key, body, generation);
      return body;
    } finally {
      if (this.inflight.get(key) === promise) this.inflight.delete(key);
    }
  }

  get(key: string): string | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at > MAX_AGE_MS) {
      this.drop(key);
      return undefined;
    }
    // Map order is insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.body;
  }

  set(key: string, body: string, generation: number): void {
    if (generation !== this.generation || body.length > MAX_ENTRY_BYTES) return;
    this.drop(key);
    this.entries.set(key, { body, at: this.now() });
    this.bytes += body.length;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= MAX_BYTES) break;
      this.drop(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    // A computation that began before the write must not answer requests that arrive after it.
    this.inflight.clear();
    this.bytes = 0;
    this.generation++;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.body.length;
    this.entries.delete(key);
  }
}

export function readCacheFor(store: Store): ReadCache {
  if (store.dialect === 'sqlite') {
    return new ReadCache(async () => {
      const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(store.db);
      return rows[0]?.data_version ?? 0;
    });
  }
  return new ReadCache(async () => Math.floor(Date.now() / 2000));
}

// The same input in any key order is the same request.
export function cacheKey(name: string, input: Record<string, unknown>, day: string): string {
  const sorted = Object.keys(input).sort().map((k) => [k, input[k]]);
  return `${name} ${day} ${JSON.stringify(sorted)}`;
}
