import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authFailures, recordLoginFailure } from '../src/services/login-failures.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('failed sign-ins kept for Settings on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  it('starts empty', async () => {
    expect(await t.run(authFailures, {})).toEqual({ totals: { password: 0, token: 0 }, since: null, latest: [] });
  });

  it('keeps the latest 100, newest first, and totals that outlive them', async () => {
    for (let i = 0; i < 105; i++) {
      const at = new Date(Date.UTC(2026, 10, 23, 12, 0, i)).toISOString();
      await recordLoginFailure(t.store, { at, client: `10.0.0.${i}`, kind: i % 5 === 0 ? 'token' : 'password' });
    }
    const seen = await t.run(authFailures, {});
    expect(seen.totals).toEqual({ password: 84, token: 21 });
    expect(seen.since).toBe('2026-11-23T12:00:00.000Z');
    expect(seen.latest).toHaveLength(100);
    expect(seen.latest[0]).toEqual({ at: '2026-11-23T12:01:44.000Z', client: '10.0.0.104', kind: 'password' });
    expect(seen.latest[99]).toEqual({ at: '2026-11-23T12:00:05.000Z', client: '10.0.0.5', kind: 'token' });
  });
});
