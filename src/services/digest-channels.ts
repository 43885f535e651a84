import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import { digestHtml, digestPush, digestText, type Digest } from '../domain/digest.ts';
import type { DigestChannel, DigestSettings } from '../domain/digest-settings.ts';

export interface ChannelSecrets { smtpPassword: string | null; webhookSecret: string | null }
export interface SendOptions { unsubscribeUrl: string; timeoutMs?: number }

// A send that failed, with a message naming the setting to look at ("digest.email.host: …"), shown in Settings and
// by `rapport digest`; the period's state records it and the next attempt retries.
export class ChannelError extends Error {
  constructor(readonly channel: DigestChannel, message: string) {
    super(message);
    this.name = 'ChannelError';
  }
}

export const SIGNATURE_HEADER = 'X-Rapport-Signature';
const DEFAULT_TIMEOUT_MS = 15_000;

// sha256=<hex HMAC of the exact body>: the receiver recomputes it with the shared secret (as GitHub's webhooks do).
export const signBody = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function codeOf(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; cause?: { code?: unknown } };
    if (typeof o.code === 'string') return o.code;
    if (o.cause && typeof o.cause.code === 'string') return o.cause.code;
  }
  return '';
}
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function emailFailure(e: unknown, s: DigestSettings['email']): ChannelError {
  const where = `${s.host}:${s.port}`;
  // nodemailer wraps socket errors (code ESOCKET / ECONNECTION) and keeps the system's code in the message.
  const system = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT)\b/.exec(messageOf(e))?.[1];
  const code = system ?? codeOf(e);
  const response = (e as { response?: unknown }).response;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ChannelError('email', `digest.email.host: no such host ${JSON.stringify(s.host)} (${code})`);
  if (code === 'ECONNREFUSED') return new ChannelError('email', `digest.email.host: nothing accepts mail at ${where} (connection refused): check the host and port`);
  if (code === 'ETIMEDOUT' || code === 'ETIMEOUT') return new ChannelError('email', `digest.email.host: no answer from ${where} (timed out)`);
  if (code === 'EAUTH') return new ChannelError('email', `digest.email.user: the SMTP server at ${where} refused the login: ${typeof response === 'string' ? response : messageOf(e)}`);
  if (code === 'ETLS' || /certificate|TLS|SSL/i.test(messageOf(e))) {
    return new ChannelError('email', `digest.email.tls: TLS with ${where} failed: ${messageOf(e)} (check digest.email.tls and digest.email.verifyCertificate)`);
  }
  if (typeof response === 'string') return new ChannelError('email', `digest.email: the SMTP server at ${where} refused the message: ${response}`);
  return new ChannelError('email', `digest.email: sending through ${where} failed: ${messageOf(e)}`);
}

async function sendEmail(digest: Digest, s: DigestSettings['email'], secrets: ChannelSecrets, o: SendOptions): Promise<string> {
  if (!s.host) throw new ChannelError('email', 'digest.email.host: no SMTP server set (Settings → Digest, or rapport digest configure --smtp-host)');
  if (!s.to) throw new ChannelError('email', 'digest.email.to: no address to send the digest to');
  const timeout = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    host: s.host, port: s.port, secure: s.tls === 'tls', requireTLS: s.tls === 'starttls', ignoreTLS: s.tls === 'none',
    ...(s.user ? { auth: { user: s.user, pass: secrets.smtpPassword ?? '' } } : {}),
    tls: { rejectUnauthorized: s.verifyCertificate },
    connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout,
  });
  try {
    const info = await transport.sendMail({
      from: s.from ?? s.to, to: s.to, subject: digest.title,
      text: digestText(digest, o.unsubscribeUrl), html: digestHtml(digest, o.unsubscribeUrl),
      // RFC 8058: a mail client's "Unsubscribe" button POSTs to this URL with no further step.
      headers: { 'List-Unsubscribe': `<${o.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    return `emailed to ${s.to} (${String(info.messageId)})`;
  } catch (e) {
    throw emailFailure(e, s);
  } finally {
    transport.close();
  }
}

async function post(channel: 'webhook' | 'ntfy', url: string, init: { headers: Record<string, string>; body: string }, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (e) {
    const code = codeOf(e);
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
      throw new ChannelError(channel, `digest.${channel}.url: no answer from ${url} within ${Math.round(timeoutMs / 100) / 10} s`);
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new ChannelError(channel, `digest.${channel}.url: no such host in ${url} (${code})`);
    if (code === 'ECONNREFUSED') throw new ChannelError(channel, `digest.${channel}.url: nothing listens at ${url} (connection refused)`);
    throw new ChannelError(channel, `digest.${channel}.url: posting to ${url} failed: ${messageOf((e as { cause?: unknown }).cause ?? e)}`);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new ChannelError(channel, `digest.${channel}.url: ${url} answered ${res.status} ${res.statusText}${text ? `: ${text.slice(0, 200)}` : ''}`);
}

async function sendWebhook(digest: Digest, period: string | null, s: DigestSettings['webhook'], secrets: ChannelSecrets, o: SendOptions): Promise<string> {
  if (!s.url) throw new ChannelError('webhook', 'digest.webhook.url: no address set to post the digest to');
  const body = JSON.stringify({ type: 'rapport.digest', period, digest });
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Rapport digest' };
  if (secrets.webhookSecret) headers[SIGNATURE_HEADER] = signBody(secrets.webhookSecret, body);
  await post('webhook', s.url, { headers, body }, o.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return `posted to ${s.url}${secrets.webhookSecret ? ' (signed)' : ''}`;
}

// ntfy's publish API: the body is the message, Title and Click are headers (https://docs.ntfy.sh/publish/).
async function sendNtfy(digest: Digest, s: DigestSettings['ntfy'], o: SendOptions): Promise<string> {
  if (!s.url) throw new ChannelError('ntfy', 'digest.ntfy.url: no topic address set (e.g. https://ntfy.sh/your-topic)');
  // HTTP headers carry Latin-1 only: anything else in the title is replaced.
  const title = digest.title.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  await post('ntfy', s.url, { headers: { Title: title, Click: digest.link, Tags: 'calendar', 'Content-Type': 'text/plain; charset=utf-8' }, body: digestPush(digest) }, o.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return `pushed to ${s.url}`;
}

export async function sendOn(channel: DigestChannel, digest: Digest, period: string | null, settings: DigestSettings, secrets: ChannelSecrets, o: SendOptions): Promise<string> {
  switch (channel) {
    case 'email': return sendEmail(digest, settings.email, secrets, o);
    case 'webhook': return sendWebhook(digest, period, settings.webhook, secrets, o);
    case 'ntfy': return sendNtfy(digest, settings.ntfy, o);
  }
}
