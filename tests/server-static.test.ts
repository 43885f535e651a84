import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './support/server-app.ts';

describe('the built web app', () => {
  let dir: string;
  let s: TestServer;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Rapport</title><script type="module" src="/assets/app-abc123.js"></script>');
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), script);
    s = await testServer({ webRoot: dir });
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and at any page address the app routes itself', async () => {
    for (const [path, accept] of [['/', '*/*'], ['/contacts/12', 'text/html,application/xhtml+xml']] as const) {
      const res = await s.request(path, { headers: { accept } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('serves hashed assets for a year, gzipped when asked, and 404 for missing ones', async () => {
    const res = await s.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
    const again = await s.request('/assets/app-abc123.js', { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await s.request('/assets/missing.js')).status).toBe(404);
  });
});
