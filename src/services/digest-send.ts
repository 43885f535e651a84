import type { Digest } from '../domain/digest.ts';
import { currentPeriod, retryDelayMs, type DigestPeriod } from '../domain/digest-schedule.ts';
import { DIGEST_CHANNELS, type DigestChannel, type DigestSettings } from '../domain/digest-settings.ts';
import { recordSend, sendState } from '../store/repositories/digest.repository.ts';
import { loadDigestSecrets, unsubscribeToken } from '../store/repositories/digest-secrets.repository.ts';
import { loadSettings } from '../store/repositories/settings.repository.ts';
import { buildDigest, DEFAULT_WEB_BASE } from './digest-build.ts';
import { ChannelError, sendOn } from './digest-channels.ts';
import type { ServiceContext } from './operation.ts';

export interface ChannelOutcome {
  channel: DigestChannel;
  // 'sent' now; 'failed' now (retried later); 'already-sent' this period; 'waiting' for its retry time.
  status: 'sent' | 'failed' | 'already-sent' | 'waiting';
  message: string;
  period: string | null;
  attempts: number;
  nextAttemptAt: string | null;
}

export const enabledChannels = (s: DigestSettings): DigestChannel[] => DIGEST_CHANNELS.filter((c) => s[c].enabled);

export async function unsubscribeUrl(ctx: ServiceContext, webBaseUrl: string | null): Promise<string> {
  const token = await unsubscribeToken(ctx.store);
  return `${(webBaseUrl ?? DEFAULT_WEB_BASE).replace(/\/+$/, '')}/digest/unsubscribe?token=${token}`;
}

export interface DeliverOptions {
  // Which channels (enabled ones unless told).
  channels?: readonly DigestChannel[];
  // For cron: send now whatever the hour, once per period; `force` sends again even if this period's went out.
  now?: boolean;
  force?: boolean;
  timeoutMs?: number;
}

// The period a send now belongs to: the scheduled one, or (for cron, or a digest set to off) today's daily period.
function periodFor(at: Date, s: DigestSettings, now: boolean): DigestPeriod | null {
  if (!now) return currentPeriod(at, s);
  if (s.frequency === 'off') return currentPeriod(at, { ...s, frequency: 'daily', hour: 0 });
  return currentPeriod(at, { ...s, hour: 0 });
}

// Sends the current period's digest on each channel that has not had it: the scheduler calls this every minute,
// `rapport digest --send` once. State is recorded per period and channel, so restarts and cron never send twice; a
// failure is recorded with its message and retried after a growing delay until the period ends.
export async function deliverDigest(ctx: ServiceContext, o: DeliverOptions = {}): Promise<ChannelOutcome[]> {
  const settings = await loadSettings(ctx.store);
  const at = ctx.clock.now();
  const period = periodFor(at, settings.digest, o.now ?? false);
  if (!period) return [];
  const channels = o.channels ?? enabledChannels(settings.digest);
  let digest: Digest | null = null;
  const outcomes: ChannelOutcome[] = [];
  for (const channel of channels) {
    const state = await sendState(ctx.store, period.key, channel);
    const base = { channel, period: period.key, attempts: state?.attempts ?? 0, nextAttemptAt: state?.nextAttemptAt ?? null };
    if (state?.status === 'sent' && !o.force) {
      outcomes.push({ ...base, status: 'already-sent', message: `already sent for ${period.key} at ${state.sentAt ?? state.lastAttemptAt}` });
      continue;
    }
    if (state?.status === 'failed' && state.nextAttemptAt && state.nextAttemptAt > at.toISOString() && !o.now) {
      outcomes.push({ ...base, status: 'waiting', message: `failed (${state.lastError ?? 'unknown'}); next try at ${state.nextAttemptAt}` });
      continue;
    }
    digest ??= await buildDigest(ctx, { day: period.day, weekly: settings.digest.frequency === 'weekly' });
    outcomes.push(await attempt(ctx, channel, digest, period.key, settings, state?.attempts ?? 0, o.timeoutMs));
  }
  return outcomes;
}

async function attempt(ctx: ServiceContext, channel: DigestChannel, digest: Digest, period: string, settings: Awaited<ReturnType<typeof loadSettings>>, before: number, timeoutMs?: number): Promise<ChannelOutcome> {
  const at = ctx.clock.now();
  const attempts = before + 1;
  try {
    const message = await sendOnce(ctx, channel, digest, period, settings, timeoutMs);
    await recordSend(ctx.store, { period, channel, status: 'sent', attempts, lastError: null, lastAttemptAt: at.toISOString(), nextAttemptAt: null, sentAt: at.toISOString() });
    return { channel, status: 'sent', message, period, attempts, nextAttemptAt: null };
  } catch (e) {
    if (!(e instanceof ChannelError)) throw e;
    const nextAttemptAt = new Date(at.getTime() + retryDelayMs(attempts)).toISOString();
    await recordSend(ctx.store, { period, channel, status: 'failed', attempts, lastError: e.message, lastAttemptAt: at.toISOString(), nextAttemptAt, sentAt: null });
    return { channel, status: 'failed', message: e.message, period, attempts, nextAttemptAt };
  }
}

export async function sendOnce(ctx: ServiceContext, channel: DigestChannel, digest: Digest, period: string | null, settings: Awaited<ReturnType<typeof loadSettings>>, timeoutMs?: number): Promise<string> {
  const secrets = await loadDigestSecrets(ctx.store);
  return sendOn(channel, digest, period, settings.digest, secrets, {
    unsubscribeUrl: await unsubscribeUrl(ctx, settings.webBaseUrl), ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
}
