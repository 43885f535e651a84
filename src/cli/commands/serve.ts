import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { RapportError } from '../../domain/errors.ts';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/hosts.ts';
import { packageVersion } from '../../server/package-info.ts';
import { WEB_BUILD_HINT, WEB_DIST, WEB_INDEX, webBuildIsStale } from '../../server/web-build.ts';
import { describeLocation } from '../../store/location.ts';
import type { CliRuntime } from '../runtime.ts';

interface ServeFlags { host: string; port: string; allowedHost: string[]; web: boolean; syncEvery: string }

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function portOf(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RapportError('invalid', `--port: not a port number: ${JSON.stringify(text)}`);
  return port;
}

// Serves the web app and the API until Ctrl-C; `npm start` is this command on the default database.
export async function serveCommand(rt: CliRuntime, flags: ServeFlags): Promise<void> {
  if (flags.web && !existsSync(WEB_INDEX)) {
    throw new RapportError('invalid', `the web app is not built (${WEB_DIST} is missing): ${WEB_BUILD_HINT}, or serve the API alone with --no-web`);
  }
  if (flags.web && webBuildIsStale()) process.stderr.write(`note: the web app's sources changed since ${WEB_DIST} was built; ${WEB_BUILD_HINT}\n`);
  const minutes = Number(flags.syncEvery);
  if (!Number.isFinite(minutes) || minutes < 0) throw new RapportError('invalid', `--sync-every: minutes between syncs of connected accounts, 0 for never (got ${JSON.stringify(flags.syncEvery)})`);
  // The server (Hono, argon2) loads only for this command.
  const { startServer, UnsafeBindError } = await import('../../server/serve.ts');
  const ctx = await rt.context();
  try {
    const server = await startServer({
      store: ctx.store, clock: ctx.clock, host: flags.host, port: portOf(flags.port), token: process.env.RAPPORT_TOKEN ?? null,
      allowedHosts: flags.allowedHost, webRoot: flags.web ? WEB_DIST : null, version: packageVersion(),
    });
    console.log(`Rapport is running at ${server.url}  (database: ${describeLocation(ctx.store.location)})`);
    console.log(`API docs: ${server.url}/api/docs   Calendar feed: ${server.url}/calendar.ics   Stop: Ctrl-C`);
    const timer = minutes > 0 ? (await import('../../services/sync/sync-timer.ts')).startSyncTimer(ctx, minutes * 60_000, (l) => process.stderr.write(`${l}\n`), () => server.rapport.cache?.clear()) : null;
    // The digest goes out on schedule while the server runs (Settings → Digest).
    const { startDigestScheduler } = await import('../../server/digest-scheduler.ts');
    const digest = startDigestScheduler(ctx, {
      report: (r) => process.stderr.write(`digest ${r.channel}: ${r.status === 'sent' ? r.message : `failed: ${r.message}; next try ${r.nextAttemptAt ?? '—'}`}\n`),
    });
    void digest.tick().catch((e: unknown) => process.stderr.write(`digest: ${e instanceof Error ? e.message : String(e)}\n`));
    await new Promise<void>((resolve) => {
      const stop = (): void => { digest.stop(); void server.close().finally(resolve); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    timer?.stop();
    // A background bridge ranking under way: its child process (server/bridges-child.ts) finishes on its own; one in
    // this process (an in-memory database) would keep it alive until its worker threads finish, so exit: its lock
    // is released with the process, and the next change starts it again.
    if (server.rapport.background?.busy) {
      await rt.close();
      process.exit(process.exitCode ?? 0);
    }
  } catch (e) {
    if (e instanceof UnsafeBindError) throw new RapportError('forbidden', e.message);
    if (e instanceof Error && 'code' in e && e.code === 'EADDRINUSE') throw new RapportError('conflict', `port ${flags.port} is already in use; try --port ${Number(flags.port) + 1}`);
    throw e;
  }
}

export function registerServeCommand(program: Command, rt: CliRuntime): void {
  program.command('serve')
    .description('serve the web app and HTTP API (on 127.0.0.1 unless told; other addresses need a password or RAPPORT_TOKEN)')
    .option('--host <address>', 'address to listen on', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on ($PORT)', process.env.PORT ?? String(DEFAULT_PORT))
    .option('--allowed-host <name>', 'another name this server is reached by (a reverse proxy\'s), repeatable', collect, [])
    .option('--no-web', 'serve the API alone')
    .option('--sync-every <minutes>', 'sync connected accounts (`rapport sync`) every so many minutes; 0 never', '15')
    .action((flags: ServeFlags) => serveCommand(rt, flags));
}
