import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DIGEST_SECTIONS, digestText } from '../domain/digest.ts';
import { nextSendAt } from '../domain/digest-schedule.ts';
import { DIGEST_CHANNELS, digestSettingsSchema, type DigestSettings } from '../domain/digest-settings.ts';
import { RapportError } from '../domain/errors.ts';
import { settingsSchema } from '../domain/settings.ts';
import { isoDay } from '../domain/dates.ts';
import { latestSends } from '../store/repositories/digest.repository.ts';
import { loadDigestSecrets, saveDigestSecret, unsubscribeToken } from '../store/repositories/digest-secrets.repository.ts';
import { loadSettings, saveSettingValue } from '../store/repositories/settings.repository.ts';
import type { Store } from '../store/store.ts';
import { buildDigest } from './digest-build.ts';
import { ChannelError } from './digest-channels.ts';
import { sendOnce } from './digest-send.ts';
import { defineOperation, invalidInput } from './operation.ts';

const entryOutput = z.object({
  who: z.string().nullable(), what: z.string(), when: z.string().nullable(), link: z.string(),
  draft: z.object({ subject: z.string(), text: z.string() }).nullable(),
});
export const digestOutput = z.object({
  day: z.string(), title: z.string(), link: z.string(), count: z.number().int(),
  sections: z.array(z.object({ key: z.enum(DIGEST_SECTIONS), title: z.string(), total: z.number().int(), entries: z.array(entryOutput) })),
});

export const digestShow = defineOperation({
  name: 'digest.show',
  summary: 'The digest as it would be sent now (or for a day): follow-ups, keep in touch, dates coming up, actions, events this week, with links and drafts',
  effect: 'read',
  input: z.object({ day: isoDay.optional(), weekly: z.boolean().optional() }),
  output: digestOutput.extend({ text: z.string() }),
  http: { method: 'post', path: '/digest/preview' },
  run: async (ctx, { day, weekly }) => {
    const digest = await buildDigest(ctx, { ...(day ? { day } : {}), ...(weekly !== undefined ? { weekly } : {}) });
    return { ...digest, text: digestText(digest) };
  },
});

const sendStateOutput = z.object({
  channel: z.string(), period: z.string(), status: z.enum(['sent', 'failed']), attempts: z.number().int(), lastError: z.string().nullable(),
  lastAttemptAt: z.string(), nextAttemptAt: z.string().nullable(), sentAt: z.string().nullable(),
});
const statusOutput = z.object({
  digest: digestSettingsSchema,
  webBaseUrl: z.string().nullable(),
  // Whether a secret is stored; never the secret itself.
  smtpPasswordSet: z.boolean(),
  webhookSecretSet: z.boolean(),
  nextSendAt: z.string().nullable(),
  channels: z.array(sendStateOutput),
});

async function statusOf(store: Store, now: Date): Promise<z.output<typeof statusOutput>> {
  const [settings, secrets, sends] = await Promise.all([loadSettings(store), loadDigestSecrets(store), latestSends(store)]);
  const next = nextSendAt(now, settings.digest);
  return {
    digest: settings.digest, webBaseUrl: settings.webBaseUrl, smtpPasswordSet: secrets.smtpPassword !== null, webhookSecretSet: secrets.webhookSecret !== null,
    nextSendAt: next ? next.toISOString() : null, channels: sends,
  };
}

export const digestStatus = defineOperation({
  name: 'digest.status',
  summary: "The digest's schedule and channels, when it next goes out, and each channel's last send (with its error if it failed)",
  effect: 'read',
  input: z.object({}),
  output: statusOutput,
  http: { method: 'get', path: '/digest' },
  run: async ({ store, clock }) => statusOf(store, clock.now()),
});

// Each part of the digest's settings may be given alone; the rest keep their value.
const configureInput = z.object({
  frequency: z.enum(['off', 'daily', 'weekly']).optional(),
  hour: z.number().int().optional(),
  weekday: z.string().optional(),
  timeZone: z.string().optional(),
  email: z.record(z.string(), z.unknown()).optional(),
  webhook: z.record(z.string(), z.unknown()).optional(),
  ntfy: z.record(z.string(), z.unknown()).optional(),
  webBaseUrl: z.string().nullable().optional(),
  // null removes a stored secret; absent leaves it.
  smtpPassword: z.string().max(1000).nullable().optional(),
  webhookSecret: z.string().max(1000).nullable().optional(),
});

export const digestConfigure = defineOperation({
  name: 'digest.configure',
  summary: 'Set when the digest goes out (daily or weekly, hour, IANA time zone) and its channels (email, webhook, ntfy); secrets are stored apart and never exported',
  effect: 'write',
  // Secrets must not be copied into the undo journal.
  journal: 'none',
  input: configureInput,
  output: statusOutput,
  http: { method: 'patch', path: '/digest' },
  run: async ({ store, clock }, { smtpPassword, webhookSecret, webBaseUrl, ...patch }) => {
    const settings = await loadSettings(store);
    const before = settings.digest;
    const merged = {
      ...before, ...Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && !['email', 'webhook', 'ntfy'].includes(k))),
      email: { ...before.email, ...patch.email }, webhook: { ...before.webhook, ...patch.webhook }, ntfy: { ...before.ntfy, ...patch.ntfy },
    };
    const parsed = digestSettingsSchema.safeParse(merged);
    if (!parsed.success) {
      const prefixed = new z.ZodError(parsed.error.issues.map((i) => ({ ...i, path: ['digest', ...i.path] })));
      throw invalidInput(prefixed, 'digest.configure', { digest: merged });
    }
    await saveSettingValue(store, 'digest', parsed.data satisfies DigestSettings);
    if (webBaseUrl !== undefined) {
      const checked = settingsSchema.shape.webBaseUrl.safeParse(webBaseUrl === '' ? null : webBaseUrl);
      if (!checked.success) throw invalidInput(new z.ZodError(checked.error.issues.map((i) => ({ ...i, path: ['webBaseUrl'] }))), 'digest.configure', { webBaseUrl });
      await saveSettingValue(store, 'webBaseUrl', checked.data);
    }
    if (smtpPassword !== undefined) await saveDigestSecret(store, 'smtpPassword', smtpPassword || null);
    if (webhookSecret !== undefined) await saveDigestSecret(store, 'webhookSecret', webhookSecret || null);
    await unsubscribeToken(store);
    return statusOf(store, clock.now());
  },
});

export const digestTest = defineOperation({
  name: 'digest.test',
  summary: "Send a test digest (today's, as it stands) on one channel now, whatever the schedule; says what happened or what to fix",
  effect: 'read',
  input: z.object({ channel: z.enum(DIGEST_CHANNELS) }),
  output: z.object({ channel: z.enum(DIGEST_CHANNELS), ok: z.boolean(), message: z.string() }),
  http: { method: 'post', path: '/digest/test' },
  run: async (ctx, { channel }) => {
    const settings = await loadSettings(ctx.store);
    const digest = await buildDigest(ctx);
    const test = { ...digest, title: `[test] ${digest.title}` };
    try {
      return { channel, ok: true, message: await sendOnce(ctx, channel, test, null, settings) };
    } catch (e) {
      if (e instanceof ChannelError) return { channel, ok: false, message: e.message };
      throw e;
    }
  },
});

// The email's unsubscribe link (RFC 8058 one-click, or a click in the footer): turns the email channel off. The
// token is the credential, so it runs without a session; a wrong token changes nothing.
export async function unsubscribeEmail(store: Store, token: string): Promise<boolean> {
  const expected = (await loadDigestSecrets(store)).unsubscribeToken;
  if (!expected || expected.length !== token.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(token))) {
    throw new RapportError('not_found', 'this unsubscribe link is not valid (or no longer): change the digest in Settings → Digest');
  }
  const settings = await loadSettings(store);
  if (!settings.digest.email.enabled) return false;
  await saveSettingValue(store, 'digest', { ...settings.digest, email: { ...settings.digest.email, enabled: false } });
  return true;
}
