import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLoginFailure } from '../src/services/login-failures.service.ts';
import { openStore } from '../src/store/open-store.ts';
import { runRapport } from './support/cli.ts';

describe('failed sign-ins on the command line', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-failures-'));
    db = join(dir, 'r.db');
    const store = await openStore({ location: db });
    await recordLoginFailure(store, { at: '2026-11-23T12:00:00.000Z', client: '192.168.1.20', kind: 'password' });
    await recordLoginFailure(store, { at: '2026-11-23T12:05:00.000Z', client: '192.168.1.21', kind: 'token' });
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('settings show sums them up and settings failed-sign-ins lists them, newest first', async () => {
    const show = await runRapport(db, ['settings', 'show']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/failed sign-ins\s+2 \(1 password, 1 token\) since 2026-11-23T12:00:00.000Z; last 2026-11-23T12:05:00.000Z from 192.168.1.21/);
    const list = await runRapport(db, ['settings', 'failed-sign-ins']);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[1]).toMatch(/2026-11-23T12:05:00.000Z\s+192\.168\.1\.21\s+token/);
    expect(lines[2]).toMatch(/2026-11-23T12:00:00.000Z\s+192\.168\.1\.20\s+password/);
  });
});
