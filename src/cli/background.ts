// After a command that changed contacts or links, the CLI starts `rapport bridges --background`: a detached,
// low-priority process that ranks the bridges exactly and keeps the result, so the next report shows it
// (docs/bridges.md). It never delays the command: the child is started and let go. One runs at a time
// (bridges_rankings_job is the lock; a request while one runs makes that one go round again).
// RAPPORT_NO_BACKGROUND=1 (the test suite sets it) or RAPPORT_BACKGROUND=off turns it off; RAPPORT_BACKGROUND=wait
// runs the child attached and waits for it (the benchmark and the tests that check the background itself).
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../server/package-info.ts';
import type { ServiceContext } from '../services/operation.ts';

export type BackgroundMode = 'detached' | 'wait' | 'off';

export function backgroundMode(env: NodeJS.ProcessEnv = process.env): BackgroundMode {
  if (env.RAPPORT_NO_BACKGROUND === '1' || env.RAPPORT_BACKGROUND === 'off') return 'off';
  return env.RAPPORT_BACKGROUND === 'wait' ? 'wait' : 'detached';
}

// The lowest priority there is: the user's own commands always come first.
const LOW_PRIORITY = 19;

// Asks for a background ranking and starts the process that computes it, unless one is already at work.
// Returns the child when one was started (waited for in 'wait' mode).
export async function startBackgroundBridges(ctx: ServiceContext, mode: BackgroundMode): Promise<ChildProcess | null> {
  if (mode === 'off' || ctx.store.location === ':memory:') return null;
  const { requestBridgeWork } = await import('../services/bridges-background.ts');
  if (!(await requestBridgeWork(ctx))) return null;
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'rapport.js'), 'bridges', '--background'], {
    detached: mode === 'detached',
    stdio: mode === 'wait' ? ['ignore', 'ignore', 'inherit'] : 'ignore',
    env: { ...process.env, RAPPORT_DB: ctx.store.location },
    windowsHide: true,
  });
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, LOW_PRIORITY);
    } catch { /* the child lowers its own priority as well (bridges --background) */ }
  }
  if (mode === 'detached') {
    // A failure to start is the child's alone: the command that asked has done its work.
    child.once('error', () => {});
    child.unref();
    return child;
  }
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the background bridge ranking exited with code ${code}`))));
  });
  return child;
}

// In the child: every thread it starts (Brandes' workers) inherits this priority.
export function lowerOwnPriority(): void {
  try {
    setPriority(LOW_PRIORITY);
  } catch { /* not permitted here: it runs at normal priority */ }
}
