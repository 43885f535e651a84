import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { allowedHostNames } from '../src/server/hosts.ts';
import { startServer, UnsafeBindError } from '../src/server/serve.ts';
import { openStore } from '../src/store/open-store.ts';
import { testServer, type TestServer } from './support/server-app.ts';

const open: TestServer[] = [];
async function server(...args: Parameters<typeof testServer>): Promise<TestServer> {
  const s = await testServer(...args);
  open.push(s);
  return s;
}
afterEach(async () => { for (const s of open.splice(0)) await s.close(); });

describe('security headers', () => {
  it('sends a strict CSP and friends on API, docs and error responses', async () => {
    const s = await server();
    for (const path of ['/api/today', '/api/docs', '/api/nope', '/auth/login']) {
      const res = await s.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('serves pages with no inline script', async () => {
    const s = await server();
    for (const path of ['/api/docs', '/auth/login']) expect(await (await s.request(path)).text()).not.toMatch(/<script|<style|style=/i);
  });
});

describe('Host header (DNS rebinding)', () => {
  it('answers to its own names only', async () => {
    const s = await server();
    for (const host of ['localhost:4173', '127.0.0.1:4173', '[::1]:4173']) expect((await s.request('/api/today', { headers: { host } })).status, host).toBe(200);
    const res = await s.request('/api/today', { headers: { host: 'attacker.example:4173' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('knows the machine name when listening on every interface, and extra names on request', () => {
    const names = allowedHostNames('0.0.0.0', ['rapport.example.org']);
    expect(names.has(hostname().toLowerCase())).toBe(true);
    expect(names.has('rapport.example.org')).toBe(true);
    expect(names.has('0.0.0.0')).toBe(false);
  });

  it('refuses writes from another origin', async () => {
    const s = await server();
    const res = await s.send('POST', '/api/contacts', { name: 'Mallory' }, { origin: 'http://attacker.example' });
    expect(res.status).toBe(403);
    expect((await s.send('POST', '/api/contacts', { name: 'Ada' }, { origin: 'http://localhost:4173' })).status).toBe(200);
    expect((await s.send('POST', '/api/contacts', { name: 'Eve' }, { 'sec-fetch-site': 'same-site', origin: 'http://localhost:5173' })).status).toBe(403);
    expect((await s.send('POST', '/api/contacts', { name: 'Bea' }, { 'sec-fetch-site': 'same-origin', origin: 'null' })).status).toBe(200);
  });
});

describe('credentials', () => {
  it('refuses to listen beyond loopback without a password or token', async () => {
    const store = await openStore({ location: ':memory:' });
    try {
      await expect(startServer({ store, clock: fixedClock('2026-11-23T12:00:00Z'), host: '0.0.0.0', port: 0 })).rejects.toBeInstanceOf(UnsafeBindError);
      const running = await startServer({ store, clock: fixedClock('2026-11-23T12:00:00Z'), host: '0.0.0.0', port: 0, token: 'correct-horse-battery' });
      try {
        const url = `http://127.0.0.1:${running.port}/api/today`;
        const denied = await fetch(url);
        expect(denied.status).toBe(401);
        expect(denied.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect((await fetch(url, { headers: { authorization: 'Bearer correct-horse-battery' } })).status).toBe(200);
        expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      } finally {
        await running.close();
      }
    } finally {
      await store.close();
    }
  });

  it('once a password is set, every request needs a session or bearer', async () => {
    const s = await server();
    expect((await s.send('POST', '/api/auth/password', { newPassword: 'short' })).status).toBe(422);
    expect((await s.send('POST', '/api/auth/password', { newPassword: 'a long enough secret' })).status).toBe(200);
    expect((await s.request('/api/today')).status).toBe(401);
    const page = await s.request('/contacts', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/auth/login?next=%2Fcontacts');

    const form = (password: string, next = '/contacts'): RequestInit => ({
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ password, next }).toString(),
    });
    expect((await s.request('/auth/login', form('nope'))).status).toBe(401);
    const ok = await s.request('/auth/login', form('a long enough secret'));
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/contacts');
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0]!;
    expect((await s.request('/api/today', { headers: { cookie: session } })).status).toBe(200);
    expect((await s.request('/api/today', { headers: { authorization: 'Bearer a long enough secret' } })).status).toBe(200);

    const settings = await (await s.request('/api/settings', { headers: { cookie: session } })).text();
    expect(settings).not.toMatch(/argon2|password/i);

    // Changing it needs the current one, and signs everyone out.
    const change = await s.send('POST', '/api/auth/password', { currentPassword: 'wrong', newPassword: 'another long secret' }, { cookie: session });
    expect(change.status).toBe(403);
    expect((await s.send('POST', '/api/auth/password', { currentPassword: 'a long enough secret', newPassword: 'another long secret' }, { cookie: session })).status).toBe(200);
    expect((await s.request('/api/today', { headers: { cookie: session } })).status).toBe(401);

    await s.request('/auth/logout', { method: 'POST' });
  });

  it('never redirects off-site after signing in', async () => {
    const s = await server({ token: 'tok-tok-tok-tok' });
    const res = await s.request('/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ password: 'tok-tok-tok-tok', next: '//attacker.example/x' }).toString(),
    });
    expect(res.headers.get('location')).toBe('/');
  });

  it('keeps the password while listening beyond loopback', async () => {
    const s = await server({ offLoopback: true });
    await s.send('POST', '/api/auth/password', { newPassword: 'a long enough secret' });
    const res = await s.send('POST', '/api/auth/password/clear', { currentPassword: 'a long enough secret' }, { authorization: 'Bearer a long enough secret' });
    expect(res.status).toBe(403);
  });

  it('lets a calendar app subscribe with ?token=', async () => {
    const s = await server({ token: 'calendar-token-123' });
    expect((await s.request('/calendar.ics')).status).toBe(401);
    const res = await s.request('/calendar.ics?token=calendar-token-123');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect((await s.request('/api/today?token=calendar-token-123')).status).toBe(401);
  });
});
