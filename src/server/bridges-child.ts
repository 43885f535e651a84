// How `rapport serve` computes the exact bridges after a change (docs/bridges.md): it starts the same detached,
// low-priority `rapport bridges --background` the CLI starts (cli/background.ts) and waits for it to exit. Reading
// 300,000 links, Louvain and constraint then run in that process, not on the server's event loop, which at 30,000
// contacts they held for about a second. The job row is the lock, as for the CLI: a request while the child works
// makes it go round again, and a child still at work when the server stops simply finishes.
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { requestBridgeWork } from '../services/bridges-background.ts';
import type { ServiceContext } from '../services/operation.ts';
import { loadBridgeJob } from '../store/repositories/bridge-rankings.repository.ts';
import { PACKAGE_ROOT } from './package-info.ts';

const LOW_PRIORITY = 19;

// Whether another process can open this store: a file or a PostgreSQL URL in the workspace the CLI opens.
export function childCanOpen(ctx: ServiceContext): boolean {
  return ctx.store.location !== ':memory:' && ctx.store.location !== '' && ctx.store.workspaceId === 1;
}

export interface ChildRunOptions {
  // Called once the child is started (tests use it to show the server answering meanwhile).
  onStart?: (child: ChildProcess) => void;
  // Called after the child exits having done its work (the server clears its read cache).
  onDone?: () => void;
}

// One round: asks for a ranking and, unless another process is already at work (it then goes round again), starts
// the child and resolves when it exits. A failure names the child's own error, which it also keeps in the job row.
export async function rankInChild(ctx: ServiceContext, options: ChildRunOptions = {}): Promise<void> {
  if (!(await requestBridgeWork(ctx))) return;
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'rapport.js'), 'bridges', '--background'], {
    // Its own process group: Ctrl-C on the server does not stop it halfway.
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, RAPPORT_DB: ctx.store.location },
    windowsHide: true,
  });
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, LOW_PRIORITY);
    } catch { /* the child lowers its own priority as well (bridges --background) */ }
  }
  // The server may stop while it runs: the child then finishes on its own.
  child.unref();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', (e) => reject(new Error(`cannot start the background bridge ranking (${process.execPath} bin/rapport.js bridges --background): ${e.message}`, { cause: e })));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  options.onStart?.(child);
  const { code, signal } = await exited;
  if (code !== 0) {
    const recorded = (await loadBridgeJob(ctx.store))?.lastError;
    throw new Error(`the background bridge ranking (rapport bridges --background, pid ${child.pid}) ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}${recorded ? `: ${recorded}` : ''}`);
  }
  options.onDone?.();
}
