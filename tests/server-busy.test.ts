import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { createApp } from '../src/server/app.ts';
import { allowedHostNames } from '../src/server/hosts.ts';
import { openStore } from '../src/store/open-store.ts';

describe('the API while another process holds the SQLite write lock past the wait', () => {
  it('answers a write 503 problem+json with Retry-After and a message naming the file, never 500; reads still work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-busy-'));
    const path = join(dir, 'r.db');
    const store = await openStore({ location: path, writeWaitMs: 200 });
    const other = new SQLite(path);
    try {
      const { app } = await createApp({ context: { store, clock: fixedClock('2026-11-23T12:00:00.000Z') }, allowedHosts: allowedHostNames('127.0.0.1') });
      const send = (method: string, body?: unknown) => app.request('http://localhost/api/contacts', {
        method, headers: { host: 'localhost', 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}),
      });
      other.exec('begin immediate');
      const res = await send('POST', { name: 'Ada Lovelace' });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe('busy');
      expect(problem.detail).toContain(`the database is busy: another process (an import?) has been writing to ${path}`);
      expect((await send('GET')).status).toBe(200);
      other.exec('commit');
      expect((await send('POST', { name: 'Ada Lovelace' })).ok).toBe(true);
    } finally {
      other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
