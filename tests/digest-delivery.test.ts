import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../src/domain/clock.ts';
import { digestConfigure, digestTest } from '../src/services/digest.service.ts';
import { deliverDigest } from '../src/services/digest-send.ts';
import { exportOp } from '../src/services/export.service.ts';
import { followUpAdd } from '../src/services/follow-ups.service.ts';
import { settingsGet } from '../src/services/settings.service.ts';
import { startDigestScheduler } from '../src/server/digest-scheduler.ts';
import { startServer } from '../src/server/serve.ts';
import { addContact } from './support/builders.ts';
import { testContext, type TestContext } from './support/stores.ts';

interface Mail { from: string; to: string[]; raw: string }

// Enough of RFC 5322/2045 to read what nodemailer writes: unfolded headers, and each part's body decoded.
function readMail(raw: string): { header(name: string): string | undefined; text: string; html: string } {
  const [head = ''] = raw.split(/\r\n\r\n/);
  const headers = head.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
  const header = (name: string) => headers.find((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim();
  const boundary = /boundary="([^"]+)"/.exec(raw)?.[1] ?? '';
  const part = (type: string) => {
    const body = raw.split(`--${boundary}`).find((p) => p.includes(`Content-Type: ${type}`))?.split('\r\n\r\n').slice(1).join('\r\n\r\n') ?? '';
    const qp = body.replace(/=\r\n/g, '');
    return Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_a, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  };
  return { header, text: part('text/plain'), html: part('text/html') };
}

// A real SMTP server on a loopback ephemeral port; `refuse` answers every message with a 550.
async function smtpServer(refuse = false): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Hit { headers: IncomingHttpHeaders; body: string }
async function receiver(o: { hang?: boolean } = {}): Promise<{ url: string; hits: Hit[]; close(): Promise<void> }> {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      if (!o.hang) res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, hits, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

// 2026-12-07 is a Monday; 07:30 UTC is 08:30 in Paris, after the 08:00 send time.
const MONDAY_0830_PARIS = '2026-12-07T07:30:00.000Z';

describe('the digest reaches the user (SQLite)', () => {
  let t: TestContext;
  const at = (iso: string): TestContext => ({ ...t, clock: fixedClock(iso) as Clock });
  beforeEach(async () => {
    t = await testContext('sqlite', fixedClock('2026-12-01T12:00:00.000Z'));
    const ada = await addContact(t, 'Ada Lovelace', { emails: ['ada@example.org'] });
    await addContact(t, 'Leap Year', { birthday: '--12-09' });
    await t.run(followUpAdd, { contactId: ada, dueOn: '2026-12-05', reason: 'send the Analytical Engine notes' });
  });
  afterEach(async () => { await t.close(); });

  it('emails text and HTML with the people in it and RFC 8058 one-click unsubscribe that works on the server', async () => {
    const smtp = await smtpServer();
    try {
      await t.run(digestConfigure, {
        frequency: 'daily', hour: 8, timeZone: 'Europe/Paris', webBaseUrl: 'http://127.0.0.1:9/',
        email: { enabled: true, host: '127.0.0.1', port: smtp.port, tls: 'none', to: 'me@example.org', from: 'rapport@example.org' },
      });
      const outcomes = await deliverDigest(at(MONDAY_0830_PARIS));
      expect(outcomes.map((o) => [o.channel, o.status, o.period])).toEqual([['email', 'sent', 'daily:2026-12-07']]);
      expect(smtp.mails).toHaveLength(1);
      const mail = smtp.mails[0]!;
      expect(mail.to).toEqual(['me@example.org']);
      const parsed = readMail(mail.raw);
      expect(parsed.header('subject')).toMatch(/^Rapport: \d+ things to do \(2026-12-07\)$/);
      const unsubscribe = /<(http:\/\/127\.0\.0\.1:9\/digest\/unsubscribe\?token=[\w-]+)>/.exec(String(parsed.header('list-unsubscribe')))![1]!;
      expect(parsed.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(parsed.text).toContain('Ada Lovelace: send the Analytical Engine notes');
      expect(parsed.text).toContain('http://127.0.0.1:9/contacts/1');
      expect(parsed.text).toContain('Leap Year: birthday (2026-12-09)');
      expect(String(parsed.html)).toContain('<strong>Ada Lovelace</strong>');
      expect(String(parsed.html)).toContain('Happy birthday!');

      // The one-click POST a mail client makes: no session, no same-origin header, the token is the credential.
      const server = await startServer({ store: t.store, clock: t.clock, host: '127.0.0.1', port: 0 });
      try {
        const path = new URL(unsubscribe).pathname + new URL(unsubscribe).search;
        const wrong = await fetch(`${server.url}/digest/unsubscribe?token=nope`, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
        expect(wrong.status).toBe(404);
        const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
        expect(res.status).toBe(200);
      } finally {
        await server.close();
      }
      const settings = await t.run(settingsGet, {});
      expect(settings.digest.email.enabled).toBe(false);
    } finally {
      await smtp.close();
    }
  });

  it('signs the webhook body with HMAC-SHA256; two restarts on one day send once; the next day sends again', async () => {
    const hook = await receiver();
    try {
      await t.run(digestConfigure, { frequency: 'daily', hour: 8, timeZone: 'Europe/Paris', webhook: { enabled: true, url: hook.url }, webhookSecret: 's3cret' });
      // Before 08:00 Paris on the 7th, the 6th's digest is the current one: it goes out at the first tick.
      for (const iso of [MONDAY_0830_PARIS, '2026-12-07T12:00:00.000Z', '2026-12-07T22:59:00.000Z']) {
        const scheduler = startDigestScheduler(at(iso), { intervalMs: 0 });
        await scheduler.tick();
        scheduler.stop();
      }
      expect(hook.hits).toHaveLength(1);
      const { headers, body } = hook.hits[0]!;
      expect(headers['x-rapport-signature']).toBe(`sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`);
      const payload = JSON.parse(body) as { period: string; digest: { sections: { key: string; entries: { who: string }[] }[] } };
      expect(payload.period).toBe('daily:2026-12-07');
      // The first follow-ups Rapport plans for every new contact (due 12-04), then Ada's own (12-05): most overdue first.
      expect(payload.digest.sections.find((s) => s.key === 'follow-ups')!.entries.map((e) => e.who)).toEqual(['Ada Lovelace', 'Leap Year', 'Ada Lovelace']);
      // 23:00 UTC is midnight in Paris, still before 08:00 on the 8th; 07:00 UTC on the 8th is 08:00 there.
      await startDigestScheduler(at('2026-12-07T23:30:00.000Z'), { intervalMs: 0 }).tick();
      expect(hook.hits).toHaveLength(1);
      await startDigestScheduler(at('2026-12-08T07:00:00.000Z'), { intervalMs: 0 }).tick();
      expect(hook.hits).toHaveLength(2);
    } finally {
      await hook.close();
    }
  });

  it('an SMTP server that refuses, an unreachable host and a webhook that times out each fail with a message naming the setting; retried later; the next period still sends', async () => {
    const refusing = await smtpServer(true);
    const slow = await receiver({ hang: true });
    try {
      await t.run(digestConfigure, {
        frequency: 'daily', hour: 8, timeZone: 'UTC',
        email: { enabled: true, host: '127.0.0.1', port: refusing.port, tls: 'none', to: 'me@example.org' },
        webhook: { enabled: true, url: slow.url }, ntfy: { enabled: true, url: 'http://no-such-host.invalid/topic' },
      });
      const first = await deliverDigest(at('2026-12-07T09:00:00.000Z'), { timeoutMs: 500 });
      expect(first.map((o) => o.status)).toEqual(['failed', 'failed', 'failed']);
      expect(first[0]!.message).toMatch(/^digest\.email: the SMTP server at 127\.0\.0\.1:\d+ refused the message: 550/);
      expect(first[1]!.message).toMatch(/^digest\.webhook\.url: no answer from http:\/\/127\.0\.0\.1:\d+\/hook within 0\.5 s$/);
      expect(first[2]!.message).toMatch(/^digest\.ntfy\.url: no such host in http:\/\/no-such-host\.invalid\/topic/);
      expect(first[0]!.nextAttemptAt).toBe('2026-12-07T09:01:00.000Z');
      // Within the back-off nothing is tried; the status shows the failure.
      expect((await deliverDigest(at('2026-12-07T09:00:30.000Z'), { timeoutMs: 500 })).map((o) => o.status)).toEqual(['waiting', 'waiting', 'waiting']);
      const status = await t.run((await import('../src/services/digest.service.ts')).digestStatus, {});
      expect(status.channels.find((c) => c.channel === 'email')).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^digest\.email:/) as unknown });
      // The next day, with the servers fixed, the digest goes out.
      await refusing.close();
      const smtp = await smtpServer();
      const hook = await receiver();
      try {
        await t.run(digestConfigure, { email: { port: smtp.port }, webhook: { url: hook.url }, ntfy: { enabled: false } });
        const next = await deliverDigest(at('2026-12-08T08:05:00.000Z'));
        expect(next.map((o) => [o.channel, o.status, o.period])).toEqual([['email', 'sent', 'daily:2026-12-08'], ['webhook', 'sent', 'daily:2026-12-08']]);
        expect(smtp.mails).toHaveLength(1);
        expect(hook.hits).toHaveLength(1);
      } finally {
        await smtp.close();
        await hook.close();
      }
    } finally {
      await slow.close();
    }
  });

  it('a bad time zone is refused naming the setting; Send a test reports what happened', async () => {
    await expect(t.run(digestConfigure, { timeZone: 'Europe/Paaris' })).rejects.toThrow(/digest\.timeZone: not an IANA time zone .*"Europe\/Paaris"/);
    await t.run(digestConfigure, { email: { enabled: true, host: '127.0.0.1', port: 1, tls: 'none', to: 'me@example.org' } });
    const r = await t.run(digestTest, { channel: 'email' });
    expect(r).toEqual({ channel: 'email', ok: false, message: 'digest.email.host: nothing accepts mail at 127.0.0.1:1 (connection refused): check the host and port' });
  });

  it('secrets (SMTP password, webhook secret) are never in a backup or in settings', async () => {
    await t.run(digestConfigure, { frequency: 'daily', email: { user: 'me' }, smtpPassword: 'smtp-pa55', webhookSecret: 'hook-s3cret' });
    const backup = (await t.run(exportOp, { format: 'json' })).content;
    expect(JSON.parse(backup).settings.digest.frequency).toBe('daily');
    expect(backup).not.toContain('smtp-pa55');
    expect(backup).not.toContain('hook-s3cret');
    expect(backup).not.toContain('unsubscribe-token');
    expect(JSON.stringify(await t.run(settingsGet, {}))).not.toMatch(/smtp-pa55|hook-s3cret/);
  });
});
