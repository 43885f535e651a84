import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { createApp } from '../src/server/app.ts';
import { allowedHostNames } from '../src/server/hosts.ts';
import { ReadCache } from '../src/server/read-cache.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import { testServer } from './support/server-app.ts';

const names = async (res: Response): Promise<string[]> => ((await res.json()) as { items: { name: string }[] }).items.map((c) => c.name);

describe('read cache', () => {
  it('a write through the API shows in the very next read', async () => {
    const s = await testServer();
    try {
      expect(await names(await s.request('/api/contacts'))).toEqual([]);
      await s.send('POST', '/api/contacts', { name: 'Ada Lovelace' });
      expect(await names(await s.request('/api/contacts'))).toEqual(['Ada Lovelace']);
      await s.send('PATCH', '/api/contacts/1', { name: 'Ada King' });
      expect(await names(await s.request('/api/contacts'))).toEqual(['Ada King']);
    } finally {
      await s.close();
    }
  });

  it('a write by another process on the same SQLite file shows within a quarter second', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-cache-'));
    const clock = fixedClock('2026-11-23T12:00:00.000Z');
    const server = await openStore({ location: join(dir, 'r.db') });
    const cli = await openStore({ location: join(dir, 'r.db') });
    try {
      const { app } = await createApp({ context: { store: server, clock }, allowedHosts: allowedHostNames('127.0.0.1') });
      const list = () => app.request('http://localhost/api/contacts', { headers: { host: 'localhost' } });
      expect(await names(await list())).toEqual([]);
      await runOperation({ store: cli, clock }, contactCreate, { name: 'Grace Hopper' });
      await new Promise((r) => setTimeout(r, 300));
      expect(await names(await list())).toEqual(['Grace Hopper']);
    } finally {
      await cli.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never stores an answer computed before a write finished', async () => {
    let token = 1;
    const cache = new ReadCache(async () => token);
    await cache.sync();
    const before = cache.generation;
    cache.clear();
    cache.set('k', '"stale"', before);
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', '"fresh"', cache.generation);
    expect(cache.get('k')).toBe('"fresh"');
    token = 2;
    await new Promise((r) => setTimeout(r, 260));
    await cache.sync();
    expect(cache.get('k')).toBeUndefined();
  });
});
