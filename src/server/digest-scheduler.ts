import type { ChannelOutcome } from '../services/digest-send.ts';
import { deliverDigest } from '../services/digest-send.ts';
import type { ServiceContext } from '../services/operation.ts';

export interface DigestScheduler {
  // One look at the clock: sends what is due (tests call it with a frozen clock instead of waiting).
  tick(): Promise<ChannelOutcome[]>;
  stop(): void;
}

// `rapport serve` checks once a minute whether a digest is due; the state table, not this process, remembers what
// went out, so a restart neither skips nor repeats a send. A tick never overlaps the previous one.
export function startDigestScheduler(ctx: ServiceContext, o: { intervalMs?: number; report?: (outcome: ChannelOutcome) => void; timeoutMs?: number } = {}): DigestScheduler {
  let running: Promise<ChannelOutcome[]> | null = null;
  const tick = (): Promise<ChannelOutcome[]> => {
    running ??= deliverDigest(ctx, o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {})
      .then((outcomes) => {
        for (const outcome of outcomes) if (outcome.status === 'sent' || outcome.status === 'failed') o.report?.(outcome);
        return outcomes;
      })
      .finally(() => { running = null; });
    return running;
  };
  const report = (e: unknown) => process.stderr.write(`digest: ${e instanceof Error ? e.message : String(e)}\n`);
  const timer = o.intervalMs === 0 ? null : setInterval(() => { tick().catch(report); }, o.intervalMs ?? 60_000);
  timer?.unref();
  return { tick, stop: () => { if (timer) clearInterval(timer); } };
}
