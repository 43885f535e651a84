import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../src/domain/clock.ts';
import { networkOf } from '../src/server/client-address.ts';
import { LoginThrottle, VerifyQueue } from '../src/server/login-throttle.ts';
import { startServer, type RunningServer } from '../src/server/serve.ts';
import { authSetPassword } from '../src/services/auth.service.ts';
import type { LoginFailures } from '../src/services/login-failures.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';

const PASSWORD = 'correct horse battery';

// A clock the test moves by hand: back-off windows pass without sleeping.
function handClock(iso: string): Clock & { advance(seconds: number): void } {
  let at = Date.parse(iso);
  return { now: () => new Date(at), advance: (seconds) => { at += seconds * 1000; } };
}

interface Answer { status: number; retryAfter: string | undefined; cookie: string | undefined; body: string; type: string | undefined }

// From a chosen loopback address (all of 127.0.0.0/8 is this machine), so the server sees distinct clients.
function send(server: RunningServer, from: string, method: string, path: string, o: { form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
  const body = o.form ? new URLSearchParams(o.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: server.port, method, path, localAddress: from,
      headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...o.headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { text += chunk; });
      res.on('end', () => resolve({
        status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: text, type: res.headers['content-type'],
        cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
      }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('login throttling', () => {
  let store: Store;
  let clock: ReturnType<typeof handClock>;
  let server: RunningServer;
  const login = (from: string, password: string) => send(server, from, 'POST', '/auth/login', { form: { password, next: '/' } });
  const bearer = (from: string, token: string) => send(server, from, 'GET', '/api/settings', { headers: { authorization: `Bearer ${token}` } });
  const verifications = () => server.rapport.gate.verifications;

  beforeEach(async () => {
    store = await openStore({ location: ':memory:' });
    clock = handClock('2026-11-23T12:00:00.000Z');
    await runOperation({ store, clock }, authSetPassword, { newPassword: PASSWORD });
    server = await startServer({ store, clock, host: '127.0.0.1', port: 0, token: 'the-rapport-token', readCache: true });
  });
  afterEach(async () => {
    await server.close();
    await store.close();
  });

  it('backs one address off exponentially with 429 and Retry-After, without running argon2, while another address signs in', async () => {
    for (let i = 0; i < 5; i++) expect((await login('127.0.0.2', `guess ${i}`)).status).toBe(401);
    const waits: string[] = [];
    for (let i = 5; i < 22; i++) {
      expect((await login('127.0.0.2', `guess ${i}`)).status).toBe(401);
      const before = verifications();
      const refused = await login('127.0.0.2', PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.body).toContain('Too many wrong passwords or tokens from this address');
      // Refused before any check: no argon2 ran, so even the right password cannot be tried from here now.
      expect(verifications()).toBe(before);
      waits.push(refused.retryAfter!);
      if (i === 12) {
        const other = await login('127.0.0.3', PASSWORD);
        expect(other.status).toBe(303);
        expect(other.cookie).toMatch(/^rapport_session=/);
        expect((await send(server, '127.0.0.3', 'GET', '/api/settings', { headers: { cookie: other.cookie! } })).status).toBe(200);
      }
      clock.advance(Number(refused.retryAfter) - 1);
      expect((await login('127.0.0.2', 'still early')).status).toBe(429);
      clock.advance(1);
    }
    expect(waits).toEqual(['1', '2', '4', '8', '16', '32', '64', '128', '256', '512', '900', '900', '900', '900', '900', '900', '900']);
    // 22 wrong passwords checked, and the two right ones from 127.0.0.3 (form, then cookie: no second check).
    expect(verifications()).toBe(23);
    // Once the wait is over, the right password works from the guessing address too, and clears its record.
    expect((await login('127.0.0.2', PASSWORD)).status).toBe(303);
    expect((await login('127.0.0.2', 'one more typo')).status).toBe(401);
    expect((await login('127.0.0.2', 'another typo')).status).toBe(401);
  });

  it('throttles wrong bearer tokens the same way, as problem+json', async () => {
    for (let i = 0; i < 6; i++) expect((await bearer('127.0.0.4', `wrong-${i}`)).status).toBe(401);
    const before = verifications();
    const refused = await bearer('127.0.0.4', 'the-rapport-token');
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(refused.type).toBe('application/problem+json');
    expect(JSON.parse(refused.body)).toMatchObject({ status: 429, code: 'too_many_requests', title: 'Too many attempts' });
    expect((await bearer('127.0.0.4', PASSWORD)).status).toBe(429);
    expect(verifications()).toBe(before);
    // Another client with the token or the password is served meanwhile.
    expect((await bearer('127.0.0.5', 'the-rapport-token')).status).toBe(200);
    expect((await bearer('127.0.0.5', PASSWORD)).status).toBe(200);
    clock.advance(1);
    expect((await bearer('127.0.0.4', 'the-rapport-token')).status).toBe(200);
  });

  it('under mass guessing from many addresses, holds back every address that has failed, but not a clean one', async () => {
    for (let i = 10; i < 40; i++) expect((await login(`127.0.1.${i}`, 'spray')).status).toBe(401);
    // The 31st failure overall starts the overall back-off.
    expect((await login('127.0.1.40', 'spray')).status).toBe(401);
    const held = await login('127.0.1.10', PASSWORD);
    expect(held.status).toBe(429);
    expect(held.retryAfter).toBe('1');
    // The owner, on a machine that has not failed, still gets in.
    expect((await login('127.0.0.9', PASSWORD)).status).toBe(303);
    clock.advance(1);
    expect((await login('127.0.1.10', PASSWORD)).status).toBe(303);
  });

  it('keeps each failed attempt for Settings: time, client address and kind', async () => {
    await login('127.0.0.6', 'nope');
    clock.advance(60);
    await bearer('127.0.0.7', 'not-the-token');
    const res = await send(server, '127.0.0.8', 'GET', '/api/auth/failures', { headers: { authorization: 'Bearer the-rapport-token' } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body) as LoginFailures).toEqual({
      totals: { password: 1, token: 1 },
      since: '2026-11-23T12:00:00.000Z',
      latest: [
        { at: '2026-11-23T12:01:00.000Z', client: '127.0.0.7', kind: 'token' },
        { at: '2026-11-23T12:00:00.000Z', client: '127.0.0.6', kind: 'password' },
      ],
    });
    // Read through the cache, a new failure still shows at once.
    await login('127.0.0.6', 'again');
    const again = JSON.parse((await send(server, '127.0.0.8', 'GET', '/api/auth/failures', { headers: { authorization: 'Bearer the-rapport-token' } })).body) as LoginFailures;
    expect(again.totals.password).toBe(2);
  });
});

describe('the throttle and the verification queue', () => {
  it('forgets an address a day after its last failure, and the overall back-off after an hour', () => {
    let now = 0;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < 7; i++) t.failed('a');
    expect(t.retryAfter('a')).toBe(2);
    now += 24 * 3_600_000 + 1;
    expect(t.retryAfter('a')).toBe(0);
    t.failed('a');
    expect(t.retryAfter('a')).toBe(0);
    const overall = new LoginThrottle(() => now);
    for (let i = 0; i < 31; i++) overall.failed(`spray-${i}`);
    expect(overall.retryAfter('spray-0')).toBe(1);
    expect(overall.retryAfter('never-failed')).toBe(0);
    overall.failed('spray-1');
    expect(overall.retryAfter('spray-0')).toBe(2);
    now += 3_600_000 + 1;
    expect(overall.retryAfter('spray-0')).toBe(0);
  });

  it('runs one verification at a time, two places per address, refuses beyond, and lets a clean address go first', async () => {
    const q = new VerifyQueue(1, 8, 2);
    const order: string[] = [];
    const gates: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const task = (who = '') => () => new Promise<string>((resolve) => {
      order.push(who);
      running += 1;
      most = Math.max(most, running);
      gates.push(() => { running -= 1; resolve('done'); });
    });
    const a1 = q.run('a', task('a1'));
    const a2 = q.run('a', task('a2'));
    expect(await q.run('a', task())).toBeNull();
    const b1 = q.run('b', task('b1'));
    const owner = q.run('owner', task('owner'), true);
    await Promise.resolve();
    expect(gates).toHaveLength(1);
    while (gates.length) {
      gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all([a1, a2, b1, owner])).toEqual(['done', 'done', 'done', 'done']);
    expect(most).toBe(1);
    expect(order).toEqual(['a1', 'owner', 'a2', 'b1']);
    expect(await q.run('a', async () => 'again')).toBe('again');
  });

  it('holds back a whole IPv6 /64 during the overall back-off, but backs off each address on its own', () => {
    expect(networkOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
    expect(networkOf('10.0.0.7')).toBe('10.0.0.7');
    const now = 0;
    const t = new LoginThrottle(() => now);
    // A guesser cycling through its /64: each address is new, but the overall back-off holds the network back.
    for (let i = 1; i <= 31; i++) t.failed(`2001:db8:1:2::${i.toString(16)}`, '2001:db8:1:2::/64');
    expect(t.retryAfter('2001:db8:1:2::ff', '2001:db8:1:2::/64')).toBe(1);
    expect(t.retryAfter('2001:db8:9:9::1', '2001:db8:9:9::/64')).toBe(0);
    // Below the overall limit, a neighbour in the same /64 is not held back by one guesser's failures.
    const calm = new LoginThrottle(() => now);
    for (let i = 0; i < 7; i++) calm.failed('2001:db8:1:2::bad', '2001:db8:1:2::/64');
    expect(calm.retryAfter('2001:db8:1:2::bad', '2001:db8:1:2::/64')).toBe(2);
    expect(calm.retryAfter('2001:db8:1:2::900d', '2001:db8:1:2::/64')).toBe(0);
  });
});
