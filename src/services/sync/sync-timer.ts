import { RapportError } from '../../domain/errors.ts';
import { runOperation, type ServiceContext } from '../operation.ts';
import { syncRun } from './accounts.service.ts';

// `rapport serve` syncs every account that is not paused on an interval. A run never overlaps the last one; what
// each account did (or why it failed) is kept on the account, and a failure is also written to the log.
export function startSyncTimer(ctx: ServiceContext, everyMs: number, log: (line: string) => void): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const a of await runOperation(ctx, syncRun, {})) if (a.error) log(`sync: ${a.error}`);
    } catch (e) {
      log(`sync: ${e instanceof RapportError ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
