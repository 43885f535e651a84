import { RapportError } from '../../domain/errors.ts';
import { runOperation, type ServiceContext } from '../operation.ts';
import { syncRun } from './accounts.service.ts';

// `rapport serve` syncs every account that is not paused on an interval. A run never overlaps the last one; what
// each account did (or why it failed) is kept on the account, and a failure is also written to the log.
// `onWrite` runs after every sync, whatever it found: the server's read cache is cleared by it, since writes made
// in the server's own process do not show in SQLite's data_version (the cache's check for other processes' writes),
// and every run at least records its result on the account.
export function startSyncTimer(ctx: ServiceContext, everyMs: number, log: (line: string) => void, onWrite: () => void = () => {}): { stop(): void; tick(): Promise<void> } {
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
      onWrite();
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
